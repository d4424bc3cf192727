/**
 * The statement cache (main/store/statementCache.ts), on a real database file: a statement is
 * compiled once per SQL text (per connection with `stmt`, while installed with
 * `withStatementCache`), a reused one behaves as a fresh one, a busy one is never handed out
 * twice, and db.prepare is itself again afterwards (also after a failure).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import type { Db } from '../../main/store/db';
import { sqliteNativeBinding } from '../../main/store/nativeBinding';
import { stmt, withStatementCache } from '../../main/store/statementCache';

let dir: string;
let db: Db;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-stmtcache-'));
  // A bare database file: the archive's migrations are not what is tested here.
  db = new Database(path.join(dir, 'cache.sqlite'), { nativeBinding: sqliteNativeBinding() });
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)');
  db.prepare('INSERT INTO t (v) VALUES (?), (?)').run('a', 'b');
});

afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('withStatementCache', () => {
  it('reuses the statement of the same SQL, with its modes reset', async () => {
    await withStatementCache(db, async () => {
      const sql = 'SELECT v FROM t ORDER BY id';
      const first = db.prepare(sql);
      expect(first.pluck().all()).toEqual(['a', 'b']);
      const again = db.prepare(sql);
      expect(again).toBe(first);
      expect(again.all()).toEqual([{ v: 'a' }, { v: 'b' }]); // not plucked any more
      expect(db.prepare(sql).raw().all()).toEqual([['a'], ['b']]);
      expect(db.prepare(sql).get()).toEqual({ v: 'a' });
      // writes go through the cache too
      db.prepare('INSERT INTO t (v) VALUES (?)').run('c');
      db.prepare('INSERT INTO t (v) VALUES (?)').run('d');
      expect(db.prepare('SELECT COUNT(*) FROM t').pluck().get()).toBe(4);
    });
  });

  it('prepares a fresh statement while the cached one is still iterating', async () => {
    await withStatementCache(db, async () => {
      const sql = 'SELECT id, v FROM t ORDER BY id';
      const seen: string[] = [];
      for (const row of db.prepare(sql).iterate() as Iterable<{ v: string }>) {
        seen.push(`${row.v}:${(db.prepare(sql).all() as unknown[]).length}`);
      }
      expect(seen).toEqual(['a:2', 'b:2']);
    });
  });

  it('gives db.prepare back afterwards, also when the run fails', async () => {
    const sql = 'SELECT v FROM t';
    await expect(
      withStatementCache(db, async () => {
        db.prepare(sql);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(Object.prototype.hasOwnProperty.call(db, 'prepare')).toBe(false);
    expect(db.prepare(sql)).not.toBe(db.prepare(sql));
  });
});

describe('stmt', () => {
  it('keeps one statement per SQL text and connection, handed out as a fresh one', () => {
    const sql = 'SELECT v FROM t ORDER BY id';
    const first = stmt(db, sql);
    expect(first.pluck().all()).toEqual(['a', 'b']);
    expect(stmt(db, sql)).toBe(first);
    expect(stmt(db, sql).all()).toEqual([{ v: 'a' }, { v: 'b' }]); // the pluck of the first caller is gone
    const other = new Database(path.join(dir, 'cache.sqlite'), { nativeBinding: sqliteNativeBinding() });
    try {
      expect(stmt(other, sql)).not.toBe(first);
    } finally {
      other.close();
    }
  });

  it('prepares a fresh statement while the kept one is still iterating', () => {
    const sql = 'SELECT id, v FROM t ORDER BY id';
    const seen: string[] = [];
    for (const row of stmt(db, sql).iterate() as Iterable<{ v: string }>) {
      seen.push(`${row.v}:${(stmt(db, sql).all() as unknown[]).length}`);
    }
    expect(seen).toEqual(['a:2', 'b:2']);
  });
});
