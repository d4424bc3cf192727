/**
 * registerPdf(): the monthly attendance register (月考勤登记表) of one township as a PDF,
 * filled from the month grid or blank (names only) for filling by hand.
 */
import { countyNameOrNull, getMonthGrid } from '../../core/dossierReads/readers';
import type { ReadonlyDb } from '../../core/dossierReads/readers';
import type { FontOptions } from '../fonts';
import { writeFileDurablySync } from '../../files/durableFiles';
import { newA4Pdf, pdfBytes } from '../pdfFile';
import { TextKit } from '../typeset/measure';
import { paintPage } from '../typeset/paint';
import type { RegisterData } from './data';
import { HEAD_H, layoutRegister } from './layout';
import { monthLabel } from '../../../shared/dates';

export interface RegisterOptions {
  townshipId: number;
  /** YYYY-MM */
  month: string;
  /** Names only, no marks, totals or remarks. */
  blank?: boolean;
  fonts?: FontOptions;
}

export interface RegisterResult {
  pdf: Buffer;
  pages: number;
  cadres: number;
}

function loadData(db: ReadonlyDb, townshipId: number, month: string): RegisterData {
  const grid = getMonthGrid(db, townshipId, month);
  return { grid, countyName: countyNameOrNull(db, grid.countyId) ?? '' };
}

export async function registerPdf(db: ReadonlyDb, opts: RegisterOptions): Promise<RegisterResult> {
  const data = loadData(db, opts.townshipId, opts.month);
  const blank = opts.blank ?? false;
  const { grid } = data;
  const doc = newA4Pdf({
    Title: `${data.countyName}${grid.townshipName}${monthLabel(grid.month)}选派干部月考勤登记表${blank ? '（空白）' : ''}`,
  });
  const tk = new TextKit(doc, opts.fonts);
  const laid = layoutRegister(tk, data, blank);
  laid.pages.forEach((page, i) => {
    const top = laid.headTops[i];
    paintPage(tk, page, () => {
      if (top === null || top === undefined) return;
      // light grey behind rest-day headers; drawn over the text, so kept translucent
      doc.save().fillColor('black').fillOpacity(0.12);
      for (const c of laid.restColumns) doc.rect(c.x, top, c.w, HEAD_H).fill();
      doc.restore();
    });
  });
  return { pdf: await pdfBytes(doc), pages: laid.pages.length, cadres: grid.rows.length };
}

/** Writes the register to `outPath` (durably, see pdfFile.ts). */
export async function writeRegisterPdf(db: ReadonlyDb, opts: RegisterOptions, outPath: string): Promise<Omit<RegisterResult, 'pdf'>> {
  const r = await registerPdf(db, opts);
  writeFileDurablySync(outPath, r.pdf);
  return { pages: r.pages, cadres: r.cadres };
}
