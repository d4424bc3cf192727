/**
 * The month grid as the screen gets it: the grid, plus the certified scan as a stored file
 * (kind, size, pages) so the screen can preview it.
 */
import type { MonthGridView } from '../../../shared/api/attendance';
import type { StoredFile } from '../../../shared/domain';
import type { Db } from '../../store/db';
import { getMonthGrid } from './grid';
import { monthLabel } from '../../../shared/dates';
import { stmt } from '../../store/statementCache';

function storedFile(db: Db, sha256: string, originalName: string): StoredFile | null {
  const b = stmt(db, 'SELECT kind, mime, size, page_count AS pageCount, width, height, orientation FROM blobs WHERE sha256 = ?').get(
    sha256,
  ) as Omit<StoredFile, 'sha256' | 'originalName'> | undefined;
  return b ? { sha256, originalName, ...b } : null;
}

export function monthGridView(db: Db, townshipId: number, month: string): MonthGridView {
  const g = getMonthGrid(db, townshipId, month);
  const scan = g.certification ? storedFile(db, g.certification.scanSha256, `${g.townshipName}${monthLabel(month)}考勤表扫描件`) : null;
  return { ...g, scan };
}
