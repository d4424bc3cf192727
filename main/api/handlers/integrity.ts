/** Handlers for shared/api/integrity.ts over main/exchange/integrity/page.ts (检查与备份). */
import type { integrityChannels } from '../../../shared/api/integrity';
import { setBackupIntervalHours } from '../../exchange/integrity/backupSettings';
import { backupNow, backupOverview, checkWithProgress, previewBackup } from '../../exchange/integrity/page';
import type { HandlersFor, Services } from '../services';

export function createIntegrityHandlers(s: Services): HandlersFor<typeof integrityChannels> {
  const { ctx } = s;
  return {
    'integrity.check': ({ jobId }) => checkWithProgress(ctx.dataDir, jobId, (e) => ctx.host.progress?.(e)),
    'integrity.backups': () => backupOverview(ctx.dataDir, ctx.db),
    'integrity.backupNow': ({ outDir }) => backupNow(ctx.dataDir, outDir),
    'integrity.describeBackup': ({ dir }) => previewBackup(dir),
    'integrity.settings.set': ({ backupIntervalHours }) => ({ backupIntervalHours: setBackupIntervalHours(ctx.db, backupIntervalHours) }),
  };
}
