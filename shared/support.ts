/**
 * Support owed to dispatched cadres: the monthly allowance paid by quarter, and accident
 * insurance. Money is integer fen. No node:*, no DOM.
 *
 * Decisions (the source report leaves them open; tested in tests/unit/work.test.ts):
 * - Allowance (市级选派干部 only, default 1700 yuan a month): a month's due is the standard ×
 *   posted days ÷ days in the month, rounded to the fen, summed per quarter; the quarter is paid
 *   at its end. "Behind" = paid for a quarter < owed, for quarters whose last day is before today.
 * - Insurance (市级选派干部, default cover 500,000 yuan): lapsed = posted days (up to today) not
 *   covered by any policy's validity.
 */
import { dateFromDayNumber, dayNumber, daysInMonth, monthLast, postingRangeInMonth, type PostingSpan } from './attendance';

export const DEFAULT_ALLOWANCE_MONTHLY_FEN = 170_000;
export const DEFAULT_INSURANCE_COVER_FEN = 50_000_000;

export const quarterMonths = (year: number, q: number): string[] =>
  [1, 2, 3].map((i) => `${year}-${String((q - 1) * 3 + i).padStart(2, '0')}`);
export const quarterLast = (year: number, q: number): string => monthLast(quarterMonths(year, q)[2]!);
export const quarterOf = (date: string): number => Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1;

/** Distinct days of the month inside any of the postings (overlaps counted once). */
export function postedDaysInMonth(postings: readonly PostingSpan[], month: string): number {
  const ranges = postings
    .map((p) => postingRangeInMonth(p, month))
    .filter((r) => r !== null)
    .map((r) => [dayNumber(r.from), dayNumber(r.to)] as const)
    .sort((x, y) => x[0] - y[0]);
  let days = 0;
  let upTo = -Infinity;
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
