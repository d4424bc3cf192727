/**
 * Grades of a county: caps from the records first, then the 优秀 quota per group, then ranks.
 * Pure; the store feeds it (main/core/evaluation/results.ts). Rules: see shared/evaluation.ts.
 */
import type { CheckAbsenceThresholds } from '../attendance';
import type { PostType } from '../domain';
import {
  GRADES,
  QUOTA_GROUP_LABELS,
  QUOTA_ROUNDING_LABELS,
  type AppliedCap,
  type Ballots,
  type CapFacts,
  type CapRules,
  type Grade,
  type QuotaGroupInfo,
  type QuotaRounding,
  type SchemeBody,
} from '../evaluation';
import { capFromCheckAbsences } from '../grades';
import { formatHundredths } from './exact';
import { gradeOf, scoreCadre } from './scoring';

export interface EngineCadre {
  cadreId: number;
  postType: PostType;
  /** Quota group key and its label (e.g. township id and name). */
  group: string;
  groupLabel: string;
  values: Record<string, number>;
  ballots: Record<string, Ballots>;
  facts: CapFacts;
}

export interface EngineRow {
  cadreId: number;
  components: Record<string, number | null>;
  total: number | null;
  scoreGrade: Grade | null;
  grade: Grade | null;
  rank: number | null;
  caps: AppliedCap[];
  quotaNote: string | null;
  groupNote: string | null;
  missing: string[];
}

/** A quota group as the engine computes it: the note is always given (null when the group has slots). */
export type EngineGroup = Omit<QuotaGroupInfo, 'note'> & { note: string | null };

export const QUOTA_TIE_RULE = '并列时同分者一并计入，超出名额则同分者均不评为优秀';

const worse = (a: Grade, b: Grade): Grade => (GRADES.indexOf(a) >= GRADES.indexOf(b) ? a : b);

const limitText = (g: Grade) => (g === '称职' ? '不得评为优秀' : g === '不称职' ? '评定为不称职' : `最高评定为${g}`);

/** The caps that actually limit the grade (best allowed worse than 优秀), with reasons. */
export function capsFor(f: CapFacts, rules: CapRules, check: CheckAbsenceThresholds): AppliedCap[] {
  const caps: AppliedCap[] = [];
  if (rules.checkAbsences.enabled) {
    const c = capFromCheckAbsences(f.checkAbsences, check);
    if (c.maxGrade !== '优秀') caps.push({ kind: 'checkAbsences', maxGrade: c.maxGrade, reason: c.reason });
  }
  const m = rules.monthsShort;
  if (m.enabled && f.monthsShort >= m.atLeast && m.maxGrade !== '优秀') {
    caps.push({
      kind: 'monthsShort',
      maxGrade: m.maxGrade,
      reason: `本年度${f.monthsShort}个月在岗天数不足（达到${m.atLeast}个月），${limitText(m.maxGrade)}`,
    });
  }
  if (rules.noProject.enabled && f.projects === 0 && rules.noProject.maxGrade !== '优秀') {
    caps.push({
      kind: 'noProject',
      maxGrade: rules.noProject.maxGrade,
      reason: `本年度无实施项目，${limitText(rules.noProject.maxGrade)}`,
    });
  }
  const w = rules.weakMilestone;
  if (w.enabled && f.missedMilestones > 0 && w.maxGrade !== '优秀') {
    caps.push({
      kind: 'weakMilestone',
      maxGrade: w.maxGrade,
      reason: `帮扶的集体经济薄弱村有${f.missedMilestones}个摘帽节点未按期完成，${limitText(w.maxGrade)}`,
    });
  }
  return caps;
}

type QuotaRule = Pick<SchemeBody, 'excellentQuota'> & Partial<Pick<SchemeBody, 'quotaRounding' | 'quotaMinGroupSize' | 'quotaGroup'>>;
const roundingOf = (r: QuotaRule): QuotaRounding => r.quotaRounding ?? 'floor';
const minGroupOf = (r: QuotaRule): number => Math.max(1, r.quotaMinGroupSize ?? 1);

/**
 * size × percent ÷ 100 rounded (default down), computed on integers (percent to 2 decimals);
 * 0 when the group is smaller than minGroup.
 */
export function quotaSlots(size: number, percent: number, rounding: QuotaRounding = 'floor', minGroup = 1): number {
  if (size < Math.max(1, minGroup)) return 0;
  const scaled = size * Math.round(percent * 100);
  const n =
    rounding === 'ceil'
      ? Math.ceil(scaled / 10000)
      : rounding === 'round'
        ? Math.floor((scaled + 5000) / 10000)
        : Math.floor(scaled / 10000);
  return Math.max(0, n);
}

/** The scheme's quota rule in words, as the results and the printed form state it. */
export function quotaRuleText(r: QuotaRule, opts: { tieRule?: boolean } = {}): string {
  const min = minGroupOf(r);
  const group = r.quotaGroup ? `${QUOTA_GROUP_LABELS[r.quotaGroup]}分配，` : '';
  return `本县考核方案规定：优秀名额${group}名额 = 参评人数 × ${r.excellentQuota}%，${QUOTA_ROUNDING_LABELS[roundingOf(r)]}${
    min > 1 ? `；参评不足${min}人的组不评优秀` : ''
  }${opts.tieRule === false ? '' : `；${QUOTA_TIE_RULE}`}`;
}

/** Why a group gets no 优秀 slot, or null when it has one. */
function noSlotNote(r: QuotaRule, label: string, size: number, slots: number): string | null {
  if (slots > 0) return null;
  const min = minGroupOf(r);
  if (size < min) return `${label}参评${size}人，不足本县考核方案规定的${min}人，本组不评优秀`;
  return `${label}参评${size}人，优秀比例${r.excellentQuota}%，${QUOTA_ROUNDING_LABELS[roundingOf(r)]}后名额为0名，本组不评优秀`;
}

export function evaluateCounty(
  body: SchemeBody,
  cadres: EngineCadre[],
  check: CheckAbsenceThresholds,
): { rows: EngineRow[]; groups: EngineGroup[] } {
  const rows: EngineRow[] = [];
  const byGroup = new Map<string, { label: string; rows: EngineRow[] }>();
  for (const c of cadres) {
    const s = scoreCadre(body, c.postType, c.values, c.ballots);
    const caps = capsFor(c.facts, body.caps, check);
    const scoreGrade = s.total === null ? null : gradeOf(s.total, body.thresholds);
    const grade = scoreGrade === null ? null : caps.reduce<Grade>((g, cap) => worse(g, cap.maxGrade), scoreGrade);
    const row: EngineRow = {
      cadreId: c.cadreId,
      components: s.components,
      total: s.total,
      scoreGrade,
      grade,
      rank: null,
      caps,
      quotaNote: null,
      groupNote: null,
      missing: s.missing,
    };
    rows.push(row);
    const g = byGroup.get(c.group) ?? { label: c.groupLabel, rows: [] };
    g.rows.push(row);
    byGroup.set(c.group, g);
  }
  const groups: EngineGroup[] = [];
  for (const [key, g] of byGroup) {
    const ranked = g.rows.filter((r) => r.total !== null).sort((a, b) => b.total! - a.total!);
    let prev: EngineRow | null = null;
    ranked.forEach((r, i) => {
      r.rank = prev && prev.total === r.total ? prev.rank : i + 1;
      prev = r;
    });
    const slots = quotaSlots(g.rows.length, body.excellentQuota, roundingOf(body), minGroupOf(body));
    const note = noSlotNote(body, g.label, g.rows.length, slots);
    for (const r of g.rows) r.groupNote = note;
    const pushed = applyQuota(
      ranked.filter((r) => r.grade === '优秀'),
      slots,
      g.label,
      g.rows.length,
      body,
      note,
    );
    groups.push({
      key,
      label: g.label,
      size: g.rows.length,
      slots,
      excellent: g.rows.filter((r) => r.grade === '优秀').length,
      pushed,
      note,
    });
  }
  return { rows, groups };
}

/** Walks the 优秀 candidates (sorted by total desc) in tie groups; returns how many were pushed. */
function applyQuota(candidates: EngineRow[], slots: number, label: string, size: number, rule: QuotaRule, noSlot: string | null): number {
  let taken = 0;
  let full = false;
  let pushed = 0;
  const basis = `${label}参评${size}人，优秀比例${rule.excellentQuota}%，名额${slots}名（${QUOTA_ROUNDING_LABELS[roundingOf(rule)]}）`;
  for (let i = 0; i < candidates.length; ) {
    const head = candidates[i]!;
    let j = i;
    while (j < candidates.length && candidates[j]!.total === head.total) j++;
    const tie = candidates.slice(i, j);
    if (!full && taken + tie.length <= slots) {
      taken += tie.length;
    } else {
      const note = noSlot
        ? `${noSlot}；本人按分数为优秀（${formatHundredths(head.total!)}分），评为称职`
        : !full && tie.length > 1
          ? `${basis}，已用${taken}名；第${head.rank}名${tie.length}人同分（${formatHundredths(head.total!)}分），一并计入将超出名额，按“${QUOTA_TIE_RULE}”，评为称职`
          : `${basis}，名额已满；本人排名第${head.rank}名（${formatHundredths(head.total!)}分），评为称职`;
      full = true;
      for (const r of tie) {
        r.grade = '称职';
        r.quotaNote = note;
        pushed++;
      }
    }
    i = j;
  }
  return pushed;
}
