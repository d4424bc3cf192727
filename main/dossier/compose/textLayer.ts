/**
 * An invisible text layer over a scanned page of an appended original (as OCRmyPDF does), so
 * an evaluator can search the printed volume on an air-gapped machine: each recognised line is
 * written in text render mode 3 (invisible) over the place where it appears on the scan, its
 * width squeezed to the line's box so selection and search highlights line up with the words.
 */
import {
  beginText,
  endText,
  popGraphicsState,
  pushGraphicsState,
  setCharacterSqueeze,
  setFontAndSize,
  setTextMatrix,
  setTextRenderingMode,
  showText,
  TextRenderingMode,
  type PDFFont,
  type PDFPage,
} from 'pdf-lib';

/** A recognised line as stored (box in pixels of the image that was read). */
export interface TextLayerLine {
  text: string;
  box: [number, number, number, number];
}

/** Where the scan is drawn on the page, in PDF points (origin bottom left). */
export interface Placement {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function addInvisibleText(
  page: PDFPage,
  font: PDFFont,
  place: Placement,
  read: { width: number; height: number; lines: readonly TextLayerLine[] },
): number {
  if (read.width <= 0 || read.height <= 0) return 0;
  const sx = place.width / read.width;
  const sy = place.height / read.height;
  const key = page.node.newFontDictionary(font.name, font.ref);
  const ops = [pushGraphicsState(), beginText(), setTextRenderingMode(TextRenderingMode.Invisible)];
  let written = 0;
  for (const l of read.lines) {
    const text = l.text.trim();
    const [bx, by, bw, bh] = l.box;
    if (!text || bw <= 0 || bh <= 0) continue;
    const w = bw * sx;
    const h = bh * sy;
    const size = Math.max(1, h * 0.85);
    const natural = font.widthOfTextAtSize(text, size);
    const squeeze = natural > 0 ? Math.min(400, Math.max(10, (100 * w) / natural)) : 100;
    const x = place.x + bx * sx;
    // Baseline a little above the box's bottom, where CJK glyphs sit.
    const y = place.y + place.height - (by + bh) * sy + h * 0.12;
    ops.push(setFontAndSize(key, size), setCharacterSqueeze(squeeze), setTextMatrix(1, 0, 0, 1, x, y), showText(font.encodeText(text)));
    written++;
  }
  ops.push(endText(), popGraphicsState());
  if (written > 0) page.pushOperators(...ops);
  return written;
}
