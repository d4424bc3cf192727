import type { AuditAction } from '../../../shared/audit';
import { nowIso, type Db } from '../../store/db';
import { canonicalJson, entryHash, GENESIS, writeAnchor, type ChainRow } from './chain';
import { getSetting } from '../runtime/settings';

export { auditHead, verifyChain, type AuditHead } from './chain';

/** What a change did to the record: the row (or input) before and after it. */
export interface AuditChange {
  before?: unknown;
  after?: unknown;
}

const json = (v: unknown) => (v === undefined ? null : canonicalJson(v));

/**
 * Appends one entry to the hash-chained audit log: who (the operator), when, what, and the
 * record before/after. Call inside the same transaction as the change; it reads the previous
 * entry's hash, so SQLite's write lock keeps concurrent writers in one chain.
 */
export function audit(db: Db, action: AuditAction, entity: string, entityId: number | null, detail?: unknown, change?: AuditChange): void {
  appendOf(db)(action, entity, entityId, detail, change);
}

type Append = (action: AuditAction, entity: string, entityId: number | null, detail?: unknown, change?: AuditChange) => void;

/**
 * The append per database, made once (an entry is written thousands of times in a load). Its
 * two writes (the entry, the anchor) go in one transaction of their own when the caller has
 * none; inside the caller's transaction (as audit() asks) they are part of it, without a
 * savepoint of their own: a savepoint per entry only journals the log's pages once more, and
 * a failed write throws through the caller's transaction, which rolls back with it.
 */
const appends = new WeakMap<Db, Append>();
function appendOf(db: Db): Append {
  let append = appends.get(db);
  if (!append) {
    const write = (action: AuditAction, entity: string, entityId: number | null, detail?: unknown, change?: AuditChange) => {
      const prev = db.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as
        | { id: number; hash: string | null }
        | undefined;
      const row: ChainRow = {
        id: (prev?.id ?? 0) + 1,
        at: nowIso(),
        operator: getSetting(db, 'operator'),
        action,
        entity,
        entity_id: entityId,
        detail: json(detail),
        before: json(change?.before),
        after: json(change?.after),
      };
      const prevHash = prev ? (prev.hash ?? '') : GENESIS;
      const hash = entryHash(prevHash, row);
      db.prepare(
        `INSERT INTO audit_log (id, at, operator, action, entity, entity_id, detail, before, after, prev_hash, hash)
         VALUES (@id, @at, @operator, @action, @entity, @entity_id, @detail, @before, @after, @prevHash, @hash)`,
      ).run({ ...row, prevHash, hash });
      writeAnchor(db, { id: row.id, hash });
    };
    const alone = db.transaction(write) as Append;
    append = (...args) => (db.inTransaction ? write(...args) : alone(...args));
    appends.set(db, append);
  }
  return append;
}
