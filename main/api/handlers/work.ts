/**
 * Handlers for shared/api/work.ts over main/core/work/*. Evidence files for weak-village
 * milestones arrive as staging tokens: each is inspected and copied into the blob store first
 * (a later failure leaves only an unreferenced blob an identical file reuses), then ONE
 * transaction writes the blob rows and the milestone; the tokens are discarded afterwards.
 */
import type { workChannels } from '../../../shared/api/work';
import { AppError } from '../../../shared/result';
import { intakeMaxBytes } from '../../core/bag/intakeLimit';
import { fileOriginal } from '../../files/intake';
import { listPlans, removePlan, savePlan } from '../../core/work/plans';
import { getProject, listProjects, publiciseProject, removeProject, saveProject, setParkRevenue } from '../../core/work/projects';
import { setWorkSetting } from '../../core/work/common';
import { addPayment, removePayment, removePolicy, savePledge, savePolicy, supportOverview } from '../../core/work/support';
import {
  clearMilestone,
  getWeakVillage,
  listWeakVillages,
  nameSuccessor,
  recordAction,
  removeWeakVillage,
  saveWeakVillage,
  setMilestone,
  setSupporters,
  setVillageIncome,
  type StoredEvidence,
} from '../../core/work/weak';
import type { HandlersFor, Services } from '../services';
import { removeBy } from './removeBy';

const scope = (q: { year: number; countyId?: number }) =>
  q.countyId === undefined ? { year: q.year } : { year: q.year, countyId: q.countyId };

export function createWorkHandlers(s: Services): HandlersFor<typeof workChannels> {
  const { db } = s.ctx;

  const takeEvidence = async (token: string): Promise<StoredEvidence> => {
    const f = s.staging.get(token);
    const { sha256, size, facts } = await fileOriginal(s.blobs, f.path, f.name, { maxBytes: intakeMaxBytes(db) });
    return { sha256, size, name: f.name, facts };
  };

  return {
    'work.plans.list': ({ cadreId }) => listPlans(db, cadreId),
    'work.plans.save': (input) => savePlan(db, input),
    'work.plans.remove': removeBy(db, removePlan),

    'work.projects.list': (f) => listProjects(db, f),
    'work.projects.save': ({ id, project }) => saveProject(db, id, project),
    'work.projects.publicise': ({ id, date, place }) => publiciseProject(db, id, date, place),
    'work.projects.setRevenue': ({ id, year, revenueFen, parkShareBp }) => {
      getProject(db, id);
      return setParkRevenue(db, id, year, revenueFen, parkShareBp);
    },
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
      getWeakVillage(db, input.villageId);
      if (new Set(evidenceTokens).size !== evidenceTokens.length) throw new AppError('INVALID_INPUT', '同一个文件被重复添加');
      const files: StoredEvidence[] = [];
      for (const t of evidenceTokens) files.push(await takeEvidence(t));
      const result = setMilestone(db, input, files);
      for (const t of evidenceTokens) await s.staging.discard(t);
      return result;
    },
    'work.weak.clearMilestone': ({ villageId, kind }) => clearMilestone(db, villageId, kind),
    'work.weak.recordAction': (input) => recordAction(db, input),
    'work.weak.appointSuccessor': (input) => nameSuccessor(db, input),

    'work.support.overview': (q) => supportOverview(db, scope(q)),
    'work.support.setAllowanceStandard': ({ monthlyFen }) => {
      db.transaction(() => setWorkSetting(db, 'allowanceMonthlyFen', monthlyFen))();
      return { monthlyFen };
    },
    'work.support.addPayment': (input) => addPayment(db, input),
    'work.support.removePayment': removeBy(db, removePayment),
    'work.support.savePolicy': (input) => savePolicy(db, input),
    'work.support.removePolicy': removeBy(db, removePolicy),
    'work.support.savePledge': (input) => savePledge(db, input),
  };
}
