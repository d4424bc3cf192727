/**
 * Pictures in the flow (Word originals typeset by our engine): printed at the size the document
 * gives them (else at 96 dpi), shrunk to fit the text block or a table cell, never enlarged, and
 * never split across pages. Painting embeds the PNG or JPEG bytes as they are (pdfkit).
 */
import type { Flow } from './flow';
import type { ImageBlock, Picture } from './model';
import { MM, PORTRAIT } from './page';

/** Pixels per inch assumed when the document states no size. */
const DEFAULT_DPI = 96;

/** A picture's printed size in pt within maxW × maxH, keeping its proportions. */
export function pictureSize(p: Picture, maxW: number, maxH: number): { w: number; h: number } {
  const w0 = p.widthMm && p.heightMm ? p.widthMm * MM : (p.pixels.width * 72) / DEFAULT_DPI;
  const h0 = p.widthMm && p.heightMm ? p.heightMm * MM : (p.pixels.height * 72) / DEFAULT_DPI;
  const k = Math.min(1, maxW / w0, maxH / h0);
  return { w: w0 * k, h: h0 * k };
}

/** A picture on its own line, centred in the block; it starts a page when it does not fit below. */
export function layoutPicture(flow: Flow, b: ImageBlock, gap: number): void {
  const landscape = flow.page?.orientation === 'landscape';
  const f = landscape ? flow.frame : PORTRAIT;
  const size = pictureSize(b, f.w, f.h - gap);
  if (landscape && flow.y + size.h + gap > flow.bottom + 0.01) flow.newPage('portrait');
  flow.ensure(size.h + gap, landscape && flow.page.orientation === 'landscape' ? 'landscape' : 'portrait');
  const frame = flow.frame;
  flow.picture(b.data, frame.x + (frame.w - size.w) / 2, flow.y + gap / 2, size.w, size.h);
  flow.y += size.h + gap;
}
