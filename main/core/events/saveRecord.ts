/**
 * The save path a check (督查) and a five-must event (五必到) share: the record's row inserted
 * (with who entered it and when) or updated in place with its per-cadre rows cleared, then the
 * per-cadre rows written, then one audit entry with the record before and after. Runs inside the
 * caller's transaction, after the caller's own checks.
 */
import { nowIso, type Db } from '../../store/db';
import { audit } from '../audit/log';
import { operatorOf } from '../attendance/common';
import { stmt } from '../../store/statementCache';

/** Where a kind of record lives; names are constants of this module's callers, never input. */
export interface RecordTables<D> {
  table: 'checks' | 'must_attend_events';
  /** The per-cadre rows and the column naming their record. */
  rows: { table: 'check_results' | 'must_attend_expected'; recordColumn: 'check_id' | 'event_id' };
  /** The audit log's entity name. */
  entity: 'check' | 'must_attend_event';
  /** The whole record as the screen shows it; throws NOT_FOUND when there is none. */
  read: (db: Db, id: number) => D;
}

export interface RecordSave {
  /** Undefined creates a record; a number replaces that record. */
  id: number | undefined;
  /** The record's own columns, in a fixed order. */
  columns: Record<string, string | number | null>;
  /** Writes the per-cadre rows of the record (and anything that follows from them). */
  writeRows: (recordId: number) => void;
  /** What the audit entry says of the change. */
  summary: Record<string, unknown>;
}

export function saveRecordWithRows<D>(db: Db, t: RecordTables<D>, save: RecordSave): D {
  const names = Object.keys(save.columns);
  const values = Object.values(save.columns);
  const at = nowIso();
  const before = save.id === undefined ? undefined : t.read(db, save.id);
  let recordId: number;
  if (save.id === undefined) {
    const sql = `INSERT INTO ${t.table} (${names.join(', ')}, created_by, created_at, updated_at)
                 VALUES (${names.map(() => '?').join(', ')}, ?, ?, ?)`;
    recordId = Number(stmt(db, sql).run(...values, operatorOf(db), at, at).lastInsertRowid);
  } else {
    stmt(db, `UPDATE ${t.table} SET ${names.map((n) => `${n} = ?`).join(', ')}, updated_at = ? WHERE id = ?`).run(...values, at, save.id);
    stmt(db, `DELETE FROM ${t.rows.table} WHERE ${t.rows.recordColumn} = ?`).run(save.id);
    recordId = save.id;
  }
  save.writeRows(recordId);
  const after = t.read(db, recordId);
  audit(db, save.id === undefined ? 'create' : 'update', t.entity, recordId, save.summary, { before, after });
  return after;
}
