/**
 * Backups of a data directory (restoring them: restore.ts; reading and verifying: backupRead.ts,
 * backupVerify.ts).
 *
 *   <out>/2024-05-01_10-20-30/onebag.sqlite   SQLite online backup (a consistent snapshot)
 *   <out>/2024-05-01_10-20-30/manifest.json   format, producer, time, schema, counts, hashes
 *   <out>/blobs/ab/cdef…                      originals, shared by every backup in <out>
 *
 * Originals are content-addressed and never modified, so a blob already in the pool is not
 * copied again. A backup is assembled in `<stamp>.partial` and renamed when complete, so an
 * interrupted run never looks like a backup. Restore verifies everything before writing
 * anything, and writes the database last: an interrupted restore leaves no onebag.sqlite
 * behind and can simply be run again.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/result';
import { blobPath } from '../../files/blobStore';
import { copyDurably, fsyncDir, fsyncFile, linkOrCopyDurably, sha256File, writeFileDurably } from '../../files/durableFiles';
import { DB_FILE } from '../../store/db';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  MANIFEST_FILE,
  MANIFEST_SIGNATURE_FILE,
  manifestSigner,
  readAuditWitness,
  reserveBackupFolder,
  signedManifestFiles,
  type AuditWitness,
  type BackupManifest,
  type ManifestSigner,
} from '../../store/backupManifest';
import { departmentKey } from '../bundle/keys';
import { SHA256_RE } from '../../../shared/blobLayout';
import { countRows, hasTable, infoOf, readManifest } from './backupRead';
import type { BackupEntry, BackupReasonKey } from '../../../shared/api/integrity';

export interface BackupResult {
  dir: string;
  info: BackupEntry;
  /** Originals written as new copies (their bytes are in `copiedBytes`). */
  copiedBlobs: number;
  /** Originals hard-linked from the data directory: no bytes copied. */
  linkedBlobs: number;
  reusedBlobs: number;
  copiedBytes: number;
  /** sha256 of originals that were missing or damaged in the data directory. */
  missingBlobs: string[];
}

export interface BackupOptions {
  now?: Date;
  /** Recorded in the manifest; default 'manual'. */
  reason?: BackupReasonKey;
  /** Hard-link originals into the pool where possible (backups inside the data directory). */
  link?: boolean;
}

/** Backs up `dataDir` into a new dated folder of `outDir`, copying only originals the pool lacks. */
export async function backupTo(dataDir: string, outDir: string, opts: BackupOptions | Date = {}): Promise<BackupResult> {
  const { now = new Date(), reason = 'manual', link = false } = opts instanceof Date ? { now: opts } : opts;
  const dbPath = path.join(dataDir, DB_FILE);
  if (!fs.existsSync(dbPath)) throw new AppError('NOT_FOUND', `数据目录中没有 OneBag 数据库（${dbPath}），无可备份`);
  if (path.resolve(outDir) === path.resolve(dataDir)) {
    throw new AppError('INVALID_INPUT', '备份目录不能是数据目录本身，请另选一个目录（最好在另一块磁盘或U盘上）');
  }
  const { partial, finalDir } = reserveBackupFolder(outDir, now);
  try {
    // 1. A consistent snapshot of the live database (the app may be writing meanwhile).
    const copyPath = path.join(partial, DB_FILE);
    const src = new Database(dbPath, { fileMustExist: true });
    try {
      src.pragma('busy_timeout = 5000');
      // The manifest is signed with the department key: create it now if the department has none yet.
      if (!manifestSigner(src) && hasTable(src, 'settings')) departmentKey(src);
      await src.backup(copyPath);
    } finally {
      src.close();
    }
    // 2. Read what the snapshot holds; a self-contained file (no -wal) for the backup.
    const copy = new Database(copyPath, { fileMustExist: true });
    let schemaVersion: number;
    let counts: BackupManifest['counts'];
    let rows: Array<{ sha256: string; size: number }>;
    let auditHead: AuditWitness | undefined;
    let signer: ManifestSigner | null;
    try {
      copy.pragma('journal_mode = DELETE');
      signer = manifestSigner(copy);
      auditHead = readAuditWitness(copy);
      schemaVersion = copy.pragma('user_version', { simple: true }) as number;
      rows = hasTable(copy, 'blobs') ? (copy.prepare('SELECT sha256, size FROM blobs ORDER BY sha256').all() as typeof rows) : [];
      counts = { cadres: countRows(copy, 'cadres'), materials: countRows(copy, 'materials'), blobs: rows.length };
    } finally {
      copy.close();
    }
    await fsyncFile(copyPath);
    const dbHash = await sha256File(copyPath);

    // 3. Originals into the shared pool, each verified against its name while copied.
    const pool = path.join(outDir, 'blobs');
    const blobs: Array<[string, number]> = [];
    const missing: string[] = [];
    let copiedBlobs = 0;
    let linkedBlobs = 0;
    let reusedBlobs = 0;
    let copiedBytes = 0;
    for (const { sha256, size } of rows) {
      if (!SHA256_RE.test(sha256)) {
        missing.push(sha256);
        continue;
      }
      const dest = blobPath(pool, sha256);
      const st = fs.statSync(dest, { throwIfNoEntry: false });
      if (st?.isFile() && st.size === size) {
        reusedBlobs++;
        blobs.push([sha256, size]);
        continue;
      }
      const from = blobPath(path.join(dataDir, 'blobs'), sha256);
      if (!fs.existsSync(from)) {
        missing.push(sha256);
        continue;
      }
      const r = link ? await linkOrCopyDurably(from, dest, sha256) : await copyDurably(from, dest, { expectSha256: sha256, mode: 0o444 });
      if (!r.ok) {
        missing.push(sha256);
        continue;
      }
      if ('linked' in r && r.linked) linkedBlobs++;
      else {
        copiedBlobs++;
        copiedBytes += r.size;
      }
      blobs.push([sha256, r.size]);
    }

    // 4. The manifest, then publish the folder.
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      producer: 'OneBag',
      createdAt: now.toISOString(),
      reason,
      schemaVersion,
      counts,
      database: { file: DB_FILE, sha256: dbHash.sha256, size: dbHash.size },
      blobPool: '../blobs',
      blobs,
      missingBlobs: missing,
      totalSize: dbHash.size + blobs.reduce((s, [, n]) => s + n, 0),
      ...(auditHead ? { auditHead } : {}),
    };
    const files = signedManifestFiles(manifest, signer);
    if (files.signature !== null) await writeFileDurably(path.join(partial, MANIFEST_SIGNATURE_FILE), files.signature);
    await writeFileDurably(path.join(partial, MANIFEST_FILE), files.manifest);
    await fsyncDir(partial);
    await fs.promises.rename(partial, finalDir);
    await fsyncDir(outDir);
    return {
      dir: finalDir,
      info: infoOf(finalDir, readManifest(finalDir)),
      copiedBlobs,
      linkedBlobs,
      reusedBlobs,
      copiedBytes,
      missingBlobs: missing,
    };
  } catch (err) {
    await fs.promises.rm(partial, { recursive: true, force: true }).catch(() => {});
    throw err;
  }
}
