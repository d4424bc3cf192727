/**
 * Plans and projects: vocabulary and the pure rules; money helpers; the work alerts' kinds.
 * Weak villages are in shared/weakVillages.ts, allowance and insurance in shared/support.ts.
 * No node:*, no DOM.
 *
 * Money is integer fen everywhere (store, IPC, rules); only the screens show yuan.
 *
 * Decision (the source report leaves it open; tested in tests/unit/work.test.ts):
 * - Park revenue (飞地): park share in basis points (default 5000 = half); the park's fen are
 *   rounded, the village gets the rest, so both always add up to the revenue.
 */
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

/**
 * Plans and the check cadence (main/core/work/planAlerts.ts): no annual plan past its due
 * date, plan items past their 时间节点, a township month without its 乡镇月检, a county month
 * without a 县级抽查 (乡镇党委每月检查; 县委组织部每月抽查).
 */
export const PLAN_ALERT_KINDS = ['无年度计划', '计划事项逾期', '乡镇月检缺失', '县级抽查缺失'] as const;
export type PlanAlertKind = (typeof PLAN_ALERT_KINDS)[number];

/**
 * The work record an alert opens (the renderer maps it to View {kind: 'work', …}). Work alerts
 * are plain `Alert`s of shared/events.ts, whose kinds and links include these.
 */
export type WorkAlertLink =
  | { view: 'work'; tab: 'projects'; cadreId: number; projectId?: number }
  | { view: 'work'; tab: 'weak'; villageId?: number; cadreId?: number }
  | { view: 'work'; tab: 'support'; cadreId: number }
  /** The county's quarterly 调度 (季度未调度). */
  | { view: 'work'; tab: 'scheduling' }
  | { view: 'work'; tab: 'plans'; cadreId: number };
