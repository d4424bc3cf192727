/**
 * Five must-attends (五必到), checks (督查) and alerts (预警): kinds, labels, record shapes
 * and the pure evaluation-cap rule. Pure: no node:*, no DOM.
 *
 * Checks are records the clerk enters from inspection reports; OneBag has no check-in,
 * GPS or photo feature (see docs/domain.md, "Don't add burden").
 */
import type { CheckAbsenceThresholds } from './attendance';
import { SCHEDULING_ALERT_KINDS } from './scheduling';
import { PLAN_ALERT_KINDS, WORK_ALERT_KINDS, type WorkAlertLink } from './work';

// ───────────────────────────── five must-attends ─────────────────────────────

/** 五必到: 重要会议、重点工作、难点问题、重大纠纷、突发事件 (source wording, in this order). */
export const EVENT_KINDS = ['重要会议', '重点工作', '难点问题', '重大纠纷', '突发事件'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export interface EventSummary {
  id: number;
  townshipId: number;
  township: string;
  kind: EventKind;
  title: string;
  date: string;
  place: string;
  expected: number;
  present: number;
  absent: number;
  /** Expected cadres not yet marked 到 or 缺. */
  unmarked: number;
  /** Names of the absent, joined with 、 (empty when none). */
  absentNames: string;
}

export interface ExpectedCadre {
  cadreId: number;
  name: string;
  postType: string;
  village: string | null;
  /** true 到, false 缺, null not yet marked. */
  present: boolean | null;
  absenceReason: string | null;
}

export interface EventDetail extends Omit<EventSummary, 'expected' | 'present' | 'absent' | 'unmarked' | 'absentNames'> {
  notes: string | null;
  expected: ExpectedCadre[];
}

// ───────────────────────────── checks ─────────────────────────────

export const CHECK_LEVELS = ['乡镇', '县级', '市级'] as const;
export type CheckLevel = (typeof CHECK_LEVELS)[number];

/** 乡镇每月检查; 县每月抽查; 市领导不打招呼、直接进村; phone checks; the supervision office. */
export const CHECK_KINDS = ['乡镇月检', '县级抽查', '市级暗访', '电话查岗', '督查室'] as const;
export type CheckKind = (typeof CHECK_KINDS)[number];

/** The level a kind implies; null = any level may use it (phone checks, supervision office). */
export const CHECK_KIND_LEVEL: Record<CheckKind, CheckLevel | null> = {
  乡镇月检: '乡镇',
  县级抽查: '县级',
  市级暗访: '市级',
  电话查岗: null,
  督查室: null,
};

/** The level to preselect for a kind. */
export const defaultLevelOf = (kind: CheckKind): CheckLevel => CHECK_KIND_LEVEL[kind] ?? '县级';

export interface CheckSummary {
  id: number;
  townshipId: number;
  township: string;
  level: CheckLevel;
  kind: CheckKind;
  date: string;
  checker: string;
  findings: string | null;
  checked: number;
  notOnPost: number;
  /** Names of those found not on post, joined with 、. */
  notOnPostNames: string;
}

export interface CheckedCadre {
  cadreId: number;
  name: string;
  postType: string;
  village: string | null;
  onPost: boolean;
  reason: string | null;
}

export interface CheckDetail extends Omit<CheckSummary, 'checked' | 'notOnPost' | 'notOnPostNames'> {
  results: CheckedCadre[];
}

/** A cadre who may be listed for a township on a date, with this year's absences. */
export interface Candidate {
  cadreId: number;
  name: string;
  postType: string;
  village: string | null;
  /** Found not on post at checks in the date's year (the record being edited excluded). */
  checkAbsences: number;
  /** Absent at five-must events in the date's year (the record being edited excluded). */
  eventAbsences: number;
}

// ───────────────────────────── evaluation cap ─────────────────────────────

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

// ───────────────────────────── alerts ─────────────────────────────

/**
 * Every kind the alerts view and `onebag alerts` list, in their order: attendance, five
 * must-attends and checks (main/core/events/alerts.ts), then 报告逾期 (main/core/worklog/alerts.ts),
 * then the work kinds (main/core/work/alerts.ts); main/core/alerts/all.ts merges the three.
 */
export const ALERT_KINDS = [
  '月在岗不足',
  '考勤逾期未认定',
  '考勤登记不实',
  '五必到缺席',
  '督查不在岗',
  '请假越权审批',
  '报告逾期',
  ...WORK_ALERT_KINDS,
  ...SCHEDULING_ALERT_KINDS,
  ...PLAN_ALERT_KINDS,
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export type AlertSeverity = 'high' | 'medium';
export const SEVERITY_LABELS: Record<AlertSeverity, string> = { high: '严重', medium: '一般' };

/** The record an alert comes from. */
export type AlertLink =
  | { view: 'attendance'; townshipId: number; month: string }
  | { view: 'events'; eventId: number }
  | { view: 'events'; checkId: number }
  /** The register cross-checks (登记核查) of a year. */
  | { view: 'verifications'; year: number }
  /** The checks of a month (a township or county month without its check). */
  | { view: 'events'; month: string; townshipId?: number }
  /** A leave request; the township month holding its first day opens it. */
  | { view: 'attendance-leave'; leaveId: number; townshipId: number; month: string }
  /** A cadre's overdue quarterly report or half-year summary. */
  | { view: 'worklog'; cadreId: number; tab: 'reports' }
  /** A project, weak village or support record (项目与帮扶). */
  | WorkAlertLink;

export interface Alert {
  kind: AlertKind;
  severity: AlertSeverity;
  cadreId?: number;
  cadreName?: string;
  townshipId: number;
  township: string;
  /** 'YYYY-MM' for month alerts (under minimum, uncertified). */
  month?: string;
  /** ISO date for dated records (events, checks, leave start). */
  date?: string;
  /** Who, what, how much — in Chinese. */
  message: string;
  link: AlertLink;
}
