/**
 * Year-end evaluation (年度考核, "一述两评一查"): vocabulary and types shared by main, renderer,
 * CLI and tests. No node:*, no DOM. The pure rules live in shared/evaluation/*.ts (validate,
 * templates, scoring, results, exact) and are imported from there: they import these types,
 * so this file must not re-export them (no circular imports).
 *
 * Decisions (tested in tests/unit/evaluation.test.ts):
 * - Scores are entered with at most 2 decimals. Weighted total = Σ score / scale × weight,
 *   computed EXACTLY (rational arithmetic) and rounded ONCE, half-up to 2 decimals, at the end;
 *   grades, ranks and ties compare the rounded total. Component scores shown to users are
 *   rounded the same way, for display only.
 * - Villagers' ballots → score = (满意 × f1 + 基本满意 × f2 + 不满意 × f3) ÷ ballots × scale,
 *   the factors (default 1 / 0.6 / 0) being scheme settings; invalid or blank ballots count 0.
 * - Caps apply before the quota: a capped cadre never takes an 优秀 slot.
 * - Quota: n = group size × percent ÷ 100, rounded as the scheme says (向下取整 by default),
 *   at least 0; group size = cadres evaluated in the group; a group smaller than the scheme's
 *   minimum size gets no slot. The percentage is the county's own (the source report sets
 *   none); a group with no slot says why, on screen and on the printed form. Candidates (优秀 by score after caps) are ranked by total descending;
 *   "并列时同分者一并计入，超出名额则同分者均不评为优秀".
 * - A cadre pushed from 优秀 by the quota is graded 称职.
 */
import type { PostType } from './domain';
import type { Grade } from './grades';

export { GRADES, type Grade } from './grades';

export const COMPONENT_SOURCES = ['score', 'ballots'] as const;
export type ComponentSource = (typeof COMPONENT_SOURCES)[number];

export const QUOTA_GROUPS = ['county', 'township', 'postType'] as const;
export type QuotaGroup = (typeof QUOTA_GROUPS)[number];
export const QUOTA_GROUP_LABELS: Record<QuotaGroup, string> = { county: '全县统一', township: '按乡镇', postType: '按岗位类别' };

export const QUOTA_ROUNDINGS = ['floor', 'round', 'ceil'] as const;
export type QuotaRounding = (typeof QUOTA_ROUNDINGS)[number];
export const QUOTA_ROUNDING_LABELS: Record<QuotaRounding, string> = { floor: '向下取整', round: '四舍五入', ceil: '向上取整' };

export const SCHEME_STATUSES = ['draft', 'active', 'superseded'] as const;
export type SchemeStatus = (typeof SCHEME_STATUSES)[number];
export const SCHEME_STATUS_LABELS: Record<SchemeStatus, string> = { draft: '草稿', active: '已启用', superseded: '已被新版本替代' };

export const CAP_KINDS = ['checkAbsences', 'monthsShort', 'noProject', 'weakMilestone'] as const;
export type CapKind = (typeof CAP_KINDS)[number];
export const CAP_LABELS: Record<CapKind, string> = {
  checkAbsences: '督查不在岗',
  monthsShort: '月在岗不足',
  noProject: '全年无项目',
  weakMilestone: '集体经济薄弱村摘帽节点未按期完成',
};

export const OUTCOME_KINDS = ['表彰', '提拔重用'] as const;
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];

export const TEMPLATE_KEYS = ['puxian', 'wuping', 'villagers30'] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];

// ───────────────────────────── schemes ─────────────────────────────

/** One scored item of a component for one post type; points of a set sum to the component's scale. */
export interface Indicator {
  key: string;
  label: string;
  points: number;
}

export interface SchemeComponent {
  /** Stable key (scores are stored against it), e.g. 'report'. */
  key: string;
  /** 述职 / 组织评议 / 群众评议 / 实地核查 / … */
  label: string;
  /** Percent; the weights of a scheme sum to 100. */
  weight: number;
  /** Full marks of the component (integer, e.g. 100). */
  scale: number;
  source: ComponentSource;
  /**
   * 差异化考核: indicator sets per post type. A post type without a set is scored on the
   * component as a whole (one cell). Ignored for source 'ballots'.
   */
  indicators: Partial<Record<PostType, Indicator[]>>;
}

export interface GradeThresholds {
  excellent: number;
  competent: number;
  basic: number;
}

/** Grade-limiting rules; each can be switched off. */
export interface CapRules {
  /** Limits from the county's check-absence thresholds (attendance settings). */
  checkAbsences: { enabled: boolean };
  /** Months of the year under the monthly minimum ≥ atLeast → at most maxGrade. */
  monthsShort: { enabled: boolean; atLeast: number; maxGrade: Grade };
  /** No project recorded in the year → at most maxGrade. */
  noProject: { enabled: boolean; maxGrade: Grade };
  /** A missed weak-village milestone (due in the year) → at most maxGrade. */
  weakMilestone: { enabled: boolean; maxGrade: Grade };
}

/** Factors of 满意 / 基本满意 / 不满意 (0..1, at most 2 decimals). */
export interface BallotFactors {
  satisfied: number;
  basic: number;
  unsatisfied: number;
}

/** The editable part of a scheme (what saveDraft takes). */
export interface SchemeBody {
  name: string;
  components: SchemeComponent[];
  thresholds: GradeThresholds;
  /** 优秀 quota in percent of the group (the county's own rule, e.g. 10–25). */
  excellentQuota: number;
  quotaGroup: QuotaGroup;
  /** How group size × percent becomes whole slots. */
  quotaRounding: QuotaRounding;
  /** A group with fewer cadres gets no 优秀 slot (1 = no minimum). */
  quotaMinGroupSize: number;
  caps: CapRules;
  ballotFactors: BallotFactors;
}

export interface Scheme extends SchemeBody {
  id: number;
  countyId: number;
  year: number;
  version: number;
  status: SchemeStatus;
  createdAt: string;
  activatedAt: string | null;
  /** Template it started from, if any. */
  template: TemplateKey | null;
}

export interface SchemeSummary {
  id: number;
  countyId: number;
  year: number;
  version: number;
  status: SchemeStatus;
  name: string;
  createdAt: string;
  activatedAt: string | null;
}

export interface SchemeTemplate {
  key: TemplateKey;
  name: string;
  description: string;
  body: SchemeBody;
}

// ───────────────────────────── scores ─────────────────────────────

/** One score cell: a component as a whole (indicator null) or one of its indicators. */
export interface ScoreCellInput {
  cadreId: number;
  component: string;
  indicator: string | null;
  /** null clears the cell. */
  value: number | null;
}

export interface Ballots {
  satisfied: number;
  basic: number;
  unsatisfied: number;
  /** Ballots cast, ≥ the three counts (the rest invalid/blank, counting 0). */
  ballots: number;
}

/** One column of the grid: component (whole) or indicator within a component, for a post type. */
export interface GridColumn {
  component: string;
  componentLabel: string;
  indicator: string | null;
  label: string;
  /** Maximum value accepted in the cell. */
  max: number;
  source: ComponentSource;
}

export interface GridRow {
  cadreId: number;
  name: string;
  townshipId: number;
  township: string;
  village: string | null;
  postType: PostType;
  /** Key `${component}` or `${component}.${indicator}` → value; missing = not entered. */
  values: Record<string, number>;
  /** Ballot counts per ballots component key. */
  ballots: Record<string, Ballots>;
  /** Component scores (2 decimals, display only); null when incomplete. */
  componentScores: Record<string, number | null>;
  /** Rounded weighted total; null while any component is incomplete. */
  total: number | null;
}

export interface ScoreGrid {
  year: number;
  countyId: number;
  scheme: Scheme | null;
  finalised: boolean;
  /** Columns per post type (differentiated indicator sets). */
  columns: Record<PostType, GridColumn[]>;
  rows: GridRow[];
}

// ───────────────────────────── results ─────────────────────────────

export interface AppliedCap {
  kind: CapKind;
  maxGrade: Grade;
  reason: string;
}

/** Facts the caps read, per cadre and year. */
export interface CapFacts {
  checkAbsences: number;
  monthsShort: number;
  projects: number;
  missedMilestones: number;
}

export interface ResultRow {
  cadreId: number;
  name: string;
  idNumber: string;
  townshipId: number;
  township: string;
  village: string | null;
  postType: PostType;
  componentScores: Record<string, number | null>;
  total: number | null;
  /** Grade by score alone (thresholds). */
  scoreGrade: Grade | null;
  /** Final grade (after caps and quota); null while scores are incomplete. */
  grade: Grade | null;
  /** Competition rank (1, 2, 2, 4) within the quota group; null while incomplete. */
  rank: number | null;
  group: string;
  caps: AppliedCap[];
  /** Why the quota took 优秀 away, or null. */
  quotaNote: string | null;
  /** Why the cadre's group has no 优秀 slot at all, or null (absent in older snapshots). */
  groupNote?: string | null;
  missing: string[];
}

export interface QuotaGroupInfo {
  key: string;
  label: string;
  size: number;
  /** size × percent ÷ 100, rounded as the scheme says; 0 below the minimum group size. */
  slots: number;
  excellent: number;
  pushed: number;
  /** Why the group has no slot, or null (absent in older snapshots). */
  note?: string | null;
}

export interface EvaluationResults {
  countyId: number;
  year: number;
  scheme: SchemeSummary | null;
  /** Finalised results are the stored snapshot (with the scheme version they used). */
  finalised: boolean;
  finalisedAt: string | null;
  /** Finalised with scores missing: the written reason it was confirmed with (null otherwise). */
  incompleteReason: string | null;
  rows: ResultRow[];
  groups: QuotaGroupInfo[];
  counts: Record<Grade, number>;
  incomplete: number;
}

export interface YearState {
  countyId: number;
  year: number;
  finalised: boolean;
  finalisedAt: string | null;
  /** Finalised with scores missing: the written reason it was confirmed with (null otherwise). */
  incompleteReason: string | null;
  schemeId: number | null;
  schemeVersion: number | null;
}

export interface YearLogEntry {
  id: number;
  action: 'finalise' | 'reopen';
  reason: string | null;
  operator: string | null;
  at: string;
  schemeVersion: number | null;
}

// ───────────────────────────── outcomes and evidence ─────────────────────────────

export interface Outcome {
  id: number;
  cadreId: number;
  name: string;
  township: string | null;
  year: number;
  kind: OutcomeKind;
  /** ISO date. */
  date: string;
  note: string;
}

export interface Evidence {
  cadreId: number;
  year: number;
  /** Months under the monthly minimum (YYYY-MM, on-post days, minimum). */
  monthsShort: Array<{ month: string; onPost: number; minimum: number }>;
  /** Ended months of the year the township certified / did not certify (only certified months count). */
  certifiedMonths: number;
  uncertifiedMonths: number;
  checkAbsences: number;
  eventAbsences: number;
  alerts: number;
  projects: Array<{ id: number; name: string; status: string }>;
  missedMilestones: string[];
  /** Required bag categories with nothing filed for the year (完整性; never a count of items). */
  bagMissing: string[];
}

export interface PrintedPdf {
  sha256: string;
  url: string;
  pages: number;
}
