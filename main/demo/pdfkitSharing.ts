/**
 * Font work shared by every demo document (issue 14: the demo loads in ≤ 5 s). Measured, two
 * thirds of a demo PDF's time went to work that is the same in every document:
 *
 * - Shaping: writeCjk passes OpenType features, and pdfkit does not cache layouts made with
 *   features, so each document shaped every character again. A run depends only on the fontkit
 *   font, the features and the text; pdfkit scales it once when made and only reads it
 *   afterwards, so one run serves every document (bounded per font).
 * - Subsetting: fontkit's TrueType subset decodes each glyph's outline (every point) only to see
 *   whether it is composite, in every document. A glyph's decoded outline of a static font never
 *   changes (fontkit transforms points only for variable fonts), so it is decoded once per process.
 *
 * Both reach into pdfkit 0.20 / fontkit 2 internals (EmbeddedFont.layoutRun, TTFSubset._addGlyph,
 * TTFGlyph._decode); when those are not there the document is simply made without sharing.
 */
import zlib from 'node:zlib';

type LayoutRun = (text: string, features?: unknown) => unknown;

interface FontkitGlyph {
  _decode?: () => unknown;
}

interface FontkitFont {
  getGlyph?: (gid: number) => FontkitGlyph | null;
  variationAxes?: Record<string, unknown>;
}

interface EmbeddedFontLike {
  font?: FontkitFont;
  layoutRun?: LayoutRun;
  subset?: { _addGlyph?: (gid: number) => number };
}

const sharedRuns = new WeakMap<object, Map<string, unknown>>();
const MAX_RUNS_PER_FONT = 50_000;
const decodedOnce = new WeakSet<object>();

/** Features objects are made per writeCjk call, then used for every character: stringified once each. */
const featureKeys = new WeakMap<object, string>();
function featureKey(features: unknown): string {
  if (!features || typeof features !== 'object') return '';
  let key = featureKeys.get(features);
  if (key === undefined) featureKeys.set(features, (key = JSON.stringify(features)));
  return key;
}

interface Run {
  glyphs: unknown[];
  positions: unknown[];
  advanceWidth: number;
}

/**
 * Whether a run of these features lays out as the concatenation of its characters' runs: with
 * every default feature off (cjkTextOptions) no glyph substitutes, kerns or attaches to its
 * neighbour, so a line is its characters side by side.
 */
const composable = new WeakMap<object, boolean>();
function isComposable(features: unknown): boolean {
  if (!features || typeof features !== 'object') return false;
  let yes = composable.get(features);
  if (yes === undefined) {
    const off = features as Record<string, unknown>;
    yes = ['ccmp', 'locl', 'rlig', 'mark', 'mkmk', 'calt', 'clig', 'liga', 'kern', 'curs'].every((t) => off[t] === false);
    composable.set(features, yes);
  }
  return yes;
}

function shareRuns(f: EmbeddedFontLike, font: FontkitFont): void {
  if (typeof f.layoutRun !== 'function') return;
  const own = f.layoutRun.bind(f);
  let cache = sharedRuns.get(font);
  if (!cache) sharedRuns.set(font, (cache = new Map()));
  const runs = cache;
  const cached = (text: string, features: unknown): Run => {
    const key = `${featureKey(features)}\u0000${text}`;
    let run = runs.get(key) as Run | undefined;
    if (run === undefined) {
      if (runs.size >= MAX_RUNS_PER_FONT) runs.clear();
      run = own(text, features) as Run;
      runs.set(key, run);
    }
    return run;
  };
  f.layoutRun = (text, features) => {
    if (text.length <= 1 || !isComposable(features)) return cached(text, features);
    // A line of text (measured, then drawn): its characters' runs (each shaped once per
    // process), side by side.
    const key = `${featureKey(features)}\u0000${text}`;
    let run = runs.get(key) as Run | undefined;
    if (run === undefined) {
      run = { glyphs: [], positions: [], advanceWidth: 0 };
      for (const ch of text) {
        const one = cached(ch, features);
        for (const g of one.glyphs) run.glyphs.push(g);
        for (const p of one.positions) run.positions.push(p);
        run.advanceWidth += one.advanceWidth;
      }
      if (runs.size >= MAX_RUNS_PER_FONT) runs.clear();
      runs.set(key, run);
    }
    return run;
  };
}

/** A simple (not composite) glyph as a TrueType subset copies it: its outline bytes and metrics. */
interface GlyphEntry {
  bytes: Uint8Array;
  advance: number;
  bearing: number;
}

interface SubsetState {
  glyf: Uint8Array[];
  loca: { offsets: number[] };
  hmtx: { metrics: Array<{ advance: number; bearing: number }> };
  offset: number;
}

interface TrueTypeInternals {
  loca?: { offsets: number[] };
  _getTableStream?: (tag: string) => { pos: number; readBuffer: (n: number) => Uint8Array };
}

interface GlyphInternals {
  advanceWidth: number;
  _getMetrics?: () => { leftBearing: number };
}

const glyphEntries = new WeakMap<object, Map<number, GlyphEntry | null>>();

/**
 * A simple glyph's entry, read once per font and process (null: composite, left to fontkit,
 * which renumbers its components per subset). The same bytes and metrics fontkit's
 * TTFSubset._addGlyph copies for it.
 */
function glyphEntry(font: FontkitFont, gid: number): GlyphEntry | null {
  let entries = glyphEntries.get(font);
  if (!entries) glyphEntries.set(font, (entries = new Map()));
  let e = entries.get(gid);
  if (e !== undefined) return e;
  e = null;
  const tt = font as FontkitFont & TrueTypeInternals;
  const glyph = font.getGlyph?.(gid) as (FontkitGlyph & GlyphInternals) | null;
  if (glyph && tt.loca && typeof tt._getTableStream === 'function' && typeof glyph._getMetrics === 'function') {
    const decoded = glyph._decode?.() as { numberOfContours?: number } | null | undefined;
    if (!decoded || (decoded.numberOfContours ?? 0) >= 0) {
      const start = tt.loca.offsets[gid]!;
      const stream = tt._getTableStream('glyf');
      stream.pos += start;
      e = {
        bytes: stream.readBuffer(tt.loca.offsets[gid + 1]! - start),
        advance: glyph.advanceWidth,
        bearing: glyph._getMetrics().leftBearing,
      };
    }
  }
  entries.set(gid, e);
  return e;
}

function decodeGlyphsOnce(f: EmbeddedFontLike, font: FontkitFont): void {
  const subset = f.subset;
  const isStatic = !font.variationAxes || Object.keys(font.variationAxes).length === 0;
  if (!isStatic || !subset || typeof subset._addGlyph !== 'function' || typeof font.getGlyph !== 'function') return;
  const add = subset._addGlyph.bind(subset);
  const getGlyph = font.getGlyph.bind(font);
  subset._addGlyph = (gid) => {
    const state = subset as unknown as Partial<SubsetState>;
    const e = glyphEntry(font, gid);
    if (e && state.glyf && state.loca && state.hmtx && typeof state.offset === 'number') {
      // What fontkit's _addGlyph does for a simple glyph, from the entry read once.
      state.glyf.push(e.bytes);
      state.loca.offsets.push(state.offset);
      state.hmtx.metrics.push({ advance: e.advance, bearing: e.bearing });
      state.offset += e.bytes.length;
      return state.glyf.length - 1;
    }
    const glyph = getGlyph(gid);
    if (glyph && !decodedOnce.has(glyph) && typeof glyph._decode === 'function') {
      const decoded = glyph._decode();
      glyph._decode = () => decoded;
      decodedOnce.add(glyph);
    }
    return add(gid);
  };
}

/**
 * Hooks `doc.end()` so the document's streams (font subsets, pages) are deflated at the fastest
 * level: about half the deflate time for files a few per cent bigger. pdfkit deflates through
 * the zlib module's deflateSync, synchronously inside end(); the module's own function is back
 * in place when end() returns.
 */
function deflateFast(doc: PDFKit.PDFDocument): void {
  const d = doc as unknown as { end: (...args: unknown[]) => unknown };
  const end = d.end;
  d.end = function (this: unknown, ...args: unknown[]) {
    const own = zlib.deflateSync;
    zlib.deflateSync = ((data: zlib.InputType, opts?: zlib.ZlibOptions) =>
      own(data, { level: zlib.constants.Z_BEST_SPEED, ...opts })) as typeof zlib.deflateSync;
    try {
      return end.apply(this, args);
    } finally {
      zlib.deflateSync = own;
    }
  };
}

/** Hooks `doc.font()` so each embedded font of this document uses the shared work, and `doc.end()` to deflate fast. */
export function shareFontWork(doc: PDFKit.PDFDocument): void {
  deflateFast(doc);
  const d = doc as unknown as { font: (...args: unknown[]) => unknown; _font?: EmbeddedFontLike };
  const selectFont = d.font;
  const hooked = new WeakSet<object>();
  d.font = function (this: unknown, ...args: unknown[]) {
    const out = selectFont.apply(this, args);
    const f = d._font;
    if (f?.font && !hooked.has(f)) {
      hooked.add(f);
      shareRuns(f, f.font);
      decodeGlyphsOnce(f, f.font);
    }
    return out;
  };
}
