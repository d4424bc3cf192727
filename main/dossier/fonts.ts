/**
 * The font registry for everything that typesets Chinese with pdfkit (demo PDFs, the
 * dossier, registers). See docs/pdf-notes.md, "Fonts" and gotchas G1–G3, G13.
 *
 * - Bundled faces (SIL OFL 1.1, licences in build/licenses/): Noto Serif SC (Song-style)
 *   and Noto Sans SC (Hei-style), regular and bold.
 * - A system FangSong (仿宋) is used for body text when found and asked for; no open
 *   Simplified-Chinese FangSong exists to bundle.
 * - CJK Extension B and beyond (𠮷, rare name characters) are in none of the bundled faces.
 *   A system face that has them (SimSun-ExtB, HanaMinB, MingLiU-ExtB) is the last fallback
 *   when found; otherwise the bundled BUNDLED_EXTB (205 Extension B characters, 𠮷 among
 *   them, from Noto Serif JP, OFL 1.1). Whatever no font covers is reported before
 *   printing (missingGlyphs.ts).
 * - pdfkit has no font fallback: writeCjk() splits text into runs per font by glyph
 *   coverage so no character comes out as tofu.
 * - Each font file is parsed ONCE per process (fontkit objects are cached and handed to
 *   pdfkit) and registered ONCE per document under one name (G2, G13).
 */
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { findSystemExtB, findSystemFangSong, resolveBundledExtB, resolveFontFiles } from './fontFiles';

export {
  BUNDLED_EXTB,
  BUNDLED_FONT_FILES,
  findSystemExtB,
  findSystemFangSong,
  resolveBundledExtB,
  resolveFontFile,
  resolveFontFiles,
  resolveFontLicence,
  systemFontDirs,
  type BundledFace,
} from './fontFiles';

/** Minimal view of the fontkit font objects pdfkit works with. */
export interface FontkitFont {
  postscriptName: string;
  hasGlyphForCodePoint(codePoint: number): boolean;
  layout(text: string, features?: unknown): unknown;
}

export interface FontOptions {
  /** Packaged app's resources directory (holds fonts/); defaults to env ONEBAG_RESOURCES. */
  resourcesDir?: string;
  /**
   * Body face: 'serif' (bundled Song, default), or 'fangsong' to use the system FangSong
   * when one is found (falls back to the bundled Serif otherwise).
   */
  body?: 'serif' | 'song' | 'fangsong';
  /** Explicit FangSong file (skips detection). */
  fangSongPath?: string | null;
  /** Explicit file of the CJK Extension B fallback (skips detection); null: none. */
  extBPath?: string | null;
}

/** Names to pass to `doc.font(...)`. `body` is one of the others or `fangsong`. */
export interface RegisteredFonts {
  serif: string;
  serifBold: string;
  sans: string;
  sansBold: string;
  body: string;
  /** Registered name of the system FangSong, or null when not in use. */
  fangSong: string | null;
  /** Registered name of the system CJK Extension B face (last fallback), or null when none was found. */
  extB: string | null;
}

const NAMES = {
  serif: 'cjk-serif',
  serifBold: 'cjk-serif-bold',
  sans: 'cjk-sans',
  sansBold: 'cjk-sans-bold',
  fangSong: 'cjk-fangsong',
  extB: 'cjk-extb',
};

/** Process-wide cache: font file path -> parsed fontkit font (G13). */
const parsed = new Map<string, FontkitFont>();

/**
 * Parses a font file once per process. pdfkit 0.20 accepts a fontkit object as a font
 * source, so we let pdfkit (whose dependency fontkit is) open the file on a scratch
 * document and keep its fontkit object.
 */
export function loadFontkitFont(file: string): FontkitFont {
  const hit = parsed.get(file);
  if (hit) return hit;
  // No default Helvetica: the scratch document would parse its AFM metrics only to drop them.
  const scratch = new PDFDocument({ autoFirstPage: false, font: null as unknown as string });
  scratch.font(file);
  const font = (scratch as unknown as { _font: { font: FontkitFont } })._font.font;
  if (typeof font?.hasGlyphForCodePoint !== 'function') throw new Error(`无法读取字体文件 ${path.basename(file)}`);
  parsed.set(file, font);
  return font;
}

/** Per document: registered name -> fontkit font, for glyph coverage checks. */
const docFonts = new WeakMap<PDFKit.PDFDocument, Map<string, FontkitFont>>();
const docRegistered = new WeakMap<PDFKit.PDFDocument, RegisteredFonts>();

function register(doc: PDFKit.PDFDocument, name: string, file: string): void {
  const font = loadFontkitFont(file);
  // A fontkit object is a valid source at runtime (PDFFontFactory.open checks `.layout`).
  doc.registerFont(name, font as unknown as Uint8Array);
  let m = docFonts.get(doc);
  if (!m) docFonts.set(doc, (m = new Map()));
  m.set(name, font);
}

let extBSearch: { file: string | null } | null = null;
/** The system Extension B face, else the bundled one, looked up once per process. */
function cachedExtB(): string | null {
  if (!extBSearch) extBSearch = { file: findSystemExtB() ?? resolveBundledExtB() };
  return extBSearch.file;
}

/** The fontkit object registered on `doc` under `name` (for glyph coverage and advances). */
export function registeredFontkit(doc: PDFKit.PDFDocument, name: string): FontkitFont | undefined {
  return docFonts.get(doc)?.get(name);
}

/**
 * Whether any face the dossier would print with covers a code point: the bundled faces,
 * the FangSong when chosen and found, and the Extension B fallback when found. The same
 * files registerFonts() would use, parsed once per process.
 */
export function glyphCoverage(opts: FontOptions = {}): (codePoint: number) => boolean {
  const files: string[] = Object.values(resolveFontFiles(opts.resourcesDir));
  if (opts.body === 'fangsong' || opts.fangSongPath) {
    const f = opts.fangSongPath ?? findSystemFangSong();
    if (f) files.push(f);
  }
  const extBFile = opts.extBPath === undefined ? cachedExtB() : opts.extBPath;
  if (extBFile) files.push(extBFile);
  const fonts: FontkitFont[] = [];
  for (const f of files) {
    try {
      fonts.push(loadFontkitFont(f));
    } catch {
      // an unreadable system face covers nothing
    }
  }
  const cache = new Map<number, boolean>();
  return (cp) => {
    let hit = cache.get(cp);
    if (hit === undefined) cache.set(cp, (hit = fonts.some((f) => f.hasGlyphForCodePoint(cp))));
    return hit;
  };
}

/**
 * Registers the bundled faces (and the system FangSong when asked for and found) on a
 * document, once. Calling it again on the same document returns the same names.
 */
export function registerFonts(doc: PDFKit.PDFDocument, opts: FontOptions = {}): RegisteredFonts {
  const done = docRegistered.get(doc);
  if (done) return done;
  const files = resolveFontFiles(opts.resourcesDir);
  register(doc, NAMES.serif, files.serif);
  register(doc, NAMES.serifBold, files.serifBold);
  register(doc, NAMES.sans, files.sans);
  register(doc, NAMES.sansBold, files.sansBold);
  let fangSong: string | null = null;
  if (opts.body === 'fangsong' || opts.fangSongPath) {
    const file = opts.fangSongPath ?? findSystemFangSong();
    if (file) {
      try {
        register(doc, NAMES.fangSong, file);
        fangSong = NAMES.fangSong;
      } catch {
        fangSong = null; // unreadable or a collection without a usable face: use the Serif
      }
    }
  }
  let extB: string | null = null;
  const extBFile = opts.extBPath === undefined ? cachedExtB() : opts.extBPath;
  if (extBFile) {
    try {
      register(doc, NAMES.extB, extBFile);
      extB = NAMES.extB;
    } catch {
      extB = null;
    }
  }
  const names: RegisteredFonts = {
    serif: NAMES.serif,
    serifBold: NAMES.serifBold,
    sans: NAMES.sans,
    sansBold: NAMES.sansBold,
    // The body is an alias by value, never a second registration of the same file (G2).
    body: fangSong ?? NAMES.serif,
    fangSong,
    extB,
  };
  docRegistered.set(doc, names);
  return names;
}

/**
 * Text options that switch off OpenType shaping for CJK text (G3).
 *
 * pdfkit caches shaping per space-separated word; Chinese lines have no spaces, so every
 * line is re-shaped through the font's GSUB/GPOS tables. Chinese needs none of fontkit's
 * default features (ccmp, locl, rlig, mark, mkmk, calt, clig, liga, rclt, curs, kern…):
 * turning them off keeps the same glyph ids; docs/pdf-notes.md measured 3.7× on the
 * 300-page dossier (tables, many short lines). On plain running text the gain is small
 * (pdfkit's per-fragment cache already helps there), so it never costs anything either.
 * fontkit reads an object `{tag: false}` as "remove this default feature"; @types/pdfkit
 * only knows the array form, hence the cast. This relies on pdfkit/fontkit internals:
 * the fonts integration test checks text still round-trips; re-check on pdfkit upgrades.
 */
export function cjkTextOptions(): PDFKit.Mixins.TextOptions {
  return { features: FEATURES_OFF as unknown as PDFKit.Mixins.TextOptions['features'] };
}

/**
 * One object for every call (read only): what pdfkit and demo/pdfkitSharing.ts cache per
 * features object is then found again instead of being worked out for each line written.
 */
const FEATURES_OFF: Readonly<Record<string, false>> = Object.freeze(
  Object.fromEntries(
    [
      'rvrn',
      'ccmp',
      'locl',
      'rlig',
      'mark',
      'mkmk',
      'frac',
      'numr',
      'dnom',
      'calt',
      'clig',
      'liga',
      'rclt',
      'curs',
      'kern',
      'ltra',
      'ltrm',
    ].map((tag) => [tag, false as const]),
  ),
);

export interface TextRun {
  font: string;
  text: string;
}

/**
 * Splits text into runs so each character is drawn by the first font in `chain` that has
 * a glyph for it. Characters no font covers stay with the first font. Whitespace and
 * line breaks join the current run.
 */
export function splitRuns(doc: PDFKit.PDFDocument, text: string, chain: readonly string[]): TextRun[] {
  const fonts = docFonts.get(doc);
  if (!fonts) throw new Error('registerFonts() must be called on this document first');
  const usable = chain.filter((n) => fonts.has(n));
  const first = usable[0] ?? chain[0]!;
  const runs: TextRun[] = [];
  let cur: TextRun | null = null;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    let font: string;
    if (cp <= 0x20 || (cur && cp < 0x7f && fonts.get(cur.font)!.hasGlyphForCodePoint(cp))) {
      font = cur?.font ?? first;
    } else {
      font = usable.find((n) => fonts.get(n)!.hasGlyphForCodePoint(cp)) ?? first;
    }
    if (cur && cur.font === font) cur.text += ch;
    else runs.push((cur = { font, text: ch }));
  }
  return runs;
}

export interface CjkTextOptions extends PDFKit.Mixins.TextOptions {
  /** Registered font name to draw with (default: the body face). */
  font?: string;
  size?: number;
  /** Fallback names after `font` (default: serif, sans). */
  fallbacks?: string[];
}

/**
 * Writes text at (x, y) — or at the current position when x is undefined — with
 * per-character font fallback and CJK shaping switched off. Line wrapping follows
 * pdfkit's text options (width, lineGap, align…) across runs via `continued`.
 */
export function writeCjk(doc: PDFKit.PDFDocument, text: string, x?: number, y?: number, options: CjkTextOptions = {}): PDFKit.PDFDocument {
  const names = docRegistered.get(doc) ?? registerFonts(doc);
  const { font, size, fallbacks, ...textOpts } = options;
  const primary = font ?? names.body;
  const chain = [primary, ...(fallbacks ?? [names.serif, names.sans]), ...(names.extB ? [names.extB] : [])].filter(
    (n, i, a) => a.indexOf(n) === i,
  );
  const runs = text.length === 0 ? [{ font: primary, text: '' }] : splitRuns(doc, text, chain);
  if (size !== undefined) doc.fontSize(size);
  const base = { ...textOpts, ...cjkTextOptions() };
  const wantContinued = textOpts.continued ?? false;
  runs.forEach((run, i) => {
    doc.font(run.font);
    const opts = { ...base, continued: i < runs.length - 1 ? true : wantContinued };
    if (i === 0 && x !== undefined) doc.text(run.text, x, y, opts);
    else doc.text(run.text, opts);
  });
  return doc;
}
