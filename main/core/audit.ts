import { nowIso, type Db } from '../store/db';
import { getSetting } from './settings';

/** Records who changed what; call inside the same transaction as the change. */
export function audit(
  db: Db,
  action: 'create' | 'update' | 'delete' | 'import' | 'attach' | 'move' | 'setup',
  entity: string,
  entityId: number | null,
  detail?: unknown,
): void {
  db.prepare('INSERT INTO audit_log (at, operator, action, entity, entity_id, detail) VALUES (?, ?, ?, ?, ?, ?)').run(
    nowIso(),
    getSetting(db, 'operator'),
    action,
    entity,
    entityId,
    detail === undefined ? null : JSON.stringify(detail),
  );
}
