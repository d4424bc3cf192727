/**
 * The renderer's "today": the main process's business date (main/core/runtime/clock.ts), learned from
 * app.status before any page mounts. Pages open on this year and month, so the screens and the
 * server's rules (what is current, overdue or in the future) never disagree about the date —
 * even when the process that serves them runs on a fixed date (a test, a demo at a given day).
 * Until the status arrives it is the PC's own date.
 */

import { isoDateOf } from '../../../shared/dates';

let serverToday: string | null = null;

/** Called with app.status's `today` (YYYY-MM-DD). */
export function learnToday(iso: string): void {
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) serverToday = iso;
}

/** Today, YYYY-MM-DD. */
export const today = (): string => serverToday ?? isoDateOf(new Date());

/** This year. */
export const thisYear = (): number => Number(today().slice(0, 4));

/** Today at local midnight, for code that does calendar arithmetic on a Date. */
export function todayDate(): Date {
  const [y, m, d] = today().split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d);
}
