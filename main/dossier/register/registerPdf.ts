/**
 * registerPdf(): the monthly attendance register (月考勤登记表) of one township as a PDF,
 * filled from the month grid or blank (names only) for filling by hand.
 */
import { countyNameOrNull, getMonthGrid } from '../../core/dossierReads/readers';
import fs from 'node:fs';
import PDFDocument from 'pdfkit';
import type { ReadonlyDb } from '../../core/dossierReads/readers';
import type { FontOptions } from '../fonts';
import { TextKit } from '../typeset/measure';
import { paintPage } from '../typeset/paint';
import type { RegisterData } from './data';
import { HEAD_H, layoutRegister } from './layout';
import { monthLabel } from '../../../shared/dates';

type Db = ReadonlyDb;

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

function loadData(db: Db, townshipId: number, month: string): RegisterData {
  const grid = getMonthGrid(db, townshipId, month);
  return { grid, countyName: countyNameOrNull(db, grid.countyId) ?? '' };
}

export async function registerPdf(db: Db, opts: RegisterOptions): Promise<RegisterResult> {
  const data = loadData(db, opts.townshipId, opts.month);
  const blank = opts.blank ?? false;
  const { grid } = data;
  const doc = new PDFDocument({
    autoFirstPage: false,
    size: 'A4',
    margin: 0,
    pdfVersion: '1.7',
    lang: 'zh-CN',
    displayTitle: true,
    info: {
      Title: `${data.countyName}${grid.townshipName}${monthLabel(grid.month)}选派干部月考勤登记表${blank ? '（空白）' : ''}`,
      Creator: 'OneBag 一袋式档案',
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
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
  doc.end();
  await done;
  return { pdf: Buffer.concat(chunks), pages: laid.pages.length, cadres: grid.rows.length };
}

/** Writes the register to `outPath` (through a temp file, so a failed run leaves no half PDF). */
export async function writeRegisterPdf(db: Db, opts: RegisterOptions, outPath: string): Promise<Omit<RegisterResult, 'pdf'>> {
  const r = await registerPdf(db, opts);
  const tmp = `${outPath}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(tmp, r.pdf);
    fs.renameSync(tmp, outPath);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw err;
  }
  return { pages: r.pages, cadres: r.cadres };
}
