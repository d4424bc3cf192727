/**
 * The demo county's year of work, after its cadres, bags and attendance exist: projects with
 * 公示, village income, reports, allowance and insurance, the quarterly 调度, the evaluation and a
 * second county imported as a signed bundle for the city view. Everything goes through core use
 * cases (the same checks a clerk meets), dated relative to the injected today (Y = its year).
 * The weak villages come first.
 *
 * Alerts these records can raise, and what the demo leaves of them (deliberate stories only):
 * - 年度无项目: none (every cadre has a Y-1 project; in Y the rule comes due on 1 October and
 *   from then on every cadre has one).
 * - 项目未公示: none (every project publicised).
 * - 未包扶薄弱村: none (each township's 第一副书记 supports a weak village).
 * - 薄弱村节点逾期: ONE, deliberate — 柳河乡三道沟村 has not found its 增收渠道, due on the last
 *   day of February Y (shown once that day has passed; 约谈 required, none on record).
 * - 补助发放滞后 / 保险脱保: none (each ended quarter paid in full; a policy for every posted year).
 * - 报告逾期: none for Y-1 and Y (each period reported a few days after it ends; one Y-1 report
 *   arrived six days late — 已提交 with its delay, no alert). Y-2 reports are not in the demo.
 * - 季度未调度: none (every ended quarter since the postings began has its 调度会; the current
 *   quarter is not yet due).
 * The second county (imported, read-only) is the city view's; its own alerts are its
 * department's business and are listed when the alerts view is not filtered to 岚川县.
 */
import type { BlobStore } from '../files/blobStore';
import type { CoreContext } from '../core/runtime/context';
import { addDemoEvaluation } from './demoEvaluation';
import { addDemoProjects, addDemoSupport } from './demoProjects';
import { addDemoReports } from './demoReports';
import { addDemoScheduling } from './demoScheduling';
import { importSecondCounty, type SecondCountyBundle } from './demoSecondCounty';
import { addDemoLeaders } from './demoLeaders';
import { addDemoIncome, addDemoWeakVillages } from './demoVillages';
import { readWorkContext } from './demoWorkContext';
import type { DemoProgress } from './demoProgress';

export { addDemoWeakVillages };

export interface DemoWorkSummary {
  projects: number;
  reportsFiled: number;
  reportLinksConfirmed: number;
  supportRecords: number;
  meetings: number;
  routes: number;
  /** The second county's bundle: its cadres and records, imported. */
  secondCounty: { cadres: number; records: number };
}

/** Progress steps of addDemoWork (each part below reports one when done). */
export const DEMO_WORK_STEPS = 7;

export async function addDemoWork(
  ctx: CoreContext,
  blobs: BlobStore,
  today: string,
  seed: number,
  progress?: DemoProgress,
  /** The second county's bundle when built elsewhere (demoSecondCounty.ts). */
  secondCountyBundle?: () => Promise<SecondCountyBundle>,
): Promise<DemoWorkSummary> {
  const w = readWorkContext(ctx.db, today);
  addDemoWeakVillages(w);
  const projects = addDemoProjects(w, seed);
  progress?.step('正在录入薄弱村与项目');
  addDemoIncome(w);
  const supportRecords = addDemoSupport(w);
  progress?.step('正在录入村集体经济收入与包扶');
  const reports = await addDemoReports(w, blobs, seed);
  progress?.step('正在录入季度报告与半年总结');
  const scheduling = addDemoScheduling(w, seed);
  progress?.step('正在录入季度调度');
  addDemoEvaluation(w, seed);
  progress?.step('正在录入年度考核');
  const secondCounty = await importSecondCounty(ctx, blobs, today, seed, progress, secondCountyBundle);
  addDemoLeaders(ctx, today);
  return {
    projects,
    reportsFiled: reports.filed,
    reportLinksConfirmed: reports.confirmed,
    supportRecords,
    meetings: scheduling.meetings,
    routes: scheduling.routes,
    secondCounty,
  };
}
