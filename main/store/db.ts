import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/result';
import { latestVersion, migrations } from './migrations';
import { sqliteNativeBinding } from './nativeBinding';
import { backupBeforeMigration } from './preMigrationBackup';

export type Db = Database.Database;

export const DB_FILE = 'onebag.sqlite';

/**
 * Opens (creating if needed) the data directory's database: WAL, foreign keys, synchronous=FULL.
 * `scratch`: a throwaway archive in a temp folder (nothing of it outlives a crash), whose commits
 * need not wait for the disk: synchronous=OFF.
 */
export function openDatabase(dataDir: string, opts: { migrateTo?: number; scratch?: boolean } = {}): Db {
  fs.mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, DB_FILE), { nativeBinding: sqliteNativeBinding() });
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma(opts.scratch ? 'synchronous = OFF' : 'synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  // Temporary files in memory: above all the sub-journal, where every savepoint (each core
  // function's transaction nested in a caller's) keeps the pages it changes, so it can roll
  // back alone. On disk it is a temp file written page by page: a long run of writes in one
  // transaction (the demo load, a bundle import) wrote over 100 MB there. Temp tables and
  // sorts of an archive this size fit in memory with room to spare.
  db.pragma('temp_store = MEMORY');
  try {
    const target = opts.migrateTo ?? latestVersion;
    const current = schemaVersion(db);
    // A database that already holds data is backed up before any migration touches it.
    if (current >= 1 && current < Math.min(target, latestVersion)) backupBeforeMigration(db, dataDir);
    migrate(db, target);
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}

/** Closes the database after moving the WAL into the main file (a failed checkpoint is harmless: SQLite replays the WAL on next open). */
export function closeDatabase(db: Db): void {
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
  } catch {
    // see above
  }
  db.close();
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** The SQLite library's version, e.g. "3.50.4" (the start-up self-test reports it). */
export function sqliteVersion(db: Db): string {
  return String((db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v);
}

/** Applies each pending migration in its own transaction, bumping user_version with it. */
export function migrate(db: Db, target = latestVersion): void {
  const current = schemaVersion(db);
  if (current > latestVersion) {
    throw new AppError('UNSUPPORTED', `数据文件由更新版本的 OneBag 创建（版本 ${current}），请升级本软件后再打开`);
  }
  for (const m of migrations) {
    if (m.version <= current || m.version > target) continue;
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
}

export const nowIso = () => new Date().toISOString();
