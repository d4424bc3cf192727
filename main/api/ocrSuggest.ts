/**
 * Intake suggestions from a staged file's first page: read by a second, short-lived OCR worker
 * so a long PDF in the background queue never delays the clerk (the worker is closed after a
 * minute without use, giving its memory back).
 */
import { pageText } from '../../shared/ocr';
import { suggestFromText, type TextSuggestion } from '../../shared/suggestFromText';
import type { OcrPage } from '../../shared/ocr';
import { OcrPool } from '../ocr/pool';
import type { OcrFileKind } from '../ocr/protocol';

const IDLE_MS = 60_000;
let pool: OcrPool | null = null;
let idle: NodeJS.Timeout | null = null;

export interface PageSuggestion extends TextSuggestion {
  source: 'ocr' | 'pdf-text';
}

const OCR_KINDS = new Set<string>(['pdf', 'jpeg', 'png', 'tiff']);

export async function suggestFromFirstPage(file: string, kind: string): Promise<PageSuggestion | null> {
  if (!OCR_KINDS.has(kind)) return null;
  if (idle) clearTimeout(idle);
  pool ??= new OcrPool();
  const p = pool;
  let first: OcrPage | null = null;
  try {
    await p.read(file, kind as OcrFileKind, 200, { onStart: () => undefined, onPage: (pg) => (first ??= pg) }, 1);
  } finally {
    idle = setTimeout(() => {
      if (pool === p) pool = null;
      void p.close();
    }, IDLE_MS);
    idle.unref?.();
  }
  if (!first) return null;
  const page: OcrPage = first;
  return { ...suggestFromText(pageText(page.lines)), source: page.source };
}
