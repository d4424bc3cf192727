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
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import PDFDocument from 'pdfkit';

/** Minimal view of the fontkit font objects pdfkit works with. */
export interface FontkitFont {
  postscriptName: string;
  hasGlyphForCodePoint(codePoint: number): boolean;
  layout(text: string, features?: unknown): unknown;
}

export type BundledFace = 'serif' | 'serifBold' | 'sans' | 'sansBold';

/** File names as shipped in resources/fonts and build/fonts. */
export const BUNDLED_FONT_FILES: Record<BundledFace, { file: string; pkg: string; weightDir: string }> = {
  serif: { file: 'NotoSerifSC_400Regular.ttf', pkg: 'noto-serif-sc', weightDir: '400Regular' },
  serifBold: { file: 'NotoSerifSC_700Bold.ttf', pkg: 'noto-serif-sc', weightDir: '700Bold' },
  sans: { file: 'NotoSansSC_400Regular.ttf', pkg: 'noto-sans-sc', weightDir: '400Regular' },
  sansBold: { file: 'NotoSansSC_700Bold.ttf', pkg: 'noto-sans-sc', weightDir: '700Bold' },
};

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

/** Directories that may hold a source checkout (cwd and the ancestors of this module). */
function checkoutRoots(): string[] {
  const roots = new Set<string>();
  const addAncestors = (start: string) => {
    let dir = path.resolve(start);
    for (let i = 0; i < 8; i++) {
      roots.add(dir);
      const up = path.dirname(dir);
      if (up === dir) break;
      dir = up;
    }
  };
  addAncestors(process.cwd());
  if (typeof __dirname === 'string') addAncestors(__dirname);
  return [...roots];
}

/** Finds one bundled font file: resources/fonts, then build/fonts, then node_modules. */
export function resolveFontFile(face: BundledFace, resourcesDir = process.env.ONEBAG_RESOURCES): string {
  const spec = BUNDLED_FONT_FILES[face];
  const candidates: string[] = [];
  if (resourcesDir) candidates.push(path.join(resourcesDir, 'fonts', spec.file));
  const roots = checkoutRoots();
  for (const r of roots) candidates.push(path.join(r, 'build', 'fonts', spec.file));
  for (const r of roots) {
    candidates.push(path.join(r, 'node_modules', '@expo-google-fonts', spec.pkg, spec.weightDir, spec.file));
  }
  for (const c of candidates) if (isFile(c)) return c;
  throw new Error(`找不到字体文件 ${spec.file}，请重新安装本软件`);
}

/** The OFL licence of a bundled face (resources/fonts, build/fonts, build/licenses); null when not found. */
export function resolveFontLicence(face: BundledFace, resourcesDir = process.env.ONEBAG_RESOURCES): string | null {
  const name = BUNDLED_FONT_FILES[face].pkg === 'noto-sans-sc' ? 'NotoSansSC-OFL.txt' : 'NotoSerifSC-OFL.txt';
  const candidates: string[] = [];
  if (resourcesDir) candidates.push(path.join(resourcesDir, 'fonts', name));
  for (const r of checkoutRoots()) candidates.push(path.join(r, 'build', 'fonts', name), path.join(r, 'build', 'licenses', name));
  return candidates.find(isFile) ?? null;
}

export function resolveFontFiles(resourcesDir?: string): Record<BundledFace, string> {
  return {
    serif: resolveFontFile('serif', resourcesDir),
    serifBold: resolveFontFile('serifBold', resourcesDir),
    sans: resolveFontFile('sans', resourcesDir),
    sansBold: resolveFontFile('sansBold', resourcesDir),
  };
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

/** Lower-cased file names that are a Simplified-Chinese FangSong. */
const FANGSONG_NAMES = [
  'simfang.ttf',
  'fangsong_gb2312.ttf',
  'fangsong_gb2312.otf',
  '仿宋_gb2312.ttf',
  '仿宋.ttf',
  'fzfsk.ttf',
  'stfangso.ttf',
];

/** Usual font folders on Windows, Kylin/UOS/other Linux, and macOS. */
export function systemFontDirs(env: NodeJS.ProcessEnv = process.env, home = os.homedir()): string[] {
  const dirs: string[] = [];
  if (process.platform === 'win32') {
    dirs.push(path.join(env.WINDIR || env.SystemRoot || 'C:\\Windows', 'Fonts'));
    if (env.LOCALAPPDATA) dirs.push(path.join(env.LOCALAPPDATA, 'Microsoft', 'Windows', 'Fonts'));
  } else {
    dirs.push(
      path.join(home, '.fonts'),
      path.join(home, '.local', 'share', 'fonts'),
      '/usr/share/fonts',
      '/usr/local/share/fonts',
      // Kylin / UOS / deepin ship Windows-compatible faces here
      '/usr/share/fonts/truetype',
      '/usr/share/fonts/fonts-cesi',
      '/usr/share/fonts/truetype/windows',
      '/usr/share/fonts/msttcore',
      '/opt/kingsoft/wps-office/office6/fonts',
      '/Library/Fonts',
      '/System/Library/Fonts',
    );
  }
  return dirs;
}

/**
 * Looks for a system FangSong (simfang.ttf, FangSong_GB2312, 仿宋_GB2312) in the usual
 * folders, two levels deep below each. Returns the file path or null.
 */
export function findSystemFangSong(dirs: string[] = systemFontDirs()): string | null {
  return findFontFile(FANGSONG_NAMES, dirs);
}

/** The first file named one of `names` (lower case), up to three levels below each of `dirs`. */
function findFontFile(names: readonly string[], dirs: string[]): string | null {
  const seen = new Set<string>();
  const walk = (dir: string, depth: number): string | null => {
    if (seen.has(dir)) return null;
    seen.add(dir);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return null;
    }
    for (const e of entries) {
      if (e.isFile() && names.includes(e.name.toLowerCase())) return path.join(dir, e.name);
    }
    if (depth <= 0) return null;
    for (const e of entries) {
      if (e.isDirectory()) {
        const hit = walk(path.join(dir, e.name), depth - 1);
        if (hit) return hit;
      }
    }
    return null;
  };
  for (const d of dirs) {
    const hit = walk(d, 3);
    if (hit) return hit;
  }
  return null;
}

/** Lower-cased file names of faces covering CJK Extension B (Windows, fonts-hanazono, Taiwan MingLiU). */
const EXTB_NAMES = ['simsunb.ttf', 'hanaminb.ttf', 'hanaminb.otf', 'mingliub.ttf'];

/** Looks for a system face covering CJK Extension B, as findSystemFangSong does. */
export function findSystemExtB(dirs: string[] = systemFontDirs()): string | null {
  return findFontFile(EXTB_NAMES, dirs);
}

/**
 * The bundled Extension B fallback: subset 1 of @fontsource/noto-serif-jp 5.3.0 (Noto Serif JP,
 * SIL OFL 1.1, no reserved font name; licence build/fonts/NotoSerifJP-OFL.txt), converted from
 * WOFF2 to TrueType with wawoff2 (fontkit misreads the WOFF2 glyph data). It holds the 205
 * Extension B characters of JIS X 0213 that this subset carries, 𠮷 (U+20BB7) among them; a
 * system face with the whole block is preferred when present. Committed in build/fonts
 * (electron-builder ships it as resources/fonts).
 */
export const BUNDLED_EXTB = 'NotoSerifJP-ExtB.ttf';

/** The bundled Extension B fallback file, or null when the installation lacks it. */
export function resolveBundledExtB(resourcesDir = process.env.ONEBAG_RESOURCES): string | null {
  const candidates: string[] = [];
  if (resourcesDir) candidates.push(path.join(resourcesDir, 'fonts', BUNDLED_EXTB));
  for (const r of checkoutRoots()) candidates.push(path.join(r, 'build', 'fonts', BUNDLED_EXTB));
  return candidates.find(isFile) ?? null;
}

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
  const scratch = new PDFDocument({ autoFirstPage: false });
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
  const off: Record<string, false> = {};
  for (const tag of [
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
  ]) {
    off[tag] = false;
  }
  return { features: off as unknown as PDFKit.Mixins.TextOptions['features'] };
}

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
