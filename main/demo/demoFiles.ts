/**
 * The demo bag's files as plain data (what to typeset or scan, where to write it), so they can
 * be made off the thread that files them (demoFileMaker.ts): a spec crosses to the worker thread
 * by structured clone, and the same spec always gives the same bytes.
 */
import { seededRandom } from '../../shared/random';
import fs from 'node:fs';
import type { FileFacts } from '../files/inspect';

import { writeMinutesPdf, writeRegisterPdf, writeTextDocPdf, type Minutes, type RegisterRow, type Section } from './demoPdf';
import { scanFacts, writeScanJpeg, writeScanPng } from './demoScans';

export type DemoFileSpec =
  | {
      kind: 'textDoc';
      file: string;
      doc: { title: string; subtitle?: string; intro?: string; sections: Section[]; author: string; date: string };
    }
  | { kind: 'minutes'; file: string; minutes: Minutes }
  | {
      kind: 'register';
      file: string;
      register: { township: string; year: number; month: number; rows: RegisterRow[]; date: string; author: string };
    }
  /** A scan drawn from a PRNG seeded with `seed`; JPEGs carry `comment` in a comment segment. */
  | { kind: 'scanJpeg'; file: string; scan: 'worklog' | 'sealedRegister'; seed: number; comment: string }
  | { kind: 'scanPng'; file: string; scan: 'ledger'; seed: number };

/**
 * Writes the file a spec describes and says what intake would learn of it (files/madeHere.ts):
 * the kind and the page count of a PDF (pdfkit's), the kind and pixel size of a scan.
 */
export async function makeDemoFile(spec: DemoFileSpec): Promise<FileFacts> {
  const pdf = (pageCount: number): FileFacts => ({
    kind: 'pdf',
    mime: 'application/pdf',
    size: fs.statSync(spec.file).size,
    pageCount,
    width: null,
    height: null,
    orientation: null,
    flags: [],
    notice: null,
  });
  switch (spec.kind) {
    case 'textDoc':
      return pdf(await writeTextDocPdf(spec.file, spec.doc));
    case 'minutes':
      return pdf(await writeMinutesPdf(spec.file, spec.minutes));
    case 'register':
      return pdf(await writeRegisterPdf(spec.file, spec.register));
    case 'scanJpeg':
      writeScanJpeg(spec.file, spec.scan, seededRandom(spec.seed), spec.comment);
      return scanFacts('jpeg', fs.statSync(spec.file).size);
    case 'scanPng':
      writeScanPng(spec.file, spec.scan, seededRandom(spec.seed));
      return scanFacts('png', fs.statSync(spec.file).size);
  }
}
