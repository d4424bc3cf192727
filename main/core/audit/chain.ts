/**
 * The hash chain of audit_log: each entry's hash covers the previous entry's hash and the
 * entry's own columns, so altering or deleting any entry breaks every hash after it. The
 * head (last id + hash) is also kept in settings ('auditHead'), so removing entries from
 * the end is detectable too.
 *
 * Limit: someone who rewrites the log and the anchor by hand (sqlite3, triggers dropped,
 * every hash recomputed) defeats this unless the head was recorded elsewhere earlier —
 * backups and exports should record auditHead(db) so such a rewrite shows against them.
 */
import crypto from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { ChainStatus } from '../../../shared/audit';

export const GENESIS = '0'.repeat(64);
const HEAD_KEY = 'auditHead';

/** JSON with object keys sorted at every level, so the same value always gives the same text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object' && !(v instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) {
      const x = (v as Record<string, unknown>)[k];
      if (x !== undefined) out[k] = sortKeys(x);
    }
    return out;
  }
  return v;
}

/** The stored columns an entry's hash covers (JSON columns as their stored text). */
export interface ChainRow {
  id: number;
  at: string;
  operator: string | null;
  action: string;
  entity: string;
  entity_id: number | null;
  detail: string | null;
  before: string | null;
  after: string | null;
}

export function entryHash(prevHash: string, r: ChainRow): string {
  const fields = [r.id, r.at, r.operator, r.action, r.entity, r.entity_id, r.detail, r.before, r.after];
  return crypto
    .createHash('sha256')
    .update(`${prevHash}\n${JSON.stringify(fields)}`)
    .digest('hex');
}

export interface AuditHead {
  id: number;
  hash: string;
}

/** The anchor kept in settings; null when never written. */
export function readAnchor(db: Database): AuditHead | null {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(HEAD_KEY) as { value: string } | undefined;
  if (!row) return null;
  try {
    const v = JSON.parse(row.value) as AuditHead;
    return typeof v.id === 'number' && typeof v.hash === 'string' ? v : { id: -1, hash: '' };
  } catch {
    return { id: -1, hash: '' };
  }
}

export function writeAnchor(db: Database, head: AuditHead): void {
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(
    HEAD_KEY,
    JSON.stringify(head),
  );
}

/** The last entry of the log (id and hash), for backups and exports to record; null when empty. */
export function auditHead(db: Database): AuditHead | null {
  const r = db.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string | null } | undefined;
  return r ? { id: r.id, hash: r.hash ?? '' } : null;
}

const SELECT_ALL = 'SELECT id, at, operator, action, entity, entity_id, detail, before, after, prev_hash, hash FROM audit_log ORDER BY id';

/** Walks the whole log and compares it with the anchor. Reads only. */
export function verifyChain(db: Database, onProgress?: (done: number, total: number) => void): ChainStatus {
  const total = (db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
  let prevHash = GENESIS;
  let prevId = 0;
  let done = 0;
  for (const r of db.prepare(SELECT_ALL).iterate() as IterableIterator<ChainRow & { prev_hash: string | null; hash: string | null }>) {
    if (r.prev_hash !== prevHash) {
      // A gap in the ids says which entries went missing; otherwise this one was changed.
      if (r.id > prevId + 1) {
        const n = prevId + 1;
        return broken(total, n, 'deleted', `审计日志第 ${n} 条${r.id - 1 > n ? `至第 ${r.id - 1} 条` : ''}被删除`);
      }
      return broken(total, r.id, 'altered', `审计日志第 ${r.id} 条被改动或删除`);
    }
    if (r.hash !== entryHash(prevHash, r)) return broken(total, r.id, 'altered', `审计日志第 ${r.id} 条被改动`);
    prevHash = r.hash;
    prevId = r.id;
    done++;
    if (onProgress && done % 1000 === 0) onProgress(done, total);
  }
  onProgress?.(done, total);
  const anchor = readAnchor(db);
  if (anchor === null) {
    if (total === 0) return { ok: true, entries: 0, headId: null };
    return broken(total, prevId, 'head-mismatch', '审计日志的末条记录锚点缺失，无法确认日志末尾是否被删除');
  }
  if (anchor.id > prevId) {
    const n = prevId + 1;
    return broken(total, n, 'tail-removed', `审计日志末尾第 ${n} 条${anchor.id > n ? `至第 ${anchor.id} 条` : ''}被删除`);
  }
  if (anchor.id !== prevId || anchor.hash !== prevHash) {
    return broken(
      total,
      Math.max(1, Math.min(anchor.id, prevId)),
      'head-mismatch',
      `审计日志的末条记录（第 ${prevId} 条）与锚点（第 ${anchor.id} 条）不符`,
    );
  }
  return { ok: true, entries: total, headId: total ? prevId : null };
}

function broken(entries: number, brokenAt: number, reason: Exclude<ChainStatus, { ok: true }>['reason'], message: string): ChainStatus {
  return { ok: false, entries, brokenAt, reason, message };
}
