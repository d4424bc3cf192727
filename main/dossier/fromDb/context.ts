/**
 * What every section builder of a dossier gets: the database, where originals live, the cadre,
 * the period printed, the archive settings, and the item counter (件号 runs through the volume).
 */
import type { DossierScope, DossierSettings } from '../../../shared/api/dossier';
import type { CadreDetail } from '../../../shared/domain';
import type { MonthGrid } from '../../../shared/api/attendance';
import { itemArchiveCode, type Section, type StampFields } from '../typeset/model';
import type { ReadonlyDb } from '../../core/dossierReads/readers';

/** Where the blob store keeps an original (BlobStore.pathOf; main/dossier may not import main/files). */
export interface BlobPaths {
  pathOf(sha256: string): string;
}

export interface BuildContext {
  db: ReadonlyDb;
  blobs: BlobPaths;
  cadre: CadreDetail;
  scope: DossierScope;
  /** Inclusive ISO dates of the period printed. */
  from: string;
  to: string;
  /** Year as printed on the cover and stamps: 2024, or 2023—2026 for a term. */
  yearLabel: string;
  settings: DossierSettings;
  /** 责任者 of records the app itself compiled, e.g. 岚川县委组织部. */
  issuer: string;
  /** Findings a user must hear about (damaged originals, files that cannot be printed). */
  warnings: string[];
  /** Month grids shared between the cadres of one batch (key `${townshipId}:${month}`). */
  grids: Map<string, MonthGrid>;
  /**
   * Next provisional 件号 in this volume; the stored archive number replaces it before printing
   * (fromDb/archiveNumbers.ts, main/core/archive/numbers.ts).
   */
  nextItemNo(): number;
}

/** A section of the dossier, or null when there is nothing to print for it. */
export type SectionBuilder = (ctx: BuildContext) => Section[] | Promise<Section[]>;

export function stampFor(ctx: BuildContext, itemNo: number, year?: number): StampFields {
  return {
    fonds: ctx.settings.fonds,
    year: year ? String(year) : ctx.yearLabel.slice(0, 4),
    retention: ctx.settings.retention,
    itemNo,
    org: ctx.settings.org,
  };
}

/** 档号 of an item (DA/T 22: 全宗号-WS·年度-保管期限-机构-件号, 件号 counted within the volume). */
export const itemCode = (ctx: BuildContext, itemNo: number, year?: number) => itemArchiveCode(stampFor(ctx, itemNo, year));
