/**
 * Imports a month from the spreadsheet a township already keeps: previewImport() shows what
 * would change and every cell it cannot read (by its address, e.g. F7); commitImport()
 * applies the changes through setCells in one transaction. Cadres are matched by name among
 * the township's cadres of that month (by 身份证号 when the sheet has the column).
 */
import { monthDates } from '../../../shared/attendance';
import type { ImportChange, ImportError, ImportPreview, ImportResult } from '../../../shared/api/attendanceIo';
import { AppError } from '../../../shared/result';
import type { Db } from '../../store/db';
import { assertMonth, assertNotCertified } from './common';
import type { CellEditInput, GridRow } from '../../../shared/api/attendance';
import { getMonthGrid, setCells } from './grid';
import { readDayCell } from './importCodes';
import { readAttendanceSheet, type AttendanceSheetRow } from './importSheet';
import { monthLabel } from '../../../shared/dates';
import { stmt } from '../../store/statementCache';

export type { ImportChange, ImportError, ImportPreview, ImportResult };

const clean = (s: unknown) => String(s ?? '').replace(/[\s\u3000]/g, '');

function idNumbers(db: Db, ids: number[]): Map<number, string> {
  const out = new Map<number, string>();
  for (const id of ids) {
    const r = stmt(db, 'SELECT id_number AS idNumber FROM cadres WHERE id = ?').get(id) as { idNumber: string } | undefined;
    if (r) out.set(id, r.idNumber.toUpperCase());
  }
  return out;
}

/** Matches a sheet row to one grid row, or says why not (null = not a cadre of this township). */
function matchRow(
  r: AttendanceSheetRow,
  byName: Map<string, GridRow[]>,
  ids: Map<number, string>,
  hasId: boolean,
): GridRow | null | { error: string } {
  const name = clean(r.name.value);
  const id = hasId ? clean(r.idNumber?.value).toUpperCase() : '';
  const same = byName.get(name) ?? [];
  if (id) {
    const hit = same.find((g) => ids.get(g.cadreId) === id);
    if (hit) return hit;
    return same.length ? { error: `“${name}”的身份证号与本乡镇该名干部的登记不一致，请核对` } : null;
  }
  if (same.length > 1) {
    return {
      error: hasId
        ? `本乡镇有${same.length}名干部同名“${name}”，请填写该行的身份证号以区分`
        : `本乡镇有${same.length}名干部同名“${name}”，请在表格中增加“身份证号”列以区分`,
    };
  }
  return same[0] ?? null;
}

/** Changes of one cadre's row: compares the sheet's halves with the grid's. */
function rowChanges(g: GridRow, r: AttendanceSheetRow, dates: string[], errors: ImportError[]): ImportChange[] {
  const out: ImportChange[] = [];
  dates.forEach((date, d) => {
    const cell = r.days[d];
    if (!cell) return;
    const cur = g.cells[d]!;
    const reading = readDayCell(cell.value);
    const err = (message: string) => errors.push({ row: r.row, column: cell.address, message });
    if ('error' in reading) return err(reading.error);
    const posted = cur[0] !== '未到任';
    if ('notPosted' in reading) {
      if (posted) err(`${Number(date.slice(8))}日在任职期内，不能登记为“未到任”`);
      return;
    }
    if (!posted) {
      if (cell.value !== null) err(`${Number(date.slice(8))}日不在该干部本乡镇任职期内，应留空或填“/”`);
      return;
    }
    const [am, pm] = reading.halves;
    const amChanged = cur[0] !== am;
    const pmChanged = cur[1] !== pm;
    if (amChanged && pmChanged && am === pm && cur[0] === cur[1]) {
      out.push({ cadreId: g.cadreId, cadre: g.name, date, half: '全', from: cur[0], to: am });
      return;
    }
    if (amChanged) out.push({ cadreId: g.cadreId, cadre: g.name, date, half: '上', from: cur[0], to: am });
    if (pmChanged) out.push({ cadreId: g.cadreId, cadre: g.name, date, half: '下', from: cur[1], to: pm });
  });
  return out;
}

export async function previewImport(db: Db, filePath: string, input: { townshipId: number; month: string }): Promise<ImportPreview> {
  const { townshipId, month } = input;
  assertMonth(month);
  const grid = getMonthGrid(db, townshipId, month);
  const sheet = await readAttendanceSheet(filePath);
  const dates = monthDates(month);
  const byName = new Map<string, GridRow[]>();
  for (const g of grid.rows) byName.set(clean(g.name), [...(byName.get(clean(g.name)) ?? []), g]);
  const ids = idNumbers(
    db,
    grid.rows.map((g) => g.cadreId),
  );

  const changes: ImportChange[] = [];
  const errors: ImportError[] = [];
  const unknownCadres: ImportPreview['unknownCadres'] = [];
  const seen = new Map<number, number>();
  for (const r of sheet.rows) {
    const name = clean(r.name.value);
    const m = matchRow(r, byName, ids, sheet.hasIdColumn);
    if (m === null) {
      unknownCadres.push({ row: r.row, name });
      continue;
    }
    if ('error' in m) {
      errors.push({ row: r.row, column: r.name.address, message: m.error });
      continue;
    }
    const first = seen.get(m.cadreId);
    if (first !== undefined) {
      errors.push({ row: r.row, column: r.name.address, message: `“${m.name}”在第${first}行已出现，同一干部只能有一行` });
      continue;
    }
    seen.set(m.cadreId, r.row);
    // a day column past the month's end must be empty (e.g. 31 in a 30-day month)
    for (let d = dates.length; d < r.days.length; d++) {
      const c = r.days[d];
      if (c && clean(c.value) !== '' && !('notPosted' in readDayCell(c.value))) {
        errors.push({ row: r.row, column: c.address, message: `${monthLabel(month)}只有${dates.length}天，${d + 1}日应留空` });
      }
    }
    changes.push(...rowChanges(m, r, dates, errors));
  }
  return {
    townshipName: grid.townshipName,
    month,
    sheetName: sheet.sheetName,
    changes,
    errors,
    unknownCadres,
    notInSheet: grid.rows.filter((g) => !seen.has(g.cadreId)).map((g) => g.name),
    matched: seen.size,
    certified: grid.certification !== null,
  };
}

/**
 * Applies the sheet: refused on a certified month (the store's message) and while any cell is
 * unreadable; otherwise every change goes through setCells in one call (one transaction).
 */
export async function commitImport(db: Db, filePath: string, input: { townshipId: number; month: string }): Promise<ImportResult> {
  const p = await previewImport(db, filePath, input);
  assertNotCertified(db, input.townshipId, input.month);
  if (p.errors.length) {
    const e = p.errors[0]!;
    throw new AppError('INVALID_INPUT', `表格中有${p.errors.length}处错误（如 ${e.column}：${e.message}），请修改后重新导入；数据未改变`);
  }
  if (p.matched === 0)
    throw new AppError('INVALID_INPUT', `表格中没有${p.townshipName}${monthLabel(input.month)}在任的干部，未导入任何内容`);
  const edits: CellEditInput[] = p.changes.map((c) => ({ cadreId: c.cadreId, date: c.date, half: c.half, code: c.to }));
  const r = setCells(db, { townshipId: input.townshipId, month: input.month, edits, source: 'import' });
  return { changed: r.changed, cadres: new Set(p.changes.map((c) => c.cadreId)).size };
}
