/** One cadre's dossier from the database to a PDF file: build the model, compose, report. */
import type { DossierScope, DossierSettings } from '../../../shared/api/dossier';
import type { MonthGrid } from '../../../shared/api/attendance';
import type { NumberAssigner } from '../../core/archive/numbers';
import { composeDossier, type ComposedItem } from '../compose/compose';
import { glyphCoverage, type FontOptions } from '../fonts';
import { describeMissingGlyph, findMissingGlyphs } from '../typeset/missingGlyphs';
import { buildDossierDoc, translateWarnings } from './build';
import type { BlobPaths } from './context';
import type { ReadonlyDb } from '../../core/dossierReads/readers';

export interface GeneratedDossier {
  fileName: string;
  archiveCode: string;
  cadreName: string;
  pages: number;
  /** 页数 of the volume (numbered item pages; cover, 卷内目录 and 备考表 not counted). */
  numberedPages: number;
  items: ComposedItem[];
  /** Earliest and latest date of the volume's items (YYYY-MM-DD), null when it holds none. */
  dateRange: { from: string; to: string } | null;
  warnings: string[];
  /** What the 备考表 says about the originals (replaced, decrypted, converted, reduced…). */
  remarks: string[];
  /** The file is labelled PDF/A-1b. */
  pdfa: boolean;
  /** Characters no available font covers, with where they are (also in `warnings`, first). */
  missingGlyphs: string[];
}

export async function generateDossier(
  db: ReadonlyDb,
  blobs: BlobPaths,
  opts: { cadreId: number; year: DossierScope; grids?: Map<string, MonthGrid>; numbers: NumberAssigner; now?: string },
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
    numberedPages: r.numberedPages,
    items: r.items,
    dateRange: dateRange(built.doc.sections.flatMap((sec) => sec.items.map((it) => it.catalogue.date))),
    warnings: [...missingGlyphs, ...built.warnings, ...translateWarnings(r.warnings, built.names)],
    remarks: r.remarks,
    pdfa: r.pdfa,
    missingGlyphs,
  };
}

function dateRange(dates: string[]): { from: string; to: string } | null {
  const valid = dates.filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d)).sort();
  return valid.length ? { from: valid[0]!, to: valid.at(-1)! } : null;
}
