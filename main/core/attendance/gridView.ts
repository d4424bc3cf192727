/**
 * The month grid as the screen gets it: the grid, plus the certified scan as a stored file
 * (kind, size, pages) so the screen can preview it.
 */
import type { MonthGridView } from '../../../shared/api/attendance';
import type { Db } from '../../store/db';
import { getMonthGrid } from './grid';
import { monthLabel } from '../../../shared/dates';
import { storedFileOf } from '../blobs/lookup';

export function monthGridView(db: Db, townshipId: number, month: string): MonthGridView {
  const g = getMonthGrid(db, townshipId, month);
  const scan = g.certification ? storedFileOf(db, g.certification.scanSha256, `${g.townshipName}${monthLabel(month)}考勤表扫描件`) : null;
  return { ...g, scan };
}
