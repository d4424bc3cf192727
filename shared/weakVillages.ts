/**
 * Weak collective-economy villages (集体经济薄弱村): milestones against the supporting cadre's
 * posting, the actions they require, and the records. No node:*, no DOM.
 *
 * Decisions (the source report leaves them open; tested in tests/unit/work.test.ts):
 * - Milestone clock (一年内无发展思路、二年内无增收渠道、三年内未摘帽): per supporting cadre and
 *   village, from the start of the cadre's run of postings in the village's township — postings
 *   that follow each other without a gap count as one run, so moving between villages of the same
 *   township keeps the clock; leaving the township ends the run, and coming back later starts a
 *   new clock. The run used is the latest one that has started; a village listed as weak after the
 *   run began starts the clock on 1 January of its listing year. "Within N years" of a start S
 *   means on or before the day before S's N-th anniversary (29 Feb → 28 Feb).
 *   A milestone falling due after the run ended is 已离任 (no longer the cadre's to meet).
 * - Achievements are the village's (one 发展思路 serves every supporter); a milestone reached
 *   after its due date still counts as missed (逾期完成): the rule asked for it in time.
 * - Escalation: the first missed milestone of a cadre and village requires 约谈, every later one
 *   召回调换. Once an action at least as strong as required is recorded for that milestone it is
 *   记录在案 and the alert clears.
 */
import { dateFromDayNumber, dayNumber, type PostingSpan } from './attendance';

export const MILESTONE_KINDS = ['发展思路', '增收渠道', '摘帽'] as const;
export type MilestoneKind = (typeof MILESTONE_KINDS)[number];
/** Years allowed for each milestone, counted from the clock start. */
export const MILESTONE_YEARS: Record<MilestoneKind, number> = { 发展思路: 1, 增收渠道: 2, 摘帽: 3 };
export const MILESTONE_RULE: Record<MilestoneKind, string> = {
  发展思路: '一年内形成发展思路',
  增收渠道: '二年内找到增收渠道',
  摘帽: '三年内摘掉薄弱村帽子',
};
export const WEAK_ACTIONS = ['约谈', '召回调换'] as const;
/**
 * Post types whose posting in a weak village makes the cadre its supporter by default (the
 * village's first secretary and work team), so nobody posted there escapes the milestone clock.
 */
export const POSTED_SUPPORTER_TYPES = ['村党组织第一书记', '驻村工作队员'] as const;
export type WeakAction = (typeof WEAK_ACTIONS)[number];

export type MilestoneState = '已完成' | '未到期' | '逾期完成' | '已逾期' | '已离任';

export interface MilestoneEvaluation {
  kind: MilestoneKind;
  dueDate: string;
  achievedOn: string | null;
  state: MilestoneState;
  /** Set when missed (逾期完成 / 已逾期). */
  requiredAction: WeakAction | null;
  /** The recorded action, once taken (记录在案). */
  actionTaken: { action: WeakAction; date: string } | null;
  /** Missed and no sufficient action recorded yet. */
  open: boolean;
}

/** The day before the N-th anniversary of `start` (29 Feb → 28 Feb of a common year). */
export function withinYearsDue(start: string, years: number): string {
  const y = Number(start.slice(0, 4)) + years;
  const md = start.slice(5);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const anniversary = md === '02-29' && !leap ? `${y}-03-01` : `${y}-${md}`;
  return dateFromDayNumber(dayNumber(anniversary) - 1);
}

export interface ClockRun {
  start: string;
  /** Last day of the run, null while ongoing. */
  end: string | null;
}

/**
 * The cadre's run of postings in a township: postings there that follow each other without a
 * gap are one run. Returns the latest run that started on or before `today`, or null.
 */
export function clockRun(
  postings: ReadonlyArray<PostingSpan & { townshipId: number }>,
  townshipId: number,
  today: string,
): ClockRun | null {
  const here = postings.filter((p) => p.townshipId === townshipId && p.start <= today).sort((a, b) => (a.start < b.start ? -1 : 1));
  let run: ClockRun | null = null;
  for (const p of here) {
    const contiguous = run && (run.end === null || dayNumber(p.start) <= dayNumber(run.end) + 1);
    if (run && contiguous) {
      if (run.end !== null && (p.end === null || p.end > run.end)) run.end = p.end;
    } else {
      run = { start: p.start, end: p.end };
    }
  }
  return run;
}

const ACTION_RANK: Record<WeakAction, number> = { 约谈: 1, 召回调换: 2 };

/** Evaluates the three milestones of one supporting cadre and village on `today`. */
export function evaluateMilestones(input: {
  run: ClockRun;
  achieved: Partial<Record<MilestoneKind, string>>;
  actions: ReadonlyArray<{ milestone: MilestoneKind; action: WeakAction; date: string }>;
  today: string;
}): MilestoneEvaluation[] {
  let misses = 0;
  return MILESTONE_KINDS.map((kind) => {
    const dueDate = withinYearsDue(input.run.start, MILESTONE_YEARS[kind]);
    const achievedOn = input.achieved[kind] ?? null;
    let state: MilestoneState;
    if (achievedOn && achievedOn <= dueDate) state = '已完成';
    else if (input.run.end !== null && input.run.end <= dueDate) state = '已离任';
    else if (achievedOn) state = '逾期完成';
    else if (input.today > dueDate) state = '已逾期';
    else state = '未到期';
    const missed = state === '逾期完成' || state === '已逾期';
    const requiredAction: WeakAction | null = missed ? (misses++ === 0 ? '约谈' : '召回调换') : null;
    const taken = input.actions
      .filter((a) => a.milestone === kind)
      .sort((a, b) => ACTION_RANK[b.action] - ACTION_RANK[a.action] || (a.date < b.date ? -1 : 1))[0];
    const actionTaken = taken ? { action: taken.action, date: taken.date } : null;
    const open = requiredAction !== null && (!actionTaken || ACTION_RANK[actionTaken.action] < ACTION_RANK[requiredAction]);
    return { kind, dueDate, achievedOn, state, requiredAction, actionTaken, open };
  });
}

export interface WeakVillageSupporter {
  cadreId: number;
  name: string;
  postType: string;
  /** Supports the village because posted there as first secretary or team member (not removable). */
  byPosting: boolean;
  /** Named as a supporter by hand (e.g. the township's 第一副书记). */
  assigned: boolean;
  /** Clock start (run of postings in the township), null if never posted there. */
  clockStart: string | null;
  clockEnd: string | null;
  milestones: MilestoneEvaluation[];
}

export interface WeakMilestoneRecord {
  kind: MilestoneKind;
  date: string;
  description: string;
  evidence: Array<{ sha256: string; originalName: string; mime: string }>;
}

export interface WeakActionRecord {
  id: number;
  cadreId: number;
  cadreName: string;
  milestone: MilestoneKind;
  action: WeakAction;
  date: string;
  by: string;
  notes: string | null;
}

export interface VillageIncome {
  villageId: number;
  income: Array<{ year: number; incomeFen: number }>;
}

export interface WeakVillage {
  villageId: number;
  village: string;
  townshipId: number;
  township: string;
  listedYear: number;
  /** 薄弱 until the 摘帽 milestone is recorded. */
  status: '薄弱' | '已摘帽';
  delistedOn: string | null;
  income: Array<{ year: number; incomeFen: number }>;
  milestones: WeakMilestoneRecord[];
  supporters: WeakVillageSupporter[];
  actions: WeakActionRecord[];
  /** 召回调换 that ended a posting whose place nobody has taken since: the successor is still to be named. */
  awaitingSuccessor: VacantPost[];
  notes: string | null;
}

/** The place a recalled cadre left: the posting 召回调换 ended on the action's date. */
export interface VacantPost {
  actionId: number;
  cadreId: number;
  cadreName: string;
  postType: string;
  /** The action's date, the last day of the ended posting. */
  date: string;
  townshipId: number;
  villageId: number | null;
  /** Where the successor will serve, e.g. 七里河镇北村. */
  place: string;
}
