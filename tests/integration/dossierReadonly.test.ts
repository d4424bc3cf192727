/**
 * The dossier reads, never writes: its database type has no SQL methods (checked by the compiler
 * below), and its readers run on a connection SQLite itself opened read-only.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { countyCadres, countyName, countyNameOrNull, getSetting, type ReadonlyDb } from '../../main/core/dossierReads/readers';
import { addCounty } from '../../main/core/org/org';
import { DB_FILE, openDatabase } from '../../main/store/db';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-readonly-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the dossier database handle', () => {
  it('offers no statement, exec, transaction or pragma to dossier code', () => {
    const rw = openDatabase(dir);
    const handle: ReadonlyDb = rw;
    // @ts-expect-error: a dossier file cannot prepare SQL
    expect(typeof handle.prepare).toBe('function');
    // @ts-expect-error: nor run a script
    expect(typeof handle.exec).toBe('function');
    // @ts-expect-error: nor open a transaction
    expect(typeof handle.transaction).toBe('function');
    rw.close();
  });

  it('reads through the core readers on a connection opened read-only', () => {
    const rw = openDatabase(dir);
    const { id } = addCounty(rw, { name: '读县', kind: '县' });
    rw.close();
    const ro = new Database(path.join(dir, DB_FILE), { readonly: true, fileMustExist: true });
    try {
      expect(countyName(ro, id)).toBe('读县');
      expect(countyNameOrNull(ro, id + 1)).toBeNull();
      expect(() => countyName(ro, id + 1)).toThrow('所选县（市、区）不存在');
      expect(countyCadres(ro, id, '2025-01-01', '2025-12-31')).toEqual([]);
      expect(getSetting(ro, 'dossier')).toBeNull();
    } finally {
      ro.close();
    }
  });
});
