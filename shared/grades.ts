/**
 * The four evaluation grades (优秀/称职/基本称职/不称职) and the cap that checks found not on
 * post put on them (差异化考核). Pure: no node:*, no DOM.
 */
import type { CheckAbsenceThresholds } from './attendance';

export const GRADES = ['优秀', '称职', '基本称职', '不称职'] as const;
export type Grade = (typeof GRADES)[number];

export interface GradeCap {
  /** The best grade the year's check absences still allow. */
  maxGrade: Grade;
  /** In Chinese, for the evaluator and the clerk. */
  reason: string;
}

/**
 * RULE (差异化考核, county settings): found not on post at checks `count` times in a year →
 * ≥ incompetentAt: 不称职; ≥ maxBasicAt: at most 基本称职; ≥ noExcellentAt: not 优秀 (at most
 * 称职); otherwise no cap. Thresholds default to 1 / 2 / 3.
 */
export function capFromCheckAbsences(count: number, t: CheckAbsenceThresholds): GradeCap {
  const n = Math.max(0, Math.floor(count));
  if (n >= t.incompetentAt) {
    return { maxGrade: '不称职', reason: `本年度督查${n}次不在岗（达到${t.incompetentAt}次），评定为不称职` };
  }
  if (n >= t.maxBasicAt) {
    return { maxGrade: '基本称职', reason: `本年度督查${n}次不在岗（达到${t.maxBasicAt}次），最高评定为基本称职` };
  }
  if (n >= t.noExcellentAt) {
    return { maxGrade: '称职', reason: `本年度督查${n}次不在岗（达到${t.noExcellentAt}次），不得评为优秀` };
  }
  return { maxGrade: '优秀', reason: n === 0 ? '本年度督查未发现不在岗' : `本年度督查${n}次不在岗，未达到限制评定等次的次数` };
}

/** Short form for tables: 不限 / 不得评优 / 最高基本称职 / 不称职. */
export function capLabel(cap: GradeCap): string {
  if (cap.maxGrade === '优秀') return '不限';
  if (cap.maxGrade === '称职') return '不得评优';
  if (cap.maxGrade === '基本称职') return '最高基本称职';
  return '不称职';
}
