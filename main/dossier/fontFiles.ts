/**
 * Where the font files are: the bundled faces (resources/fonts, build/fonts, node_modules),
 * their licences, the bundled Extension B fallback, and the system FangSong / Extension B
 * faces in the usual font folders. Registering them in a document: fonts.ts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type BundledFace = 'serif' | 'serifBold' | 'sans' | 'sansBold';

/** File names as shipped in resources/fonts and build/fonts. */
export const BUNDLED_FONT_FILES: Record<BundledFace, { file: string; pkg: string; weightDir: string }> = {
  serif: { file: 'NotoSerifSC_400Regular.ttf', pkg: 'noto-serif-sc', weightDir: '400Regular' },
  serifBold: { file: 'NotoSerifSC_700Bold.ttf', pkg: 'noto-serif-sc', weightDir: '700Bold' },
  sans: { file: 'NotoSansSC_400Regular.ttf', pkg: 'noto-sans-sc', weightDir: '400Regular' },
  sansBold: { file: 'NotoSansSC_700Bold.ttf', pkg: 'noto-sans-sc', weightDir: '700Bold' },
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

/**
 * Where each face was found, by face, resources folder and working folder: every document
 * registers the faces, and looking through every candidate folder each time (~80 failed stats
 * per document) was a good part of a small document's time. A found file is checked again when
 * reused, so a font moved meanwhile is looked for anew.
 */
const found = new Map<string, string>();

/** Finds one bundled font file: resources/fonts, then build/fonts, then node_modules. */
export function resolveFontFile(face: BundledFace, resourcesDir = process.env.ONEBAG_RESOURCES): string {
  const key = `${face}\u0000${resourcesDir ?? ''}\u0000${process.cwd()}`;
  const known = found.get(key);
  if (known !== undefined && isFile(known)) return known;
  const file = lookForFontFile(face, resourcesDir);
  found.set(key, file);
  return file;
}

function lookForFontFile(face: BundledFace, resourcesDir: string | undefined): string {
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
    // No exception for a missing candidate (most are): making one costs more than the stat.
    return fs.statSync(p, { throwIfNoEntry: false })?.isFile() ?? false;
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
