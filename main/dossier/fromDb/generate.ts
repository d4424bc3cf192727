/** One cadre's dossier from the database to a PDF file: build the model, compose, report. */
import type { DossierScope, DossierSettings } from '../../../shared/api/dossier';
import type { MonthGrid } from '../../../shared/api/attendance';
import { composeDossier, type ComposedItem } from '../compose/compose';
import { glyphCoverage, type FontOptions } from '../fonts';
import { describeMissingGlyph, findMissingGlyphs } from '../typeset/missingGlyphs';
import { buildDossierDoc, translateWarnings } from './build';
import type { BlobPaths } from './context';
import type { Db } from './settings';

export interface GeneratedDossier {
  fileName: string;
  archiveCode: string;
  cadreName: string;
  pages: number;
  items: ComposedItem[];
  warnings: string[];
  /** What the 备考表 says about the originals (replaced, decrypted, converted, reduced…). */
  remarks: string[];
  /** The file is labelled PDF/A-1b. */
  pdfa: boolean;
  /** Characters no available font covers, with where they are (also in `warnings`, first). */
  missingGlyphs: string[];
}

export async function generateDossier(
  db: Db,
  blobs: BlobPaths,
  opts: { cadreId: number; year: DossierScope; seq?: number; grids?: Map<string, MonthGrid> },
  settings: DossierSettings,
  outPath: string,
  extra: { pdfa?: boolean; fangSongPath?: string | null } = {},
): Promise<GeneratedDossier> {
  const built = await buildDossierDoc(db, blobs, opts, settings);
  const fonts: FontOptions = { body: settings.bodyFont, ...(extra.fangSongPath !== undefined ? { fangSongPath: extra.fangSongPath } : {}) };
  const missingGlyphs = findMissingGlyphs(built.doc, glyphCoverage(fonts)).map(describeMissingGlyph);
  const r = await composeDossier(built.doc, outPath, { pdfa: extra.pdfa, wordRendition: settings.wordRendition, fonts });
  return {
    fileName: built.fileName,
    archiveCode: built.doc.meta.archiveCode,
    cadreName: built.doc.meta.cadreName,
    pages: r.pages,
    items: r.items,
    warnings: [...missingGlyphs, ...built.warnings, ...translateWarnings(r.warnings, built.names)],
    remarks: r.remarks,
    pdfa: r.pdfa,
    missingGlyphs,
  };
}
