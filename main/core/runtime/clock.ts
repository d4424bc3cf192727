/**
 * The one source of "today" and "now" for main-process code that decides a business date
 * (what month is current, whether a date lies in the future, which year a page opens on).
 *
 * By default it is the clerk's PC clock. The code that starts a process (the bridge's starter,
 * the CLI, a test) may fix the calendar date for that process with `fixToday`; nothing in
 * production reads an environment variable for it. Audit and file timestamps stay real time.
 */

import { isoDateOf } from '../../../shared/dates';

let fixedDay: { y: number; m: number; d: number } | null = null;

/** Now: the real moment, or the real time of day on the fixed date. */
export function now(): Date {
  const real = new Date();
  if (!fixedDay) return real;
  return new Date(fixedDay.y, fixedDay.m - 1, fixedDay.d, real.getHours(), real.getMinutes(), real.getSeconds(), real.getMilliseconds());
}

/** Today's local calendar date, YYYY-MM-DD. */
export const localToday = (): string => isoDateOf(now());

/**
 * Fixes this process's calendar date to `iso` (YYYY-MM-DD) until `useRealClock` (or the
 * returned undo) is called. Throws on a date that does not exist.
 */
export function fixToday(iso: string): () => void {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const day = m ? { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) } : null;
  if (!day || isoDateOf(new Date(day.y, day.m - 1, day.d)) !== iso) throw new Error(`not a calendar date: ${iso}`);
  const before = fixedDay;
  fixedDay = day;
  return () => {
    fixedDay = before;
  };
}

/** Back to the PC clock. */
export function useRealClock(): void {
  fixedDay = null;
}
