/**
 * Deleting one record by id the way every screen's 删除 does: the record read first (NOT_FOUND
 * when there is none), the row deleted (its per-cadre rows go by ON DELETE CASCADE), and one
 * audit entry with the record as it was — all in one transaction.
 */
import type { Db } from '../../store/db';
import { audit } from './log';
import { stmt } from '../../store/statementCache';

/** Where a kind of record lives; names are constants of the callers, never input. */
export interface RemovableRecord<D> {
  table: 'checks' | 'must_attend_events' | 'plans' | 'projects' | 'worklog_entries';
  /** The audit log's entity name. */
  entity: string;
  /** The whole record as the screen shows it; throws NOT_FOUND when there is none. */
  read: (db: Db, id: number) => D;
}

/** Deletes the record and audits it with `summary` of what it was. */
export function removeAudited<D>(db: Db, t: RemovableRecord<D>, id: number, summary: (before: D) => Record<string, unknown>): void {
  db.transaction(() => {
    const before = t.read(db, id);
    stmt(db, `DELETE FROM ${t.table} WHERE id = ?`).run(id);
    audit(db, 'delete', t.entity, id, summary(before), { before });
  })();
}
