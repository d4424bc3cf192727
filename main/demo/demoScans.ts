/**
 * Scan-like images for the demo bags: a light, slightly uneven page with dark "lines of
 * handwriting", a ruled table, an optional red seal. JPEG via jpeg-js, PNG via our
 * encoder. Deterministic for a given PRNG.
 */
import fs from 'node:fs';
import jpeg from 'jpeg-js';
import { encodePng } from '../files/png';
import { between, type Rng } from './demoData';

/** A4 portrait at 100 dpi. */
const W = 827;
const H = 1169;

type Rgb = [number, number, number];

class Page {
  readonly data: Uint8Array;
  constructor(
    readonly w: number,
    readonly h: number,
    rng: Rng,
  ) {
    this.data = new Uint8Array(w * h * 3);
    // Paper: warm off-white with a soft vertical gradient and grain, like a flatbed scan.
    const tint = between(rng, 0, 8);
    for (let y = 0; y < h; y++) {
      const shade = 246 - Math.round((y / h) * 6) - tint;
      for (let x = 0; x < w; x++) {
        const n = (rng() * 6) | 0;
        const o = (y * w + x) * 3;
        this.data[o] = shade + 3 - n;
        this.data[o + 1] = shade + 1 - n;
        this.data[o + 2] = shade - 6 - n;
      }
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

  rgb(): Uint8Array {
    return this.data;
  }

  rgba(): Uint8Array {
    const out = new Uint8Array(this.w * this.h * 4);
    for (let i = 0, j = 0; i < this.data.length; i += 3, j += 4) {
      out[j] = this.data[i]!;
      out[j + 1] = this.data[i + 1]!;
      out[j + 2] = this.data[i + 2]!;
      out[j + 3] = 255;
    }
    return out;
  }
}

const INK: Rgb = [38, 40, 58];
const RULE: Rgb = [70, 70, 70];
const RED: Rgb = [200, 30, 30];

/** A handwritten work-log page: title bar, dated entries, ruled lines. */
function logPage(rng: Rng): Page {
  const p = new Page(W, H, rng);
  p.rect(260, 70, 300, 26, INK, 0.8); // title
  let y = 140;
  while (y < H - 120) {
    p.rect(80, y + 22, W - 160, 1, RULE, 0.35); // ruled line
    if (rng() < 0.18) {
      p.rect(80, y, 120, 16, INK, 0.85); // date heading
    } else {
      p.textLine(rng, 90 + (rng() < 0.2 ? 30 : 0), y, W - 190, 16, INK);
    }
    y += 30;
  }
  return p;
}

/** A ruled form (register or household ledger) with a signature block and optional seal. */
function formPage(rng: Rng, opts: { rows: number; cols: number; seal: boolean }): Page {
  const p = new Page(W, H, rng);
  p.rect(230, 60, 360, 24, INK, 0.85); // title
  const left = 60;
  const top = 120;
  const width = W - 120;
  const rowH = Math.min(34, Math.floor((H - 360) / opts.rows));
  for (let r = 0; r <= opts.rows; r++) p.rect(left, top + r * rowH, width, 2, RULE, 0.8);
  const colW = width / opts.cols;
  for (let c = 0; c <= opts.cols; c++) p.rect(left + c * colW, top, 2, rowH * opts.rows, RULE, 0.8);
  for (let r = 0; r < opts.rows; r++) {
    for (let c = 0; c < opts.cols; c++) {
      if (r > 0 && rng() < 0.25) continue;
      const cw = colW * (0.3 + rng() * 0.5);
      p.rect(left + c * colW + 6, top + r * rowH + rowH * 0.3, cw, rowH * 0.4, INK, r === 0 ? 0.85 : 0.6);
    }
  }
  const sy = top + rowH * opts.rows + 50;
  p.textLine(rng, left, sy, 300, 16, INK);
  p.textLine(rng, left + 380, sy, 260, 16, INK);
  p.rect(left + 470, sy + 40, 140, 3, INK, 0.7); // signature stroke
  if (opts.seal) p.seal(left + 560, sy + 30, 62, 7, RED);
  return p;
}

export type ScanKind = 'worklog' | 'sealedRegister' | 'ledger';

function pageFor(kind: ScanKind, rng: Rng): Page {
  if (kind === 'worklog') return logPage(rng);
  if (kind === 'sealedRegister') return formPage(rng, { rows: between(rng, 9, 12), cols: 8, seal: true });
  return formPage(rng, { rows: between(rng, 16, 22), cols: 6, seal: false });
}

/** Writes a JPEG scan (quality 72, with a JPEG comment naming what it is). */
export function writeScanJpeg(file: string, kind: ScanKind, rng: Rng, comment: string): void {
  const p = pageFor(kind, rng);
  const out = jpeg.encode({ data: p.rgba(), width: p.w, height: p.h, comments: [comment] }, 72);
  fs.writeFileSync(file, out.data);
}

/** Writes an RGB PNG scan at 100 dpi. */
export function writeScanPng(file: string, kind: ScanKind, rng: Rng): void {
  const p = pageFor(kind, rng);
  fs.writeFileSync(file, encodePng({ width: p.w, height: p.h, color: 'rgb', data: p.rgb() }, { dpi: 100 }));
}
