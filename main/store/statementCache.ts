/**
 * Reuses prepared statements while a long run of writes goes through code that prepares its
 * statements on every call (`db.prepare(sql).run(...)`, the style of the core). Compiling a
 * statement is most of the cost of a small write here: an INSERT into a table with triggers
 * and foreign keys compiles those too. Used by the demo load (issue 14), which files ~800
 * materials and ~3,000 other rows through the core's functions.
 *
 * While installed, `db.prepare(sql)` returns the statement last prepared for the same text,
 * with its modes put back to a fresh statement's (pluck, expand, raw off), so a caller cannot
 * tell it from a new one. (The code base binds no parameters permanently with bind() and sets
 * no safeIntegers(), the two other sticky states a statement has.) A statement still busy (an
 * open iterate()) is not handed out twice: a fresh one is prepared instead. The cache is
 * bounded (SQL built with a varying number of placeholders makes many texts) and dropped when
 * the run ends.
 */
import type { Statement } from 'better-sqlite3';
import type { Db } from './db';

const MAX_STATEMENTS = 2000;

interface Modes {
  pluck(toggle?: boolean): unknown;
  expand(toggle?: boolean): unknown;
  raw(toggle?: boolean): unknown;
}

/** Runs `fn` with `db.prepare` caching statements by their SQL text; restores it afterwards. */
export async function withStatementCache<T>(db: Db, fn: () => Promise<T>): Promise<T> {
  if (Object.prototype.hasOwnProperty.call(db, 'prepare')) return fn(); // already installed (nested use)
  const prepare = db.prepare.bind(db) as (sql: string) => Statement;
  const cache = new Map<string, Statement>();
  const cached = (sql: string): Statement => {
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
  };
  Object.defineProperty(db, 'prepare', { value: cached, configurable: true, writable: true });
  try {
    return await fn();
  } finally {
    delete (db as unknown as { prepare?: unknown }).prepare;
    cache.clear();
  }
}
