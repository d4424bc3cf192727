/** How much the archive holds, for the status bar and the first-run screen. */
import type { Db } from '../store/db';

export function archiveCounts(db: Db): { cadreCount: number; materialCount: number } {
  const count = (table: 'cadres' | 'materials') => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  return { cadreCount: count('cadres'), materialCount: count('materials') };
}
