/**
 * Pure helpers of the month grid: how codes look, the selection rectangle, the edits a key
 * press or a paste makes. No React here, so the rules are easy to read in one place.
 */
import {
  ATTENDANCE_CODE_INFO,
  EDITABLE_CODES,
  codeFromKey,
  type AttendanceCode,
  type CellHalf,
  type DayInfo,
  type EditableCode,
  type DayCell,
  type RegisterDay,
  type RegisterHalf,
} from '../../../shared/attendance';
import type { CellEditInput, GridRow } from '../../../shared/api/attendance';
import { isoMonthOf } from '../../../shared/dates';
import { todayDate } from '../app/today';
import type { CellPos } from '../common/gridRows';

/** Text and background colour per code (AA contrast on the background). */
export const COLOURS: Record<AttendanceCode, { fg: string; bg: string }> = {
  在岗: { fg: '#9ca3af', bg: 'transparent' },
  公出: { fg: '#1d4ed8', bg: '#dbeafe' },
  事假: { fg: '#9a3412', bg: '#ffedd5' },
  病假: { fg: '#6b21a8', bg: '#f3e8ff' },
  公假: { fg: '#0f766e', bg: '#ccfbf1' },
  婚丧产假: { fg: '#9d174d', bg: '#fce7f3' },
  缺勤: { fg: '#ffffff', bg: '#dc2626' },
  未到任: { fg: '#9ca3af', bg: '#eceef1' },
};

export const SHOWN_COLOURS = (h: RegisterHalf): { fg: string; bg: string } =>
  h === 'rest' || h === 'future' ? { fg: '#6b7280', bg: 'transparent' } : COLOURS[h];
const SHOWN_WORD = (h: RegisterHalf): string => (h === 'rest' ? '休息日（不计入天数）' : h === 'future' ? '尚未到来（不计入天数）' : h);
/** Tooltip of a day cell: the code entered and, for a rest or future half, why it does not count. */
export function shownTitle(day: number, cell: DayCell, shown: RegisterDay): string {
  const w = (i: 0 | 1) => (shown[i] === 'rest' || shown[i] === 'future' ? SHOWN_WORD(shown[i]) : cell[i]);
  return shown[0] === shown[1] && cell[0] === cell[1] ? `${day}日 ${w(0)}` : `${day}日 上午${w(0)}，下午${w(1)}`;
}

export interface Selection {
  anchor: CellPos;
  focus: CellPos;
}
export interface Rect {
  r0: number;
  r1: number;
  c0: number;
  c1: number;
}

export const rectOf = (s: Selection): Rect => ({
  r0: Math.min(s.anchor.r, s.focus.r),
  r1: Math.max(s.anchor.r, s.focus.r),
  c0: Math.min(s.anchor.c, s.focus.c),
  c1: Math.max(s.anchor.c, s.focus.c),
});

/** Edits setting every posted day of the rectangle (days 未到任 are skipped, the server would refuse them). */
export function editsForRect(rows: GridRow[], days: DayInfo[], rect: Rect, code: EditableCode, half: CellHalf = '全'): CellEditInput[] {
  const out: CellEditInput[] = [];
  for (let r = rect.r0; r <= rect.r1; r++) {
    const row = rows[r];
    if (!row) continue;
    for (let c = rect.c0; c <= rect.c1; c++) {
      const cell = row.cells[c];
      const day = days[c];
      if (!cell || !day || cell[0] === '未到任') continue;
      out.push({ cadreId: row.cadreId, date: day.date, half, code });
    }
  }
  return out;
}

const WORDS: Array<[RegExp, EditableCode]> = [
  [/^(在岗|在|√|✓|v|)$/i, '在岗'],
  [/^(公出|出差|因公外出|出)$/, '公出'],
  [/^(事假|事)$/, '事假'],
  [/^(病假|病)$/, '病假'],
  [/^(公假|会议|公)$/, '公假'],
  [/^(婚丧产假|婚假|丧假|产假|婚|丧|产)$/, '婚丧产假'],
  [/^(缺勤|旷工|缺|×|x)$/i, '缺勤'],
];

/** One pasted value: a code letter, a Chinese word, or blank/√ for 在岗. */
export function parseToken(raw: string): EditableCode | null {
  const t = raw.trim();
  if (t.length === 1 && /[a-z]/i.test(t) && !/^[vx]$/i.test(t)) return codeFromKey(t) ?? null;
  for (const [re, code] of WORDS) if (re.test(t)) return code;
  return null;
}

export const PASTE_HELP = `可粘贴：${EDITABLE_CODES.join('、')}（或 √、空白表示在岗），或字母 ${EDITABLE_CODES.map((c) => ATTENDANCE_CODE_INFO[c].key).join(' ')}`;

/**
 * Spreadsheet text (rows by newline, cells by tab) → edits. A single value fills the whole
 * selection; a block is laid from the selection's top-left corner and clipped to the grid.
 */
export function editsFromPaste(text: string, rows: GridRow[], days: DayInfo[], rect: Rect): { edits: CellEditInput[] } | { error: string } {
  const lines = text.replace(/\r/g, '').split('\n');
  while (lines.length > 1 && lines.at(-1) === '') lines.pop();
  const block = lines.map((l) => l.split('\t'));
  const parsed: EditableCode[][] = [];
  for (const line of block) {
    const out: EditableCode[] = [];
    for (const tok of line) {
      const code = parseToken(tok);
      if (!code) return { error: `无法识别“${tok.trim()}”。${PASTE_HELP}` };
      out.push(code);
    }
    parsed.push(out);
  }
  if (parsed.length === 1 && parsed[0]!.length === 1) return { edits: editsForRect(rows, days, rect, parsed[0]![0]!) };
  const edits: CellEditInput[] = [];
  parsed.forEach((line, i) =>
    line.forEach((code, j) => {
      const r = rect.r0 + i;
      const c = rect.c0 + j;
      if (r < rows.length && c < days.length) edits.push(...editsForRect(rows, days, { r0: r, r1: r, c0: c, c1: c }, code));
    }),
  );
  return { edits };
}

/** A day column's tooltip: the holiday's name, or 调休上班 (with the holiday it makes up for); none on plain days. */
export function dayTitle(d: DayInfo): string | undefined {
  return d.holiday ?? (d.workday ? `${d.workdayFor ?? ''}调休上班` : undefined);
}

/** "10月1日—8日 国庆节 放假" lines for the foot of the grid. */
export function holidayNotes(days: DayInfo[]): string[] {
  const out: string[] = [];
  const rest = new Map<string, number[]>();
  const work = new Map<string, number[]>();
  for (const d of days) {
    if (d.holiday) rest.set(d.holiday, [...(rest.get(d.holiday) ?? []), d.day]);
    if (d.workday) work.set(d.workdayFor ?? '', [...(work.get(d.workdayFor ?? '') ?? []), d.day]);
  }
  const span = (ds: number[]) => (ds.length > 1 ? `${ds[0]}日—${ds.at(-1)}日` : `${ds[0]}日`);
  for (const [name, ds] of rest) out.push(`${name}放假：${span(ds)}`);
  for (const [name, ds] of work) out.push(`${name ? `${name}` : ''}调休上班：${ds.map((d) => `${d}日`).join('、')}`);
  return out;
}

/** The month before today's, as YYYY-MM (the month a clerk usually records). */
export function lastMonth(today = todayDate()): string {
  const d = new Date(today.getFullYear(), today.getMonth() - 1, 1);
  return isoMonthOf(d);
}

export const fmtDays = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));
