/**
 * Scheduled backups for a running app (Electron and the bridge; never the CLI): at start and
 * then hourly, a backup when the newest one is older than 'backupIntervalHours'. Failures end up
 * in autoBackupState (status bar, 检查与备份) and a progress event, never in a crash.
 */
import { autoBackup, autoBackupState, lastBackupAt } from '../exchange/integrity/autoBackup';
import { getBackupIntervalHours } from '../exchange/integrity/backupSettings';
import type { OpenCore } from './open';

export const BACKUP_JOB_ID = 'auto-backup';
const HOUR_MS = 3_600_000;

export interface BackupSchedule {
  /** One check now (what the timer runs); resolves when any backup it started is done. */
  tick(): Promise<void>;
  stop(): void;
}

export function startBackupSchedule(core: OpenCore, opts: { everyMs?: number; now?: () => number } = {}): BackupSchedule {
  const { ctx } = core;
  const now = opts.now ?? Date.now;
  let stopped = false;
  let inFlight: Promise<void> | null = null;

  const due = (): boolean => {
    const hours = getBackupIntervalHours(ctx.db);
    if (hours === 0) return false;
    const last = lastBackupAt(ctx.dataDir);
    return last === null || now() - Date.parse(last) >= hours * HOUR_MS;
  };

  const run = async (): Promise<void> => {
    try {
      if (stopped || !due()) return;
      await autoBackup(ctx.dataDir, 'schedule');
    } catch (err) {
      const state = autoBackupState(ctx.dataDir);
      if (state.lastError === null) {
        state.lastError = `自动备份失败：${(err as Error).message}`;
        state.lastErrorAt = new Date().toISOString();
      }
      ctx.host.progress?.({ jobId: BACKUP_JOB_ID, label: state.lastError, done: 0, total: 1, finished: true });
    }
  };
  const tick = (): Promise<void> => {
    // never two at once: a tick during a running backup just waits for it
    inFlight ??= run().finally(() => (inFlight = null));
    return inFlight;
  };

  void tick();
  const timer = setInterval(() => void tick(), opts.everyMs ?? HOUR_MS);
  timer.unref();
  return {
    tick,
    stop() {
      stopped = true;
      clearInterval(timer);
    },
  };
}
