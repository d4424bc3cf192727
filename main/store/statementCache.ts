/**
 * The one statement cache: prepared statements reused by their SQL text, per connection.
 * Compiling a statement is most of the cost of a small write here: an INSERT into a table with
 * triggers and foreign keys compiles those too.
 *
 * Two ways in, one rule for reuse (`reuse` below):
 * - `stmt(db, sql)`: for hot paths of the core (the month grid, cell edits, roster import, the
 *   bundle walk). The statement lives as long as the connection.
 * - `withStatementCache(db, fn)`: while a long run of writes goes through code that prepares its
 *   statements on every call (`db.prepare(sql).run(...)`, the style of most of the core), e.g. the
 *   demo load (issue 14), which files ~800 materials and ~3,000 other rows through the core's
 *   functions. While installed, `db.prepare(sql)` itself returns the cached statement; the cache
 *   is bounded (SQL built with a varying number of placeholders makes many texts) and dropped
 *   when the run ends.
 *
 * A reused statement has its modes put back to a fresh statement's (pluck, expand, raw off), so a
 * caller cannot tell it from a new one. (The code base binds no parameters permanently with bind()
 * and sets no safeIntegers(), the two other sticky states a statement has.) A statement still
 * busy (an open iterate()) is not handed out twice: a fresh one is prepared instead.
 */
import type { Statement } from 'better-sqlite3';
import type { Db } from './db';

const MAX_STATEMENTS = 2000;

interface Modes {
  pluck(toggle?: boolean): unknown;
  expand(toggle?: boolean): unknown;
  raw(toggle?: boolean): unknown;
}

/** The cached statement for `sql` as a fresh one, or a newly prepared one (kept when none was cached). */
function reuse(cache: Map<string, Statement>, prepare: (sql: string) => Statement, sql: string): Statement {
  const hit = cache.get(sql);
  if (hit && !hit.busy) {
    if (hit.reader) {
      const modes = hit as unknown as Modes;
      modes.pluck(false);
      modes.expand(false);
      modes.raw(false);
    }
    return hit;
  }
  const stmt = prepare(sql);
  if (!hit) {
    if (cache.size >= MAX_STATEMENTS) cache.clear();
    cache.set(sql, stmt);
  }
  return stmt;
}

const perConnection = new WeakMap<Db, Map<string, Statement>>();

/** The statement for `sql` on this connection, compiled once and reused (see the header). */
export function stmt(db: Db, sql: string): Statement {
  let cache = perConnection.get(db);
  if (!cache) perConnection.set(db, (cache = new Map()));
  return reuse(cache, (s) => db.prepare(s), sql);
}

/** Runs `fn` with `db.prepare` caching statements by their SQL text; restores it afterwards. */
export async function withStatementCache<T>(db: Db, fn: () => Promise<T>): Promise<T> {
  if (Object.prototype.hasOwnProperty.call(db, 'prepare')) return fn(); // already installed (nested use)
  const prepare = db.prepare.bind(db) as (sql: string) => Statement;
  const cache = new Map<string, Statement>();
  Object.defineProperty(db, 'prepare', { value: (sql: string) => reuse(cache, prepare, sql), configurable: true, writable: true });
  try {
    return await fn();
  } finally {
    delete (db as unknown as { prepare?: unknown }).prepare;
    cache.clear();
  }
}
