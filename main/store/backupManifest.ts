/**
 * The on-disk format of a backup folder (main/exchange/backup.ts writes and reads it). It lives
 * in the store layer because openDatabase takes a backup itself before migrating.
 */
import type Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { BACKUP_REASON_KEYS, type BackupReasonKey } from '../../shared/api/integrity';

export const BACKUP_FORMAT = 'onebag-backup';
export const BACKUP_FORMAT_VERSION = 1;
export const MANIFEST_FILE = 'manifest.json';
/** The folder of automatic backups inside a data directory. */
export const BACKUPS_DIR = 'backups';

/** Why a backup was taken; a backup made with `onebag backup --out` records 'manual'. */
export const BACKUP_REASONS = BACKUP_REASON_KEYS;
export type BackupReason = BackupReasonKey;

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  producer: 'OneBag';
  createdAt: string;
  /** Absent in backups made before reasons were recorded (read as 'manual'). */
  reason?: BackupReason;
  schemaVersion: number;
  counts: { cadres: number; materials: number; blobs: number };
  database: { file: string; sha256: string; size: number };
  /** Folder of the shared blob pool, relative to the backup folder. */
  blobPool: string;
  /** Every original this backup guarantees: [sha256, size]. */
  blobs: Array<[string, number]>;
  /** Originals the database refers to that were missing or damaged when the backup was made. */
  missingBlobs: string[];
  /** Database copy plus originals, in bytes. */
  totalSize: number;
  /**
   * The audit log's last entry in the database copy. Kept outside the live database, so a
   * log rewritten by hand (anchor included) still disagrees with it (`onebag check`).
   * Absent in older backups and when the copy had no hash-chained entries.
   */
  auditHead?: AuditWitness;
}

/** The audit log's head as a backup saw it: last id, its chain hash, and how many entries. */
export interface AuditWitness {
  id: number;
  hash: string;
  count: number;
}

/**
 * The audit head of `db`, or undefined when it has no hash-chained entries (empty log, or a
 * schema before the chain). Lives here, not in main/core/audit, because the store layer's
 * pre-migration backup records it too.
 */
export function readAuditWitness(db: Database.Database): AuditWitness | undefined {
  const cols = db.prepare("SELECT name FROM pragma_table_info('audit_log')").pluck().all() as string[];
  if (!cols.includes('hash')) return undefined;
  const last = db.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string | null } | undefined;
  if (!last || typeof last.hash !== 'string') return undefined;
  const count = (db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
  return { id: last.id, hash: last.hash, count };
}

const pad = (n: number) => String(n).padStart(2, '0');
function stamp(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}_${pad(d.getHours())}-${pad(d.getMinutes())}-${pad(d.getSeconds())}`;
}

/**
 * A fresh folder name in `outDir` for a backup taken at `now` (local time, sortable). Creates
 * `<name>.partial` exclusively, so two writers never share a folder; returns both paths.
 */
export function reserveBackupFolder(outDir: string, now: Date): { partial: string; finalDir: string } {
  fs.mkdirSync(outDir, { recursive: true });
  for (let i = 1; ; i++) {
    const name = i === 1 ? stamp(now) : `${stamp(now)}-${String(i).padStart(2, '0')}`;
    const finalDir = path.join(outDir, name);
    const partial = `${finalDir}.partial`;
    if (fs.existsSync(finalDir)) continue;
    try {
      fs.mkdirSync(partial);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw err;
    }
    return { partial, finalDir };
  }
}
