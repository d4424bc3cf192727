/**
 * The month grid of a township (月考勤登记表): cadres as rows, days as columns, and cell edits.
 *
 * Undo / redo: `setCells` returns `undo`, the edits that put back exactly what the changed
 * halves held before (always as explicit codes). The UI keeps two stacks: to undo, call
 * `setCells` with `undo` (and push the result's own `undo` — which is the redo — onto the
 * redo stack); to redo, call `setCells` with the original edits. Undone cells come back with
 * source 'manual' even if a leave had filled them. Every call writes one 'edit' history row.
 */
import type { CellEditInput, GridRow, MonthGrid } from '../../../shared/api/attendance';
import {
  EDITABLE_CODES,
  applyExceptions,
  defaultMonthRow,
  holidayCalendar,
  isIsoDate,
  monthDays,
  monthLast,
  monthOf,
  monthFirst,
  type AttendanceCode,
  type AttendanceSettings,
  type CellHalf,
  type EditableCode,
  type HolidayEntry,
  type PostingSpan,
  type StoredCell,
} from '../../../shared/attendance';
import { AppError } from '../../../shared/result';
import { nowIso, type Db } from '../../store/db';
import { audit } from '../audit/log';
import {
  activeCertification,
  assertMonth,
  assertNotCertified,
  isStored,
  readDays,
  sortCadres,
  townshipOf,
  writeDay,
  writeHistory,
  type DayState,
} from './common';
import { registerRow } from './register';
import { settingsForTownship } from './settings';
import { dateLabel } from '../../../shared/dates';
import { localToday } from '../runtime/clock';
import { stmt } from '../../store/statementCache';

export interface SetCellsResult {
  /** Updated rows of the cadres touched. */
  rows: GridRow[];
  /** Edits that restore the previous codes (see the header). Empty when nothing changed. */
  undo: CellEditInput[];
  /** Halves whose code changed. */
  changed: number;
}

type PostingRow = { cadreId: number; name: string; postType: string; start: string; end: string | null; village: string | null };

const POSTINGS_SQL = `
  SELECT p.cadre_id AS cadreId, c.name, c.post_type AS postType,
         p.start, p."end" AS "end", v.name AS village
    FROM postings p JOIN cadres c ON c.id = p.cadre_id LEFT JOIN villages v ON v.id = p.village_id
   WHERE p.township_id = ? AND p.start <= ? AND (p."end" IS NULL OR p."end" >= ?)
   ORDER BY p.start`;
const CELLS_SQL = `
  SELECT cadre_id AS cadreId, date, half, code FROM attendance_cells
   WHERE cadre_id IN (SELECT p.cadre_id FROM postings p
                       WHERE p.township_id = ? AND p.start <= ? AND (p."end" IS NULL OR p."end" >= ?))
     AND date BETWEEN ? AND ?`;
const CELLS_ONE_SQL = 'SELECT date, half, code FROM attendance_cells WHERE cadre_id = ? AND date BETWEEN ? AND ?';

/** Rows of the township's cadres for the month; `only` restricts to some cadres (after an edit). */
function buildRows(
  db: Db,
  townshipId: number,
  month: string,
  settings: AttendanceSettings,
  only?: Set<number>,
  today = localToday(),
): GridRow[] {
  const days = monthDays(month, holidayCalendar(monthHolidays(db, month)));
  const first = monthFirst(month);
  const last = monthLast(month);
  const postings = stmt(db, POSTINGS_SQL).all(townshipId, last, first) as PostingRow[];
  const byCadre = new Map<number, { head: PostingRow; spans: PostingSpan[]; villages: string[] }>();
  for (const p of postings) {
    if (only && !only.has(p.cadreId)) continue;
    let e = byCadre.get(p.cadreId);
    if (!e) byCadre.set(p.cadreId, (e = { head: p, spans: [], villages: [] }));
    e.spans.push({ start: p.start, end: p.end });
    if (p.village && !e.villages.includes(p.village)) e.villages.push(p.village);
  }
  const cellsBy = new Map<number, StoredCell[]>();
  const cells = (
    only && only.size <= 8
      ? [...only].flatMap((id) => (stmt(db, CELLS_ONE_SQL).all(id, first, last) as StoredCell[]).map((c) => ({ ...c, cadreId: id })))
      : (stmt(db, CELLS_SQL).all(townshipId, last, first, first, last) as Array<StoredCell & { cadreId: number }>)
  ) as Array<StoredCell & { cadreId: number }>;
  for (const c of cells) {
    const list = cellsBy.get(c.cadreId);
    if (list) list.push(c);
    else cellsBy.set(c.cadreId, [c]);
  }
  const rows: GridRow[] = [];
  for (const [cadreId, e] of byCadre) {
    const stored = cellsBy.get(cadreId) ?? [];
    const row = applyExceptions(defaultMonthRow(month, e.spans), month, stored);
    rows.push({
      cadreId,
      name: e.head.name,
      postType: e.head.postType,
      village: e.villages.length ? e.villages.join('、') : null,
      postings: e.spans,
      cells: row,
      ...registerRow(row, month, stored, days, settings, today),
    });
  }
  return sortCadres(rows);
}

export function monthHolidays(db: Db, month: string): HolidayEntry[] {
  return stmt(db, 'SELECT date, kind, name FROM holidays WHERE date BETWEEN ? AND ?').all(
    monthFirst(month),
    monthLast(month),
  ) as HolidayEntry[];
}

export function getMonthGrid(db: Db, townshipId: number, month: string, today = localToday()): MonthGrid {
  assertMonth(month);
  const t = townshipOf(db, townshipId);
  const settings = settingsForTownship(db, townshipId, Number(month.slice(0, 4)));
  return {
    townshipId,
    townshipName: t.name,
    countyId: t.countyId,
    month,
    days: monthDays(month, holidayCalendar(monthHolidays(db, month))),
    rows: buildRows(db, townshipId, month, settings, undefined, today),
    certification: activeCertification(db, townshipId, month),
    settings,
    complete: monthLast(month) < today,
  };
}

const halvesOf = (half: CellHalf | undefined): Array<0 | 1> => (half === '上' ? [0] : half === '下' ? [1] : [0, 1]);

/**
 * Applies cell edits to one township's month in one transaction. Refused while the month is
 * certified, for days outside the cadre's posting in this township, and for 未到任.
 */
export function setCells(
  db: Db,
  input: {
    townshipId: number;
    month: string;
    edits: CellEditInput[];
    source?: 'manual' | 'import';
    /** false: the caller does not show the touched rows (a batch entering many months); `rows` is then empty. */
    rows?: boolean;
  },
): SetCellsResult {
  const source = input.source ?? 'manual';
  const { townshipId, month, edits } = input;
  assertMonth(month);
  townshipOf(db, townshipId);
  if (edits.length === 0) return { rows: [], undo: [], changed: 0 };
  return db.transaction(() => {
    assertNotCertified(db, townshipId, month);
    const settings = settingsForTownship(db, townshipId, Number(month.slice(0, 4)));
    const first = monthFirst(month);
    const last = monthLast(month);
    const spans = new Map<number, { name: string; spans: PostingSpan[] }>();
    for (const p of stmt(db, POSTINGS_SQL).all(townshipId, last, first) as PostingRow[]) {
      const e = spans.get(p.cadreId) ?? { name: p.name, spans: [] };
      e.spans.push({ start: p.start, end: p.end });
      spans.set(p.cadreId, e);
    }
    const restDays = new Set(
      monthDays(month, holidayCalendar(monthHolidays(db, month)))
        .filter((d) => d.rest)
        .map((d) => d.date),
    );
    const before = new Map<string, DayState>();
    const after = new Map<string, DayState>();
    // The stored days of each edited cadre's month, read once per cadre rather than per edit.
    const storedDays = new Map<number, (date: string) => DayState>();
    const readStored = (cadreId: number, date: string): DayState => {
      let days = storedDays.get(cadreId);
      if (!days) storedDays.set(cadreId, (days = readDays(db, cadreId, first, last)));
      return days(date);
    };
    for (const ed of edits) {
      if (!(EDITABLE_CODES as readonly string[]).includes(ed.code)) {
        throw new AppError(
          'INVALID_INPUT',
          (ed.code as string) === '未到任' ? '“未到任”由任职日期决定，不能手工登记' : `未知的考勤代码：${ed.code}`,
        );
      }
      if (!isIsoDate(ed.date) || monthOf(ed.date) !== month) {
        throw new AppError('INVALID_INPUT', `日期 ${ed.date} 不在所选月份内`);
      }
      const c = spans.get(ed.cadreId);
      if (!c || !c.spans.some((s) => s.start <= ed.date && (s.end === null || s.end >= ed.date))) {
        throw new AppError('INVALID_INPUT', `${c ? `${c.name}` : '该干部'}${dateLabel(ed.date)}不在本乡镇任职期内，不能登记考勤`);
      }
      const key = `${ed.cadreId}|${ed.date}`;
      let day = after.get(key);
      if (!day) {
        day = readStored(ed.cadreId, ed.date);
        before.set(key, day);
      }
      const next: DayState = [day[0], day[1]];
      // 在岗 typed on a rest day is a mark: the day then counts (see shared/attendance.ts).
      const marked = ed.code === '在岗' && restDays.has(ed.date);
      for (const h of halvesOf(ed.half)) next[h] = { code: ed.code, source, leaveId: null, marked };
      after.set(key, next);
    }
    const at = nowIso();
    const undo: CellEditInput[] = [];
    const changes: Array<{ cadreId: number; name: string; date: string; half: CellHalf; from: AttendanceCode; to: AttendanceCode }> = [];
    const touched = new Set<number>();
    for (const [key, next] of after) {
      const prev = before.get(key)!;
      const [id, date] = key.split('|') as [string, string];
      const cadreId = Number(id);
      const newMark = (h: 0 | 1) => next[h].marked === true && prev[h].marked !== true;
      const amChanged = prev[0].code !== next[0].code || newMark(0);
      const pmChanged = prev[1].code !== next[1].code || newMark(1);
      // Re-typing the code a half already has changes nothing (a leave-filled half keeps its source).
      if (!amChanged && !pmChanged) continue;
      if (!amChanged) next[0] = prev[0];
      if (!pmChanged) next[1] = prev[1];
      writeDay(db, cadreId, date, next, at, isStored(prev));
      touched.add(cadreId);
      const name = spans.get(cadreId)!.name;
      if (amChanged && pmChanged && prev[0].code === prev[1].code && next[0].code === next[1].code) {
        undo.push({ cadreId, date, half: '全', code: prev[0].code as EditableCode });
        changes.push({ cadreId, name, date, half: '全', from: prev[0].code, to: next[0].code });
        continue;
      }
      ([0, 1] as const).forEach((h) => {
        if (prev[h].code === next[h].code) return;
        const half: CellHalf = h === 0 ? '上' : '下';
        undo.push({ cadreId, date, half, code: prev[h].code as EditableCode });
        changes.push({ cadreId, name, date, half, from: prev[h].code, to: next[h].code });
      });
    }
    if (changes.length) {
      writeHistory(db, townshipId, month, 'edit', { changes });
      // One entry per save: the changed cells as fields, so the diff reads cell by cell.
      const cell = (c: (typeof changes)[number]) => `${c.name}(${c.cadreId}) ${c.date} ${c.half}`;
      audit(
        db,
        'update',
        'attendance_month',
        townshipId,
        { month, changes: changes.length },
        {
          before: Object.fromEntries(changes.map((c) => [cell(c), c.from])),
          after: Object.fromEntries(changes.map((c) => [cell(c), c.to])),
        },
      );
    }
    const changed = changes.reduce((n, c) => n + (c.half === '全' ? 2 : 1), 0);
    const rows = touched.size && input.rows !== false ? buildRows(db, townshipId, month, settings, touched) : [];
    return { rows, undo, changed };
  })();
}

/** Rows of some cadres in a township month (used after leave changes). */
export function gridRows(db: Db, townshipId: number, month: string, cadreIds: number[]): GridRow[] {
  assertMonth(month);
  return buildRows(db, townshipId, month, settingsForTownship(db, townshipId, Number(month.slice(0, 4))), new Set(cadreIds));
}
