/**
 * Offline OCR of scanned originals: what a recognised page holds, and the queue's state as
 * the status bar and the CLI show it. The engine runs in main/ocr (PaddleOCR PP-OCRv4 models
 * through ONNX Runtime, shipped inside the app); nothing here depends on it.
 */

/** One recognised line: its text, the engine's mean confidence (0–1) and its box in page pixels. */
export interface OcrLine {
  text: string;
  confidence: number;
  /** Axis-aligned box [x, y, width, height] in pixels of the image that was read, upright. */
  box: [number, number, number, number];
}

/** Where a page's text came from: recognised from pixels, or a PDF's own (usable) text layer. */
export type OcrSource = 'ocr' | 'pdf-text';

export interface OcrPage {
  page: number;
  source: OcrSource;
  /** Clockwise rotation (0/90/180/270) applied to the page image before it read upright. */
  rotation: 0 | 90 | 180 | 270;
  /** Size in pixels of the upright image the boxes refer to. */
  width: number;
  height: number;
  /** Mean line confidence, null when no line was found. */
  confidence: number | null;
  ms: number;
  /** Lines in reading order (columns left to right, each top to bottom). */
  lines: OcrLine[];
}

/**
 * Text recognised on one page of a scanned original, as the dossier prints it in an invisible
 * text layer over the scan. Boxes are in pixels of the upright image that was read: the page
 * as viewed (EXIF orientation or /Rotate applied), scaled to width × height after turning it
 * clockwise by `rotation`.
 */
export interface RecognisedPage {
  /** 1-based page of the original. */
  page: number;
  rotation: 0 | 90 | 180 | 270;
  width: number;
  height: number;
  lines: Array<Pick<OcrLine, 'text' | 'box'>>;
}

export interface OcrStatus {
  paused: boolean;
  pending: number;
  running: number;
  done: number;
  failed: number;
  /** The file being read now, if any: its first material's title and the page progress. */
  current: { title: string; pagesRead: number; pagesTotal: number | null } | null;
}

/** A page's text in reading order, one line per recognised line. */
export const pageText = (lines: readonly OcrLine[]): string => lines.map((l) => l.text).join('\n');

/** Engine and model names recorded with every page, so a later model can re-read old pages. */
export const OCR_ENGINE = 'PaddleOCR/onnxruntime';
export const OCR_MODEL = 'PP-OCRv4 ch (det+rec)';
