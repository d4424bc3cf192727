/**
 * The year's view of the city leaders' contracted counties (包县督查): each leader with a contract
 * in the year or a check linked that year, the counties contracted then, and the checks they made
 * there within the contract period — from records only. A leader or county without a recorded
 * check says so (NO_CHECKS_TEXT in the view), never a zero that reads as "checked nothing".
 * Leaders come in name order: no ranking by activity (减负).
 */
import { overlapsYear, type LeaderCheck, type LeaderYear, type LeadersYearView, type UnlinkedCityCheck } from '../../../shared/leaders';
import type { Db } from '../../store/db';
import { listLeaders } from './leaders';
import { stmt } from '../../store/statementCache';

type CheckRow = LeaderCheck & { countyId: number; county: string; checker: string; leaderId: number | null };

/** Checks of the year that are 市级 or name a leader, with villages and results, oldest first. */
function cityChecks(db: Db, year: number): CheckRow[] {
  const rows = stmt(
    db,
    `SELECT k.id AS checkId, k.date, k.kind, t.name AS township, t.county_id AS countyId, co.name AS county,
            k.checker, k.findings, kl.leader_id AS leaderId,
            (SELECT COUNT(*) FROM check_results r WHERE r.check_id = k.id) AS checked,
            (SELECT COUNT(*) FROM check_results r WHERE r.check_id = k.id AND r.on_post = 0) AS notOnPost,
            COALESCE((SELECT GROUP_CONCAT(c.name, '、') FROM check_results r JOIN cadres c ON c.id = r.cadre_id
                       WHERE r.check_id = k.id AND r.on_post = 0), '') AS notOnPostNames,
            COALESCE((SELECT GROUP_CONCAT(DISTINCT v.name) FROM check_results r
                        JOIN postings p ON p.cadre_id = r.cadre_id AND p.township_id = k.township_id
                             AND p.start <= k.date AND (p."end" IS NULL OR p."end" >= k.date)
                        JOIN villages v ON v.id = p.village_id
                       WHERE r.check_id = k.id), '') AS villages
       FROM checks k JOIN townships t ON t.id = k.township_id JOIN counties co ON co.id = t.county_id
       LEFT JOIN check_leaders kl ON kl.check_id = k.id
      WHERE k.date BETWEEN ? AND ? AND (kl.leader_id IS NOT NULL OR k.level = '市级')
      ORDER BY k.date, k.id`,
  ).all(`${year}-01-01`, `${year}-12-31`) as CheckRow[];
  return rows.map((r) => ({ ...r, villages: r.villages.split(',').filter(Boolean).join('、') }));
}

const asCheck = ({ checkId, date, kind, township, villages, checked, notOnPost, notOnPostNames, findings }: CheckRow): LeaderCheck => ({
  checkId,
  date,
  kind,
  township,
  villages,
  checked,
  notOnPost,
  notOnPostNames,
  findings,
});

export function leadersYear(db: Db, year: number): LeadersYearView {
  const checks = cityChecks(db, year);
  const leaders: LeaderYear[] = [];
  for (const l of listLeaders(db)) {
    const mine = checks.filter((k) => k.leaderId === l.id);
    const contracts = l.contracts.filter((c) => overlapsYear(c.start, c.end, year));
    if (contracts.length === 0 && mine.length === 0) continue;
    const placed = new Set<number>();
    const counties = contracts.map((c) => {
      const here = mine.filter((k) => k.countyId === c.countyId && k.date >= c.start && (c.end === null || k.date <= c.end));
      for (const k of here) placed.add(k.checkId);
      return { countyId: c.countyId, county: c.county, origin: c.origin, start: c.start, end: c.end, checks: here.map(asCheck) };
    });
    leaders.push({
      leaderId: l.id,
      name: l.name,
      title: l.title,
      counties,
      elsewhere: mine.filter((k) => !placed.has(k.checkId)).map((k) => ({ ...asCheck(k), county: k.county })),
      checkCount: mine.length,
    });
  }
  const unlinked: UnlinkedCityCheck[] = checks
    .filter((k) => k.leaderId === null)
    .map((k) => ({ ...asCheck(k), countyId: k.countyId, county: k.county, checker: k.checker }));
  return { year, leaders, unlinked };
}
