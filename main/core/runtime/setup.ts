/**
 * First-run setup (首次使用): who works (the audit log's operator), an empty archive or the demo
 * county, and the mark that setup is done, written with its audit entry in one transaction.
 * Setup happens once: a second attempt is refused in Chinese and changes nothing.
 */
import { AppError } from '../../../shared/result';
import type { Db } from '../../store/db';
import { audit } from '../audit/log';
import { getSetting, setSetting } from './settings';

export type SetupMode = 'empty' | 'demo';

/** Whether first-run setup is done. */
export const isSetUp = (db: Db): boolean => getSetting(db, 'setupDone') === '1';

/**
 * Completes first-run setup. `fillDemo` loads the demo county (main/demo, which the core does not
 * import); it runs only in 'demo' mode, after the operator is stored so its entries carry the name.
 */
export async function completeSetup(db: Db, input: { mode: SetupMode; operator: string }, fillDemo: () => Promise<unknown>): Promise<void> {
  if (isSetUp(db)) throw new AppError('CONFLICT', '已完成初始设置，不能重复设置');
  setSetting(db, 'operator', input.operator);
  if (input.mode === 'demo') await fillDemo();
  db.transaction(() => {
    setSetting(db, 'setupDone', '1');
    audit(db, 'setup', 'app', null, { mode: input.mode });
  })();
}
