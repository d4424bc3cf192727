/**
 * What people type into a date or month box, read one way everywhere (the renderer's date and
 * month pickers, the attendance month box). Unlike parseChineseDate (spreadsheet cells) a bare
 * number is never an Excel serial here: "2025" is a year being typed, not 1905-07-17.
 */
import { isoDate } from './dates';

const pad = (n: number) => String(n).padStart(2, '0');

/** Full-width digits and separators as Chinese IMEs produce them, folded to ASCII. */
function normalise(text: string): string {
  return text
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[－—–／．。、]/g, (c) => (c === '／' ? '/' : c === '．' || c === '。' || c === '、' ? '.' : '-'))
    .replace(/\s+/g, '');
}

/** "2025-03", "2025-3", "2025年3月", "2025年03月", "202503", "2025.3", "2025/03" → "2025-03"; otherwise null. */
export function parseTypedMonth(text: string): string | null {
  const s = normalise(text);
  const m = /^(\d{4})(?:[-/.]|年)(\d{1,2})月?$/.exec(s) ?? /^(\d{4})(\d{2})$/.exec(s);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  if (mo < 1 || mo > 12 || y < 1900 || y > 2200) return null;
  return `${y}-${pad(mo)}`;
}

/** "2025-03-05", "2025/3/5", "2025.3.5", "2025年3月5日", "20250305" → "2025-03-05"; otherwise null. */
export function parseTypedDate(text: string): string | null {
  const s = normalise(text);
  const m = /^(\d{4})(?:[-/.]|年)(\d{1,2})(?:[-/.]|月)(\d{1,2})[日号]?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (!m) return null;
  return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

/**
 * True when the typed text names the value the box already holds (e.g. "2025-03" typed over
 * 2025年3月): the picker sees no change, so nothing rewrites the text into the box's format.
 * `shown` is the held value as ISO ("2025-03" for a month box, "2025-03-05" for a date box).
 */
export function retypesShownValue(text: string, shown: string | null, kind: 'month' | 'date'): boolean {
  if (!shown) return false;
  const typed = kind === 'month' ? parseTypedMonth(text) : parseTypedDate(text);
  return typed !== null && typed === shown.slice(0, kind === 'month' ? 7 : 10);
}
