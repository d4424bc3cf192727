/**
 * Reading order for recognised lines. The detector returns boxes in no reliable order; a
 * page is read in horizontal bands split at lines that span the gutter (titles, full-width
 * paragraphs); inside a band with a clear gutter the left column is read before the right
 * one; boxes that share a row (table cells, a date after a signature) are read left to right.
 */
import type { OcrLine } from '../../shared/ocr';

const left = (l: OcrLine) => l.box[0];
const right = (l: OcrLine) => l.box[0] + l.box[2];
const top = (l: OcrLine) => l.box[1];
const bottom = (l: OcrLine) => l.box[1] + l.box[3];

/** Rows of boxes that overlap vertically by at least half the smaller height, top to bottom. */
function rows(lines: OcrLine[]): OcrLine[][] {
  const sorted = [...lines].sort((a, b) => top(a) - top(b));
  const out: OcrLine[][] = [];
  for (const l of sorted) {
    const row = out[out.length - 1];
    const last = row?.[row.length - 1];
    if (row && last) {
      const overlap = Math.min(bottom(last), bottom(l)) - Math.max(top(last), top(l));
      if (overlap >= 0.5 * Math.min(last.box[3], l.box[3])) {
        row.push(l);
        continue;
      }
    }
    out.push([l]);
  }
  return out.map((r) => r.sort((a, b) => left(a) - left(b)));
}

const readRows = (lines: OcrLine[]) => rows(lines).flat();

/**
 * The x of a gutter between two columns, or null: a vertical band in the middle 30–70 % of
 * the text's width that no line crosses, with at least two lines wholly on each side.
 */
function gutter(lines: OcrLine[]): number | null {
  if (lines.length < 4) return null;
  const x0 = Math.min(...lines.map(left));
  const x1 = Math.max(...lines.map(right));
  const width = x1 - x0;
  if (width <= 0) return null;
  let best: { x: number; balance: number } | null = null;
  for (let f = 0.3; f <= 0.7001; f += 0.01) {
    const x = x0 + width * f;
    if (lines.some((l) => left(l) < x && right(l) > x)) continue;
    const nLeft = lines.filter((l) => right(l) <= x).length;
    const nRight = lines.length - nLeft;
    if (nLeft < 2 || nRight < 2) continue;
    const balance = Math.min(nLeft, nRight);
    if (!best || balance > best.balance) best = { x, balance };
  }
  return best?.x ?? null;
}

/** Lines in reading order (see the file comment). */
export function readingOrder(lines: readonly OcrLine[]): OcrLine[] {
  if (lines.length < 2) return [...lines];
  const x0 = Math.min(...lines.map(left));
  const x1 = Math.max(...lines.map(right));
  const wide = (l: OcrLine) => l.box[2] > 0.6 * (x1 - x0);
  // Bands between full-width lines; each band is read by columns when it has a gutter.
  const sorted = [...lines].sort((a, b) => top(a) - top(b));
  const out: OcrLine[] = [];
  let band: OcrLine[] = [];
  const flush = () => {
    const g = gutter(band);
    if (g === null) out.push(...readRows(band));
    else out.push(...readRows(band.filter((l) => right(l) <= g)), ...readRows(band.filter((l) => right(l) > g)));
    band = [];
  };
  for (const l of sorted) {
    if (wide(l)) {
      flush();
      out.push(l);
    } else band.push(l);
  }
  flush();
  return out;
}
