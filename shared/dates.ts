/** Date spellings seen in Chinese county spreadsheets, normalised to ISO YYYY-MM-DD. */

const pad = (n: number) => String(n).padStart(2, '0');

export function isoDate(y: number, m: number, d: number): string | null {
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  if (y < 1900 || y > 2200) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** Excel serial day (1900 date system, with its fictitious 1900-02-29). */
export function fromExcelSerial(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 120000) return null;
  const ms = Math.round((serial - 25569) * 86400000);
  const dt = new Date(ms);
  return isoDate(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate());
}

/**
 * Accepts 2024-03-01, 2024/3/1, 2024.3.1, 2024年3月1日, 20240301, an Excel serial
 * (number or numeric string) and JS Dates. Month-only spellings (2024-03, 2024年3月,
 * 2024.03 — common for 出生年月) give the first day of the month when `allowMonth`.
 */
export function parseChineseDate(v: unknown, opts: { allowMonth?: boolean } = {}): string | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return null;
    return isoDate(v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate());
  }
  if (typeof v === 'number') return fromExcelSerial(v);
  const s = String(v).trim().replace(/\s+/g, '');
  if (!s) return null;
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  if (opts.allowMonth) {
    m = /^(\d{4})[-/.年](\d{1,2})月?$/.exec(s) ?? /^(\d{4})(\d{2})$/.exec(s);
    if (m) return isoDate(Number(m[1]), Number(m[2]), 1);
  }
  if (/^\d+(\.\d+)?$/.test(s)) return fromExcelSerial(Number(s));
  return null;
}

/** YYYYMMDD as archive catalogues print dates. */
export const catalogueDate = (iso: string | null): string => (iso ? iso.replaceAll('-', '') : '');

/*
 * Display and stamping. One format on every page and printed sheet: 2025年3月7日 for a day,
 * 2025年3月 for a month, 2025年3月7日 14:07 for an instant; ISO (2025-03-07) in inputs and
 * exports. Functions that need "today" take it as an argument: the one source of today is
 * the caller's clock, never this module.
 */

/** 2025-03-07 (or a longer ISO text) → 2025年3月7日; text that is not an ISO date is returned as it is. */
export function dateLabel(iso: string): string {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
}

/** 2025-03 (or a full ISO date) → 2025年3月. */
export function monthLabel(isoMonth: string): string {
  const m = /^(\d{4})-(\d{2})/.exec(isoMonth);
  return m ? `${m[1]}年${Number(m[2])}月` : isoMonth;
}

/** 2025-03-07 → 3月7日, for lists inside one year. */
export function monthDayLabel(iso: string): string {
  const m = /^\d{4}-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${Number(m[1])}月${Number(m[2])}日` : iso;
}

/** The local calendar day of a Date as ISO YYYY-MM-DD. */
export const isoDateOf = (d: Date): string => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/** The local month of a Date as ISO YYYY-MM. */
export const isoMonthOf = (d: Date): string => `${d.getFullYear()}-${pad(d.getMonth() + 1)}`;

/** The local clock time of a Date: 14:07, or 14:07:09 with seconds. */
export const clockOf = (d: Date, seconds = false): string =>
  `${pad(d.getHours())}:${pad(d.getMinutes())}${seconds ? `:${pad(d.getSeconds())}` : ''}`;

/** An ISO instant → 2025年3月7日 14:07 in local time; text that is no instant is returned as it is. */
export function timeLabel(iso: string, opts: { seconds?: boolean } = {}): string {
  if (!/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(iso)) return iso;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日 ${clockOf(d, opts.seconds)}`;
}

/** A local timestamp for file and folder names: 20250307-140709. */
export const fileStampOf = (d: Date): string =>
  `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}-${pad(d.getHours())}${pad(d.getMinutes())}${pad(d.getSeconds())}`;

/** A local timestamp for backup folder names: 2025-03-07_14-07-09. */
export const folderStampOf = (d: Date): string =>
  `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}_${pad(d.getHours())}-${pad(d.getMinutes())}-${pad(d.getSeconds())}`;

/**
 * The years a year picker offers, newest first: next year (rules and plans are set ahead),
 * this year and the seven before it (a three-year posting and the one before); `keep` is
 * added when outside, so the chosen year always shows.
 */
export function yearChoices(thisYear: number, keep?: number): number[] {
  const years = Array.from({ length: 9 }, (_, i) => thisYear + 1 - i);
  if (keep !== undefined && Number.isInteger(keep) && !years.includes(keep)) years.push(keep);
  return years.sort((a, b) => b - a);
}

/** {@link yearChoices} as select options labelled 2025年度. */
export const yearOptions = (thisYear: number, keep?: number): { value: number; label: string }[] =>
  yearChoices(thisYear, keep).map((y) => ({ value: y, label: `${y}年度` }));
