/**
 * The backup openDatabase takes before it migrates a database that already holds data, so a
 * failed or faulty migration can be undone with `onebag restore`. Synchronous, because opening
 * the database is: `VACUUM INTO` a consistent copy, originals hard-linked into the shared pool
 * of <data>/backups (they are immutable and content-addressed, so a link costs no space),
 * copied where links are impossible, and the same manifest main/exchange/backup.ts writes.
 */
import Database from 'better-sqlite3';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { blobPathParts, SHA256_RE } from '../../shared/blobLayout';
import { AppError } from '../../shared/result';
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
const CHUNK = 1024 * 1024;

function fsyncPath(p: string, flags: string): void {
  if (flags === 'r' && process.platform === 'win32') return; // folders cannot be opened for fsync there
  const fd = fs.openSync(p, flags);
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function sha256FileSync(file: string): { sha256: string; size: number } {
  const hash = crypto.createHash('sha256');
  const buf = Buffer.allocUnsafe(CHUNK);
  const fd = fs.openSync(file, 'r');
  let size = 0;
  try {
    for (let n; (n = fs.readSync(fd, buf, 0, CHUNK, null)) > 0; size += n) hash.update(buf.subarray(0, n));
  } finally {
    fs.closeSync(fd);
  }
  return { sha256: hash.digest('hex'), size };
}

/** Links (or copies) `src` to `dest` through a temp name; true when `dest` now holds `sha256`. */
function linkOrCopySync(src: string, dest: string, sha256: string): boolean {
  const dir = path.dirname(dest);
  fs.mkdirSync(dir, { recursive: true });
  const tmp = path.join(dir, `.tmp-${process.pid}-${crypto.randomBytes(6).toString('hex')}`);
  try {
    try {
      fs.linkSync(src, tmp);
    } catch {
      fs.copyFileSync(src, tmp);
      fs.chmodSync(tmp, 0o444);
      fsyncPath(tmp, 'r');
    }
    if (sha256FileSync(tmp).sha256 !== sha256) {
      fs.rmSync(tmp, { force: true });
      return false;
    }
    fs.renameSync(tmp, dest);
    return true;
  } catch {
    fs.rmSync(tmp, { force: true });
    return false;
  }
}

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
    fsyncPath(copyPath, 'r+');
    const h = sha256FileSync(copyPath);
    manifest.database = { file: DB_COPY, sha256: h.sha256, size: h.size };

    const pool = path.join(outDir, 'blobs');
    for (const { sha256, size } of rows) {
      const dest = SHA256_RE.test(sha256) ? path.join(pool, ...blobPathParts(sha256)) : undefined;
      const st = dest === undefined ? undefined : fs.statSync(dest, { throwIfNoEntry: false });
      const src = dest === undefined ? undefined : path.join(dataDir, 'blobs', ...blobPathParts(sha256));
      const ok = st?.isFile() && st.size === size ? true : src !== undefined && fs.existsSync(src) && linkOrCopySync(src, dest!, sha256);
      if (ok) manifest.blobs.push([sha256, size]);
      else manifest.missingBlobs.push(sha256);
    }
    for (const d of new Set(manifest.blobs.map(([s]) => blobPathParts(s)[0]))) fsyncPath(path.join(pool, d), 'r');
    manifest.totalSize = h.size + manifest.blobs.reduce((s, [, n]) => s + n, 0);

    const manifestPath = path.join(partial, MANIFEST_FILE);
    const files = signedManifestFiles(manifest, manifestSigner(db));
    if (files.signature !== null) {
      const sigPath = path.join(partial, MANIFEST_SIGNATURE_FILE);
      fs.writeFileSync(sigPath, files.signature, { mode: 0o644 });
      fsyncPath(sigPath, 'r+');
    }
    fs.writeFileSync(manifestPath, files.manifest, { mode: 0o644 });
    fsyncPath(manifestPath, 'r+');
    fsyncPath(partial, 'r');
    fs.renameSync(partial, reserved.finalDir);
    fsyncPath(outDir, 'r');
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
