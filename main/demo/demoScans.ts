/**
 * Scan-like images for the demo bags: a light paper page with grain, dark "lines of handwriting",
 * a ruled table, a red seal. Deterministic for a given PRNG.
 *
 * Speed (issue 14: the demo loads in ≤ 5 s): a page is a stack of 32-pixel bands. Each scan kind
 * has a small library of band variants (title, text line, date heading, table row, signature and
 * seal block, blank paper…), drawn and JPEG-encoded once per process (jpegBands.ts). A page is a
 * layout chosen with the caller's PRNG (how many entries or table rows, which variant in each
 * place), put together from the encoded bands by concatenation. Pages differ in layout and content;
 * nothing is drawn or encoded per page. The PNG ledger is assembled from the same bands' pixels.
 */
import { seededRandom } from '../../shared/random';
import fs from 'node:fs';
import type { FileFacts } from '../files/inspect';
import { encodePng } from '../files/png';
import { between, type Rng } from './demoData';
import { BandJpeg } from './jpegBands';

/** A4 portrait at 100 dpi (a flatbed scan at "document" resolution). */
/** Page size of every demo scan in pixels (A4 at 100 dpi). */
export const SCAN_W = 827;
export const SCAN_H = 1169;
const W = SCAN_W;
const H = SCAN_H;
const BAND = 32;
const BANDS = Math.ceil(H / BAND);
/** The last band is shorter (1169 = 36 × 32 + 17). */
const LAST_ROWS = H - (BANDS - 1) * BAND;
const QUALITY = 72;

type Rgb = [number, number, number];

/** An RGB raster with the drawing primitives the scans need. */
class Raster {
  readonly data: Uint8Array;
  constructor(
    readonly w: number,
    readonly h: number,
    rng: Rng,
  ) {
    this.data = new Uint8Array(w * h * 3);
    // Paper: warm off-white with grain, like a flatbed scan.
    for (let i = 0; i < w * h; i++) {
      const n = (rng() * 6) | 0;
      const o = i * 3;
      this.data[o] = 244 - n;
      this.data[o + 1] = 242 - n;
      this.data[o + 2] = 235 - n;
    }
  }

  rect(x: number, y: number, w: number, h: number, c: Rgb, alpha = 1): void {
    const x0 = Math.max(0, Math.round(x));
    const y0 = Math.max(0, Math.round(y));
    const x1 = Math.min(this.w, Math.round(x + w));
    const y1 = Math.min(this.h, Math.round(y + h));
    for (let yy = y0; yy < y1; yy++) {
      for (let xx = x0; xx < x1; xx++) {
        const o = (yy * this.w + xx) * 3;
        for (let k = 0; k < 3; k++) this.data[o + k] = Math.round(this.data[o + k]! * (1 - alpha) + c[k]! * alpha);
      }
    }
  }

  /** A ring (seal) of radius r and stroke t, with a star-ish centre block. */
  seal(cx: number, cy: number, r: number, t: number, c: Rgb): void {
    for (let y = Math.floor(cy - r); y <= cy + r; y++) {
      for (let x = Math.floor(cx - r); x <= cx + r; x++) {
        if (x < 0 || y < 0 || x >= this.w || y >= this.h) continue;
        const d = Math.hypot(x - cx, y - cy);
        if ((d <= r && d >= r - t) || d <= r * 0.18) this.rect(x, y, 1, 1, c, 0.75);
      }
    }
  }

  /** A row of word-like dark blocks, as handwriting or print looks from afar. */
  textLine(rng: Rng, x: number, y: number, maxW: number, height: number, ink: Rgb): void {
    let cx = x;
    const end = x + maxW * (0.55 + rng() * 0.45);
    while (cx < end) {
      const glyph = height * (0.75 + rng() * 0.3);
      this.rect(cx, y + rng() * 2, glyph, height * (0.7 + rng() * 0.25), ink, 0.55 + rng() * 0.3);
      cx += glyph + height * (0.2 + rng() * 0.25);
      if (rng() < 0.08) cx += height; // punctuation gap
    }
  }

  /** Rows [y, y + rows) as a band's pixels. */
  rows(y: number, rows: number): Uint8Array {
    return this.data.subarray(y * this.w * 3, (y + rows) * this.w * 3);
  }
}

const INK: Rgb = [38, 40, 58];
const RULE: Rgb = [70, 70, 70];
const RED: Rgb = [200, 30, 30];

/** One drawn variant of a block: each band's pixels and, once a JPEG needed it, its encoded data. */
interface Variant {
  pixels: Uint8Array[];
  jpeg: Array<Buffer | undefined>;
}

/** Variants of a block of `bands` bands. */
interface Block {
  bands: number;
  variants: Variant[];
}

type Draw = (r: Raster, rng: Rng) => void;

function block(bands: number, count: number, rng: Rng, draw: Draw, rows = bands * BAND): Block {
  const variants = Array.from({ length: count }, () => {
    const r = new Raster(W, rows, rng);
    draw(r, rng);
    const pixels = Array.from({ length: bands }, (_, b) => r.rows(b * BAND, Math.min(BAND, rows - b * BAND)));
    return { pixels, jpeg: [] };
  });
  return { bands, variants };
}

/** A page is a sequence of blocks adding up to BANDS bands; the last one is the short tail. */
interface Library {
  enc: BandJpeg;
  layout: (rng: Rng) => Block[];
}

/** Blank paper and the short last band, shared by every layout. */
function paperBlocks(rng: Rng): { paper: Block; tail: Block } {
  return { paper: block(1, 3, rng, () => {}), tail: block(1, 2, rng, () => {}, LAST_ROWS) };
}

/** A handwritten work-log page: title, dated entries on ruled lines, the rest of the page ruled and empty. */
function worklogLibrary(): Library {
  const rng = seededRandom(0x5ca1);
  const enc = new BandJpeg({ width: W, bandHeight: BAND, quality: QUALITY, gray: true });
  const top = block(4, 2, rng, (r, g) => {
    r.rect(260 + g() * 30, 70, 280 + g() * 40, 26, INK, 0.8);
  });
  const ruled = (r: Raster) => r.rect(80, 26, W - 160, 1, RULE, 0.35);
  const entry = block(1, 8, rng, (r, g) => {
    ruled(r);
    r.textLine(g, 90 + (g() < 0.2 ? 30 : 0), 6, W - 190, 16, INK);
  });
  const heading = block(1, 3, rng, (r, g) => {
    ruled(r);
    r.rect(80, 6, 100 + g() * 40, 16, INK, 0.85);
  });
  const empty = block(1, 2, rng, ruled);
  const { paper, tail } = paperBlocks(rng);
  const lines = BANDS - 4 - 4; // title block, lines, three blank bands and the tail
  return {
    enc,
    layout: (g) => {
      const written = between(g, Math.floor(lines * 0.6), lines);
      const body = Array.from({ length: lines }, (_, i) => (i >= written ? empty : i === 0 || g() < 0.18 ? heading : entry));
      return [top, ...body, paper, paper, paper, tail];
    },
  };
}

/** A ruled form (register or household ledger): title, header row, body rows, signature block, optional seal. */
function formLibrary(opts: { cols: number; rows: [number, number]; seal: boolean; seed: number }): Library {
  const rng = seededRandom(opts.seed);
  const enc = new BandJpeg({ width: W, bandHeight: BAND, quality: QUALITY });
  const left = 60;
  const width = W - 120;
  const colW = width / opts.cols;
  const top = block(4, 2, rng, (r, g) => r.rect(230 + g() * 20, 60, 340 + g() * 40, 24, INK, 0.85));
  const row = (header: boolean) => (r: Raster, g: Rng) => {
    r.rect(left, 0, width, 2, RULE, 0.8);
    for (let c = 0; c <= opts.cols; c++) r.rect(left + c * colW, 0, 2, BAND, RULE, 0.8);
    for (let c = 0; c < opts.cols; c++) {
      if (!header && g() < 0.25) continue;
      r.rect(left + c * colW + 6, BAND * 0.3, colW * (0.3 + g() * 0.5), BAND * 0.4, INK, header ? 0.85 : 0.6);
    }
  };
  const head = block(1, 2, rng, row(true));
  const body = block(1, 8, rng, row(false));
  const close = block(1, 1, rng, (r) => r.rect(left, 0, width, 2, RULE, 0.8));
  const signature = block(5, 2, rng, (r, g) => {
    const sy = 48;
    r.textLine(g, left, sy, 300, 16, INK);
    r.textLine(g, left + 380, sy, 260, 16, INK);
    r.rect(left + 470 + g() * 20, sy + 40, 140, 3, INK, 0.7); // signature stroke
    if (opts.seal) r.seal(left + 560 + g() * 10, sy + 30, 62, 7, RED);
  });
  const { paper, tail } = paperBlocks(rng);
  return {
    enc,
    layout: (g) => {
      const n = between(g, opts.rows[0], opts.rows[1]);
      const used = 4 + 1 + n + 1 + 5;
      return [top, head, ...Array<Block>(n).fill(body), close, signature, ...Array<Block>(BANDS - 1 - used).fill(paper), tail];
    },
  };
}

export type ScanKind = 'worklog' | 'sealedRegister' | 'ledger';

const libraries = new Map<ScanKind, Library>();

function library(kind: ScanKind): Library {
  let lib = libraries.get(kind);
  if (!lib) {
    lib =
      kind === 'worklog'
        ? worklogLibrary()
        : kind === 'sealedRegister'
          ? formLibrary({ cols: 8, rows: [9, 12], seal: true, seed: 0x5ea1 })
          : formLibrary({ cols: 6, rows: [16, 22], seal: false, seed: 0x1ed9 });
    libraries.set(kind, lib);
  }
  return lib;
}

/** The chosen variant of every band of one page, top to bottom. */
function pageBands(lib: Library, rng: Rng): Array<{ variant: Variant; band: number }> {
  const out: Array<{ variant: Variant; band: number }> = [];
  for (const b of lib.layout(rng)) {
    const variant = b.variants[Math.floor(rng() * b.variants.length)]!;
    for (let band = 0; band < b.bands; band++) out.push({ variant, band });
  }
  if (out.length !== BANDS) throw new Error(`demo scan layout has ${out.length} bands, expected ${BANDS}`);
  return out;
}

/**
 * What intake learns of a demo scan of `size` bytes (files/madeHere.ts): its type and pixel
 * size; a JPEG without EXIF reads as upright (orientation 1), a PNG has none.
 */
export function scanFacts(kind: 'jpeg' | 'png', size: number): FileFacts {
  return {
    kind,
    mime: kind === 'jpeg' ? 'image/jpeg' : 'image/png',
    size,
    pageCount: null,
    width: SCAN_W,
    height: SCAN_H,
    orientation: kind === 'jpeg' ? 1 : null,
    flags: [],
    notice: null,
  };
}

/** A JPEG scan (quality 72, 100 dpi, with a JPEG comment naming what it is). */
export function scanJpeg(kind: ScanKind, rng: Rng, comment: string): Buffer {
  const lib = library(kind);
  const bands = pageBands(lib, rng).map(({ variant, band }) => {
    const pixels = variant.pixels[band]!;
    return (variant.jpeg[band] ??= lib.enc.encodeBand(pixels, pixels.length / (W * 3)));
  });
  return lib.enc.assemble(H, bands, { comment, dpi: 100 });
}

/** Writes a JPEG scan (scanJpeg) to `file`. */
export function writeScanJpeg(file: string, kind: ScanKind, rng: Rng, comment: string): void {
  fs.writeFileSync(file, scanJpeg(kind, rng, comment));
}

/** Writes an RGB PNG scan at 100 dpi. */
export function writeScanPng(file: string, kind: ScanKind, rng: Rng): void {
  const bands = pageBands(library(kind), rng);
  const data = new Uint8Array(W * H * 3);
  let o = 0;
  for (const { variant, band } of bands) {
    data.set(variant.pixels[band]!, o);
    o += variant.pixels[band]!.length;
  }
  fs.writeFileSync(file, encodePng({ width: W, height: H, color: 'rgb', data }, { dpi: 100, level: 1 }));
}
