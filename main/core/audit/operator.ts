/**
 * Who works (当前操作员): the name every audit entry carries. A change of name is itself an
 * audit entry (before/after), written under the new name; confirming the same name is no change.
 */
import type { Db } from '../../store/db';
import { audit } from './log';
import { getSetting, setSetting } from '../runtime/settings';

export function setOperator(db: Db, operator: string): void {
  db.transaction(() => {
    const before = getSetting(db, 'operator');
    if (before === operator) return;
    setSetting(db, 'operator', operator);
    audit(db, 'update', 'settings', null, undefined, { before: { operator: before }, after: { operator } });
  })();
}
