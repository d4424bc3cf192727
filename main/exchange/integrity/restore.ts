/**
 * Restoring a backup into an empty data directory. Restore verifies everything before
 * writing anything, and writes the database last: an interrupted restore leaves no
 * onebag.sqlite behind and can simply be run again.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/result';
import { DB_FILE } from '../../store/db';
import { blobName } from '../../../shared/blobLayout';
import { blobPath } from '../../files/blobStore';
import { copyDurably } from '../../files/durableFiles';
import { infoOf, readManifest, resolveBackupDir } from './backupRead';
import type { BackupEntry } from '../../../shared/api/integrity';
import { refuse, verifyBackup } from './backupVerify';

/** The files whose presence means `dataDir` already holds a database. */
const DB_FILES = [DB_FILE, `${DB_FILE}-wal`, `${DB_FILE}-journal`];

export interface RestoreResult {
  info: BackupEntry;
  dryRun: boolean;
  restoredBlobs: number;
}

/**
 * Restores a backup into a data directory that holds no database yet. Verifies the
 * manifest, the database copy and every original first; nothing is written on failure.
 */
export async function restoreFrom(dir: string, dataDir: string, opts: { dryRun?: boolean } = {}): Promise<RestoreResult> {
  const backupDir = resolveBackupDir(dir);
  const m = readManifest(backupDir);
  const existing = DB_FILES.find((f) => fs.existsSync(path.join(dataDir, f)));
  if (existing !== undefined) {
    throw new AppError(
      'CONFLICT',
      `目标数据目录已有数据（${path.join(dataDir, existing)}）。为防止覆盖现有数据，只能恢复到不含 onebag.sqlite 的空数据目录，请用 --data 指定一个新目录`,
    );
  }
  const counts = await verifyBackup(backupDir, m);
  // What the backup holds, as its database says (the manifest only claims it).
  const info = { ...infoOf(backupDir, m), ...counts };
  if (opts.dryRun) return { info, dryRun: true, restoredBlobs: 0 };

  fs.mkdirSync(dataDir, { recursive: true });
  const pool = path.resolve(backupDir, m.blobPool);
  const store = path.join(dataDir, 'blobs');
  let restoredBlobs = 0;
  for (const [sha256] of m.blobs) {
    const r = await copyDurably(blobPath(pool, sha256), blobPath(store, sha256), { expectSha256: sha256, mode: 0o444 });
    if (!r.ok) refuse([`备份中的原件 ${blobName(sha256)} 在恢复过程中发生变化（SHA-256 不符）`]);
    restoredBlobs++;
  }
  // The database last: until it is in place the target still counts as empty.
  const r = await copyDurably(path.join(backupDir, m.database.file), path.join(dataDir, DB_FILE), {
    expectSha256: m.database.sha256,
    mode: 0o600,
  });
  if (!r.ok) refuse([`数据库副本 ${m.database.file} 在恢复过程中发生变化（SHA-256 不符）`]);
  return { info, dryRun: false, restoredBlobs };
}
