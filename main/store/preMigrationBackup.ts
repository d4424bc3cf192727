/**
 * The backup openDatabase takes before it migrates a database that already holds data, so a
 * failed or faulty migration can be undone with `onebag restore`. Synchronous, because opening
 * the database is: `VACUUM INTO` a consistent copy, originals hard-linked into the shared pool
 * of <data>/backups (they are immutable and content-addressed, so a link costs no space),
 * copied where links are impossible, and the same manifest main/exchange/integrity/backup.ts writes.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { blobPathParts, SHA256_RE } from '../../shared/blobLayout';
import { AppError } from '../../shared/result';
import { fsyncDirSync, fsyncFileSync, linkOrCopyDurablySync, sha256FileSync } from '../files/durableFiles';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BACKUPS_DIR,
  MANIFEST_FILE,
  MANIFEST_SIGNATURE_FILE,
  ensureManifestSigner,
  manifestSigner,
  signedManifestFiles,
  readAuditWitness,
  reserveBackupFolder,
  type BackupManifest,
} from './backupManifest';

const DB_COPY = 'onebag.sqlite';
const hasTable = (db: Database.Database, name: string) =>
  db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
const countRows = (db: Database.Database, t: string) =>
  hasTable(db, t) ? (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n : 0;

/** Backs up the open database `db` of `dataDir` into <data>/backups; returns the backup folder. */
export function backupBeforeMigration(db: Database.Database, dataDir: string, now: Date = new Date()): string {
  const outDir = path.join(dataDir, BACKUPS_DIR);
  let partial: string | undefined;
  try {
    const reserved = reserveBackupFolder(outDir, now);
    partial = reserved.partial;
    const copyPath = path.join(partial, DB_COPY);
    ensureManifestSigner(db); // the copy carries the key that signs its manifest
    db.prepare('VACUUM INTO ?').run(copyPath);

    const copy = new Database(copyPath, { fileMustExist: true });
    let rows: Array<{ sha256: string; size: number }>;
    let manifest: BackupManifest;
    try {
      copy.pragma('journal_mode = DELETE');
      rows = hasTable(copy, 'blobs') ? (copy.prepare('SELECT sha256, size FROM blobs ORDER BY sha256').all() as typeof rows) : [];
      manifest = {
        format: BACKUP_FORMAT,
        formatVersion: BACKUP_FORMAT_VERSION,
        producer: 'OneBag',
        createdAt: now.toISOString(),
        reason: 'migration',
        schemaVersion: copy.pragma('user_version', { simple: true }) as number,
        counts: { cadres: countRows(copy, 'cadres'), materials: countRows(copy, 'materials'), blobs: rows.length },
        database: { file: DB_COPY, sha256: '', size: 0 },
        blobPool: '../blobs',
        blobs: [],
        missingBlobs: [],
        totalSize: 0,
      };
      const head = readAuditWitness(copy);
      if (head) manifest.auditHead = head;
    } finally {
      copy.close();
    }
    fsyncFileSync(copyPath);
    const h = sha256FileSync(copyPath);
    manifest.database = { file: DB_COPY, sha256: h.sha256, size: h.size };

    const pool = path.join(outDir, 'blobs');
    for (const { sha256, size } of rows) {
      const dest = SHA256_RE.test(sha256) ? path.join(pool, ...blobPathParts(sha256)) : undefined;
      const st = dest === undefined ? undefined : fs.statSync(dest, { throwIfNoEntry: false });
      const src = dest === undefined ? undefined : path.join(dataDir, 'blobs', ...blobPathParts(sha256));
      const ok =
        st?.isFile() && st.size === size ? true : src !== undefined && fs.existsSync(src) && linkOrCopyDurablySync(src, dest!, sha256);
      if (ok) manifest.blobs.push([sha256, size]);
      else manifest.missingBlobs.push(sha256);
    }
    for (const d of new Set(manifest.blobs.map(([s]) => blobPathParts(s)[0]))) fsyncDirSync(path.join(pool, d));
    manifest.totalSize = h.size + manifest.blobs.reduce((s, [, n]) => s + n, 0);

    const manifestPath = path.join(partial, MANIFEST_FILE);
    const files = signedManifestFiles(manifest, manifestSigner(db));
    if (files.signature !== null) {
      const sigPath = path.join(partial, MANIFEST_SIGNATURE_FILE);
      fs.writeFileSync(sigPath, files.signature, { mode: 0o644 });
      fsyncFileSync(sigPath);
    }
    fs.writeFileSync(manifestPath, files.manifest, { mode: 0o644 });
    fsyncFileSync(manifestPath);
    fsyncDirSync(partial);
    fs.renameSync(partial, reserved.finalDir);
    fsyncDirSync(outDir);
    return reserved.finalDir;
  } catch (err) {
    if (partial !== undefined) fs.rmSync(partial, { recursive: true, force: true });
    const code = (err as NodeJS.ErrnoException).code;
    throw new AppError(
      code === 'ENOSPC' ? 'DISK_FULL' : 'INTERNAL',
      `升级数据前的自动备份未能完成，数据未做任何改动：${code === 'ENOSPC' ? '磁盘空间不足，请清理磁盘后重新打开' : (err as Error).message}`,
    );
  }
}
