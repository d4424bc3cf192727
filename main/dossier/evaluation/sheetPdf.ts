/** The stand-alone 考核登记表 (A4 portrait) of one cadre, for the personnel file. */
import type { FontOptions } from '../fonts';
import { layoutItem } from '../typeset/layout';
import type { ReadonlyDb } from '../../core/dossierReads/readers';

import { renderPdf } from '../typeset/renderPdf';
import { sheetBlocks, sheetSubtitle, sheetTitle } from './sheetBlocks';
import { sheetData } from './sheetData';

export async function evaluationSheetPdf(
  db: ReadonlyDb,
  cadreId: number,
  year: number,
  opts: { fonts?: FontOptions; today?: string } = {},
) {
  const d = sheetData(db, cadreId, year, opts.today);
  const r = await renderPdf(
    `${d.cadre.name}${sheetTitle(d)}`,
    (tk) => layoutItem(tk, sheetTitle(d), sheetBlocks(d), sheetSubtitle(d)),
    opts.fonts,
  );
  return { ...r, name: d.cadre.name, finalised: d.finalised };
}
