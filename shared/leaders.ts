/**
 * City leaders who "contract" counties (市委组织部领导班子成员每人"承包"两个县(市、区)) and the checks
 * they made there (不打招呼、不设路线、直接进村、随机入户). A record and a view, not an alert: the
 * source gives no cadence. Leaders are never ranked by how many checks they made (减负).
 * Pure: no node:*, no DOM.
 */

/** One contract: the leader answers for the county from `start` to `end` (null: still). */
export interface LeaderContract {
  id: number;
  countyId: number;
  county: string;
  /** Fingerprint of the department the county was imported from; null for an own county. */
  origin: string | null;
  start: string;
  end: string | null;
}

export interface CityLeader {
  id: number;
  name: string;
  /** 职务, e.g. 市委组织部副部长. */
  title: string;
  contracts: LeaderContract[];
  /** Checks linked to the leader (any year). */
  linkedChecks: number;
}

/** One check a leader made, as the view lists it. */
export interface LeaderCheck {
  checkId: number;
  date: string;
  kind: string;
  township: string;
  /** Villages of the cadres checked, joined with 、 (empty when only township posts were checked). */
  villages: string;
  checked: number;
  notOnPost: number;
  /** Names of those found not on post, joined with 、. */
  notOnPostNames: string;
  findings: string | null;
}

/** A county the leader contracted for some part of the year, and the checks made there then. */
export interface LeaderCountyYear {
  countyId: number;
  county: string;
  origin: string | null;
  /** The contract period as recorded (it may reach beyond the year). */
  start: string;
  end: string | null;
  checks: LeaderCheck[];
}

export interface LeaderYear {
  leaderId: number;
  name: string;
  title: string;
  counties: LeaderCountyYear[];
  /** Checks linked to the leader that year outside the contracted counties and periods. */
  elsewhere: Array<LeaderCheck & { county: string }>;
  /** Every check linked to the leader that year (contracted counties and elsewhere). */
  checkCount: number;
}

/** A 市级 check of the year in a contracted county that names no leader yet. */
export interface UnlinkedCityCheck extends LeaderCheck {
  countyId: number;
  county: string;
  checker: string;
}

export interface LeadersYearView {
  year: number;
  leaders: LeaderYear[];
  unlinked: UnlinkedCityCheck[];
}

/** What a leader with no recorded check in the year shows: the truth, not a zero that reads as a fact. */
export const NO_CHECKS_TEXT = '本年度未录入督查记录';

/** The contract period in words: 2024-03-01 至今 / 2024-03-01 至 2025-02-28. */
export const contractPeriodText = (start: string, end: string | null): string => `${start} 至${end === null ? '今' : ` ${end}`}`;

/** Whether a contract period overlaps the calendar year. */
export const overlapsYear = (start: string, end: string | null, year: number): boolean =>
  start <= `${year}-12-31` && (end === null || end >= `${year}-01-01`);

/** One row of the 包县督查 table: a leader's county in the year (or the checks made outside). */
export interface LeaderTableRow {
  key: string;
  leaderId: number;
  name: string;
  title: string;
  /** Rows of this leader (the first row spans them), 0 on the others. */
  span: number;
  /** The leader has no check recorded in the year at all. */
  noChecks: boolean;
  county: string;
  imported: boolean;
  /** The contract period in words; null for checks outside the contracted counties and periods. */
  period: string | null;
  checks: LeaderCheck[];
}

/** The view as table rows, for the screen, the worksheet and the CLI alike. */
export function leaderTableRows(v: LeadersYearView): LeaderTableRow[] {
  return v.leaders.flatMap((l) => {
    const base = { leaderId: l.leaderId, name: l.name, title: l.title };
    const rows: Array<Omit<LeaderTableRow, 'span'>> = l.counties.map((c, i) => ({
      ...base,
      key: `${l.leaderId}-${c.countyId}-${i}`,
      noChecks: l.checkCount === 0,
      county: c.county,
      imported: c.origin !== null,
      period: contractPeriodText(c.start, c.end),
      checks: c.checks,
    }));
    const outside = new Map<string, LeaderCheck[]>();
    for (const k of l.elsewhere) outside.set(k.county, [...(outside.get(k.county) ?? []), k]);
    for (const [county, checks] of outside) {
      rows.push({ ...base, key: `${l.leaderId}-x-${county}`, noChecks: false, county, imported: false, period: null, checks });
    }
    return rows.map((r, i) => ({ ...r, span: i === 0 ? rows.length : 0 }));
  });
}

/** 柳河乡：三道沟村、河口村 (the township alone when only township posts were checked). */
export const checkPlaceText = (k: LeaderCheck): string => (k.villages ? `${k.township}：${k.villages}` : k.township);

/** The check's findings and who was found not on post, as recorded; missing parts say so. */
export const checkResultText = (k: LeaderCheck): string =>
  [
    k.findings ?? '督查发现未录入',
    k.checked === 0 ? '未录入被督查干部' : k.notOnPost > 0 ? `${k.notOnPost}人不在岗（${k.notOnPostNames}）` : `督查${k.checked}人均在岗`,
  ].join('；');

/** 2次 / 本年度未录入督查记录 (the leader) / 该县本年度未录入 (this county, the leader checked elsewhere). */
export const leaderCountText = (r: LeaderTableRow): string =>
  r.checks.length > 0 ? `${r.checks.length}次` : r.noChecks ? NO_CHECKS_TEXT : '该县本年度未录入';

export const LEADER_TABLE_HEADERS = ['领导', '承包县（市、区）', '承包期', '本年督查', '督查日期', '督查乡镇、村', '督查发现'] as const;

/** The row's cells as text, in LEADER_TABLE_HEADERS order. */
export function leaderRowCells(r: LeaderTableRow): string[] {
  return [
    `${r.name}（${r.title}）`,
    r.period === null ? `${r.county}（承包范围外）` : r.imported ? `${r.county}（导入）` : r.county,
    r.period ?? '—',
    leaderCountText(r),
    r.checks.map((k) => k.date).join('、'),
    r.checks.map(checkPlaceText).join('；'),
    r.checks.map(checkResultText).join('；'),
  ];
}
