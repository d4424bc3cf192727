/**
 * Read-only guard for imported counties (counties.origin NOT NULL): triggers generated from
 * the schema's foreign keys refuse inserts, updates and deletes of every row that belongs to
 * such a county, directly or through its parent rows. Evaluators' own work (scores, ballots,
 * comments) stays writable. The exchange import switches the guard off inside its own
 * transaction (table exchange_guard), so a rollback restores it.
 *
 * Call installReadOnlyGuards again from any migration that adds or changes tables.
 */
import type { Database } from 'better-sqlite3';

/** The message the triggers raise; main/core/runtime/dispatch.ts turns it into AppError('FORBIDDEN'). */
export const READ_ONLY_MESSAGE = '该县数据是从其他单位导入的评审副本，只读，不能修改';

/**
 * Never guarded: the evaluator's work on an imported county, and the city's own records about
 * it (the leaders contracting it and the leader a check names; migration 0016).
 */
export const GUARD_EXEMPT = new Set(['eval_scores', 'eval_ballots', 'eval_comments', 'city_leader_contracts', 'check_leaders']);

const TRIGGER_PREFIX = 'ro_guard_';

interface ForeignKey {
  table: string;
  from: string[];
  to: string[];
}

function foreignKeys(db: Database, table: string): ForeignKey[] {
  const rows = db
    .prepare(`SELECT id, seq, "table" AS parent, "from", "to" FROM pragma_foreign_key_list(?) ORDER BY id, seq`)
    .all(table) as Array<{
    id: number;
    parent: string;
    from: string;
    to: string | null;
  }>;
  const byId = new Map<number, ForeignKey>();
  for (const r of rows) {
    const fk = byId.get(r.id) ?? { table: r.parent, from: [], to: [] };
    fk.from.push(r.from);
    fk.to.push(r.to ?? 'id');
    byId.set(r.id, fk);
  }
  return [...byId.values()];
}

/** Ordinary tables of the schema (no SQLite internals, no virtual tables or their shadows). */
export function userTables(db: Database): string[] {
  const rows = db
    .prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    .all() as Array<{ name: string; sql: string | null }>;
  const virtual = rows.filter((r) => /^CREATE VIRTUAL TABLE/i.test(r.sql ?? '')).map((r) => r.name);
  return rows.map((r) => r.name).filter((n) => !virtual.some((v) => n === v || n.startsWith(`${v}_`)));
}

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * SQL predicates "this row belongs to an imported county", per table, built by following the
 * foreign keys up to the roots: counties (origin set) and cadres (posted in such a county).
 */
export function importedPredicates(db: Database): Map<string, (row: string) => string> {
  const memo = new Map<string, ((row: string) => string) | null>();
  let alias = 0;
  const build = (table: string, seen: Set<string>): ((row: string) => string) | null => {
    if (memo.has(table)) return memo.get(table)!;
    if (table === 'counties') return (row) => `${row}.origin IS NOT NULL`;
    const parts: Array<(row: string) => string> = [];
    if (table === 'cadres') {
      parts.push(
        (row) =>
          `EXISTS (SELECT 1 FROM postings gp JOIN townships gt ON gt.id = gp.township_id JOIN counties gc ON gc.id = gt.county_id
           WHERE gp.cadre_id = ${row}.id AND gc.origin IS NOT NULL)`,
      );
    }
    for (const fk of foreignKeys(db, table)) {
      if (seen.has(fk.table) || fk.table === table) continue;
      const parent = build(fk.table, new Set([...seen, table]));
      if (!parent) continue;
      parts.push((row) => {
        const p = `g${++alias}`;
        const on = fk.from.map((c, i) => `${p}.${q(fk.to[i]!)} = ${row}.${q(c)}`).join(' AND ');
        return `EXISTS (SELECT 1 FROM ${q(fk.table)} ${p} WHERE ${on} AND ${parent(p)})`;
      });
    }
    const pred = parts.length ? (row: string) => `(${parts.map((f) => f(row)).join(' OR ')})` : null;
    memo.set(table, pred);
    return pred;
  };
  const out = new Map<string, (row: string) => string>();
  for (const t of userTables(db)) {
    const p = build(t, new Set());
    if (p) out.set(t, p);
  }
  return out;
}

/** (Re)creates the guard switch and one trigger per guarded table and operation. */
export function installReadOnlyGuards(db: Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS exchange_guard (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      enabled INTEGER NOT NULL CHECK (enabled IN (0, 1))
    );
    INSERT OR IGNORE INTO exchange_guard (id, enabled) VALUES (1, 1);
  `);
  const old = db
    .prepare(`SELECT name FROM sqlite_schema WHERE type = 'trigger' AND name LIKE '${TRIGGER_PREFIX}%'`)
    .pluck()
    .all() as string[];
  for (const name of old) db.exec(`DROP TRIGGER ${q(name)}`);
  const on = `(SELECT enabled FROM exchange_guard WHERE id = 1) = 1`;
  const raise = `SELECT RAISE(ABORT, '${READ_ONLY_MESSAGE}');`;
  for (const [table, pred] of importedPredicates(db)) {
    if (GUARD_EXEMPT.has(table)) continue;
    const whenByOp: Array<[string, string]> = [
      ['INSERT', pred('NEW')],
      ['UPDATE', `${pred('OLD')} OR ${pred('NEW')}`],
      ['DELETE', pred('OLD')],
    ];
    for (const [op, when] of whenByOp) {
      db.exec(
        `CREATE TRIGGER ${q(`${TRIGGER_PREFIX}${table}_${op.toLowerCase()}`)} BEFORE ${op} ON ${q(table)}
         WHEN ${on} AND (${when}) BEGIN ${raise} END;`,
      );
    }
  }
}

/** Turns the guard off (false) or on (true); call only inside the importing transaction. */
export function setReadOnlyGuard(db: Database, enabled: boolean): void {
  db.prepare('UPDATE exchange_guard SET enabled = ? WHERE id = 1').run(enabled ? 1 : 0);
}

/** Tables the guard covers (for tests and the check page). */
export function guardedTables(db: Database): string[] {
  return [...importedPredicates(db).keys()].filter((t) => !GUARD_EXEMPT.has(t)).sort();
}
