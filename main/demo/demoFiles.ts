/**
 * The demo bag's files as plain data (what to typeset or scan, where to write it), so they can
 * be made off the thread that files them (demoFileMaker.ts): a spec crosses to the worker thread
 * by structured clone, and the same spec always gives the same bytes.
 */
import { prng } from './demoData';
import { writeMinutesPdf, writeRegisterPdf, writeTextDocPdf, type Minutes, type RegisterRow, type Section } from './demoPdf';
import { writeScanJpeg, writeScanPng } from './demoScans';

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

/** Writes the file a spec describes. */
export async function makeDemoFile(spec: DemoFileSpec): Promise<void> {
  switch (spec.kind) {
    case 'textDoc':
      return writeTextDocPdf(spec.file, spec.doc);
    case 'minutes':
      return writeMinutesPdf(spec.file, spec.minutes);
    case 'register':
      return writeRegisterPdf(spec.file, spec.register);
    case 'scanJpeg':
      return writeScanJpeg(spec.file, spec.scan, prng(spec.seed), spec.comment);
    case 'scanPng':
      return writeScanPng(spec.file, spec.scan, prng(spec.seed));
  }
}
