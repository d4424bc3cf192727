import crypto from 'node:crypto';
import type { Database } from 'better-sqlite3';

/**
 * Hash-chained, append-only audit log: before/after of each change, prev_hash and hash
 * (SHA-256 of prev_hash + '\n' + JSON of [id, at, operator, action, entity, entity_id,
 * detail, before, after]; the first entry's prev_hash is 64 zeros), the chain computed for
 * the entries already there, the head anchored in settings ('auditHead'), and triggers that
 * refuse UPDATE and DELETE. The hash is spelt out here rather than imported from
 * main/core/audit/chain.ts so this migration stays as it shipped; a test checks both agree.
 */
export function up(db: Database): void {
  db.exec(`
    ALTER TABLE audit_log ADD COLUMN before TEXT;
    ALTER TABLE audit_log ADD COLUMN after TEXT;
    ALTER TABLE audit_log ADD COLUMN prev_hash TEXT;
    ALTER TABLE audit_log ADD COLUMN hash TEXT;
    CREATE INDEX audit_log_entity ON audit_log(entity, action);
  `);
  type Row = {
    id: number;
    at: string;
    operator: string | null;
    action: string;
    entity: string;
    entity_id: number | null;
    detail: string | null;
  };
  const rows = db.prepare('SELECT id, at, operator, action, entity, entity_id, detail FROM audit_log ORDER BY id').all() as Row[];
  const set = db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?');
  let prev = '0'.repeat(64);
  for (const r of rows) {
    const fields = [r.id, r.at, r.operator, r.action, r.entity, r.entity_id, r.detail, null, null];
    const hash = crypto
      .createHash('sha256')
      .update(`${prev}\n${JSON.stringify(fields)}`)
      .digest('hex');
    set.run(prev, hash, r.id);
    prev = hash;
  }
  const last = rows[rows.length - 1];
  if (last) {
    db.prepare("INSERT INTO settings (key, value) VALUES ('auditHead', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(
      JSON.stringify({ id: last.id, hash: prev }),
    );
  }
  db.exec(`
    CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
    BEGIN SELECT RAISE(ABORT, '审计日志只能追加，不能修改'); END;
    CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
    BEGIN SELECT RAISE(ABORT, '审计日志只能追加，不能删除'); END;
  `);
}
