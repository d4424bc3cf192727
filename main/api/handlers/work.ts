/**
 * Handlers for shared/api/work.ts over main/core/work/*. Evidence files for weak-village
 * milestones arrive as staging tokens; core stores them and writes the milestone
 * (setMilestoneWithFiles), and the tokens are discarded afterwards.
 */
import type { workChannels } from '../../../shared/api/work';
import { listPlans, removePlan, savePlan } from '../../core/work/plans';
import { listProjects, publiciseProject, removeProject, saveProject, setParkRevenue } from '../../core/work/projects';
import {
  addPayment,
  removePayment,
  removePolicy,
  savePledge,
  savePolicy,
  setAllowanceStandard,
  supportOverview,
} from '../../core/work/support';
import {
  clearMilestone,
  listWeakVillages,
  nameSuccessor,
  recordAction,
  removeWeakVillage,
  saveWeakVillage,
  setMilestoneWithFiles,
  setSupporters,
  setVillageIncome,
} from '../../core/work/weak';
import type { HandlersFor, Services } from '../services';
import { removeBy } from './removeBy';

const scope = (q: { year: number; countyId?: number }) =>
  q.countyId === undefined ? { year: q.year } : { year: q.year, countyId: q.countyId };

export function createWorkHandlers(s: Services): HandlersFor<typeof workChannels> {
  const { db } = s.ctx;

  return {
    'work.plans.list': ({ cadreId }) => listPlans(db, cadreId),
    'work.plans.save': (input) => savePlan(db, input),
    'work.plans.remove': removeBy(db, removePlan),

    'work.projects.list': (f) => listProjects(db, f),
    'work.projects.save': ({ id, project }) => saveProject(db, id, project),
    'work.projects.publicise': ({ id, date, place }) => publiciseProject(db, id, date, place),
    'work.projects.setRevenue': ({ id, year, revenueFen, parkShareBp }) => setParkRevenue(db, id, year, revenueFen, parkShareBp),
    'work.projects.remove': removeBy(db, removeProject),

    'work.weak.list': (q) => listWeakVillages(db, q),
    'work.weak.save': (input) => saveWeakVillage(db, input),
    'work.weak.remove': ({ villageId }) => {
      removeWeakVillage(db, villageId);
      return { removed: true as const };
    },
    'work.weak.setIncome': ({ villageId, year, incomeFen }) => setVillageIncome(db, villageId, year, incomeFen),
    'work.weak.setSupporters': ({ villageId, cadreIds }) => setSupporters(db, villageId, cadreIds),
    'work.weak.setMilestone': async ({ evidenceTokens, ...input }) => {
      const result = await setMilestoneWithFiles(db, s.blobs, input, () => evidenceTokens.map((t) => s.staging.get(t)));
      for (const t of evidenceTokens) await s.staging.discard(t);
      return result;
    },
    'work.weak.clearMilestone': ({ villageId, kind }) => clearMilestone(db, villageId, kind),
    'work.weak.recordAction': (input) => recordAction(db, input),
    'work.weak.appointSuccessor': (input) => nameSuccessor(db, input),

    'work.support.overview': (q) => supportOverview(db, scope(q)),
    'work.support.setAllowanceStandard': ({ monthlyFen }) => setAllowanceStandard(db, monthlyFen),
    'work.support.addPayment': (input) => addPayment(db, input),
    'work.support.removePayment': removeBy(db, removePayment),
    'work.support.savePolicy': (input) => savePolicy(db, input),
    'work.support.removePolicy': removeBy(db, removePolicy),
    'work.support.savePledge': (input) => savePledge(db, input),
  };
}
