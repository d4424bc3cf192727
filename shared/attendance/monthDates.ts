/**
 * Calendar arithmetic on ISO months ('YYYY-MM') and dates ('YYYY-MM-DD') for the attendance
 * rules: UTC day numbers, no time zones. Pure: no node:*, no DOM.
 */

const pad = (n: number) => String(n).padStart(2, '0');
const MONTH_RE = /^(\d{4})-(\d{2})$/;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 'YYYY-MM' → {year, month}; throws on a malformed month (callers validate input first). */
export function parseMonth(month: string): { year: number; month: number } {
  const m = MONTH_RE.exec(month);
  const y = Number(m?.[1]);
  const mo = Number(m?.[2]);
  if (!m || mo < 1 || mo > 12) throw new RangeError(`bad month ${month}`);
  return { year: y, month: mo };
}

export const isMonth = (s: string): boolean => {
  const m = MONTH_RE.exec(s);
  return !!m && Number(m[2]) >= 1 && Number(m[2]) <= 12;
};

export function isIsoDate(s: string): boolean {
  const m = DATE_RE.exec(s);
  if (!m) return false;
  return dateFromDayNumber(dayNumber(s)) === s;
}

export function daysInMonth(month: string): number {
  const { year, month: mo } = parseMonth(month);
  return new Date(Date.UTC(year, mo, 0)).getUTCDate();
}

/** Days since 1970-01-01 (UTC calendar arithmetic, no time zones). */
export function dayNumber(date: string): number {
  const m = DATE_RE.exec(date);
  if (!m) throw new RangeError(`bad date ${date}`);
  return Math.round(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000);
}

/** The date `days` after (or before, when negative) an ISO date. */
export const addDays = (date: string, days: number): string => dateFromDayNumber(dayNumber(date) + days);

export function dateFromDayNumber(n: number): string {
  const d = new Date(n * 86_400_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** 0 = Sunday … 6 = Saturday. */
export const weekdayOf = (date: string): number => (((dayNumber(date) + 4) % 7) + 7) % 7;

export const monthFirst = (month: string) => `${month}-01`;
export const monthLast = (month: string) => `${month}-${pad(daysInMonth(month))}`;
export const monthOf = (date: string) => date.slice(0, 7);

/** The dates of months asked for so far (a grid asks for its month's many times). */
const datesOfMonth = new Map<string, readonly string[]>();
const MONTHS_KEPT = 240;

export function monthDates(month: string): string[] {
  let dates = datesOfMonth.get(month);
  if (dates === undefined) {
    const n = daysInMonth(month);
    dates = Array.from({ length: n }, (_, i) => `${month}-${pad(i + 1)}`);
    if (datesOfMonth.size >= MONTHS_KEPT) datesOfMonth.clear();
    datesOfMonth.set(month, dates);
  }
  return dates.slice();
}
