/**
 * Plans, projects, weak villages and support: vocabulary and the pure rules. No node:*, no DOM.
 *
 * Money is integer fen everywhere (store, IPC, rules); only the screens show yuan.
 *
 * Decisions (the source report leaves them open; these are ours, tested in tests/unit/work.test.ts):
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
 * - Allowance (市级选派干部 only, default 1700 yuan a month): a month's due is the standard ×
 *   posted days ÷ days in the month, rounded to the fen, summed per quarter; the quarter is paid
 *   at its end. "Behind" = paid for a quarter < owed, for quarters whose last day is before today.
 * - Insurance (市级选派干部, default cover 500,000 yuan): lapsed = posted days (up to today) not
 *   covered by any policy's validity.
 * - Park revenue (飞地): park share in basis points (default 5000 = half); the park's fen are
 *   rounded, the village gets the rest, so both always add up to the revenue.
 */
import { dateFromDayNumber, dayNumber, daysInMonth, type PostingSpan } from './attendance';
import type { Alert } from './events';

// ───────────────────────────── plans ─────────────────────────────

export const PLAN_KINDS = ['三年规划', '年度计划'] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];
export const PLAN_ITEM_STATUSES = ['未开始', '推进中', '已完成', '未完成'] as const;
export type PlanItemStatus = (typeof PLAN_ITEM_STATUSES)[number];

export interface PlanItem {
  id?: number;
  goal: string;
  measures: string;
  deadline: string | null;
  responsible: string;
  status: PlanItemStatus;
}

export interface Plan {
  id: number;
  cadreId: number;
  kind: PlanKind;
  /** First year covered (a three-year plan covers startYear..startYear+2). */
  startYear: number;
  title: string;
  /** The plan document, a material in the cadre's bag. */
  materialId: number | null;
  materialTitle: string | null;
  items: PlanItem[];
  updatedAt: string;
}

// ───────────────────────────── projects ─────────────────────────────

export const PROJECT_KINDS = ['产业发展', '基础设施', '集体经济', '公共服务', '人居环境', '其他'] as const;
export type ProjectKind = (typeof PROJECT_KINDS)[number];
export const PROJECT_STATUSES = ['谋划中', '在建', '已建成', '已运营', '已终止'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];
/** Funding sources; 派出单位资金 is the dispatching unit's part of the "three bindings". */
export const FUND_SOURCES = ['派出单位资金', '财政衔接资金', '其他财政资金', '村集体自筹', '社会资本', '其他'] as const;
export type FundSource = (typeof FUND_SOURCES)[number];

export interface ProjectFund {
  source: FundSource;
  amountFen: number;
}

export interface ParkRevenue {
  year: number;
  revenueFen: number;
  /** Park share in basis points (5000 = 50%). */
  parkShareBp: number;
  parkFen: number;
  villageFen: number;
}

export interface Project {
  id: number;
  cadreId: number;
  cadreName: string;
  villageId: number;
  village: string;
  townshipId: number;
  township: string;
  name: string;
  kind: ProjectKind;
  year: number;
  status: ProjectStatus;
  funds: ProjectFund[];
  /** Sum of the funds. */
  investmentFen: number;
  publicisedOn: string | null;
  publicisedPlace: string | null;
  inPark: boolean;
  revenue: ParkRevenue[];
  notes: string | null;
}

export const DEFAULT_PARK_SHARE_BP = 5000;

/** 飞地 split: the park's share rounded to the fen, the home village gets the rest. */
export function splitRevenue(revenueFen: number, parkShareBp = DEFAULT_PARK_SHARE_BP): { parkFen: number; villageFen: number } {
  const parkFen = Math.round((revenueFen * parkShareBp) / 10000);
  return { parkFen, villageFen: revenueFen - parkFen };
}

// ───────────────────────────── weak villages ─────────────────────────────

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
export function clockRun(postings: ReadonlyArray<PostingSpan & { townshipId: number }>, townshipId: number, today: string): ClockRun | null {
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
  notes: string | null;
}

// ───────────────────────────── support ─────────────────────────────

export const DEFAULT_ALLOWANCE_MONTHLY_FEN = 170_000;
export const DEFAULT_INSURANCE_COVER_FEN = 50_000_000;

export const quarterMonths = (year: number, q: number): string[] =>
  [1, 2, 3].map((i) => `${year}-${String((q - 1) * 3 + i).padStart(2, '0')}`);
export const quarterLast = (year: number, q: number): string => {
  const m = quarterMonths(year, q)[2]!;
  return `${m}-${String(daysInMonth(m)).padStart(2, '0')}`;
};
export const quarterOf = (date: string): number => Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1;

/** Distinct days of the month inside any of the postings (overlaps counted once). */
export function postedDaysInMonth(postings: readonly PostingSpan[], month: string): number {
  const first = dayNumber(`${month}-01`);
  const last = first + daysInMonth(month) - 1;
  const ranges = postings
    .map((p) => [Math.max(first, dayNumber(p.start)), Math.min(last, p.end === null ? last : dayNumber(p.end))] as const)
    .filter(([a, b]) => a <= b)
    .sort((x, y) => x[0] - y[0]);
  let days = 0;
  let upTo = first - 1;
  for (const [a, b] of ranges) {
    const from = Math.max(a, upTo + 1);
    if (b >= from) days += b - from + 1;
    upTo = Math.max(upTo, b);
  }
  return days;
}

/** A month's allowance: standard × posted days ÷ days in month, rounded to the fen. */
export function monthAllowance(postings: readonly PostingSpan[], month: string, monthlyFen = DEFAULT_ALLOWANCE_MONTHLY_FEN): number {
  return Math.round((monthlyFen * postedDaysInMonth(postings, month)) / daysInMonth(month));
}

export interface QuarterAllowance {
  year: number;
  quarter: number;
  dueDate: string;
  owedFen: number;
  paidFen: number;
  /** The quarter has ended (its last day is before today). */
  ended: boolean;
  behind: boolean;
}

/** Owed vs paid per quarter of a year. `paid` maps quarter (1..4) → fen paid for it. */
export function allowanceByQuarter(input: {
  postings: readonly PostingSpan[];
  year: number;
  paid: ReadonlyMap<number, number>;
  today: string;
  monthlyFen?: number;
}): QuarterAllowance[] {
  return [1, 2, 3, 4].map((quarter) => {
    const owedFen = quarterMonths(input.year, quarter).reduce((s, m) => s + monthAllowance(input.postings, m, input.monthlyFen), 0);
    const paidFen = input.paid.get(quarter) ?? 0;
    const dueDate = quarterLast(input.year, quarter);
    const ended = dueDate < input.today;
    return { year: input.year, quarter, dueDate, owedFen, paidFen, ended, behind: ended && paidFen < owedFen };
  });
}

export interface DateRange {
  from: string;
  to: string;
}

/** Days in [from, to] inside a posting but outside every policy's validity, as ranges. */
export function uncoveredRanges(
  postings: readonly PostingSpan[],
  policies: ReadonlyArray<{ start: string; end: string }>,
  from: string,
  to: string,
): DateRange[] {
  const lo = dayNumber(from);
  const hi = dayNumber(to);
  const covered = (n: number) => policies.some((p) => dayNumber(p.start) <= n && n <= dayNumber(p.end));
  const posted = (n: number) => postings.some((p) => dayNumber(p.start) <= n && (p.end === null || n <= dayNumber(p.end)));
  const out: DateRange[] = [];
  let open: number | null = null;
  for (let n = lo; n <= hi + 1; n++) {
    const gap = n <= hi && posted(n) && !covered(n);
    if (gap && open === null) open = n;
    if (!gap && open !== null) {
      out.push({ from: dateFromDayNumber(open), to: dateFromDayNumber(n - 1) });
      open = null;
    }
  }
  return out;
}

export const rangeDays = (r: DateRange) => dayNumber(r.to) - dayNumber(r.from) + 1;

export interface InsurancePolicy {
  id: number;
  cadreId: number;
  insurer: string;
  policyNo: string | null;
  coverFen: number;
  start: string;
  end: string;
}

export interface AllowancePayment {
  id: number;
  cadreId: number;
  year: number;
  quarter: number;
  amountFen: number;
  paidOn: string;
  notes: string | null;
}

/** The dispatching unit's "three bindings" for one cadre and year: responsibility, projects, funds. */
export interface UnitPledge {
  id: number;
  cadreId: number;
  year: number;
  responsibility: string;
  projects: string;
  fundsFen: number;
  notes: string | null;
}

// ───────────────────────────── display ─────────────────────────────

/** 170000 → 1,700.00 */
export function yuan(fen: number): string {
  const neg = fen < 0;
  const abs = Math.abs(Math.round(fen));
  const whole = Math.floor(abs / 100).toLocaleString('en-US');
  return `${neg ? '-' : ''}${whole}.${String(abs % 100).padStart(2, '0')}`;
}

/** '1,700.5' / '1700.50' / 1700.5 → 170050; null when not a money amount with at most 2 decimals. */
export function parseYuan(v: string | number): number | null {
  const s = String(v).replaceAll(',', '').trim();
  if (!/^-?\d+(\.\d{1,2})?$/.test(s)) return null;
  const [w, f = ''] = s.replace('-', '').split('.');
  const fen = Number(w) * 100 + Number(f.padEnd(2, '0'));
  return s.startsWith('-') ? -fen : fen;
}

// ───────────────────────────── alerts ─────────────────────────────

/** Kinds raised by main/core/work/alerts.ts, in the order the alerts view lists them. */
export const WORK_ALERT_KINDS = ['年度无项目', '项目未公示', '未包扶薄弱村', '薄弱村节点逾期', '补助发放滞后', '保险脱保'] as const;
export type WorkAlertKind = (typeof WORK_ALERT_KINDS)[number];

/** The work record an alert opens (the renderer maps it to View {kind: 'work', …}). */
export type WorkAlertLink =
  | { view: 'work'; tab: 'projects'; cadreId: number; projectId?: number }
  | { view: 'work'; tab: 'weak'; villageId?: number; cadreId?: number }
  | { view: 'work'; tab: 'support'; cadreId: number };

/** A work alert is a plain Alert of shared/events.ts (whose kinds and links include these). */
export type WorkAlert = Alert;
