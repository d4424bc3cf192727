/**
 * The one list of core readers main/dossier may run, each taking the dossier's ReadonlyDb.
 * Adding a function here is the review point: it must only read. Writers (archive numbers)
 * reach a print as an injected NumberAssigner, never through this list.
 */
import { getMonthGrid as monthGrid } from '../attendance/grid';
import { verifyChain as chainStatus } from '../audit/chain';
import { listAuditWithChanges as auditWithChanges } from '../audit/query';
import { listMaterials as materials } from '../bag/bag';
import { getCadre as cadre } from '../cadres/cadres';
import { computeResults as results, finalisedResult as finalised } from '../evaluation/results';
import { countyName as county, countyOfCadre as cadreCounty, evaluationRoster as roster } from '../evaluation/roster';
import { getScheme as scheme } from '../evaluation/schemes';
import { recognisedPagesOf as recognisedPages } from '../ocr/pageLines';
import { listComments as comments } from '../review/comments';
import { rulesInForce as rules } from '../rules/settings';
import { getSetting as setting } from '../runtime/settings';
import { listPlans as plans } from '../work/plans';
import { listProjects as projects } from '../work/projects';
import { listWeakVillages as weakVillages } from '../work/weak';
import { listEntries as entries } from '../worklog/entries';
import { listReports as reports } from '../worklog/reports';
import type { Db } from '../../store/db';
import { connectionOf, type ReadonlyDb } from './readonlyDb';
import { checkRows as checks, countyCadres as cadresOfCounty, countyNameOrNull as maybeCounty, mustAttendRows as mustAttend } from './rows';

export type { ReadonlyDb } from './readonlyDb';
export type { RecordRow } from './rows';

/** A core reader `(db: Db, ...args)` as one taking the dossier's read-only handle. */
const reader =
  <A extends unknown[], R>(fn: (db: Db, ...args: A) => R) =>
  (db: ReadonlyDb, ...args: A): R =>
    fn(connectionOf(db), ...args);

export const getMonthGrid = reader(monthGrid);
export const verifyChain = reader(chainStatus);
export const listAuditWithChanges = reader(auditWithChanges);
export const listMaterials = reader(materials);
export const getCadre = reader(cadre);
export const computeResults = reader(results);
export const finalisedResult = reader(finalised);
export const countyName = reader(county);
export const countyNameOrNull = reader(maybeCounty);
export const countyOfCadre = reader(cadreCounty);
export const evaluationRoster = reader(roster);
export const getScheme = reader(scheme);
export const recognisedPagesOf = reader(recognisedPages);
export const listComments = reader(comments);
export const rulesInForce = reader(rules);
export const getSetting = reader(setting);
export const listPlans = reader(plans);
export const listProjects = reader(projects);
export const listWeakVillages = reader(weakVillages);
export const listEntries = reader(entries);
export const listReports = reader(reports);
export const countyCadres = reader(cadresOfCounty);
export const mustAttendRows = reader(mustAttend);
export const checkRows = reader(checks);
