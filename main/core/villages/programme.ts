/**
 * A county's programme settings: the year its 选派 programme began (cumulative 表彰 / 提拔重用
 * count from it; unset shows the figures as not available, never a guessed start) and whether an
 * allowance quarter is held until that quarter's 调度 progress is recorded.
 */
import type { CountyProgramme } from '../../../shared/api/villages';
import type { Db } from '../../store/db';
import { nowIso } from '../../store/db';
import { audit } from '../audit/log';
import { assertCounty } from './income';
import { stmt } from '../../store/statementCache';

export function getProgramme(db: Db, countyId: number): CountyProgramme {
  const r = stmt(db, 'SELECT start_year AS startYear, hold_allowance AS hold FROM county_programme WHERE county_id = ?').get(countyId) as
    | { startYear: number | null; hold: number }
    | undefined;
  return { countyId, startYear: r?.startYear ?? null, holdAllowance: r?.hold === 1 };
}

export function saveProgramme(db: Db, input: CountyProgramme): CountyProgramme {
  assertCounty(db, input.countyId);
  db.transaction(() => {
    const before = getProgramme(db, input.countyId);
    stmt(
      db,
      `INSERT INTO county_programme (county_id, start_year, hold_allowance, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT(county_id) DO UPDATE SET start_year = excluded.start_year, hold_allowance = excluded.hold_allowance, updated_at = excluded.updated_at`,
    ).run(input.countyId, input.startYear, input.holdAllowance ? 1 : 0, nowIso());
    audit(
      db,
      'update',
      'county_programme',
      input.countyId,
      { startYear: input.startYear, holdAllowance: input.holdAllowance },
      { before, after: getProgramme(db, input.countyId) },
    );
  })();
  return getProgramme(db, input.countyId);
}
