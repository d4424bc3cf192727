import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, schemaVersion, type Db } from '../../main/store/db';
import { latestVersion, migrations } from '../../main/store/migrations';
import { AppError } from '../../shared/result';

const TABLES = [
  'settings',
  'counties',
  'townships',
  'villages',
  'units',
  'cadres',
  'postings',
  'blobs',
  'materials',
  'material_files',
  'material_fts',
  'audit_log',
];

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-migrate-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function tables(db: Db): string[] {
  return (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>).map((r) => r.name);
}

function expectHealthy(db: Db): void {
  expect(schemaVersion(db)).toBe(latestVersion);
  expect(tables(db)).toEqual(expect.arrayContaining(TABLES));
  expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
  expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
  expect(db.pragma('temp_store', { simple: true })).toBe(2); // MEMORY: savepoints journal in memory
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(db.pragma('foreign_key_check')).toEqual([]);
}

describe('migrations', () => {
  it('are numbered 1, 2, 3… without gaps, so every version can be reached', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
  });

  it('bring an empty data directory to the newest schema with WAL, foreign keys, synchronous=FULL and temp files in memory', () => {
    const db = openDatabase(dir);
    expectHealthy(db);
    db.close();
  });

  for (let v = 0; v < latestVersion; v++) {
    it(`upgrade a database left at version ${v}, keeping its data`, () => {
      const old = openDatabase(dir, { migrateTo: v });
      expect(schemaVersion(old)).toBe(v);
      if (v >= 1) old.prepare("INSERT INTO counties (name, kind) VALUES ('青山县', '县')").run();
      old.close();

      const db = openDatabase(dir);
      expectHealthy(db);
      if (v >= 1) expect(db.prepare('SELECT name FROM counties').all()).toEqual([{ name: '青山县' }]);
      db.close();
    });
  }

  it('reopening an up-to-date database changes nothing', () => {
    openDatabase(dir).close();
    const db = openDatabase(dir);
    expectHealthy(db);
    db.close();
  });

  it('refuse, in Chinese, a data file written by a newer OneBag', () => {
    const db = openDatabase(dir);
    db.pragma(`user_version = ${latestVersion + 1}`);
    db.close();
    let err: unknown;
    try {
      openDatabase(dir);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: 'UNSUPPORTED' });
    expect((err as Error).message).toContain('请升级本软件');
  });
});
