/**
 * The demo's attendance story as pure data (no database): who took which leave, who signs the
 * registers, which checks find whom absent, and each cadre's day codes for a month. Both the
 * typeset registers in the bags (demo.ts) and the month grids (demoAttendance.ts) are made from
 * it, so a printed register and the certified grid agree day by day.
 *
 * The deliberate cases (dates relative to the calendar, see demoCalendar):
 * - SHORT: 吴建军 takes 4 days of 事假 in August of Y-2, approved by 县委组织部: under 20 days on post.
 * - BEYOND: 高明 takes 5 days of 事假 in March of Y-1, approved by the township only: 越权审批.
 * - EXCUSED: 孙丽娟 is on approved 病假 when the township checks in May of Y-1: 有因, no cap.
 * - CLOSED: a 县级抽查 in September of Y-1 finds 赵国庆 away on a day the certified register shows
 *   在岗: the 核查 is found 属实, the secretary 周振华 is talked to (约谈), the month is revoked,
 *   corrected and certified again; the absence caps his Y-1 grade (no 优秀).
 * - OPEN: a 县级抽查 two months before today's (April of Y in June) finds 冯振宇 away on a
 *   day the certified register shows 在岗; the 核查 is left open for the clerk.
 */
import { seededRandom } from '../../shared/random';
import { DEFAULT_HOLIDAYS } from '../../shared/holidays';
import type { DemoCadre, DemoCalendar } from './demoData';

export type LeaveCode = '事' | '病';

export interface DemoLeave {
  cadreIndex: number;
  type: '事假' | '病假';
  start: string;
  end: string;
  reason: string;
  level: '乡镇党委' | '县委组织部';
}

/** The township party secretaries who sign and seal the registers and approve short leave. */
export const DEMO_SECRETARIES: Readonly<Record<string, string>> = { 石门镇: '周振华', 柳河乡: '孟庆林', 杏林镇: '唐文斌' };
/** Who approves leave beyond the township's limit at 县委组织部. */
export const COUNTY_APPROVER = '刘长青';
export const COUNTY_CHECKER = '县委组织部督查组';

export const SHORT = { cadreIndex: 9, month: 8 };
export const BEYOND = { cadreIndex: 12, month: 3 };
export const EXCUSED = { cadreIndex: 7, month: 5 };
export const CLOSED = { cadreIndex: 6, month: 9 };
export const OPEN = { cadreIndex: 11 };

const pad = (n: number) => String(n).padStart(2, '0');
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

const HOLIDAY = new Map(DEFAULT_HOLIDAYS.map((h) => [h.date, h.kind]));

/** Days asked about so far (the plan asks about every day of three years, many times each). */
const restDays = new Map<string, boolean>();

/** A rest day of the default calendar: a weekend that is not a make-up workday, or a public holiday. */
export function isRestDay(date: string): boolean {
  let rest = restDays.get(date);
  if (rest === undefined) {
    const kind = HOLIDAY.get(date);
    const wd = new Date(`${date}T00:00:00Z`).getUTCDay();
    rest = kind ? kind === 'holiday' : wd === 0 || wd === 6;
    restDays.set(date, rest);
  }
  return rest;
}

/** The `n`th working day (Mon–Fri, not a holiday) of a month, counted from `from`. */
export function workday(y: number, m: number, n: number, from = 1): string {
  let seen = 0;
  const last = daysIn(y, m);
  for (let d = from; d <= last; d++) {
    const date = `${y}-${pad(m)}-${pad(d)}`;
    if (isRestDay(date)) continue;
    if (++seen === n) return date;
  }
  throw new Error(`no working day ${n} in ${y}-${m}`);
}

/** `n` consecutive working days from the `first`th one. */
function workdays(y: number, m: number, first: number, n: number): [string, string] {
  return [workday(y, m, first), workday(y, m, first + n - 1)];
}

/** Every leave request of the demo, all approved, none after today. */
export function demoLeaves(cal: DemoCalendar): DemoLeave[] {
  const { first, full } = cal;
  const out: DemoLeave[] = [];
  const add = (
    cadreIndex: number,
    type: DemoLeave['type'],
    [start, end]: [string, string],
    reason: string,
    level: DemoLeave['level'] = '乡镇党委',
  ) => out.push({ cadreIndex, type, start, end, reason, level });
  add(SHORT.cadreIndex, '事假', workdays(first, SHORT.month, 6, 4), '家中老人住院手术，需陪护照料', '县委组织部');
  add(3, '事假', workdays(first, 11, 8, 1), '子女学校家长会');
  add(14, '病假', workdays(first, 12, 3, 2), '重感冒发烧，卫生院就诊');
  add(BEYOND.cadreIndex, '事假', workdays(full, BEYOND.month, 7, 5), '配偶分娩，回家照料');
  add(5, '事假', workdays(full, 4, 12, 1), '办理房屋过户手续');
  add(EXCUSED.cadreIndex, '病假', workdays(full, EXCUSED.month, 10, 2), '急性肠胃炎，县医院门诊治疗');
  add(18, '事假', workdays(full, 10, 12, 2), '参加亲属婚礼');
  add(1, '事假', workdays(cal.year, 3, 5, 1), '到市里参加子女升学面谈');
  return out.filter((l) => l.end < cal.today);
}

/** A day of the calendar worked out once per calendar (the plan asks for it per cadre and month). */
function perCalendar(day: (cal: DemoCalendar) => string): (cal: DemoCalendar) => string {
  const days = new WeakMap<DemoCalendar, string>();
  return (cal) => {
    let d = days.get(cal);
    if (d === undefined) days.set(cal, (d = day(cal)));
    return d;
  };
}

/** The day EXCUSED is checked: the second day of her sick leave. */
export const excusedCheckDay = perCalendar((cal) => workday(cal.full, EXCUSED.month, 11));
/** The days CLOSED and OPEN were found away (registers show 在岗 until corrected). */
export const closedCheckDay = perCalendar((cal) => workday(cal.full, CLOSED.month, 14));
export const openCheckDay = perCalendar((cal) => {
  const y = Number(cal.today.slice(0, 4));
  const m = Number(cal.today.slice(5, 7)) - 2;
  return m >= 1 ? workday(y, m, 13) : workday(y - 1, m + 12, 13);
});

function hash(s: string): number {
  let h = 2166136261;
  for (const ch of s) h = Math.imul(h ^ ch.codePointAt(0)!, 16777619);
  return h >>> 0;
}

/**
 * A cadre's day codes for a month (√ 在岗, ○ 公出, 事, 病, 休 rest, × 缺勤): working days on post
 * with some 公出, the approved leave, rest days mostly 休 but some worked so that every month
 * has at least 21 days on post (the SHORT month: every rest day 休). `corrected`: the day of
 * a 核查 found 属实 is × (as the register reads after the correction), else 在岗 as first certified.
 */
export function monthCodes(
  c: DemoCadre,
  leaves: readonly DemoLeave[],
  cadreIndex: number,
  y: number,
  m: number,
  cal: DemoCalendar,
  corrected: boolean,
): string[] {
  const rng = seededRandom(hash(`${c.idNumber}|${y}-${m}`));
  // The days a check found the cadre away: the register said 在岗 (until a 核查 corrected it).
  const found = [cadreIndex === CLOSED.cadreIndex ? closedCheckDay(cal) : '', cadreIndex === OPEN.cadreIndex ? openCheckDay(cal) : ''];
  const absent = corrected ? absentDays(cal, cadreIndex, y, m) : [];
  const mine = leaves.filter((l) => l.cadreIndex === cadreIndex);
  const short = cadreIndex === SHORT.cadreIndex && mine.some((l) => l.start.startsWith(`${y}-${pad(m)}`) && l.level === '县委组织部');
  const codes: string[] = [];
  const last = daysIn(y, m);
  for (let d = 1; d <= last; d++) {
    const date = `${y}-${pad(m)}-${pad(d)}`;
    const leave = mine.find((l) => l.start <= date && l.end >= date);
    const rest = isRestDay(date);
    const r = rng();
    if (absent.includes(date)) codes.push('×');
    else if (found.includes(date)) codes.push('√');
    else if (leave) codes.push(leave.type === '事假' ? '事' : '病');
    else if (rest) codes.push(!short && r < 0.3 ? '√' : '休');
    else codes.push(r < 0.05 ? '○' : '√');
  }
  if (!short) {
    let n = codes.filter((x) => x === '√' || x === '○').length;
    for (let i = 0; i < codes.length && n < 21; i++) {
      if (codes[i] === '休') {
        codes[i] = '√';
        n++;
      }
    }
  }
  return codes;
}

/** Days the (corrected) register marks 缺勤 for a cadre in a month: the CLOSED case's day. */
export function absentDays(cal: DemoCalendar, cadreIndex: number, y: number, m: number): string[] {
  const d = closedCheckDay(cal);
  return cadreIndex === CLOSED.cadreIndex && d.startsWith(`${y}-${pad(m)}`) && d < cal.today ? [d] : [];
}
