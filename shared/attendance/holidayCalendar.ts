/**
 * The statutory holiday calendar (放假, 调休上班) and what it makes of each day of a month:
 * weekend, holiday, make-up workday, rest day. Pure: no node:*, no DOM.
 */
import { monthDates, weekdayOf } from './monthDates';

/** 'holiday' = statutory rest day (放假); 'workday' = make-up working day on a weekend (调休上班). */
export type HolidayKind = 'holiday' | 'workday';
export interface HolidayEntry {
  date: string;
  kind: HolidayKind;
  /** The holiday's name, e.g. 春节; for a workday, the holiday it makes up for. */
  name: string;
}
export type HolidayCalendar = ReadonlyMap<string, HolidayEntry>;

export const holidayCalendar = (entries: readonly HolidayEntry[]): HolidayCalendar => new Map(entries.map((e) => [e.date, e]));

export interface DayInfo {
  date: string;
  day: number;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
  weekend: boolean;
  /** Name of the public holiday when the day is a statutory rest day. */
  holiday?: string;
  /** True for a 调休 make-up working day (a weekend worked); `holiday` is then unset. */
  workday?: boolean;
  /** Name of the holiday a make-up workday belongs to. */
  workdayFor?: string;
  /** A rest day: holiday, or weekend not worked. Counted only when marked, unless the county counts rest days. */
  rest: boolean;
}

export function monthDays(month: string, calendar: HolidayCalendar): DayInfo[] {
  return monthDates(month).map((date, i) => {
    const weekday = weekdayOf(date);
    const weekend = weekday === 0 || weekday === 6;
    const e = calendar.get(date);
    const info: DayInfo = { date, day: i + 1, weekday, weekend, rest: weekend };
    if (e?.kind === 'holiday') {
      info.holiday = e.name;
      info.rest = true;
    } else if (e?.kind === 'workday') {
      info.workday = true;
      info.workdayFor = e.name;
      info.rest = false;
    }
    return info;
  });
}

export const WEEKDAY_LABELS = ['日', '一', '二', '三', '四', '五', '六'] as const;
