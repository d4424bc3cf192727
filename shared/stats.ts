/**
 * The county's figures (统计): what each figure means, the per-township rows that add up to
 * the county total, and the records behind a figure (drill-down). Pure: no node:*, no DOM.
 *
 * Every figure is a count (`value`) and, for shares, the count it is a share of (`of`):
 * compliance = cadre-months meeting the minimum / cadre-months posted; reports on time =
 * reports submitted by their due date / reports due. County totals are the SUMS of the
 * township rows (numerators and denominators alike), never recomputed separately, so the
 * table always reconciles. A figure whose records the app does not keep yet has
 * `value: null` and is shown as “—” with the reason — never as a made-up zero.
 */

/** 集体经济收入5万元及以上: 50,000 yuan in fen. */
export const INCOME_THRESHOLD_FEN = 5_000_000;

export const FIGURE_KEYS = [
  'weakDelistedYear',
  'weakDelistedTerm',
  'villagesIncome50k',
  'villagesIncome50kChange',
  'shellVillages',
  'weakNetChange',
  'projects',
  'projectFunds',
  'attendance',
  'registerChecks',
  'reportsOnTime',
  'commended',
  'promoted',
  'commendedSince',
  'promotedSince',
] as const;
export type FigureKey = (typeof FIGURE_KEYS)[number];

export interface FigureMeta {
  label: string;
  /** Unit of `value` (a share is shown as a percentage of `of`). */
  unit: '个' | '人' | '万元' | '人月' | '份' | '起';
  share: boolean;
  /** One line saying how the figure is counted (tooltip, CLI legend). */
  rule: string;
}

export const FIGURE_META: Record<FigureKey, FigureMeta> = {
  weakDelistedYear: { label: '本年摘帽薄弱村', unit: '个', share: false, rule: '本年度内摘帽（退出集体经济薄弱村）的村数' },
  weakDelistedTerm: { label: '任期以来摘帽薄弱村', unit: '个', share: false, rule: '自本届选派任期开始至本年末摘帽的村数' },
  villagesIncome50k: { label: '集体收入5万元以上村', unit: '个', share: false, rule: '本年度村集体经济收入达到5万元及以上的村数' },
  villagesIncome50kChange: {
    label: '5万元以上村同比增减',
    unit: '个',
    share: false,
    rule: '本年度集体收入5万元以上的村数减去上年度的村数（只计本年度已录入收入的村；上年度未录入的不算达到5万元）',
  },
  shellVillages: { label: '空壳村', unit: '个', share: false, rule: '本年度村集体经济收入登记为0的村数（未录入收入的村不计入，另行提示）' },
  weakNetChange: {
    label: '薄弱村净增减',
    unit: '个',
    share: false,
    rule: '本年度新列为集体经济薄弱村的村数减去本年度摘帽的村数；负数为减少',
  },
  projects: { label: '乡村振兴项目', unit: '个', share: false, rule: '本年度登记的乡村振兴项目数' },
  /** value in fen (integer, so township rows add up exactly); shown in yuan. */
  projectFunds: { label: '项目资金', unit: '万元', share: false, rule: '本年度项目的各类资金合计' },
  attendance: {
    label: '月在岗达标率',
    unit: '人月',
    share: true,
    rule: '已结束并经乡镇党委认定的月份中，在岗天数达到每月最低要求的人月数 ÷ 已认定的在任人月数；未认定的人月另计',
  },
  registerChecks: {
    label: '考勤登记不实核查',
    unit: '起',
    share: false,
    rule: '本年度督查发现干部不在岗、而乡镇党委书记认定的考勤表记为在岗的核查起数（待核查和核查属实的；不属实的不计）',
  },
  reportsOnTime: { label: '按时报送率', unit: '份', share: true, rule: '截止日期已到的季度报告和半年总结中，按时报送的份数 ÷ 应报送份数' },
  commended: { label: '评先评优', unit: '人', share: false, rule: '本年度受到表彰的选派干部人数' },
  promoted: { label: '提拔重用', unit: '人', share: false, rule: '本年度提拔重用的选派干部人数' },
  commendedSince: {
    label: '累计表彰',
    unit: '人',
    share: false,
    rule: '自本县选派工作开始年度至本年度受到表彰的选派干部人数（每人计一次）',
  },
  promotedSince: {
    label: '累计提拔重用',
    unit: '人',
    share: false,
    rule: '自本县选派工作开始年度至本年度提拔重用的选派干部人数（每人计一次）',
  },
};

/** Figures that are changes (increase minus decrease): shown with their sign, e.g. +3 / -2. */
export const SIGNED_FIGURES: ReadonlySet<FigureKey> = new Set(['villagesIncome50kChange', 'weakNetChange']);

/** One figure for a township or the county. `value === null`: not recorded (shown as —). */
export interface FigureValue {
  value: number | null;
  /** For shares: the denominator. */
  of?: number | null;
  /** Records not yet certified (未认定): in neither numerator nor denominator. */
  pending?: number;
}

export type Figures = Record<FigureKey, FigureValue>;

/** Why a figure is empty or provisional; absent when the figure is fully backed by records. */
export type FigureNotes = Partial<Record<FigureKey, string>>;

export interface TownshipStats {
  townshipId: number;
  township: string;
  county: string;
  figures: Figures;
}

export interface MonthCompliance {
  month: string;
  /** Certified cadre-months meeting the minimum. */
  met: number;
  /** Certified cadre-months. */
  posted: number;
  /** Cadre-months not certified (未认定). */
  pending?: number;
}

export interface KindCount {
  kind: string;
  count: number;
}

export interface SourceAmount {
  source: string;
  /** Integer fen. */
  fen: number;
}

export interface StatsResult {
  year: number;
  countyId: number | null;
  /** The county's name, or 全部 when every county is counted. */
  countyName: string;
  /** The date the figures are as of (months and due dates after it are not counted yet). */
  asOf: string;
  county: Figures;
  townships: TownshipStats[];
  notes: FigureNotes;
  charts: {
    projectsByKind: KindCount[] | null;
    fundingBySource: SourceAmount[] | null;
    attendanceByMonth: MonthCompliance[];
  };
}

/** One county in the city view: its figures exactly as its own view computes them. */
export interface CountyStats {
  countyId: number;
  county: string;
  /** Fingerprint of the department whose bundle it was imported from; null for this department's own county. */
  origin: string | null;
  figures: Figures;
  notes: FigureNotes;
}

/**
 * The city view (全市): every county's row and the city total. `county` holds the city total,
 * the sum of the county rows (numerators and denominators alike, as a county total is the sum
 * of its townships); `townships` lists every county's townships; charts add up the counties'.
 */
export interface CityStatsResult extends StatsResult {
  counties: CountyStats[];
}

/** Where a record behind a figure lives in the app. */
export type StatsLink =
  | { view: 'attendance'; townshipId: number; month: string }
  | { view: 'cadre'; cadreId: number }
  | { view: 'events'; checkId: number }
  /** The register cross-checks (登记核查) of a year. */
  | { view: 'verifications'; year: number }
  | { view: 'work'; tab: 'projects' | 'weak' | 'plans' | 'support' | 'income'; projectId?: number; villageId?: number; cadreId?: number }
  | { view: 'worklog'; cadreId: number; tab: 'log' | 'reports' };

export interface DrillRecord {
  /** Stable key for lists. */
  key: string;
  township: string;
  village: string | null;
  cadreId: number | null;
  cadre: string | null;
  /** ISO date or YYYY-MM the record is about. */
  when: string | null;
  /** What the record is, in Chinese. */
  text: string;
  /** The record's figure, e.g. 在岗22天 / 80,000元; null when the text says it all. */
  amount: string | null;
  /** Counts towards the figure's numerator (for shares: met / on time). */
  counted: boolean;
  link: StatsLink | null;
}

export interface DrillResult {
  figure: FigureKey;
  title: string;
  /** e.g. 共 240 人月，达标 231 人月. */
  summary: string;
  records: DrillRecord[];
  note: string | null;
}

/** A share as a percentage with one decimal (— when nothing is due). */
export function percent(f: FigureValue): string {
  if (f.value === null || f.of === null || f.of === undefined) return '—';
  if (f.of === 0) return '—';
  return `${(Math.round((f.value * 1000) / f.of) / 10).toFixed(1)}%`;
}

/** Fen as 万元 with up to two decimals: 3,568,000.00 yuan → 356.8. */
export function wan(fen: number): string {
  return String(Math.round(fen / 10_000) / 100);
}

/** How a figure reads in a card or a cell: 12 / 96.3% / 356.8 (万元) / —. */
export function figureText(key: FigureKey, f: FigureValue): string {
  if (f.value === null) return '—';
  if (FIGURE_META[key].share) return f.pending ? `${percent(f)}（未认定${f.pending}）` : percent(f);
  if (key === 'projectFunds') return wan(f.value);
  if (SIGNED_FIGURES.has(key) && f.value > 0) return `+${f.value}`;
  return String(f.value);
}

/** An empty set of figures: counts 0, or null for figures without records. */
export function emptyFigures(unavailable: ReadonlySet<FigureKey>): Figures {
  const out = {} as Figures;
  for (const k of FIGURE_KEYS) {
    const v = unavailable.has(k) ? null : 0;
    out[k] = FIGURE_META[k].share ? { value: v, of: v } : { value: v };
  }
  return out;
}

/** The county total: the sum of the township rows, numerators and denominators alike. */
export function sumFigures(rows: readonly Figures[], unavailable: ReadonlySet<FigureKey>): Figures {
  const out = emptyFigures(unavailable);
  for (const r of rows) {
    for (const k of FIGURE_KEYS) {
      const o = out[k];
      if (o.value === null) continue;
      o.value += r[k].value ?? 0;
      if (o.of !== undefined && o.of !== null) o.of += r[k].of ?? 0;
      if (r[k].pending) o.pending = (o.pending ?? 0) + r[k].pending!;
    }
  }
  return out;
}
