/**
 * Reads one stored original into OCR pages: an image is one page; a PDF page whose own text is
 * usable keeps that text (source 'pdf-text'), any other page is rendered and recognised.
 */
import fs from 'node:fs';
import type { OcrPage } from '../../shared/ocr';
import { recognizeImageFile, recognizeRgba } from './engine';
import { PdfPages } from './pdfPages';
import type { OcrFileKind } from './protocol';
import { judgePageText } from './textQuality';

export interface ReadCallbacks {
  onStart(pagesTotal: number): void;
  onPage(page: OcrPage): void;
}

export async function readOriginal(path: string, kind: OcrFileKind, dpi: number, cb: ReadCallbacks, maxPages = Infinity): Promise<void> {
  const bytes = fs.readFileSync(path);
  if (kind !== 'pdf') {
    cb.onStart(1);
    const t0 = Date.now();
    const r = await recognizeImageFile(bytes);
    cb.onPage({ page: 1, source: 'ocr', ...r, ms: Date.now() - t0 });
    return;
  }
  const pdf = await PdfPages.open(bytes);
  try {
    const n = Math.min(pdf.pageCount, maxPages);
    cb.onStart(n);
    for (let i = 0; i < n; i++) {
      const t0 = Date.now();
      const own = pdf.text(i);
      if (judgePageText(own) === 'usable') {
        const lines = own
          .split(/\r?\n/)
          .map((t) => t.trim())
          .filter(Boolean)
          .map((text) => ({ text, confidence: 1, box: [0, 0, 0, 0] as [number, number, number, number] }));
        cb.onPage({ page: i + 1, source: 'pdf-text', rotation: 0, width: 0, height: 0, confidence: null, ms: Date.now() - t0, lines });
        continue;
      }
      const img = pdf.render(i, dpi);
      const r = await recognizeRgba(img.rgba, img.width, img.height);
      cb.onPage({ page: i + 1, source: 'ocr', ...r, ms: Date.now() - t0 });
    }
  } finally {
    pdf.close();
  }
}
