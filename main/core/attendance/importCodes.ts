/**
 * Reads one day cell of a township's own attendance spreadsheet: key letters (Z G S B J H Q),
 * the words and marks townships write (在岗, √, 出差, 旷工, ×…), and half days
 * ("上午事假", "上午事假下午病假", "事/√", two lines as the printed register has them).
 */
import { codeFromKey, type EditableCode } from '../../../shared/attendance';

/** What a cell says: both halves, "not posted" (a slash), or an error message. */
export type CellReading = { halves: [EditableCode, EditableCode] } | { notPosted: true } | { error: string };

const WORDS: Record<string, EditableCode> = {};
const add = (code: EditableCode, words: string[]) => words.forEach((w) => (WORDS[w] = code));
add('在岗', ['在岗', '√', '✓', '✔', '☑', '到岗', '出勤', '在']);
add('公出', ['公出', '出差', '因公外出', '外出', '出', '差']);
add('事假', ['事假', '事']);
add('病假', ['病假', '病']);
add('公假', ['公假', '会议', '开会', '会', '公']);
add('婚丧产假', ['婚丧产假', '婚假', '丧假', '产假', '陪产假', '婚', '丧', '产']);
add('缺勤', ['缺勤', '旷工', '缺', '旷', '×', '✗', '✘', 'X', 'x']);

const NOT_POSTED = new Set(['/', '／', '—', '-', '－', '未到任', '不在任']);

export const CODE_HINT = '请填写在岗（√）、公出、事假、病假、公假、婚丧产假、缺勤（×），或字母 Z G S B J H Q';

function word(raw: string): EditableCode | undefined {
  const w = raw.replace(/[\s\u3000]/g, '');
  if (!w) return '在岗';
  return WORDS[w] ?? (/^[A-Za-z]$/.test(w) ? codeFromKey(w) : undefined);
}

/** Reads a cell value (already reduced to a plain value); null or blank means 在岗. */
export function readDayCell(value: string | number | boolean | Date | null): CellReading {
  if (value === null) return { halves: ['在岗', '在岗'] };
  if (typeof value !== 'string') return { error: `无法识别“${value instanceof Date ? '日期' : String(value)}”，${CODE_HINT}` };
  const raw = value.trim();
  const compact = raw.replace(/[\s\u3000]/g, '');
  if (NOT_POSTED.has(compact)) return { notPosted: true };
  const whole = word(compact);
  if (whole) return { halves: [whole, whole] };
  // 上午事假 / 下午病假 / 上午事假下午病假 (a missing half stays 在岗)
  const m = /^(?:上午([^下]+))?(?:下午(.+))?$/.exec(compact);
  if (m && (m[1] || m[2])) {
    const am = m[1] ? word(m[1]) : '在岗';
    const pm = m[2] ? word(m[2]) : '在岗';
    if (am && pm) return { halves: [am, pm] };
  }
  // AM and PM separated: 事/√, 事|√, two lines
  const parts = raw.split(/[/／|｜\n、,，]/).map((p) => p.trim());
  if (parts.length === 2 && parts[0] && parts[1]) {
    const am = word(parts[0]);
    const pm = word(parts[1]);
    if (am && pm) return { halves: [am, pm] };
  }
  return { error: `无法识别“${raw}”，${CODE_HINT}` };
}
