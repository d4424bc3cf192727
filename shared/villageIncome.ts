/**
 * Villages' collective income (村集体经济) for every village, by year: the county's table, the
 * figures read from it, and the spreadsheet import's preview. Pure: no node:*, no DOM.
 *
 * - 5万元以上村: recorded income ≥ 50,000 yuan (INCOME_THRESHOLD_FEN in shared/stats.ts).
 * - 空壳村: income recorded as 0 for the year. A village without a record is 未录入 — never
 *   counted as 空壳 or as under 5万.
 * - 同比: this year's 5万 count minus last year's; a village counts in the year it has a record.
 * - 薄弱村净变化: villages listed as weak in the year minus villages de-listed (摘帽) in the year;
 *   negative = fewer weak villages (the source's "薄弱村减少了217个").
 */
import { INCOME_THRESHOLD_FEN } from './stats';

export interface IncomeRow {
  villageId: number;
  village: string;
  townshipId: number;
  township: string;
  /** The year's recorded income in fen; null = 未录入. */
  incomeFen: number | null;
  /** The year before's, for 同比. */
  prevFen: number | null;
  /** The village's weak listing as of the year's end: null when never listed (or listed later). */
  weak: '薄弱' | '已摘帽' | null;
}

export interface IncomeSummary {
  villages: number;
  recorded: number;
  at50k: number;
  at50kPrev: number;
  /** Recorded as 0. */
  shell: number;
  /** Weak villages listed in the year / de-listed (摘帽) in the year. */
  weakListed: number;
  weakDelisted: number;
}

export interface IncomeTable {
  countyId: number;
  year: number;
  rows: IncomeRow[];
  summary: IncomeSummary;
}

export type IncomeState = '未录入' | '空壳村' | '5万元以上' | '5万元以下';

export function incomeState(fen: number | null): IncomeState {
  if (fen === null) return '未录入';
  if (fen === 0) return '空壳村';
  return fen >= INCOME_THRESHOLD_FEN ? '5万元以上' : '5万元以下';
}

export function summariseIncome(rows: readonly IncomeRow[], weak: { listed: number; delisted: number }): IncomeSummary {
  const at = (f: number | null) => f !== null && f >= INCOME_THRESHOLD_FEN;
  return {
    villages: rows.length,
    recorded: rows.filter((r) => r.incomeFen !== null).length,
    at50k: rows.filter((r) => at(r.incomeFen)).length,
    at50kPrev: rows.filter((r) => at(r.prevFen)).length,
    shell: rows.filter((r) => r.incomeFen === 0).length,
    weakListed: weak.listed,
    weakDelisted: weak.delisted,
  };
}

/** A signed change in words: +3 / -2 / 0. */
export const signed = (n: number): string => (n > 0 ? `+${n}` : String(n));

export type ImportRowStatus = '新增' | '修改' | '不变' | '错误';

export interface IncomeImportRow {
  /** Row number as the spreadsheet shows it. */
  row: number;
  township: string;
  village: string;
  villageId: number | null;
  incomeFen: number | null;
  /** The income on record before the import. */
  beforeFen: number | null;
  status: ImportRowStatus;
  error: string | null;
}

export interface IncomeImportPreview {
  sheetName: string;
  /** The header of the income column, e.g. 2024年村集体经济收入（万元）, and its unit. */
  incomeColumn: string;
  unit: '元' | '万元';
  rows: IncomeImportRow[];
  errors: number;
  changes: number;
}
