/** Messages between the OCR queue (main thread) and the OCR worker thread. */
import type { OcrPage } from '../../shared/ocr';

export type OcrFileKind = 'pdf' | 'jpeg' | 'png' | 'tiff';

/** `maxPages` reads only the first pages (intake suggestions need page 1). */
export type ToOcrWorker = { type: 'read'; id: number; path: string; kind: OcrFileKind; dpi: number; maxPages?: number };

export type FromOcrWorker =
  | { type: 'start'; id: number; pagesTotal: number }
  | { type: 'page'; id: number; page: OcrPage }
  | { type: 'done'; id: number }
  | { type: 'error'; id: number; message: string };
