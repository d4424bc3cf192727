/**
 * An invisible text layer over a scanned page of the volume (as OCRmyPDF does), so an
 * evaluator can search the printed PDF on an air-gapped machine: each recognised line is
 * written in text render mode 3 (neither filled nor stroked) where it stands on the scan, its
 * em box on the line's box and its width squeezed or stretched (Tz) to the box's width, so
 * search hits and selections line up with the words.
 *
 * Drawn with pdfkit (pdf-notes G9: no Chinese with pdf-lib) in the bundled faces, so every
 * glyph is in the font subset with its Unicode in the ToUnicode map. On an appended PDF page
 * the layer is part of the marks' sheet, which is laid over the original (originals.ts).
 */
import { cjkTextOptions } from '../fonts';
import type { RecognisedPage } from '../../../shared/ocr';
import type { TextKit } from '../typeset/measure';

/** Where the page as viewed is drawn, in the current user space of the pdfkit page (top-down). */
export interface ViewedRect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** [a b c d e f]: (u, v) → (a·u + c·v + e, b·u + d·v + f). */
export type Affine = [number, number, number, number, number, number];

/** Below the em box's bottom edge to the baseline, as a share of the em (CJK faces: 0.12). */
const DESCENT = 0.12;

/**
 * Maps a pixel of the upright image OCR read to the user space where the viewed page fills
 * `rect`. The upright image is the viewed page turned clockwise by `rotation`, so that turn is
 * undone first.
 */
export function uprightToUser(rect: ViewedRect, read: Pick<RecognisedPage, 'rotation' | 'width' | 'height'>): Affine {
  const turned = read.rotation === 90 || read.rotation === 270;
  const wv = turned ? read.height : read.width;
  const hv = turned ? read.width : read.height;
  // upright (u, v) → viewed pixels (x, y)
  const r: Affine =
    read.rotation === 90
      ? [0, -1, 1, 0, 0, hv]
      : read.rotation === 180
        ? [-1, 0, 0, -1, wv, hv]
        : read.rotation === 270
          ? [0, 1, -1, 0, wv, 0]
          : [1, 0, 0, 1, 0, 0];
  const kx = rect.w / wv;
  const ky = rect.h / hv;
  return [kx * r[0], ky * r[1], kx * r[2], ky * r[3], rect.x + kx * r[4], rect.y + ky * r[5]];
}

type Internal = {
  _font: {
    id: string;
    ref(): unknown;
    font: { hasGlyphForCodePoint(cp: number): boolean };
    encode(text: string, features?: unknown): [string[], unknown[]];
  };
  page: { fonts: Record<string, unknown> };
  addContent(s: string): void;
};

const num = (n: number) => {
  const r = Math.round(n * 1e4) / 1e4;
  return Object.is(r, -0) ? '0' : String(r);
};

/**
 * Writes the recognised lines of one page, invisible, over the scan drawn in `rect`. Returns
 * how many lines were written. Characters no bundled (or system fallback) face has are left
 * out rather than written as a glyph that maps to the wrong text.
 */
export function drawTextLayer(tk: TextKit, rect: ViewedRect, read: RecognisedPage): number {
  if (!(read.width > 0 && read.height > 0) || read.lines.length === 0) return 0;
  const doc = tk.doc;
  const d = doc as unknown as Internal;
  const m = uprightToUser(rect, read);
  const features = cjkTextOptions().features;
  const ops: string[] = [];
  for (const line of read.lines) {
    const [bx, by, bw, bh] = line.box;
    const text = line.text.replace(/\s+/g, ' ').trim();
    if (!text || !(bw > 0 && bh > 0)) continue;
    const runs: Array<{ font: string; text: string }> = [];
    let em = 0;
    for (const r of tk.runs(text, tk.names.sans, 1)) {
      doc.font(r.font);
      const covered = Array.from(r.text)
        .filter((ch) => d._font.font.hasGlyphForCodePoint(ch.codePointAt(0)!))
        .join('');
      if (!covered) continue;
      runs.push({ font: r.font, text: covered });
      em += tk.width(covered, r.font, 1);
    }
    if (em <= 0) continue;
    // font size in upright pixels: the em box is the line's box
    const size = bh;
    const tz = Math.min(1000, Math.max(10, (100 * bw) / (em * size)));
    const ox = bx;
    const oy = by + bh * (1 - DESCENT);
    const px = m[0] * ox + m[2] * oy + m[4];
    const py = m[1] * ox + m[3] * oy + m[5];
    // text x along +u, text y along −v (up in the upright image)
    ops.push(`${num(tz)} Tz`, `${[m[0], m[1], -m[2], -m[3], px, py].map(num).join(' ')} Tm`);
    for (const r of runs) {
      doc.font(r.font);
      const f = d._font;
      d.page.fonts[f.id] ??= f.ref();
      const [hex] = f.encode(r.text, features);
      ops.push(`/${f.id} ${num(size)} Tf`, `<${hex.join('')}> Tj`);
    }
  }
  if (ops.length === 0) return 0;
  doc.save();
  d.addContent('BT\n3 Tr');
  for (const op of ops) d.addContent(op);
  d.addContent('ET');
  doc.restore();
  return ops.filter((o) => o.endsWith(' Tm')).length;
}
