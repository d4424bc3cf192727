/**
 * Chinese line breaking and justification (pdf-notes G4: pdfkit's `align: 'justify'`
 * stretches only spaces, so Chinese lines are broken here, per character, and justified
 * with a per-line character spacing).
 *
 * Pure functions over a `measure(text) → width` callback: no pdfkit here.
 *
 * Rules:
 * - break between any two CJK characters; latin words and digit groups stay together
 *   (a break is allowed after '-' and '/' inside them, and a word wider than the line is
 *   cut by character);
 * - 禁则: a line never starts with a line-start-prohibited mark (，。、；：？！）》…) and
 *   never ends with a line-end-prohibited one (（《「『“‘…). Marks are bound to their
 *   neighbour, so the pair moves to the next line together ("push out"); when only the
 *   trailing marks overflow, by at most `maxSqueeze`, they are pulled into the line and
 *   the line is set slightly tighter ("pull in");
 * - each full line gets characterSpacing = (width − natural) / (glyphs − 1) so it fills
 *   the width exactly; the last line of a paragraph stays left-aligned.
 */

export type Measure = (text: string) => number;

/** May not begin a line. */
export const LINE_START_PROHIBITED = new Set([
  ...'，。、；：？！）》」』〉】〕］｝〗〙”’…—％‰℃·・～ー々〆ゝゞヽヾ',
  ...',.;:?!)]}%',
]);
/** May not end a line. */
export const LINE_END_PROHIBITED = new Set([...'（《「『〈【〔［｛〖〘“‘￥＄', ...'([{']);

export interface WrapOptions {
  /** Available width of every line (pt). */
  width: number;
  measure: Measure;
  /** Indent of the first line (pt), e.g. 2 × font size. */
  indent?: number;
  /** Justify full lines (default true). */
  justify?: boolean;
  /** Largest overflow (pt) that trailing punctuation may squeeze into a line; default width of '一' / 2. */
  maxSqueeze?: number;
}

export interface Line {
  text: string;
  /** Natural width of `text` (pt). */
  width: number;
  /** Offset from the left edge of the column (first-line indent). */
  indent: number;
  /** Extra advance after every glyph but the last (pt); 0 for last lines. */
  charSpacing: number;
  /** Last line of its paragraph. */
  last: boolean;
}

const isLatin = (ch: string) => /[A-Za-z0-9\u00C0-\u024F.,:;!?'"%()[\]\-/_@#&+=*~<>|\\^$`]/.test(ch);
const isSpace = (ch: string) => ch === ' ' || ch === '\t' || ch === '\u00A0';

/**
 * Splits text into break units: a CJK character, a latin word (split after '-' or '/'),
 * a space, or a run of '—' / '…'.
 */
export function tokenize(text: string): string[] {
  const chars = Array.from(text);
  const out: string[] = [];
  let i = 0;
  while (i < chars.length) {
    const ch = chars[i]!;
    if (isLatin(ch) && !(ch === '(' || ch === ')') ) {
      let j = i;
      let word = '';
      while (j < chars.length && isLatin(chars[j]!)) {
        word += chars[j];
        j++;
        if (chars[j - 1] === '-' || chars[j - 1] === '/') {
          out.push(word);
          word = '';
        }
      }
      if (word) out.push(word);
      i = j;
    } else if (ch === '—' || ch === '…') {
      let j = i;
      while (j < chars.length && chars[j] === ch) j++;
      out.push(chars.slice(i, j).join(''));
      i = j;
    } else {
      out.push(ch);
      i++;
    }
  }
  return out;
}

const firstChar = (s: string) => Array.from(s)[0] ?? '';
const lastChar = (s: string) => {
  const a = Array.from(s);
  return a[a.length - 1] ?? '';
};

interface Cluster {
  text: string;
  /** Trailing line-start-prohibited marks (may be squeezed in). */
  tail: string;
  space: boolean;
}

/** Binds prohibited marks to their neighbours so clusters can be broken between freely. */
export function clusters(tokens: string[]): Cluster[] {
  const out: Cluster[] = [];
  let glueNext = false;
  for (const t of tokens) {
    const space = isSpace(t);
    const prev = out[out.length - 1];
    if (prev && !space && !prev.space && (glueNext || LINE_START_PROHIBITED.has(firstChar(t)))) {
      if (!glueNext && LINE_START_PROHIBITED.has(firstChar(t))) prev.tail += t;
      else prev.tail = '';
      prev.text += t;
    } else {
      out.push({ text: t, tail: '', space });
    }
    glueNext = !space && LINE_END_PROHIBITED.has(lastChar(t));
  }
  return out;
}

/** Number of glyphs (code points) in a string. */
export function glyphCount(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** Wraps one paragraph (no '\n' inside) into lines. */
export function wrapParagraph(text: string, opts: WrapOptions): Line[] {
  const { width, measure } = opts;
  const justify = opts.justify ?? true;
  const maxSqueeze = opts.maxSqueeze ?? measure('一') / 2;
  const cls = clusters(tokenize(text));
  const lines: Array<{ text: string; indent: number }> = [];
  let cur = '';
  let curW = 0;
  let indent = opts.indent ?? 0;
  const avail = () => width - indent;
  const flush = () => {
    lines.push({ text: cur.replace(/[ \t]+$/, ''), indent });
    cur = '';
    curW = 0;
    indent = 0;
  };
  for (const c of cls) {
    if (c.space && cur === '' && lines.length > 0) continue; // no leading space on a continuation line
    const w = measure(c.text);
    if (curW + w <= avail() + 1e-6) {
      cur += c.text;
      curW += w;
      continue;
    }
    // pull in: only the trailing marks overflow, and not by much
    if (c.tail && cur !== '' && curW + w - avail() <= maxSqueeze) {
      const head = c.text.slice(0, c.text.length - c.tail.length);
      if (curW + measure(head) <= avail() + 1e-6) {
        cur += c.text;
        curW += w;
        flush();
        continue;
      }
    }
    if (c.space) {
      if (cur !== '') flush();
      continue;
    }
    if (cur !== '') flush();
    if (w <= avail() + 1e-6) {
      cur = c.text;
      curW = w;
      continue;
    }
    // a cluster wider than the line: cut it by character
    for (const ch of Array.from(c.text)) {
      const cw = measure(ch);
      if (cur !== '' && curW + cw > avail() + 1e-6) {
        if (LINE_START_PROHIBITED.has(ch) && curW + cw - avail() <= maxSqueeze) {
          cur += ch;
          curW += cw;
          continue;
        }
        flush();
      }
      cur += ch;
      curW += cw;
    }
  }
  if (cur !== '' || lines.length === 0) flush();
  return lines.map((l, i) => {
    const last = i === lines.length - 1;
    const natural = measure(l.text);
    const n = glyphCount(l.text);
    const charSpacing = justify && !last && n > 1 ? (width - l.indent - natural) / (n - 1) : 0;
    return { text: l.text, width: natural, indent: l.indent, charSpacing, last };
  });
}

/** Wraps text that may hold several paragraphs ('\n'); each paragraph gets the indent. */
export function wrapText(text: string, opts: WrapOptions): Line[] {
  return text.split(/\r?\n/).flatMap((p) => wrapParagraph(p, opts));
}

/** Width a line occupies when drawn with its spacing (indent not included). */
export function renderedWidth(line: Line): number {
  const n = glyphCount(line.text);
  return line.width + (n > 1 ? line.charSpacing * (n - 1) : 0);
}
