/**
 * The entry table's rows: saved entries being edited and new drafts, with the text the clerk
 * typed. Dates and kinds are understood as typed (3.5, 0305, Z/走) and shown normalised.
 */
import type { LogRowInput } from '../../../shared/api/worklog';
import { blankLogTexts, kindFromText, parseTypedDate, type LogEntry, type LogFile } from '../../../shared/worklog';

/** Editable columns in table order; Enter/Tab walk them left to right. */
export const COLUMNS = ['date', 'kind', 'place', 'persons', 'situation', 'difficulties', 'followUp'] as const;
export type Column = (typeof COLUMNS)[number];

/** The log table's column headers (and widths), as on screen and in its sheet. */
export const LOG_HEADERS: Record<Column, { label: string; width?: number }> = {
  date: { label: '日期', width: 104 },
  kind: { label: '类型', width: 62 },
  place: { label: '地点', width: 110 },
  persons: { label: '走访对象', width: 120 },
  situation: { label: '情况' },
  difficulties: { label: '困难', width: 140 },
  followUp: { label: '下步打算', width: 140 },
};

export interface PendingFile {
  token: string;
  name: string;
}

export interface DraftRow {
  /** Stable React key. */
  key: string;
  id?: number;
  cells: Record<Column, string>;
  files: LogFile[];
  pending: PendingFile[];
  dirty: boolean;
}

let seq = 0;
const nextKey = () => `d${++seq}`;

export const emptyCells: () => Record<Column, string> = blankLogTexts;

export const blankRow = (): DraftRow => ({ key: nextKey(), cells: emptyCells(), files: [], pending: [], dirty: false });

export const fromEntry = (e: LogEntry): DraftRow => ({
  key: `e${e.id}`,
  id: e.id,
  cells: {
    date: e.date,
    kind: e.kind,
    place: e.place,
    persons: e.persons,
    situation: e.situation,
    difficulties: e.difficulties,
    followUp: e.followUp,
  },
  files: e.files,
  pending: [],
  dirty: false,
});

export const isBlank = (r: DraftRow) => r.id === undefined && !r.pending.length && COLUMNS.every((c) => !r.cells[c].trim());

/** What a cell shows once the clerk leaves it: ISO date, full kind word; other text as typed. */
export function normalizeCell(col: Column, value: string, year: number): string {
  if (col === 'date') return parseTypedDate(value, year) ?? value;
  if (col === 'kind') return kindFromText(value) ?? value;
  return value;
}

/** Why a cell is not acceptable yet ('' = fine). */
export function cellProblem(col: Column, value: string, year: number): string {
  if (col === 'date') return value.trim() && !parseTypedDate(value, year) ? '日期无法识别' : '';
  if (col === 'kind') return value.trim() && !kindFromText(value) ? '类型应为走访、帮扶、会议、项目、其他' : '';
  return '';
}

/** Rows to send: edited saved entries and non-blank drafts. A draft's missing kind defaults to 其他. */
export function rowsToSave(rows: DraftRow[], year: number): { rows: LogRowInput[]; source: DraftRow[] } {
  const out: LogRowInput[] = [];
  const source: DraftRow[] = [];
  for (const r of rows) {
    if (isBlank(r) || (r.id !== undefined && !r.dirty && !r.pending.length)) continue;
    const c = r.cells;
    out.push({
      ...(r.id !== undefined ? { id: r.id } : {}),
      date: parseTypedDate(c.date, year) ?? c.date,
      kind: c.kind.trim() ? (kindFromText(c.kind) ?? c.kind) : '其他',
      place: c.place,
      persons: c.persons,
      situation: c.situation,
      difficulties: c.difficulties,
      followUp: c.followUp,
      files: r.pending.map((p) => p.token),
    });
    source.push(r);
  }
  return { rows: out, source };
}

/**
 * Text pasted from a spreadsheet: rows by line, cells by tab. Quoted cells (Excel quotes a
 * cell holding a line break) keep their inner line breaks.
 */
export function parsePasted(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const t = text.replace(/\r\n?/g, '\n');
  for (let i = 0; i < t.length; i++) {
    const ch = t[i]!;
    if (quoted) {
      if (ch === '"' && t[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === '\t') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows.filter((r) => r.some((c) => c.trim() !== ''));
}

/** Puts pasted cells into the table from (rowIndex, column), adding rows as needed. */
export function applyPaste(rows: DraftRow[], at: number, col: Column, pasted: string[][], year: number): DraftRow[] {
  const next = rows.slice();
  const start = COLUMNS.indexOf(col);
  pasted.forEach((cells, i) => {
    const idx = at + i;
    while (next.length <= idx) next.push(blankRow());
    const r = { ...next[idx]!, cells: { ...next[idx]!.cells }, dirty: true };
    cells.forEach((v, j) => {
      const c = COLUMNS[start + j];
      if (c) r.cells[c] = normalizeCell(c, v.trim(), year);
    });
    next[idx] = r;
  });
  return next;
}
