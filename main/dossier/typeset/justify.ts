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
 * - no break inside a date, a number with its unit or a document number: runs such as
 *   2025年12月25日, 2025-12-25, 186户, 50万元, 〔2025〕12号 are kept on one line (UNBREAKABLE);
 * - a full line is justified on its CJK gaps only: the extra width is shared by the gaps
 *   between break units (CJK characters, spaces, whole latin words), never inside a latin
 *   word or a digit group ("2 0 2 5" and "S H A - 2 5 6" cannot happen); the last line of a
 *   paragraph stays left-aligned.
 */

export type Measure = (text: string) => number;

/** May not begin a line. */
export const LINE_START_PROHIBITED = new Set([...'，。、；：？！）》」』〉】〕］｝〗〙”’…—％‰℃·・～ー々〆ゝゞヽヾ', ...',.;:?!)]}%']);
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
  /** Extra advance at every stretchable gap (pt); 0 for last lines. */
  charSpacing: number;
  /** Number of stretchable gaps in the line. */
  gaps: number;
  /**
   * The line cut for drawing: a segment is drawn with `charSpacing` after every glyph when
   * `spread` (single CJK characters, spaces), else as it is followed by one gap.
   */
  segments: Segment[];
  /** Last line of its paragraph. */
  last: boolean;
}

export interface Segment {
  text: string;
  spread: boolean;
}

const isLatin = (ch: string) => /[A-Za-z0-9\u00C0-\u024F.,:;!?'"%()[\]\-/_@#&+=*~<>|\\^$`]/.test(ch);
const isSpace = (ch: string) => ch === ' ' || ch === '\t' || ch === '\u00A0';

/**
 * Splits text into break units: a CJK character, a latin word (split after '-' or '/'),
 * a space, or a run of '—' / '…'.
 */
export function tokenize(text: string): string[] {
  return tokenizeAt(text).map((t) => t.text);
}

interface Token {
  text: string;
  /** Code-point offset in the paragraph. */
  start: number;
}

function tokenizeAt(text: string): Token[] {
  const chars = Array.from(text);
  const out: Token[] = [];
  let start = 0;
  const push = (t: string) => {
    out.push({ text: t, start });
    start += glyphCount(t);
  };
  let i = 0;
  while (i < chars.length) {
    const ch = chars[i]!;
    if (isLatin(ch) && !(ch === '(' || ch === ')')) {
      let j = i;
      let word = '';
      while (j < chars.length && isLatin(chars[j]!)) {
        word += chars[j];
        j++;
        if (chars[j - 1] === '-' || chars[j - 1] === '/') {
          push(word);
          word = '';
        }
      }
      if (word) push(word);
      i = j;
    } else if (ch === '—' || ch === '…') {
      let j = i;
      while (j < chars.length && chars[j] === ch) j++;
      push(chars.slice(i, j).join(''));
      i = j;
    } else {
      push(ch);
      i++;
    }
  }
  return out;
}

/**
 * Runs that must stay on one line: dates, numbers with their unit, document numbers
 * (〔2025〕12号), ISO dates and clock times. A break is never made inside a match.
 */
const UNIT =
  '(?:%|％|‰|℃|个百分点|平方米|平方公里|万元|亿元|元|万人|万|亿|天|个|人次|人|次|户|亩|公里|千米|米|公斤|千克|吨|斤|小时|分钟|项|名|份|页|件|卷|号|岁|篇|条|场|期|届|批|家|所|座|间|套|台|辆|株|棵|头|只|册|本|处|年度|年|月|日|周|季度|元/月)';
export const UNBREAKABLE = new RegExp(
  [
    '[〔［\\[]\\d{2,4}[〕］\\]]\\d+号',
    '\\d{2,4}年\\d{1,2}月\\d{1,2}[日号]',
    '\\d{2,4}年\\d{1,2}月',
    '\\d{1,2}月\\d{1,2}[日号]',
    '\\d{4}[-./]\\d{1,2}(?:[-./]\\d{1,2})?',
    '\\d{1,2}:\\d{2}(?::\\d{2})?',
    `第?\\d+(?:[.,，]\\d+)*\\s?${UNIT}?`,
  ].join('|'),
  'g',
);

/** noBreak[i]: no break is allowed before code point i. */
function noBreakPositions(text: string): Set<number> {
  const out = new Set<number>();
  if (!/\d/.test(text)) return out;
  UNBREAKABLE.lastIndex = 0;
  for (let m = UNBREAKABLE.exec(text); m; m = UNBREAKABLE.exec(text)) {
    if (m[0].length === 0) {
      UNBREAKABLE.lastIndex++;
      continue;
    }
    const s = glyphCount(text.slice(0, m.index));
    const n = glyphCount(m[0]);
    for (let k = 1; k < n; k++) out.add(s + k);
  }
  return out;
}

const firstChar = (s: string) => Array.from(s)[0] ?? '';
const lastChar = (s: string) => {
  const a = Array.from(s);
  return a[a.length - 1] ?? '';
};
const startsLatin = (s: string) => s !== '' && isLatin(firstChar(s));
const endsLatin = (s: string) => s !== '' && isLatin(lastChar(s));

/** A break unit on a line: `stretch` when the gap before it may take justification space. */
interface Atom {
  text: string;
  stretch: boolean;
}

interface Cluster {
  text: string;
  atoms: Atom[];
  /** Trailing line-start-prohibited marks (may be squeezed in). */
  tail: string;
  space: boolean;
}

/** Binds prohibited marks and unbreakable runs to their neighbours so clusters can be broken between freely. */
function clustersAt(tokens: Token[], noBreak: Set<number>): Cluster[] {
  const out: Cluster[] = [];
  let glueNext = false;
  let prevText = '';
  for (const tk of tokens) {
    const t = tk.text;
    const space = isSpace(t);
    const prev = out[out.length - 1];
    // a gap inside a latin word split after '-' or '/' is never stretched
    const atom: Atom = { text: t, stretch: !(endsLatin(prevText) && startsLatin(t) && /[-/]$/.test(prevText)) };
    const startProhibited = LINE_START_PROHIBITED.has(firstChar(t));
    if (prev && !space && !prev.space && (glueNext || startProhibited || noBreak.has(tk.start))) {
      if (!glueNext && startProhibited) prev.tail += t;
      else prev.tail = '';
      prev.text += t;
      prev.atoms.push(atom);
    } else {
      out.push({ text: t, atoms: [atom], tail: '', space });
    }
    glueNext = !space && LINE_END_PROHIBITED.has(lastChar(t));
    prevText = t;
  }
  return out;
}

/** Break clusters of a paragraph (exported for tests). */
export function clusters(tokens: string[]): Array<{ text: string; tail: string; space: boolean }> {
  let start = 0;
  const at = tokens.map((text) => {
    const t = { text, start };
    start += glyphCount(text);
    return t;
  });
  return clustersAt(at, noBreakPositions(tokens.join('')));
}

/** Width of the widest piece of `text` that a line may not be broken inside (a word, a date, 〔2025〕12号). */
export function widestUnbreakable(text: string, measure: Measure): number {
  let w = 0;
  for (const p of text.split(/\r?\n/)) for (const c of clustersAt(tokenizeAt(p), noBreakPositions(p))) w = Math.max(w, measure(c.text));
  return w;
}

/** Number of glyphs (code points) in a string. */
export function glyphCount(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** Cuts a line's atoms into drawing segments and counts its stretchable gaps. */
function segmentsOf(atoms: Atom[]): { segments: Segment[]; gaps: number } {
  const segments: Segment[] = [];
  let gaps = 0;
  atoms.forEach((a, i) => {
    const single = glyphCount(a.text) === 1;
    const cur = segments[segments.length - 1];
    if (i > 0 && a.stretch) gaps++;
    if (cur && !a.stretch) {
      if (cur.spread && glyphCount(cur.text) > 1) {
        // keep the spread run; its last glyph joins this atom without a gap
        const glyphs = Array.from(cur.text);
        cur.text = glyphs.slice(0, -1).join('');
        segments.push({ text: glyphs[glyphs.length - 1]! + a.text, spread: false });
      } else {
        cur.text += a.text;
        cur.spread = false;
      }
    } else if (cur && cur.spread && single) {
      cur.text += a.text;
    } else {
      segments.push({ text: a.text, spread: single });
    }
  });
  return { segments, gaps };
}

/** Wraps one paragraph (no '\n' inside) into lines. */
export function wrapParagraph(text: string, opts: WrapOptions): Line[] {
  const { width, measure } = opts;
  const justify = opts.justify ?? true;
  const maxSqueeze = opts.maxSqueeze ?? measure('一') / 2;
  const cls = clustersAt(tokenizeAt(text), noBreakPositions(text));
  const lines: Array<{ atoms: Atom[]; indent: number }> = [];
  let cur: Atom[] = [];
  let curW = 0;
  let indent = opts.indent ?? 0;
  const avail = () => width - indent;
  const flush = () => {
    while (cur.length > 0 && isSpace(cur[cur.length - 1]!.text)) cur.pop();
    lines.push({ atoms: cur, indent });
    cur = [];
    curW = 0;
    indent = 0;
  };
  const add = (c: Cluster, w: number) => {
    cur.push(...c.atoms);
    curW += w;
  };
  for (const c of cls) {
    if (c.space && cur.length === 0 && lines.length > 0) continue; // no leading space on a continuation line
    const w = measure(c.text);
    if (curW + w <= avail() + 1e-6) {
      add(c, w);
      continue;
    }
    // pull in: only the trailing marks overflow, and not by much
    if (c.tail && cur.length > 0 && curW + w - avail() <= maxSqueeze) {
      const head = c.text.slice(0, c.text.length - c.tail.length);
      if (curW + measure(head) <= avail() + 1e-6) {
        add(c, w);
        flush();
        continue;
      }
    }
    if (c.space) {
      if (cur.length > 0) flush();
      continue;
    }
    if (w <= width - 1e-6 || cur.length === 0) {
      if (cur.length > 0) flush();
      if (w <= avail() + 1e-6) {
        add(c, w);
        continue;
      }
    }
    // a cluster wider than a whole line (a hash, a URL): cut by character, starting on the
    // current line so no line is left with a wide gap (no stretch inside a latin word)
    let prev = '';
    for (const atom of c.atoms) {
      let first = true;
      for (const ch of Array.from(atom.text)) {
        const cw = measure(ch);
        const stretch = first ? atom.stretch : !(isLatin(prev) && isLatin(ch));
        first = false;
        prev = ch;
        if (cur.length > 0 && curW + cw > avail() + 1e-6) {
          if (LINE_START_PROHIBITED.has(ch) && curW + cw - avail() <= maxSqueeze) {
            cur.push({ text: ch, stretch });
            curW += cw;
            continue;
          }
          flush();
        }
        cur.push({ text: ch, stretch });
        curW += cw;
      }
    }
  }
  if (cur.length > 0 || lines.length === 0) flush();
  return lines.map((l, i) => {
    const last = i === lines.length - 1;
    const lineText = l.atoms.map((a) => a.text).join('');
    const natural = measure(lineText);
    const { segments, gaps } = segmentsOf(l.atoms);
    const charSpacing = justify && !last && gaps > 0 ? (width - l.indent - natural) / gaps : 0;
    return { text: lineText, width: natural, indent: l.indent, charSpacing, gaps, segments, last };
  });
}

/** Wraps text that may hold several paragraphs ('\n'); each paragraph gets the indent. */
export function wrapText(text: string, opts: WrapOptions): Line[] {
  return text.split(/\r?\n/).flatMap((p) => wrapParagraph(p, opts));
}

/** Width a line occupies when drawn with its spacing (indent not included). */
export function renderedWidth(line: Line): number {
  return line.width + line.charSpacing * line.gaps;
}

/**
 * Where each segment of a line starts (offset from the line's x) and the character
 * spacing to draw it with: spread segments take the gap after every glyph, the others
 * are drawn as they are and followed by one gap.
 */
export function placeSegments(line: Line, measure: Measure): Array<{ text: string; dx: number; cs: number }> {
  const out: Array<{ text: string; dx: number; cs: number }> = [];
  let dx = 0;
  for (const s of line.segments) {
    const cs = s.spread ? line.charSpacing : 0;
    out.push({ text: s.text, dx, cs });
    dx += measure(s.text) + (s.spread ? line.charSpacing * glyphCount(s.text) : line.charSpacing);
  }
  return out;
}
