/**
 * A per-font glyph cache for pdfkit's text encoding.
 *
 * pdfkit encodes every drawn fragment by running fontkit's full OpenType layout on it — even
 * with every feature switched off (fonts.ts cjkTextOptions, pdf-notes G3), and without its
 * layout cache because features are given. With all features off, a fragment's glyphs are the
 * glyphs of its characters one by one, so each (font, code point) is laid out once here, by the
 * same fontkit call, and reused: the PDF is byte-for-byte what pdfkit writes without the cache.
 *
 * Text that could interact between characters even without features (combining marks, joiners,
 * variation selectors) and any other feature set go through pdfkit's own path unchanged.
 */

interface Position {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
  advanceWidth: number;
}
interface FontkitGlyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}
/** The parts of pdfkit's EmbeddedFont used here (pdfkit internals, 0.17+). */
interface EmbeddedFontLike {
  scale: number;
  subset: { includeGlyph(id: number): number };
  widths: Array<number | undefined>;
  unicode: Array<number[] | undefined>;
  layoutRun(text: string, features?: object): { glyphs: FontkitGlyph[]; positions: Position[] };
  encode(text: string, features?: object): [string[], Position[]];
}

interface Entry {
  glyph: FontkitGlyph;
  position: Position;
  /** Subset glyph id as 4 hex digits, once included in the subset. */
  hex: string | null;
}

/** Characters whose glyphs may depend on their neighbours even with features off. */
const NEEDS_SHAPING = /\p{M}|\u200c|\u200d|\u034f|[\ufe00-\ufe0f]|[\u{e0100}-\u{e01ef}]/u;

const installed = new WeakSet<object>();

/**
 * Makes `font` (a pdfkit EmbeddedFont) encode text drawn with exactly `features` from a
 * per-code-point cache. Other fonts (standard PDF fonts) and other feature sets are left alone.
 */
export function installGlyphCache(font: unknown, features: object): void {
  const f = font as EmbeddedFontLike;
  if (installed.has(f) || typeof f.layoutRun !== 'function' || typeof f.encode !== 'function' || !f.subset) return;
  installed.add(f);
  const original = f.encode.bind(f);
  const cache = new Map<number, Entry | null>();

  const entry = (cp: number, ch: string): Entry | null => {
    let e = cache.get(cp);
    if (e === undefined) {
      const run = f.layoutRun(ch, features);
      e = run.glyphs.length === 1 ? { glyph: run.glyphs[0]!, position: run.positions[0]!, hex: null } : null;
      cache.set(cp, e);
    }
    return e;
  };

  f.encode = (text: string, feats?: object): [string[], Position[]] => {
    if (feats !== features || NEEDS_SHAPING.test(text)) return original(text, feats);
    const entries: Entry[] = [];
    for (const ch of text) {
      const e = entry(ch.codePointAt(0)!, ch);
      if (!e) return original(text, feats);
      entries.push(e);
    }
    const res: string[] = new Array<string>(entries.length);
    const positions: Position[] = new Array<Position>(entries.length);
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i]!;
      if (e.hex === null) {
        const gid = f.subset.includeGlyph(e.glyph.id);
        e.hex = `0000${gid.toString(16)}`.slice(-4);
        if (f.widths[gid] == null) f.widths[gid] = e.glyph.advanceWidth * f.scale;
        if (f.unicode[gid] == null) f.unicode[gid] = e.glyph.codePoints;
      }
      res[i] = e.hex;
      // shared, as pdfkit's own layout cache shares them: _fragment only reads positions
      positions[i] = e.position;
    }
    return [res, positions];
  };
}
