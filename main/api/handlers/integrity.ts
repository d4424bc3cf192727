import fs from 'node:fs';
import path from 'node:path';
import type { integrityChannels } from '../../../shared/api/integrity';
import { AppError } from '../../../shared/result';
import { autoBackup, autoBackupState, backupsDirOf, KEEP_PER_REASON } from '../../exchange/integrity/autoBackup';
import { backupTo } from '../../exchange/integrity/backup';
import { readManifest, resolveBackupDir, infoOf } from '../../exchange/integrity/backupRead';
import { verifyBackup } from '../../exchange/integrity/backupVerify';
import { listBackups } from '../../exchange/integrity/backupList';
import { getBackupIntervalHours, setBackupIntervalHours } from '../../exchange/integrity/backupSettings';
import { CHECK_STAGES, checkIntegrity, type CheckStage } from '../../exchange/integrity/check';
import type { HandlersFor, Services } from '../services';

/** Where each stage of the check sits on the one progress bar (percent at its start, its width). */
const STAGE_SPAN: Record<CheckStage, [number, number]> = { database: [0, 10], audit: [10, 10], originals: [20, 75], files: [95, 5] };

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

/** Handlers for the channels of shared/api/integrity.ts. */
export function createIntegrityHandlers(s: Services): HandlersFor<typeof integrityChannels> {
  const { ctx } = s;
  return {
    'integrity.check': async ({ jobId }) => {
      let lastAt = 0;
      let lastStage: CheckStage | null = null;
      const findings = await checkIntegrity(ctx.dataDir, {
        onProgress: (done, total, stage) => {
          const [start, width] = STAGE_SPAN[stage];
          const percent = Math.floor(start + (total > 0 ? (done / total) * width : width));
          const now = Date.now();
          // at most ~10 events a second, but every stage change
          if (stage === lastStage && now - lastAt < 100 && done !== total) return;
          lastAt = now;
          lastStage = stage;
          const label = stage === 'originals' ? `${CHECK_STAGES[stage]}（${done}/${total}）` : CHECK_STAGES[stage];
          ctx.host.progress?.({ jobId, label, done: percent, total: 100 });
        },
      });
      ctx.host.progress?.({ jobId, label: '检查完毕', done: 100, total: 100, finished: true });
      const errors = findings.filter((f) => f.severity === 'error').length;
      return { checkedAt: new Date().toISOString(), errors, warnings: findings.length - errors, findings };
    },
    'integrity.backups': () => {
      const backups = listBackups(backupsDirOf(ctx.dataDir));
      const state = autoBackupState(ctx.dataDir);
      return {
        dir: backupsDirOf(ctx.dataDir),
        backups,
        lastBackupAt: backups[0]?.createdAt ?? null,
        intervalHours: getBackupIntervalHours(ctx.db),
        keepPerReason: KEEP_PER_REASON,
        running: state.running,
        lastError: state.lastError,
      };
    },
    'integrity.backupNow': async ({ outDir }) => {
      const r =
        outDir === undefined ? await autoBackup(ctx.dataDir, 'manual') : await backupTo(ctx.dataDir, externalFolder(ctx.dataDir, outDir));
      if (r === null) throw new AppError('CONFLICT', '数据库中还没有任何数据，暂不需要备份');
      return {
        entry: r.info,
        copiedBlobs: r.copiedBlobs,
        linkedBlobs: r.linkedBlobs,
        reusedBlobs: r.reusedBlobs,
        copiedBytes: r.copiedBytes,
        missingBlobs: r.missingBlobs.length,
      };
    },
    'integrity.describeBackup': async ({ dir }) => {
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
    },
    'integrity.settings.set': ({ backupIntervalHours }) => ({ backupIntervalHours: setBackupIntervalHours(ctx.db, backupIntervalHours) }),
  };
}
