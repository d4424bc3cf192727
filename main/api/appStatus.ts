/** The app's status (状态栏, first-run screen): gathered from core, the store and the backups. */
import type { AppStatus } from '../../shared/domain';
import { archiveCounts } from '../core/archiveCounts';
import { localToday } from '../core/runtime/clock';
import type { CoreContext } from '../core/runtime/context';
import { isSetUp } from '../core/runtime/setup';
import { getSetting } from '../core/runtime/settings';
import { lastBackupAt } from '../exchange/integrity/autoBackup';
import { getBackupIntervalHours } from '../exchange/integrity/backupSettings';
import { schemaVersion } from '../store/db';

export function appStatus(ctx: CoreContext): AppStatus {
  const { db } = ctx;
  return {
    dataDir: ctx.dataDir,
    operator: getSetting(db, 'operator'),
    firstRun: !isSetUp(db),
    ...archiveCounts(db),
    schemaVersion: schemaVersion(db),
    host: ctx.host.kind,
    operatorConfirmed: true,
    lastBackupAt: lastBackupAt(ctx.dataDir),
    backupIntervalHours: getBackupIntervalHours(db),
    today: localToday(),
  };
}
