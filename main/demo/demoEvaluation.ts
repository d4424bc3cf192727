/**
 * The demo county's annual evaluation (年度考核) through core/evaluation, under the template the
 * app offers first (蒲县 70/20/10: 乡镇目标考核, 群众匿名投票, 县级核查):
 * - Y-1: the scheme enabled, every cadre on the roster scored and balloted, then 定稿 — the quota
 *   and the caps (a check absence, a month under 20 days, no project, a missed milestone) are
 *   applied by the results themselves, from the records.
 * - Y: the scheme enabled and the first township scored so far (not finalised).
 * - 结果运用 of Y-1: the two best commended in January Y, the best promoted in March Y; the county's
 *   programme start year is Y-2 (the postings), so the cumulative figures count from it.
 */
import { seededRandom } from '../../shared/random';
import type { PostType } from '../../shared/domain';
import { gridColumns } from '../../shared/evaluation/scoring';
import { evaluationRoster, type RosterCadre } from '../core/evaluation/roster';
import type { Db } from '../store/db';
import { computeResults, finaliseYear } from '../core/evaluation/results';
import { saveOutcome } from '../core/evaluation/outcomes';
import { saveProgramme } from '../core/villages/programme';
import { activateScheme, createFromTemplate } from '../core/evaluation/schemes';
import { setBallots, setScores } from '../core/evaluation/scores';
import type { Scheme } from '../../shared/evaluation';
import { between } from './demoData';
import type { Rng } from './demoData';
import { ymd, type WorkContext } from './demoWorkContext';

/** Typed cells for one cadre: each indicator at `level` of its maximum (two decimals). */
function cellsFor(scheme: Scheme, cadreId: number, postType: PostType, level: number) {
  return gridColumns(scheme, postType)
    .filter((c) => c.source !== 'ballots')
    .map((c) => ({ cadreId, component: c.component, indicator: c.indicator, value: Math.round(c.max * level * 100) / 100 }));
}

function score(db: Db, countyId: number, scheme: Scheme, year: number, cadres: ReturnType<typeof evaluationRoster>, rng: Rng): void {
  for (const c of cadres) {
    const level = between(rng, 78, 98) / 100;
    setScores(db, countyId, year, cellsFor(scheme, c.cadreId, c.postType, level));
    const ballots = between(rng, 40, 60);
    const unsatisfied = between(rng, 0, 2);
    const basic = between(rng, 1, 8);
    setBallots(db, { countyId, year, cadreId: c.cadreId, satisfied: ballots - basic - unsatisfied, basic, unsatisfied, ballots });
  }
}

/** A county's year under the 蒲县 template: every cadre scored (or only `only`), finalised on request. */
export function evaluateYear(
  db: Db,
  countyId: number,
  year: number,
  today: string,
  rng: Rng,
  opts: { finalise: boolean; only?: (c: RosterCadre) => boolean },
): void {
  db.transaction(() => {
    const scheme = activateScheme(db, createFromTemplate(db, countyId, year, 'puxian').id);
    const roster = evaluationRoster(db, countyId, year);
    score(db, countyId, scheme, year, opts.only ? roster.filter(opts.only) : roster, rng);
    if (opts.finalise) finaliseYear(db, countyId, year, today);
  })();
}

export function addDemoEvaluation(w: WorkContext, seed: number): void {
  const { db, today, Y, countyId } = w;
  const rng = seededRandom(seed + 7301);
  evaluateYear(db, countyId, Y - 1, today, rng, { finalise: true });
  // 结果运用: the two best of Y-1 commended in January Y, the best promoted in March Y (when past).
  const best = computeResults(db, { countyId, year: Y - 1, today })
    .rows.filter((r) => r.grade === '优秀')
    .sort((a, b) => b.total! - a.total!);
  for (const [i, r] of best.slice(0, 2).entries()) {
    const date = ymd(Y, 1, 15);
    if (date <= today)
      saveOutcome(db, { cadreId: r.cadreId, year: Y - 1, kind: '表彰', date, note: `${Y - 1}年度优秀第一书记（驻村干部）` });
    if (i === 0 && ymd(Y, 3, 20) <= today)
      saveOutcome(db, { cadreId: r.cadreId, year: Y - 1, kind: '提拔重用', date: ymd(Y, 3, 20), note: '考核优秀，提拔重用' });
  }
  // The programme began with these postings (cumulative 表彰 / 提拔重用 count from it).
  saveProgramme(db, { countyId, startYear: Y - 2, holdAllowance: false });
  const first = evaluationRoster(db, countyId, Y)[0]?.townshipId;
  evaluateYear(db, countyId, Y, today, rng, { finalise: false, only: (c) => c.townshipId === first });
}
