/**
 * Comparing two data directories' rows for the exchange tests: each row with its own id and
 * every foreign key written as a global reference (origin fingerprint : id at the origin),
 * using import_map on the importing side, so an imported copy compares equal to the source.
 */
import type { Db } from '../../main/store/db';
import { userTables } from '../../main/store/readOnlyGuards';

/** Never compared: the local books (settings, audit trail, the exchange's own tables). */
export const LOCAL_TABLES = new Set([
  'settings',
  'audit_log',
  'audit_anchor',
  'trusted_keys',
  'import_map',
  'imports',
  'exchange_guard',
  'schema_version',
]);

interface Fk {
  from: string;
  table: string;
  to: string | null;
}

function fks(db: Db, table: string): Fk[] {
  return db.prepare(`SELECT "from", "table", "to" FROM pragma_foreign_key_list(?)`).all(table) as Fk[];
}

function hasIdPk(db: Db, table: string): boolean {
  const cols = db.prepare('SELECT name, pk FROM pragma_table_info(?)').all(table) as Array<{ name: string; pk: number }>;
  return cols.some((c) => c.name === 'id' && c.pk === 1) && cols.filter((c) => c.pk > 0).length === 1;
}

/** Global reference of a local row id: its origin's fingerprint and its id there. */
export function globalRef(db: Db, self: string): (table: string, id: number | null) => string | null {
  const stmt = db.prepare('SELECT origin, remote_id AS remoteId FROM import_map WHERE entity = ? AND local_id = ?');
  return (table, id) => {
    if (id === null) return null;
    const m = stmt.get(table, id) as { origin: string; remoteId: number } | undefined;
    return m ? `${m.origin}:${m.remoteId}` : `${self}:${id}`;
  };
}

/** Rows of `table` (optionally filtered) with ids and references translated, sorted. */
export function canonicalRows(db: Db, self: string, table: string, where = '1', params: Record<string, unknown> = {}): string[] {
  const ref = globalRef(db, self);
  const keys = fks(db, table).filter((f) => f.to === null || f.to === 'id');
  const idPk = hasIdPk(db, table);
  const rows = db.prepare(`SELECT * FROM "${table}" WHERE ${where}`).all(params) as Array<Record<string, unknown>>;
  return rows
    .map((r) => {
      const out: Record<string, unknown> = { ...r };
      if (idPk) out.id = ref(table, r.id as number);
      for (const k of keys) out[k.from] = ref(k.table, r[k.from] as number | null);
      return JSON.stringify(out, Object.keys(out).sort());
    })
    .sort();
}

/** Every table but the local books (and virtual tables): table -> canonical rows. */
export function snapshot(db: Db, self: string, skip: Set<string> = new Set()): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const t of userTables(db)) {
    if (LOCAL_TABLES.has(t) || skip.has(t) || t.startsWith('audit')) continue;
    out[t] = canonicalRows(db, self, t);
  }
  return out;
}

export function rowCounts(db: Db): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of userTables(db)) out[t] = (db.prepare(`SELECT COUNT(*) AS n FROM "${t}"`).get() as { n: number }).n;
  return out;
}
