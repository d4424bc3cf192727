/**
 * The leave a township's month shows beside its grid: every request, in any state, of a cadre
 * posted to the township during the month that overlaps the month.
 */
import type { LeaveRequest } from '../../../shared/leave';
import { monthFirst, monthLast } from '../../../shared/attendance';
import type { Db } from '../../store/db';
import { assertMonth, townshipOf } from './common';
import { listLeave } from './leave';
import { stmt } from '../../store/statementCache';

export function townshipLeave(db: Db, townshipId: number, month: string): LeaveRequest[] {
  assertMonth(month);
  townshipOf(db, townshipId);
  const first = monthFirst(month);
  const last = monthLast(month);
  const posted = new Set(
    stmt(db, 'SELECT cadre_id FROM postings WHERE township_id = ? AND start <= ? AND ("end" IS NULL OR "end" >= ?)')
      .pluck()
      .all(townshipId, last, first) as number[],
  );
  return listLeave(db, { from: first, to: last }).filter((l) => posted.has(l.cadreId));
}
