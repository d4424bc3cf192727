/** Messages between the OCR queue (in the app's main process) and the OCR process. */
import type { OcrPage } from '../../shared/ocr';

export type OcrFileKind = 'pdf' | 'jpeg' | 'png' | 'tiff';

/** `maxPages` reads only the first pages (intake suggestions need page 1). */
export type ToOcrWorker = { type: 'read'; id: number; path: string; kind: OcrFileKind; dpi: number; maxPages?: number };

/** `peakRssMb`: the OCR process's peak resident memory so far (its whole life); `cpuS`: its CPU time on this read. */
export type FromOcrWorker =
  | { type: 'start'; id: number; pagesTotal: number }
  | { type: 'page'; id: number; page: OcrPage }
  | { type: 'done'; id: number; peakRssMb: number; cpuS: number }
  | { type: 'error'; id: number; message: string; peakRssMb: number };
