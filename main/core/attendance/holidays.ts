/** The holiday calendar (节假日及调休): data the clerk can correct and extend, seeded by migration 0002. */
import { isIsoDate, type HolidayEntry, type HolidayKind } from '../../../shared/attendance';
import { AppError } from '../../../shared/result';
import type { Db } from '../../store/db';
import { audit } from '../audit/log';
import { stmt } from '../../store/statementCache';

export function listHolidays(db: Db, year: number): HolidayEntry[] {
  return stmt(db, 'SELECT date, kind, name FROM holidays WHERE date BETWEEN ? AND ? ORDER BY date').all(
    `${year}-01-01`,
    `${year}-12-31`,
  ) as HolidayEntry[];
}

/** Adds or corrects one day: 'holiday' (放假) or 'workday' (调休上班). */
export function setHoliday(db: Db, input: { date: string; kind: HolidayKind; name: string }): HolidayEntry {
  if (!isIsoDate(input.date)) throw new AppError('INVALID_INPUT', '日期格式应为 YYYY-MM-DD');
  if (input.kind !== 'holiday' && input.kind !== 'workday') throw new AppError('INVALID_INPUT', '请选择“放假”或“调休上班”');
  const name = (input.name ?? '').trim();
  if (!name) throw new AppError('INVALID_INPUT', '请填写节日名称');
  if ([...name].length > 20) throw new AppError('INVALID_INPUT', '节日名称不能超过20个字');
  db.transaction(() => {
    const before = holidayRow(db, input.date);
    stmt(
      db,
      'INSERT INTO holidays (date, kind, name) VALUES (?, ?, ?) ON CONFLICT(date) DO UPDATE SET kind = excluded.kind, name = excluded.name',
    ).run(input.date, input.kind, name);
    audit(
      db,
      before ? 'update' : 'create',
      'holiday',
      null,
      { date: input.date, kind: input.kind, name },
      { before, after: holidayRow(db, input.date) },
    );
  })();
  return { date: input.date, kind: input.kind, name };
}

/** Makes the date an ordinary day again (weekend or weekday by the calendar). */
export function deleteHoliday(db: Db, date: string): void {
  db.transaction(() => {
    const before = holidayRow(db, date);
    const r = stmt(db, 'DELETE FROM holidays WHERE date = ?').run(date);
    if (r.changes === 0) throw new AppError('NOT_FOUND', '该日期不在节假日安排中');
    audit(db, 'delete', 'holiday', null, { date }, { before });
  })();
}

/** The stored day, for the audit log's before/after. */
function holidayRow(db: Db, date: string): HolidayEntry | undefined {
  return stmt(db, 'SELECT date, kind, name FROM holidays WHERE date = ?').get(date) as HolidayEntry | undefined;
}
