/**
 * One write transaction around async work (better-sqlite3's db.transaction takes only synchronous
 * functions): BEGIN IMMEDIATE, the work, COMMIT; any failure rolls everything back. Each core
 * function's own db.transaction inside becomes a savepoint of it. Used by the long loads that
 * await files between their writes (the demo county, the demo's second county).
 */
import type { Db } from './db';

export async function inAsyncTransaction<T>(db: Db, fn: () => Promise<T>): Promise<T> {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = await fn();
    db.exec('COMMIT');
    return result;
  } catch (err) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw err;
  }
}
