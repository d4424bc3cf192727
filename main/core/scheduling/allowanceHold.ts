/**
 * With the county's hold setting on (county_programme.hold_allowance), a 市级 cadre's allowance
 * for a quarter is paid only after that quarter's 调度会 records the cadre's progress ("每季度由
 * 县级组织部门结合调度工作进展情况，统一进行发放").
 */
import { AppError } from '../../../shared/result';
import { quarterEnd, quarterLabel, quarterStart } from '../../../shared/scheduling';
import type { Db } from '../../store/db';
import { hasTable } from '../stats/facts';
import { stmt } from '../../store/statementCache';

/** Refuses (in Chinese) a payment the county holds until 调度 progress is recorded. */
export function assertAllowanceReleased(db: Db, cadre: { id: number; name: string }, year: number, quarter: number): void {
  if (!hasTable(db, 'county_programme')) return;
  // The counties the cadre served in during the quarter that hold allowance for 调度.
  const holding = stmt(
    db,
    `SELECT DISTINCT t.county_id AS countyId FROM postings p JOIN townships t ON t.id = p.township_id
       JOIN county_programme cp ON cp.county_id = t.county_id AND cp.hold_allowance = 1
      WHERE p.cadre_id = ? AND p.start <= ? AND (p."end" IS NULL OR p."end" >= ?)`,
  ).all(cadre.id, quarterEnd(year, quarter), quarterStart(year, quarter)) as Array<{ countyId: number }>;
  for (const { countyId } of holding) {
    const recorded = stmt(
      db,
      `SELECT 1 FROM scheduling_meetings m JOIN scheduling_progress p ON p.meeting_id = m.id
        WHERE m.county_id = ? AND m.year = ? AND m.quarter = ? AND p.cadre_id = ?`,
    ).get(countyId, year, quarter, cadre.id);
    if (!recorded) {
      throw new AppError(
        'INVALID_INPUT',
        `按本县设置，${quarterLabel(year, quarter)}的补助须在该季度调度会登记${cadre.name}的工作进展后发放`,
      );
    }
  }
}
