/**
 * The demo county's annual evaluation (年度考核) through core/evaluation, under the template the
 * app offers first (蒲县 70/20/10: 乡镇目标考核, 群众匿名投票, 县级核查):
 * - Y-1: the scheme enabled, every cadre on the roster scored and balloted, then 定稿 — the quota
 *   and the caps (a check absence, a month under 20 days, no project, a missed milestone) are
 *   applied by the results themselves, from the records.
 * - Y: the scheme enabled and the first township scored so far (not finalised).
 */
import type { PostType } from '../../shared/domain';
import { gridColumns } from '../../shared/evaluation/scoring';
import { evaluationRoster, type RosterCadre } from '../core/evaluation/roster';
import type { Db } from '../store/db';
import { finaliseYear } from '../core/evaluation/results';
import { activateScheme, createFromTemplate } from '../core/evaluation/schemes';
import { setBallots, setScores } from '../core/evaluation/scores';
import type { Scheme } from '../../shared/evaluation';
import { between, prng } from './demoData';
import type { Rng } from './demoData';
import type { WorkContext } from './demoWorkContext';

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
export function evaluateYear(db: Db, countyId: number, year: number, today: string, rng: Rng, opts: { finalise: boolean; only?: (c: RosterCadre) => boolean }): void {
  db.transaction(() => {
    const scheme = activateScheme(db, createFromTemplate(db, countyId, year, 'puxian').id);
    const roster = evaluationRoster(db, countyId, year);
    score(db, countyId, scheme, year, opts.only ? roster.filter(opts.only) : roster, rng);
    if (opts.finalise) finaliseYear(db, countyId, year, today);
  })();
}

export function addDemoEvaluation(w: WorkContext, seed: number): void {
  const { db, today, Y, countyId } = w;
  const rng = prng(seed + 7301);
  evaluateYear(db, countyId, Y - 1, today, rng, { finalise: true });
  const first = evaluationRoster(db, countyId, Y)[0]?.townshipId;
  evaluateYear(db, countyId, Y, today, rng, { finalise: false, only: (c) => c.townshipId === first });
}
