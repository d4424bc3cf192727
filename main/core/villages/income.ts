/**
 * The county's table of villages' collective income (村集体经济) for a year: every village, its
 * income and the year before's, its weak listing; typed entries saved in one transaction.
 * Rules in shared/villageIncome.ts.
 */
import { AppError } from '../../../shared/result';
import { summariseIncome, type IncomeRow, type IncomeTable } from '../../../shared/villageIncome';
import type { Db } from '../../store/db';
import { setVillageIncome } from '../work/weak';
import { zh } from '../work/common';
import { stmt } from '../../store/statementCache';

export function assertCounty(db: Db, countyId: number): string {
  const c = stmt(db, 'SELECT name FROM counties WHERE id = ?').get(countyId) as { name: string } | undefined;
  if (!c) throw new AppError('NOT_FOUND', '所选县（市、区）不存在，请刷新后重试');
  return c.name;
}

type Raw = Omit<IncomeRow, 'weak'> & { listedYear: number | null; delistedOn: string | null };

export function incomeTable(db: Db, countyId: number, year: number): IncomeTable {
  assertCounty(db, countyId);
  const raw = stmt(
    db,
    `SELECT v.id AS villageId, v.name AS village, t.id AS townshipId, t.name AS township,
            (SELECT income_fen FROM village_income i WHERE i.village_id = v.id AND i.year = @year) AS incomeFen,
            (SELECT income_fen FROM village_income i WHERE i.village_id = v.id AND i.year = @year - 1) AS prevFen,
            w.listed_year AS listedYear,
            (SELECT m.date FROM weak_milestones m WHERE m.village_id = v.id AND m.kind = '摘帽') AS delistedOn
       FROM villages v JOIN townships t ON t.id = v.township_id LEFT JOIN weak_villages w ON w.village_id = v.id
      WHERE t.county_id = @county`,
  ).all({ county: countyId, year }) as Raw[];
  const yearEnd = `${year}-12-31`;
  const rows: IncomeRow[] = raw
    .map(({ listedYear, delistedOn, ...r }) => ({
      ...r,
      weak:
        listedYear === null || listedYear > year
          ? null
          : delistedOn !== null && delistedOn <= yearEnd
            ? ('已摘帽' as const)
            : ('薄弱' as const),
    }))
    .sort((a, b) => zh.compare(a.township, b.township) || zh.compare(a.village, b.village));
  const listed = raw.filter((r) => r.listedYear === year).length;
  const delisted = raw.filter((r) => r.listedYear !== null && r.delistedOn !== null && r.delistedOn.startsWith(`${year}-`)).length;
  return { countyId, year, rows, summary: summariseIncome(rows, { listed, delisted }) };
}

/** The county's village for a name pair, or null. */
export function villagesOfCounty(db: Db, countyId: number): Array<{ id: number; name: string; township: string }> {
  return stmt(
    db,
    'SELECT v.id, v.name, t.name AS township FROM villages v JOIN townships t ON t.id = v.township_id WHERE t.county_id = ?',
  ).all(countyId) as Array<{ id: number; name: string; township: string }>;
}

/** Saves entries that differ from the record, all or none; returns how many changed. */
export function saveIncomes(
  db: Db,
  countyId: number,
  year: number,
  entries: ReadonlyArray<{ villageId: number; incomeFen: number | null }>,
): number {
  assertCounty(db, countyId);
  const own = new Set(villagesOfCounty(db, countyId).map((v) => v.id));
  const seen = new Set<number>();
  for (const e of entries) {
    if (!own.has(e.villageId)) throw new AppError('INVALID_INPUT', '有村不属于所选县（市、区），请刷新后重试');
    if (seen.has(e.villageId)) throw new AppError('INVALID_INPUT', '同一个村被重复填写');
    seen.add(e.villageId);
  }
  const current = stmt(db, 'SELECT income_fen AS fen FROM village_income WHERE village_id = ? AND year = ?');
  return db.transaction(() => {
    let changed = 0;
    for (const e of entries) {
      const before = (current.get(e.villageId, year) as { fen: number } | undefined)?.fen ?? null;
      if (before === e.incomeFen) continue;
      setVillageIncome(db, e.villageId, year, e.incomeFen);
      changed++;
    }
    return changed;
  })();
}
