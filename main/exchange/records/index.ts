/**
 * Records of an exchange bundle (records.json): the rows of one county and year, every
 * row id written as a global reference (origin fingerprint + id at the origin) so that
 * importing maps them to local ids, re-importing changes nothing, and a review bundle
 * sent back by an evaluator lands on the county's own rows. Format: records/format.ts.
 */
export { RECORDS_VERSION } from './types';
export type { ApplyOptions, ImportPlan, PlanOptions, RecordsDoc } from './types';
export { exportCountyRecords, exportReviewRecords } from './export';
export { applyImport, planImport } from './import';
export { recordsDocSchema } from './format';
