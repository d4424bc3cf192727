/** The finalised state of a county's evaluation year, and the lock it puts on edits. */
import type { YearLogEntry, YearState } from '../../../shared/evaluation';
import { AppError } from '../../../shared/result';
import type { Db } from '../../store/db';

export function yearState(db: Db, countyId: number, year: number): YearState {
  const r = db
    .prepare(
      `SELECT y.finalised_at AS finalisedAt, y.scheme_id AS schemeId, s.version AS schemeVersion
         FROM eval_years y LEFT JOIN eval_schemes s ON s.id = y.scheme_id WHERE y.county_id = ? AND y.year = ?`,
    )
    .get(countyId, year) as { finalisedAt: string | null; schemeId: number | null; schemeVersion: number | null } | undefined;
  const finalisedAt = r?.finalisedAt ?? null;
  // The reason written when the year was finalised with scores missing (the latest finalise's).
  const incompleteReason = finalisedAt
    ? ((
        db
          .prepare(`SELECT reason FROM eval_year_log WHERE county_id = ? AND year = ? AND action = 'finalise' ORDER BY id DESC LIMIT 1`)
          .get(countyId, year) as { reason: string | null } | undefined
      )?.reason ?? null)
    : null;
  return {
    countyId,
    year,
    finalised: finalisedAt !== null,
    finalisedAt,
    incompleteReason,
    schemeId: finalisedAt ? r!.schemeId : null,
    schemeVersion: finalisedAt ? r!.schemeVersion : null,
  };
}

/** Refuses any change while the year is finalised. */
export function assertOpen(
  db: Db,
  countyId: number,
  year: number,
  message = `${year}年度考核已定档，不能修改；如确需修改，请先重新打开并说明原因`,
): void {
  if (yearState(db, countyId, year).finalised) throw new AppError('CONFLICT', message);
}

export function yearHistory(db: Db, countyId: number, year: number): YearLogEntry[] {
  return db
    .prepare(
      `SELECT l.id, l.action, l.reason, l.operator, l.at, s.version AS schemeVersion
         FROM eval_year_log l LEFT JOIN eval_schemes s ON s.id = l.scheme_id WHERE l.county_id = ? AND l.year = ? ORDER BY l.id`,
    )
    .all(countyId, year) as YearLogEntry[];
}
