/** Handlers for shared/api/app.ts: the app's status, first-run setup and the operator. */
import type { AppStatus } from '../../../shared/domain';
import type { appChannels } from '../../../shared/api/app';
import { AppError } from '../../../shared/result';
import { schemaVersion } from '../../store/db';
import { archiveCounts } from '../../core/archiveCounts';
import { audit } from '../../core/audit/log';
import { localToday } from '../../core/runtime/clock';
import type { CoreContext } from '../../core/runtime/context';
import { setOperator } from '../../core/audit/operator';
import { getSetting, setSetting } from '../../core/runtime/settings';
import { loadDemo } from '../../demo/demo';
import { lastBackupAt } from '../../exchange/integrity/autoBackup';
import { getBackupIntervalHours } from '../../exchange/integrity/backupSettings';
import type { HandlersFor, Services } from '../services';

export function appStatus(ctx: CoreContext): AppStatus {
  const { db } = ctx;
  return {
    dataDir: ctx.dataDir,
    operator: getSetting(db, 'operator'),
    firstRun: getSetting(db, 'setupDone') !== '1',
    ...archiveCounts(db),
    schemaVersion: schemaVersion(db),
    host: ctx.host.kind,
    operatorConfirmed: true,
    lastBackupAt: lastBackupAt(ctx.dataDir),
    backupIntervalHours: getBackupIntervalHours(db),
    today: localToday(),
  };
}

export function createAppHandlers({ ctx, blobs }: Services): HandlersFor<typeof appChannels> {
  const { db } = ctx;
  // Each start asks who works (the audit log's operator) until app.setup or app.setOperator answers.
  let operatorConfirmed = false;
  return {
    'app.status': () => ({ ...appStatus(ctx), operatorConfirmed }),
    'app.setup': async ({ mode, operator }) => {
      if (getSetting(db, 'setupDone') === '1') throw new AppError('CONFLICT', '已完成初始设置，不能重复设置');
      setSetting(db, 'operator', operator);
      if (mode === 'demo') await loadDemo(ctx, blobs);
      db.transaction(() => {
        setSetting(db, 'setupDone', '1');
        audit(db, 'setup', 'app', null, { mode });
      })();
      operatorConfirmed = true;
      return appStatus(ctx);
    },
    'app.setOperator': ({ operator }) => {
      setOperator(db, operator);
      operatorConfirmed = true;
      return appStatus(ctx);
    },
  };
}
