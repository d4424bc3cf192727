/**
 * Records of an exchange bundle (records.json): the rows of one county and year, every
 * row id written as a global reference (origin fingerprint + id at the origin) so that
 * importing maps them to local ids, re-importing changes nothing, and a review bundle
 * sent back by an evaluator lands on the county's own rows.
 */
import type { Db } from '../../store/db';

export const RECORDS_VERSION = 1;

export interface RecordsDoc {
  recordsVersion: number;
  kind: 'county' | 'review';
  /** Fingerprint of the department whose key signs the bundle. */
  origin: string;
  scope: { county: string; year: number };
  /** Table name -> rows in the documented JSON shape (see records/format.ts). */
  tables: Record<string, { columns: string[]; rows: unknown[][] }>;
  /** SHA-256 of every original the rows refer to. */
  blobs: string[];
  /** Cadres of the scope, for the bundle's index.html and the dossier file names. */
  cadres: Array<{ ref: string; name: string; township: string; village: string | null; postType: string }>;
}

export interface ImportPlanTable {
  table: string;
  /** Chinese name of the kind of record, e.g. 干部, 材料, 考勤. */
  label: string;
  added: number;
  updated: number;
  unchanged: number;
}

export interface ImportPlan {
  kind: 'county' | 'review';
  origin: string;
  scope: { county: string; year: number };
  tables: ImportPlanTable[];
  added: number;
  updated: number;
  unchanged: number;
  /** Originals the import needs that the local blob store lacks. */
  blobsNeeded: string[];
}

export function exportCountyRecords(_db: Db, _opts: { countyId: number; year: number; origin: string }): RecordsDoc {
  throw new Error('exportCountyRecords: not implemented yet');
}

export function exportReviewRecords(_db: Db, _opts: { countyId: number; year: number; origin: string }): RecordsDoc {
  throw new Error('exportReviewRecords: not implemented yet');
}

/** What importing `doc` would add and update; throws AppError('IMPORT_REFUSED', …) when it cannot be imported. */
export function planImport(_db: Db, _doc: RecordsDoc): ImportPlan {
  throw new Error('planImport: not implemented yet');
}

/** Applies `doc` in one transaction (originals must already be in the blob store); returns what it did. */
export function applyImport(
  _db: Db,
  _doc: RecordsDoc,
  _meta: { bundleId: string; bundleSha256: string; signerName: string },
): ImportPlan & { importId: number } {
  throw new Error('applyImport: not implemented yet');
}
