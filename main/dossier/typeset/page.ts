/**
 * Page frame of the dossier (GB/T 9704-2012 on A4) and the page furniture: page numbers
 * and the generated archive stamp (归档章, DA/T 22-2015).
 *
 * - Portrait: binding (left) margin 28 mm, top 37 mm, text block 156 × 225 mm.
 * - Landscape (wide tables): the sheet stays A4 portrait with /Rotate 90, content turned
 *   so the table's top lies on the binding edge (GB/T 9704 §10.1: 横排表格 单页码表头在订口
 *   一边, 双页码表头在切口一边 — on both, the left edge of the sheet as viewed). Landscape
 *   block: 225 × 156 mm; page numbers stay where they are on every other sheet.
 * - Page numbers: "— N —" 14 pt, 7 mm below the text block, odd pages right, even pages
 *   left, one character in from the block edge; or "第 N 页 共 M 页" centred.
 * - Pages made from originals and scans ("band pages") keep a band at the top for the
 *   stamp and at the bottom for the number; the content is fitted between the bands.
 */
import type { PageNumberStyle, StampFields } from './model';
import { pad4 } from './model';
import type { TextKit } from './measure';

export const MM = 72 / 25.4;
export const A4 = { w: 595.28, h: 841.89 } as const;

export type Orientation = 'portrait' | 'landscape';

/** The text block in drawing coordinates (top-down, origin top left of the page as viewed). */
export interface Frame {
  orientation: Orientation;
  /** Page size as viewed. */
  pageW: number;
  pageH: number;
  x: number;
  y: number;
  w: number;
  h: number;
}

export const PORTRAIT: Frame = {
  orientation: 'portrait',
  pageW: A4.w,
  pageH: A4.h,
  x: 28 * MM,
  y: 37 * MM,
  w: 156 * MM,
  h: 225 * MM,
};

/** Landscape block: top = binding margin (28 mm), left = the sheet's bottom margin (35 mm). */
export const LANDSCAPE: Frame = {
  orientation: 'landscape',
  pageW: A4.h,
  pageH: A4.w,
  x: (297 - 37 - 225) * MM,
  y: 28 * MM,
  w: 225 * MM,
  h: 156 * MM,
};

export const frameFor = (o: Orientation): Frame => (o === 'portrait' ? PORTRAIT : LANDSCAPE);

/** Band pages (originals, scans): room kept for the stamp (top) and the page number (bottom). */
export const TOP_BAND = 22 * MM;
export const BOTTOM_BAND = 12 * MM;

/** Stamp: 45 × 16 mm, two rows of three cells. */
export const STAMP_W = 45 * MM;
export const STAMP_H = 16 * MM;
/** Stamp top on typeset pages (inside the 37 mm top margin) and on band pages. */
export const STAMP_TOP_TYPESET = 14 * MM;
export const STAMP_TOP_BAND = 4 * MM;
const STAMP_RED = '#c8161d';

/** Adds a page with no margins (footers never trigger pdfkit's auto page break, G5). */
export function addPage(doc: PDFKit.PDFDocument, size: { w: number; h: number } | Orientation): void {
  if (size === 'portrait' || size === 'landscape') {
    doc.addPage({ size: [A4.w, A4.h], margins: { top: 0, left: 0, right: 0, bottom: 0 } });
    if (size === 'landscape') {
      (doc.page.dictionary as unknown as { data: Record<string, unknown> }).data.Rotate = 90;
    }
  } else {
    doc.addPage({ size: [size.w, size.h], margins: { top: 0, left: 0, right: 0, bottom: 0 } });
  }
}

/** Runs `draw` in the orientation's drawing coordinates. */
export function inFrame(doc: PDFKit.PDFDocument, o: Orientation, draw: () => void): void {
  if (o === 'portrait') {
    draw();
    return;
  }
  doc.save();
  // landscape (X, Y) as viewed → sheet (x, y): x = Y, y = A4.h − X
  doc.transform(0, -1, 1, 0, 0, A4.h);
  draw();
  doc.restore();
}

export type PageKind = 'typeset' | 'band';

export interface FooterSpec {
  /** 1-based page number. */
  n: number;
  total: number;
  style: PageNumberStyle;
  kind: PageKind;
  /** Sheet size (unrotated) of the page. */
  w: number;
  h: number;
}

export function pageNumberText(n: number, total: number, style: PageNumberStyle): string {
  return style === 'gbt9704' ? `— ${n} —` : `第 ${n} 页 共 ${total} 页`;
}

/** Writes the page number on the current page (sheet coordinates, never rotated content). */
export function drawFooter(tk: TextKit, f: FooterSpec): void {
  const size = f.style === 'gbt9704' ? 14 : 12;
  const font = tk.names.serif;
  const text = pageNumberText(f.n, f.total, f.style);
  const w = tk.width(text, font, size);
  const baseline = f.kind === 'typeset' ? PORTRAIT.y + PORTRAIT.h + 7 * MM + size * 0.88 : f.h - 5.5 * MM;
  const left = f.kind === 'typeset' ? PORTRAIT.x : Math.min(PORTRAIT.x, f.w * 0.12);
  const right = f.kind === 'typeset' ? PORTRAIT.x + PORTRAIT.w : f.w - Math.min(26 * MM, f.w * 0.12);
  let x: number;
  if (f.style === 'ofTotal') x = (left + right) / 2 - w / 2;
  else if (f.n % 2 === 1) x = right - size - w;
  else x = left + size;
  tk.doc.fillColor('black');
  tk.draw(text, x, baseline, font, size);
}

export interface StampValues extends StampFields {
  pages: number;
}

/** Draws the 归档章 with its top-left corner at (x, y): 全宗号 年度 件号 / 机构 保管期限 页数. */
export function drawStamp(tk: TextKit, x: number, y: number, s: StampValues): void {
  const doc = tk.doc;
  const cw = STAMP_W / 3;
  const ch = STAMP_H / 2;
  doc.save();
  doc.lineWidth(0.8).strokeColor(STAMP_RED);
  doc.rect(x, y, STAMP_W, STAMP_H).stroke();
  doc
    .moveTo(x, y + ch)
    .lineTo(x + STAMP_W, y + ch)
    .stroke();
  doc
    .moveTo(x + cw, y)
    .lineTo(x + cw, y + STAMP_H)
    .stroke();
  doc
    .moveTo(x + 2 * cw, y)
    .lineTo(x + 2 * cw, y + STAMP_H)
    .stroke();
  doc.fillColor(STAMP_RED);
  const cells = [s.fonds, s.year, pad4(s.itemNo), s.org, s.retention, String(s.pages)];
  cells.forEach((v, i) => {
    const cx = x + (i % 3) * cw;
    const cy = y + Math.floor(i / 3) * ch;
    const font = tk.names.sans;
    const w1 = tk.width(v, font, 1) || 1;
    const size = Math.min(9, (cw - 2 * MM) / w1);
    const w = w1 * size;
    tk.draw(v, cx + (cw - w) / 2, cy + ch / 2 + size * 0.36, font, size);
  });
  doc.restore();
  doc.fillColor('black');
}
