/** Messages between the OCR queue (main thread) and the OCR worker thread. */
import type { OcrPage } from '../../shared/ocr';

export type OcrFileKind = 'pdf' | 'jpeg' | 'png' | 'tiff';

export type ToOcrWorker = { type: 'read'; id: number; path: string; kind: OcrFileKind; dpi: number };

export type FromOcrWorker =
  | { type: 'start'; id: number; pagesTotal: number }
  | { type: 'page'; id: number; page: OcrPage }
  | { type: 'done'; id: number }
  | { type: 'error'; id: number; message: string };
