/**
 * Where an appended original page goes on its A4 sheet, and where the archivist's marks go.
 *
 * Marks (drawn by pdfkit in sheet coordinates, the sheet being A4 portrait as bound):
 * - the volume's page number in the top outside corner — recto (odd) right, verso (even) left,
 *   where a numbering machine stamps it; no number at the bottom;
 * - the 归档章 on an item's first page, top centre.
 * Every mark stays ≥ 10 mm from the paper edge (MARK_EDGE).
 *
 * Fit: a page larger than A4 (A3, Letter…) is scaled to fit A4 (portrait or landscape as it is
 * viewed; a landscape page lies on a sheet turned like a typeset landscape page, /Rotate 90).
 * Then the page's ink (rendered with PDFium) is checked against the marks; only when ink lies
 * under a mark is the page shrunk further, about the sheet's bottom centre, just enough.
 *
 * Coordinates here are "viewed, top-down" (origin top left of the page as seen) unless named.
 */
import { A4, MM } from '../typeset/page';

/** PDF matrix [a b c d e f]: x' = a·x + c·y + e, y' = b·x + d·y + f. */
export type Matrix = [number, number, number, number, number, number];

export const multiply = (m: Matrix, n: Matrix): Matrix => [
  // m applied first, then n
  m[0] * n[0] + m[1] * n[2],
  m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2],
  m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4],
  m[4] * n[1] + m[5] * n[3] + n[5],
];

export function invert(m: Matrix): Matrix {
  const det = m[0] * m[3] - m[1] * m[2];
  const [a, b, c, d] = [m[3] / det, -m[1] / det, -m[2] / det, m[0] / det];
  return [a, b, c, d, -(m[4] * a + m[5] * c), -(m[4] * b + m[5] * d)];
}

export const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

export type Rotation = 0 | 90 | 180 | 270;
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Viewed (bottom-up) → page space, for a page with crop box `b` and /Rotate `r`. */
export function viewToPageMatrix(r: Rotation, b: Box): Matrix {
  if (r === 90) return [0, 1, -1, 0, b.x + b.width, b.y];
  if (r === 180) return [-1, 0, 0, -1, b.x + b.width, b.y + b.height];
  if (r === 270) return [0, -1, 1, 0, b.x, b.y + b.height];
  return [1, 0, 0, 1, b.x, b.y];
}

/** Minimum distance of any mark from the paper edge (printers' unprintable margin is ≤ 5 mm). */
export const MARK_EDGE = 10 * MM;
/** Marks sit a little inside that limit. */
export const MARK_TOP = 11 * MM;
export const MARK_SIDE = 12 * MM;
/** Ink closer than this to a mark counts as under it. */
const CLEARANCE = 2 * MM;
/** Ink darker than this (any channel) counts; paper tone and JPEG noise do not. */
const INK_LEVEL = 232;
/** Raster used for the ink check (pixels per point). */
export const INK_DPI = 36;

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export type SheetKind = 'portrait' | 'landscape';

export const viewedSize = (k: SheetKind) => (k === 'portrait' ? { w: A4.w, h: A4.h } : { w: A4.h, h: A4.w });

/** Sheet (portrait A4, top-down) rect → viewed rect for a sheet of this kind. */
export function sheetRectToViewed(kind: SheetKind, r: Rect): Rect {
  if (kind === 'portrait') return r;
  // landscape sheet (/Rotate 90): viewed X = A4.h − y, Y = x (top-down)
  return { x: A4.h - (r.y + r.h), y: r.x, w: r.h, h: r.w };
}

/** The page number's box on the sheet (top outside corner). */
export function numberRect(pageNo: number, textW: number, textH: number): Rect {
  const recto = pageNo % 2 === 1;
  return { x: recto ? A4.w - MARK_SIDE - textW : MARK_SIDE, y: MARK_TOP, w: textW, h: textH };
}

/** The 归档章's box on the sheet (top centre). */
export function stampRect(stampW: number, stampH: number): Rect {
  return { x: (A4.w - stampW) / 2, y: MARK_TOP, w: stampW, h: stampH };
}

/** Ink map of a rendered page: a summed-area table of ink pixels. */
export interface InkMap {
  /** Raster size in pixels and the page size (viewed, pt) it covers. */
  pxW: number;
  pxH: number;
  w: number;
  h: number;
  sat: Uint32Array;
}

export function inkMap(raster: { width: number; height: number; rgb: Uint8Array }, w: number, h: number): InkMap {
  const { width: pxW, height: pxH, rgb } = raster;
  const sat = new Uint32Array((pxW + 1) * (pxH + 1));
  for (let y = 0; y < pxH; y++) {
    let row = 0;
    for (let x = 0; x < pxW; x++) {
      const i = (y * pxW + x) * 3;
      if (rgb[i]! < INK_LEVEL || rgb[i + 1]! < INK_LEVEL || rgb[i + 2]! < INK_LEVEL) row++;
      sat[(y + 1) * (pxW + 1) + x + 1] = sat[y * (pxW + 1) + x + 1]! + row;
    }
  }
  return { pxW, pxH, w, h, sat };
}

/** Ink pixels inside a rect given in the page's own viewed points. */
function inkIn(m: InkMap, r: Rect): number {
  const sx = m.pxW / m.w;
  const sy = m.pxH / m.h;
  const x0 = Math.max(0, Math.floor(r.x * sx));
  const y0 = Math.max(0, Math.floor(r.y * sy));
  const x1 = Math.min(m.pxW, Math.ceil((r.x + r.w) * sx));
  const y1 = Math.min(m.pxH, Math.ceil((r.y + r.h) * sy));
  if (x1 <= x0 || y1 <= y0) return 0;
  const W = m.pxW + 1;
  return m.sat[y1 * W + x1]! - m.sat[y0 * W + x1]! - m.sat[y1 * W + x0]! + m.sat[y0 * W + x0]!;
}

export interface Fit {
  sheet: SheetKind;
  /** Scale from the original's viewed page to the sheet. */
  scale: number;
  /** Offset of the original's viewed top-left on the viewed sheet (top-down). */
  x: number;
  y: number;
  /** The page was larger than A4 and was reduced to fit. */
  reducedToA4: boolean;
  /** Scale applied on top of the A4 fit to clear the marks (1: none). */
  markShrink: number;
}

/**
 * Places a page of viewed size w×h on A4 so that no ink lies under the marks (sheet rects).
 * `ink` null (page could not be rendered): no shrink for marks beyond the A4 fit.
 */
export function fitPage(w: number, h: number, marks: Rect[], ink: InkMap | null): Fit {
  const sheet: SheetKind = w > h ? 'landscape' : 'portrait';
  const S = viewedSize(sheet);
  const k0 = Math.min(1, S.w / w, S.h / h);
  const reducedToA4 = k0 < 0.995;
  const base = { x: (S.w - k0 * w) / 2, y: (S.h - k0 * h) / 2 };
  // fixed point of the shrink: the sheet's bottom centre, as viewed
  const [fx, fy] = sheet === 'portrait' ? [S.w / 2, S.h] : [0, S.h / 2];
  const viewedMarks = marks.map((r) =>
    sheetRectToViewed(sheet, { x: r.x - CLEARANCE, y: r.y - CLEARANCE, w: r.w + 2 * CLEARANCE, h: r.h + 2 * CLEARANCE }),
  );
  const place = (f: number) => ({ x: fx + f * (base.x - fx), y: fy + f * (base.y - fy), scale: k0 * f });
  const clear = (f: number) => {
    if (!ink) return true;
    const p = place(f);
    return viewedMarks.every(
      (r) => inkIn(ink, { x: (r.x - p.x) / p.scale, y: (r.y - p.y) / p.scale, w: r.w / p.scale, h: r.h / p.scale }) === 0,
    );
  };
  let f = 1;
  while (f > 0.6 && !clear(f)) f = Math.round((f - 0.01) * 100) / 100;
  const p = place(f);
  return { sheet, scale: p.scale, x: p.x, y: p.y, reducedToA4, markShrink: f };
}

/**
 * The matrix that draws the original page's content (its own page space: crop box `box`,
 * /Rotate `rotation`, viewed size w×h) onto the sheet's page space.
 */
export function contentMatrix(fit: Fit, rotation: Rotation, box: Box, w: number, h: number): Matrix {
  const S = viewedSize(fit.sheet);
  const srcPageToViewed = invert(viewToPageMatrix(rotation, box));
  // viewed bottom-up of the original → viewed bottom-up of the sheet
  const place: Matrix = [fit.scale, 0, 0, fit.scale, fit.x, S.h - fit.y - fit.scale * h];
  const sheetViewToPage =
    fit.sheet === 'portrait'
      ? viewToPageMatrix(0, { x: 0, y: 0, width: A4.w, height: A4.h })
      : viewToPageMatrix(90, { x: 0, y: 0, width: A4.w, height: A4.h });
  void w;
  return multiply(multiply(srcPageToViewed, place), sheetViewToPage);
}

/** A4, A3, Letter… by size in points (either orientation), else "W×H 毫米". */
export function paperName(w: number, h: number): string {
  const [a, b] = [Math.min(w, h), Math.max(w, h)];
  const sizes: Array<[string, number, number]> = [
    ['A4', 595.28, 841.89],
    ['A3', 841.89, 1190.55],
    ['A5', 419.53, 595.28],
    ['B5', 498.9, 708.66],
    ['B4', 708.66, 1000.63],
    ['Letter', 612, 792],
    ['Legal', 612, 1008],
  ];
  for (const [name, sw, sh] of sizes) if (Math.abs(a - sw) < 6 && Math.abs(b - sh) < 6) return name;
  return `${Math.round(w / MM)}×${Math.round(h / MM)} 毫米`;
}
