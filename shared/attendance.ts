/**
 * Attendance rules (考勤): status codes, half days, the month grid's defaults and the
 * monthly count against 每月到岗率不少于20天. Pure: no node:*, no DOM.
 *
 * Model
 * - A day has two halves, AM (上午) and PM (下午); each half carries one status code, so
 *   half-day leave is exact. A row is `DayCell[]`, index 0 = day 1 of the month.
 * - Every half inside a posting defaults to 在岗; outside every posting it is 未到任.
 *   Only exceptions are stored (see main/store/migrations/0002-attendance.ts).
 * - Rest days (weekends not worked, statutory holidays): whether they count is the county's
 *   setting `restDaysCount`. By default (false) a rest day counts as on post only when the
 *   register explicitly marks it 在岗/公出 (a stored cell), and a 缺勤 on it is no absence.
 *   With the setting on, every calendar day counts (the cadre lives in the village).
 * - Days after today never count (see `CountContext.futureFrom`).
 * - Only months the township certified count towards rates, totals and 达标 (the callers
 *   read certifications; see main/core/attendance/register.ts).
 */
import { z } from 'zod';
import { dayNumber, monthDates, monthFirst, monthLast, monthOf } from './attendance/monthDates';

// The month arithmetic and the holiday calendar live in their own modules; attendance code
// imports them from here as part of the attendance rules.
export * from './attendance/monthDates';
export * from './attendance/holidayCalendar';

// ───────────────────────────── codes ─────────────────────────────

export const ATTENDANCE_CODES = ['在岗', '公出', '事假', '病假', '公假', '婚丧产假', '缺勤', '未到任'] as const;
export type AttendanceCode = (typeof ATTENDANCE_CODES)[number];

/** The leave kinds a leave request (请假) may have; each is also a grid code. */
export const LEAVE_TYPES = ['事假', '病假', '公假', '婚丧产假'] as const;
export type LeaveType = (typeof LEAVE_TYPES)[number];

export type CodeKind = 'onPost' | 'gongchu' | 'leave' | 'absent' | 'notPosted';

export interface CodeInfo {
  code: AttendanceCode;
  /** One keyboard letter, the pinyin initial of the word the register uses. */
  key: string;
  kind: CodeKind;
  /** Shown as a tooltip / legend. */
  description: string;
}

/**
 * Keyboard letters (pinyin initials; when two words share one, the second takes the initial
 * of its distinguishing character): Z 在岗 (zài), G 公出 (gōng), S 事假 (shì), B 病假 (bìng),
 * J 公假 (jià), H 婚丧产假 (hūn), Q 缺勤 (quē), W 未到任 (wèi — shown only, never typed).
 */
export const ATTENDANCE_CODE_INFO: Record<AttendanceCode, CodeInfo> = {
  在岗: { code: '在岗', key: 'Z', kind: 'onPost', description: '在岗（默认）' },
  公出: { code: '公出', key: 'G', kind: 'gongchu', description: '因公外出' },
  事假: { code: '事假', key: 'S', kind: 'leave', description: '事假' },
  病假: { code: '病假', key: 'B', kind: 'leave', description: '病假（须附病假证明）' },
  公假: { code: '公假', key: 'J', kind: 'leave', description: '公假（须附会议通知等）' },
  婚丧产假: { code: '婚丧产假', key: 'H', kind: 'leave', description: '婚假、丧假、产假' },
  缺勤: { code: '缺勤', key: 'Q', kind: 'absent', description: '缺勤（未请假不在岗）' },
  未到任: { code: '未到任', key: 'W', kind: 'notPosted', description: '不在任职期内（到任前或离任后）' },
};

/** Codes a clerk may type into the grid (未到任 follows from the posting dates only). */
export const EDITABLE_CODES = ATTENDANCE_CODES.filter((c) => c !== '未到任') as Exclude<AttendanceCode, '未到任'>[];
export type EditableCode = Exclude<AttendanceCode, '未到任'>;

export function codeFromKey(key: string): EditableCode | undefined {
  const k = key.trim().toUpperCase();
  return EDITABLE_CODES.find((c) => ATTENDANCE_CODE_INFO[c].key === k);
}

export const isLeaveType = (c: string): c is LeaveType => (LEAVE_TYPES as readonly string[]).includes(c);

/** A stored cell covers the whole day (全) or one half (上 = AM, 下 = PM). */
export const CELL_HALVES = ['全', '上', '下'] as const;
export type CellHalf = (typeof CELL_HALVES)[number];
/** Leave starts/ends at a half: start 上 = from the morning, 下 = from the afternoon; end 上 = until noon, 下 = until evening. */
export type LeaveHalf = '上' | '下';

/** [AM, PM] */
export type DayCell = readonly [AttendanceCode, AttendanceCode];
export type MonthRow = DayCell[];

// ───────────────────────────── settings ─────────────────────────────

export interface AttendanceSettings {
  /** 公出/因公外出 counts as on post (the usual practice). */
  gongchuCountsOnPost: boolean;
  /** 每月到岗率不少于20天. */
  monthlyMinimum: number;
  /** Leave up to this many days is approved by the township party committee, longer by the county (one county uses 5). */
  leaveTownshipMaxDays: number;
  /** A month must be certified within this many days after it ends (else an alert). */
  certifyDeadlineDays: number;
  /** Absences found at checks (督查) that cap the year-end grade; see shared/events.ts. */
  checkAbsence: CheckAbsenceThresholds;
  /**
   * Rest days (weekends not worked, holidays) count like working days. Off by default: a rest
   * day then counts as on post only when marked 在岗/公出, and a 缺勤 on it is no absence.
   */
  restDaysCount: boolean;
}

/** Found not on post this many times in a year: no 优秀 / at most 基本称职 / 不称职. */
export interface CheckAbsenceThresholds {
  noExcellentAt: number;
  maxBasicAt: number;
  incompetentAt: number;
}

export const DEFAULT_ATTENDANCE_SETTINGS: AttendanceSettings = {
  gongchuCountsOnPost: true,
  monthlyMinimum: 20,
  leaveTownshipMaxDays: 3,
  certifyDeadlineDays: 10,
  checkAbsence: { noExcellentAt: 1, maxBasicAt: 2, incompetentAt: 3 },
  restDaysCount: false,
};

const timesSchema = (label: string) =>
  z
    .number({ message: `${label}应为数字` })
    .int(`${label}应为整数`)
    .min(1, `${label}不能少于1次`)
    .max(50, `${label}不能超过50次`);

export const checkAbsenceThresholdsSchema = z
  .object({
    noExcellentAt: timesSchema('不得评优秀的不在岗次数'),
    maxBasicAt: timesSchema('最高评基本称职的不在岗次数'),
    incompetentAt: timesSchema('评为不称职的不在岗次数'),
  })
  .refine((t) => t.noExcellentAt <= t.maxBasicAt && t.maxBasicAt <= t.incompetentAt, {
    message: '督查不在岗次数门槛应依次不减：不得评优秀 ≤ 最高基本称职 ≤ 不称职',
  });

export const attendanceSettingsSchema = z.object({
  gongchuCountsOnPost: z.boolean({ message: '请选择“公出”是否计入在岗天数' }),
  monthlyMinimum: z
    .number({ message: '每月最少在岗天数应为数字' })
    .int('每月最少在岗天数应为整数')
    .min(1, '每月最少在岗天数不能少于1天')
    .max(31, '每月最少在岗天数不能超过31天'),
  leaveTownshipMaxDays: z
    .number({ message: '乡镇审批天数上限应为数字' })
    .min(0.5, '乡镇审批天数上限不能少于半天')
    .max(60, '乡镇审批天数上限不能超过60天')
    .refine((v) => Number.isInteger(v * 2), '乡镇审批天数上限应以半天为单位'),
  certifyDeadlineDays: z
    .number({ message: '考勤认定期限应为数字' })
    .int('考勤认定期限应为整数天')
    .min(0, '考勤认定期限不能为负数')
    .max(90, '考勤认定期限不能超过月末后90天'),
  checkAbsence: checkAbsenceThresholdsSchema,
  restDaysCount: z.boolean({ message: '请选择休息日是否计入在岗天数' }),
});
export const attendanceSettingsPatchSchema = attendanceSettingsSchema.partial();

// ───────────────────────────── postings ─────────────────────────────

export interface PostingSpan {
  /** ISO date */
  start: string;
  /** ISO date, null while ongoing */
  end: string | null;
}

/** The days of `month` inside the posting [start, end] (both inclusive), or null if none. */
export function postingRangeInMonth(p: PostingSpan, month: string): { from: string; to: string } | null {
  const first = monthFirst(month);
  const last = monthLast(month);
  const from = p.start > first ? p.start : first;
  const to = p.end === null || p.end > last ? last : p.end;
  return from <= to ? { from, to } : null;
}

export function postingDaysInMonth(p: PostingSpan, month: string): number {
  const r = postingRangeInMonth(p, month);
  return r ? dayNumber(r.to) - dayNumber(r.from) + 1 : 0;
}

/** 在岗 on every day inside one of the postings, 未到任 elsewhere. */
export function defaultMonthRow(month: string, postings: readonly PostingSpan[]): MonthRow {
  const row: MonthRow = monthDates(month).map(() => ['未到任', '未到任'] as const);
  for (const p of postings) {
    const r = postingRangeInMonth(p, month);
    if (!r) continue;
    const a = Number(r.from.slice(8)) - 1;
    const b = Number(r.to.slice(8)) - 1;
    for (let i = a; i <= b; i++) row[i] = ['在岗', '在岗'];
  }
  return row;
}

export interface StoredCell {
  date: string;
  half: CellHalf;
  code: AttendanceCode;
}

/**
 * Lays stored exceptions over the default row: whole-day cells first, then halves.
 * Days outside the postings stay 未到任 whatever is stored (the posting decides).
 */
export function applyExceptions(row: MonthRow, month: string, cells: readonly StoredCell[]): MonthRow {
  const out = row.slice();
  const ordered = [...cells].sort((a, b) => (a.half === '全' ? 0 : 1) - (b.half === '全' ? 0 : 1));
  for (const c of ordered) {
    if (monthOf(c.date) !== month) continue;
    const i = Number(c.date.slice(8)) - 1;
    const cur = out[i];
    if (!cur || cur[0] === '未到任' || c.code === '未到任') continue;
    out[i] = c.half === '全' ? [c.code, c.code] : c.half === '上' ? [c.code, cur[1]] : [cur[0], c.code];
  }
  return out;
}

// ───────────────────────────── counting ─────────────────────────────

export interface MonthCounts {
  daysInMonth: number;
  /** Days inside a posting (everything but 未到任). */
  postedDays: number;
  /** Days on post: 在岗, plus 公出 when the county counts it. Multiples of 0.5. */
  onPost: number;
  gongchu: number;
  leave: number;
  leaveByType: Record<LeaveType, number>;
  absent: number;
  notPosted: number;
  /** Rest days not marked (not counted as on post nor absent when rest days do not count). */
  rest: number;
  /** Days after today inside the posting (never counted). */
  future: number;
  /** The minimum that applies to this row (see `requiredDays`). */
  required: number;
  meetsMinimum: boolean;
  shortBy: number;
}

/**
 * The minimum for a month, given the days the cadre was posted in it.
 *
 * RULE (partial months): the monthly minimum is prorated by the posted share of the month,
 * rounded UP to a whole day, and never exceeds the posted days:
 *   required = min(postedDays, ceil(minimum × postedDays / daysInMonth))
 * A full month requires the minimum itself (20 by default; capped at the month's length);
 * a cadre posted from 16 June (15 of 30 days) needs ceil(20 × 15 / 30) = 10 days;
 * from 15 February 2024 (15 of 29 days) needs ceil(10.34…) = 11. No posted day → 0.
 */
export function requiredDays(postedDays: number, dim: number, minimum: number): number {
  if (postedDays <= 0) return 0;
  if (postedDays >= dim) return Math.min(minimum, dim);
  return Math.min(postedDays, Math.ceil((minimum * postedDays) / dim - 1e-9));
}

/**
 * What the count needs beyond the codes: which days are rest days, which halves the register
 * marks explicitly (a stored cell), and from which day on the month lies after today.
 * Without a context every calendar day counts (the calendar rule, for previews and tests).
 */
export interface CountContext {
  /** Per day index: a rest day (weekend not worked, or statutory holiday). */
  rest?: readonly boolean[];
  /** Per day index: [AM, PM] explicitly recorded (a stored cell, 在岗 included). */
  marked?: ReadonlyArray<readonly [boolean, boolean]>;
  /** Index of the first day after today (days from it on never count); undefined: none. */
  futureFrom?: number;
}

/**
 * What the register shows and counts for a half: its code, or 'rest' (a rest half that does
 * not count: unmarked 在岗, or a 缺勤 on a rest day, while the county does not count rest
 * days), or 'future' (after today, never counted). The printed register, the grid and the
 * dossier draw these, and `countMonth` adds them up, so marks and totals cannot disagree.
 */
export type RegisterHalf = AttendanceCode | 'rest' | 'future';
export type RegisterDay = readonly [RegisterHalf, RegisterHalf];

export function registerHalves(row: readonly DayCell[], settings: AttendanceSettings, ctx: CountContext = {}): RegisterDay[] {
  const restCounts = settings.restDaysCount !== false;
  return row.map((day, i) => {
    const future = ctx.futureFrom !== undefined && i >= ctx.futureFrom;
    const rest = !restCounts && ctx.rest?.[i] === true;
    const half = (h: 0 | 1): RegisterHalf => {
      const code = day[h];
      if (code === '未到任') return code;
      if (future) return 'future';
      if (rest && ((code === '在岗' && ctx.marked?.[i]?.[h] !== true) || code === '缺勤')) return 'rest';
      return code;
    };
    return [half(0), half(1)] as const;
  });
}

export function countMonth(row: readonly DayCell[], settings: AttendanceSettings, ctx: CountContext = {}): MonthCounts {
  return countRegisterHalves(registerHalves(row, settings, ctx), settings);
}

/** Adds up the halves as the register shows them (see `registerHalves`). */
export function countRegisterHalves(row: readonly RegisterDay[], settings: AttendanceSettings): MonthCounts {
  const halves: Record<AttendanceCode, number> = {
    在岗: 0,
    公出: 0,
    事假: 0,
    病假: 0,
    公假: 0,
    婚丧产假: 0,
    缺勤: 0,
    未到任: 0,
  };
  let restHalves = 0;
  let futureHalves = 0;
  for (const day of row) {
    for (const h of day) {
      if (h === 'rest') restHalves++;
      else if (h === 'future') futureHalves++;
      else halves[h]++;
    }
  }
  const d = (h: number) => h / 2;
  const dim = row.length;
  const postedDays = d(dim * 2 - halves.未到任);
  const onPost = d(halves.在岗 + (settings.gongchuCountsOnPost ? halves.公出 : 0));
  const leaveByType = {
    事假: d(halves.事假),
    病假: d(halves.病假),
    公假: d(halves.公假),
    婚丧产假: d(halves.婚丧产假),
  };
  const required = requiredDays(Math.ceil(postedDays), dim, settings.monthlyMinimum);
  return {
    daysInMonth: dim,
    postedDays,
    onPost,
    gongchu: d(halves.公出),
    leave: leaveByType.事假 + leaveByType.病假 + leaveByType.公假 + leaveByType.婚丧产假,
    leaveByType,
    absent: d(halves.缺勤),
    notPosted: d(halves.未到任),
    rest: d(restHalves),
    future: d(futureHalves),
    required,
    meetsMinimum: onPost >= required,
    shortBy: Math.max(0, required - onPost),
  };
}

/** Per day index, which halves have a stored cell (the register marks them explicitly). */
export function markedHalves(month: string, cells: readonly StoredCell[]): Array<[boolean, boolean]> {
  const out = monthDates(month).map(() => [false, false] as [boolean, boolean]);
  for (const c of cells) {
    if (monthOf(c.date) !== month) continue;
    const m = out[Number(c.date.slice(8)) - 1];
    if (!m) continue;
    if (c.half !== '下') m[0] = true;
    if (c.half !== '上') m[1] = true;
  }
  return out;
}

/** Index of the first day of `month` after `today`, or undefined when the whole month is past or today. */
export function futureFromIndex(month: string, today: string): number | undefined {
  if (monthLast(month) <= today) return undefined;
  if (monthFirst(month) > today) return 0;
  return Number(today.slice(8));
}
