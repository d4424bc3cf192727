/**
 * Line breaking for the demo's Chinese documents, done here instead of in pdfkit's LineWrapper
 * (issue 14: the demo loads in ≤ 5 s). pdfkit measures every break opportunity — in Chinese,
 * every character — through its layout machinery, and that was a third of a demo PDF's time.
 * Here each character's advance is read once per font and size from the font's metrics, the
 * lines are filled greedily with the usual Chinese rules (no line starts with closing
 * punctuation, none ends with opening punctuation, Latin words and numbers stay whole), and each
 * line is drawn by pdfkit on its own (lineBreak off), so the page content is the same kind of
 * text runs as before and reads back the same (pdftotext).
 *
 * Only when every character is in the chosen face; otherwise the caller's text goes through
 * writeCjk (fonts.ts), which splits runs per font.
 */
import { cjkTextOptions, registeredFontkit, writeCjk, type CjkTextOptions } from '../dossier/fonts';

interface Metrics {
  unitsPerEm: number;
  hasGlyphForCodePoint(cp: number): boolean;
  glyphForCodePoint(cp: number): { advanceWidth: number };
}

const FEATURES = cjkTextOptions();
const CLOSING = new Set('，。、；：？！）》」』”’〕】〉…—%,.;:?!)]}·');
const OPENING = new Set('（《「『“‘〔【〈([{');
const isWordChar = (ch: string) => ch > ' ' && ch < '\u007f';

/** Advance (in units per em) of each character, per fontkit font, read once per process. */
const advances = new WeakMap<object, Map<string, number>>();
function advanceOf(font: Metrics, ch: string): number {
  let m = advances.get(font);
  if (!m) advances.set(font, (m = new Map()));
  let a = m.get(ch);
  if (a === undefined) m.set(ch, (a = font.glyphForCodePoint(ch.codePointAt(0)!).advanceWidth));
  return a;
}

/** Pieces no line break falls inside (a character, or a Latin word or number with its punctuation). */
function clusters(chars: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const prev = i > 0 ? chars[i - 1]! : '';
    const glued = i > 0 && (CLOSING.has(ch) || ch === ' ' || OPENING.has(prev) || (isWordChar(prev) && isWordChar(ch)));
    if (glued) out[out.length - 1] += ch;
    else out.push(ch);
  }
  return out;
}

/** The lines `text` breaks into in `width` points; null when the face lacks a character. */
export function breakLines(font: Metrics, text: string, size: number, width: number): Array<{ text: string; width: number }> | null {
  const chars = [...text];
  if (chars.some((ch) => ch !== '\n' && !font.hasGlyphForCodePoint(ch.codePointAt(0)!))) return null;
  const scale = size / font.unitsPerEm;
  const lines: Array<{ text: string; width: number }> = [];
  for (const paragraph of chars.join('').split('\n')) {
    let line = '';
    let w = 0;
    for (const piece of clusters([...paragraph])) {
      let pw = 0;
      for (const ch of piece) pw += advanceOf(font, ch) * scale;
      const visible = pw - (piece.endsWith(' ') ? advanceOf(font, ' ') * scale : 0);
      if (line !== '' && w + visible > width + 1e-6) {
        lines.push({ text: line.trimEnd(), width: w - trailingSpace(font, line, scale) });
        line = '';
        w = 0;
      }
      line += piece;
      w += pw;
    }
    lines.push({ text: line.trimEnd(), width: w - trailingSpace(font, line, scale) });
  }
  return lines;
}

function trailingSpace(font: Metrics, line: string, scale: number): number {
  let n = 0;
  for (let i = line.length - 1; i >= 0 && line[i] === ' '; i--) n++;
  return n * advanceOf(font, ' ') * scale;
}

export interface SetTextOptions {
  font: string;
  size: number;
  width: number;
  align?: 'left' | 'center' | 'right';
  lineGap?: number;
}

/**
 * Writes `text` in `width` points at (x, y), or at the current y when y is undefined, a new page
 * when the next line does not fit. Afterwards doc.y is below the last line and doc.x is x, as
 * after pdfkit's own text().
 */
export function setText(doc: PDFKit.PDFDocument, text: string, x: number, y: number | undefined, o: SetTextOptions): void {
  const font = registeredFontkit(doc, o.font) as unknown as Metrics | undefined;
  const lines = font && typeof font.glyphForCodePoint === 'function' ? breakLines(font, text, o.size, o.width) : null;
  if (!lines) {
    writeCjk(doc, text, x, y, { font: o.font, size: o.size, width: o.width, align: o.align, lineGap: o.lineGap } satisfies CjkTextOptions);
    return;
  }
  doc.font(o.font).fontSize(o.size);
  const lineGap = o.lineGap ?? 0;
  let top = y ?? doc.y;
  for (const line of lines) {
    if (top + doc.currentLineHeight(true) > doc.page.maxY()) {
      doc.addPage();
      top = doc.y;
    }
    const shift = o.align === 'center' ? (o.width - line.width) / 2 : o.align === 'right' ? o.width - line.width : 0;
    doc.text(line.text, x + shift, top, { ...FEATURES, lineBreak: false, lineGap });
    top += doc.currentLineHeight(true) + lineGap; // pdfkit moves y only when it wraps itself
  }
  doc.x = x;
  doc.y = top;
}

/** One line of text in a box, centred, when it fits on one line in the face; false otherwise (nothing drawn). */
export function setCell(
  doc: PDFKit.PDFDocument,
  text: string,
  x: number,
  y: number,
  o: { font: string; size: number; width: number },
): boolean {
  const font = registeredFontkit(doc, o.font) as unknown as Metrics | undefined;
  if (!font || typeof font.glyphForCodePoint !== 'function' || text.includes('\n')) return false;
  const lines = breakLines(font, text, o.size, o.width);
  if (!lines || lines.length !== 1) return false;
  if (lines[0]!.text === '') return true;
  doc.font(o.font).fontSize(o.size);
  doc.text(lines[0]!.text, x + (o.width - lines[0]!.width) / 2, y, { ...FEATURES, lineBreak: false, lineGap: 0 });
  return true;
}
