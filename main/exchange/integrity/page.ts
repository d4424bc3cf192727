/**
 * The use cases of the 检查与备份 page (shared/api/integrity.ts): the check with its one progress
 * bar, the backups overview, a backup now (into <data>/backups or a folder on another disk), and
 * the verified preview of a backup before a restore. The handlers only wire to these.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ProgressEvent } from '../../../shared/api';
import type { BackupNowResult, BackupOverview, BackupPreview, IntegrityReport } from '../../../shared/api/integrity';
import { AppError } from '../../../shared/result';
import type { Db } from '../../store/db';
import { autoBackup, autoBackupState, backupsDirOf, KEEP_PER_REASON } from './autoBackup';
import { backupTo } from './backup';
import { infoOf, readManifest, resolveBackupDir } from './backupRead';
import { listBackups } from './backupList';
import { getBackupIntervalHours } from './backupSettings';
import { verifyBackup } from './backupVerify';
import { CHECK_STAGES, checkIntegrity, type CheckStage } from './check';

/** Where each stage of the check sits on the one progress bar (percent at its start, its width). */
const STAGE_SPAN: Record<CheckStage, [number, number]> = { database: [0, 10], audit: [10, 10], originals: [20, 75], files: [95, 5] };

/** Runs the check, reporting at most ~10 progress events a second (but every stage change) under `jobId`. */
export async function checkWithProgress(dataDir: string, jobId: string, progress: (e: ProgressEvent) => void): Promise<IntegrityReport> {
  let lastAt = 0;
  let lastStage: CheckStage | null = null;
  const findings = await checkIntegrity(dataDir, {
    onProgress: (done, total, stage) => {
      const [start, width] = STAGE_SPAN[stage];
      const percent = Math.floor(start + (total > 0 ? (done / total) * width : width));
      const now = Date.now();
      if (stage === lastStage && now - lastAt < 100 && done !== total) return;
      lastAt = now;
      lastStage = stage;
      const label = stage === 'originals' ? `${CHECK_STAGES[stage]}（${done}/${total}）` : CHECK_STAGES[stage];
      progress({ jobId, label, done: percent, total: 100 });
    },
  });
  progress({ jobId, label: '检查完毕', done: 100, total: 100, finished: true });
  const errors = findings.filter((f) => f.severity === 'error').length;
  return { checkedAt: new Date().toISOString(), errors, warnings: findings.length - errors, findings };
}

/** The backups in <data>/backups, the schedule and whether one is running. */
export function backupOverview(dataDir: string, db: Db): BackupOverview {
  const backups = listBackups(backupsDirOf(dataDir));
  const state = autoBackupState(dataDir);
  return {
    dir: backupsDirOf(dataDir),
    backups,
    lastBackupAt: backups[0]?.createdAt ?? null,
    intervalHours: getBackupIntervalHours(db),
    keepPerReason: KEEP_PER_REASON,
    running: state.running,
    lastError: state.lastError,
  };
}

/** A folder outside the data directory that can be written to, for 备份到其他文件夹. */
function externalFolder(dataDir: string, dir: string): string {
  if (!path.isAbsolute(dir)) throw new AppError('INVALID_INPUT', '请填写完整的文件夹路径，例如 E:\\OneBag备份 或 /media/U盘/OneBag备份');
  const abs = path.resolve(dir);
  const rel = path.relative(path.resolve(dataDir), abs);
  if (rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))) {
    throw new AppError('INVALID_INPUT', '该文件夹在数据目录之内，磁盘损坏时会与数据一起丢失。请选择另一块磁盘或U盘上的文件夹');
  }
  try {
    fs.mkdirSync(abs, { recursive: true });
    fs.accessSync(abs, fs.constants.W_OK);
  } catch {
    throw new AppError('INVALID_INPUT', `无法写入文件夹：${abs}，请确认U盘已插好并且没有写保护，或换一个文件夹`);
  }
  return abs;
}

/** A manual backup: into <data>/backups, or into `outDir` on another disk (checked first). */
export async function backupNow(dataDir: string, outDir: string | undefined): Promise<BackupNowResult> {
  const r = outDir === undefined ? await autoBackup(dataDir, 'manual') : await backupTo(dataDir, externalFolder(dataDir, outDir));
  if (r === null) throw new AppError('CONFLICT', '数据库中还没有任何数据，暂不需要备份');
  return {
    entry: r.info,
    copiedBlobs: r.copiedBlobs,
    linkedBlobs: r.linkedBlobs,
    reusedBlobs: r.reusedBlobs,
    copiedBytes: r.copiedBytes,
    missingBlobs: r.missingBlobs.length,
  };
}

/** What the backup in `dir` holds and whether every hash verifies (the restore preview). */
export async function previewBackup(dir: string): Promise<BackupPreview> {
  if (!path.isAbsolute(dir)) throw new AppError('INVALID_INPUT', '请填写备份文件夹的完整路径');
  const backupDir = resolveBackupDir(dir);
  const m = readManifest(backupDir);
  try {
    await verifyBackup(backupDir, m);
    return { entry: infoOf(backupDir, m), verified: true, problem: null };
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    return { entry: infoOf(backupDir, m), verified: false, problem: err.message };
  }
}
