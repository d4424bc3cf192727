/**
 * What a register cell, total and remark say. One character per half day so 31 day columns
 * fit on A4 landscape; the legend printed at the foot explains every mark.
 */
import {
  LEAVE_TYPES,
  type AttendanceCode,
  type AttendanceSettings,
  type DayCell,
  type DayInfo,
  type MonthCounts,
  type PostingSpan,
  type RegisterDay,
  type RegisterHalf,
  WEEKDAY_LABELS,
} from '../../../shared/attendance';
import { DAY_MARKS } from '../../../shared/attendanceMarks';
import { monthDayLabel } from '../../../shared/dates';

/** The screen's marks (√ for 在岗, local practice), but × for 缺勤 and / outside the posting. */
export const MARKS: Record<AttendanceCode, string> = { ...DAY_MARKS, 缺勤: '×', 未到任: '/' };

/**
 * A half as printed: a rest half that does not count prints 休 (never √: the totals leave it
 * out), a half after today prints nothing.
 */
export const halfMark = (h: RegisterHalf): string => (h === 'rest' ? '休' : h === 'future' ? '' : MARKS[h]);

/** A day: one mark; a day split in halves: AM above PM (two lines in the cell). */
export function cellMark(cell: DayCell | RegisterDay): string {
  const [am, pm] = cell;
  return am === pm ? halfMark(am) : `${halfMark(am) || '　'}\n${halfMark(pm) || '　'}`;
}

/** Day column header: the day number over 一…日, 休 (statutory holiday) or 班 (make-up workday). */
export function dayHeader(d: DayInfo): string {
  const tag = d.holiday ? '休' : d.workday ? '班' : WEEKDAY_LABELS[d.weekday]!;
  return `${d.day}\n${tag}`;
}

/** 21 → "21", 20.5 → "20.5". */
export const days = (n: number): string => (Number.isInteger(n) ? String(n) : n.toFixed(1));

const SHORT_POST: Record<string, string> = {
  乡镇党委第一副书记: '第一副书记',
  村党组织第一书记: '第一书记',
  驻村工作队员: '工作队员',
};
export const shortPost = (postType: string): string => SHORT_POST[postType] ?? postType;

/** Remarks: breakdown of leave, 公出, 缺勤, arrival/departure inside the month, a short month. */
export function remarks(counts: MonthCounts, postings: readonly PostingSpan[], month: string, complete: boolean): string {
  const parts: string[] = [];
  for (const t of LEAVE_TYPES) if (counts.leaveByType[t] > 0) parts.push(`${t}${days(counts.leaveByType[t])}天`);
  if (counts.gongchu > 0) parts.push(`公出${days(counts.gongchu)}天`);
  if (counts.absent > 0) parts.push(`缺勤${days(counts.absent)}天`);
  if (counts.rest > 0) parts.push(`休息${days(counts.rest)}天`);
  for (const p of postings) {
    if (p.start > `${month}-01` && p.start.startsWith(month)) parts.push(`${monthDayLabel(p.start)}到任`);
    if (p.end && p.end.startsWith(month) && counts.notPosted > 0) parts.push(`${monthDayLabel(p.end)}离任`);
  }
  if (complete && !counts.meetsMinimum) parts.push(`未达${counts.required}天`);
  return parts.join('，');
}

/** How rest days print and count under the county's setting. */
const rest = (settings: AttendanceSettings): string =>
  settings.restDaysCount
    ? '休息日与工作日同样计算；'
    : '休 为休息日（未登记上班的周末、法定节假日，及休息日登记的缺勤），不计入在岗天数，也不算缺勤；';

/** The legend under the table. */
export function legend(settings: AttendanceSettings): string {
  const codes = (Object.keys(MARKS) as AttendanceCode[])
    .map((c) => `${MARKS[c]} ${c === '未到任' ? '不在任职期内' : c === '公出' ? '公出（因公外出）' : c}`)
    .join('　');
  const gongchu = settings.gongchuCountsOnPost ? '公出计入在岗天数' : '公出不计入在岗天数';
  return (
    `说明：${codes}。半天分两行，上行为上午、下行为下午。表头“六”“日”为周末，“休”为法定节假日（灰底为休息日），` +
    `“班”为调休上班日。${rest(settings)}${gongchu}；每月在岗不少于${settings.monthlyMinimum}天，到任、离任当月按在任天数折算。`
  );
}
