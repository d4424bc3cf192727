/**
 * The font registry: bundled CJK faces embed as subsets, per-character fallback avoids
 * tofu, and text read back with poppler (pdffonts/pdftotext) is exactly what was written.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cjkTextOptions, findSystemFangSong, registerFonts, resolveFontFile, splitRuns, writeCjk } from '../../main/dossier/fonts';

/** poppler-utils may still be installing when the suite starts: wait for it a little. */
async function waitForPoppler(timeoutMs = 60_000): Promise<void> {
  const start = Date.now();
  while (!fs.existsSync('/usr/bin/pdffonts') || !fs.existsSync('/usr/bin/pdftotext')) {
    if (Date.now() - start > timeoutMs) throw new Error('poppler-utils (pdffonts, pdftotext) not installed');
    await new Promise((r) => setTimeout(r, 1000));
  }
}

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8' });

async function makePdf(file: string, draw: (doc: PDFKit.PDFDocument) => void): Promise<void> {
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: 36 });
  const out = fs.createWriteStream(file);
  const done = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
  });
  doc.pipe(out);
  draw(doc);
  doc.end();
  await done;
}

/**
 * Traditional 辦, rare 喆, ASCII, full-width punctuation. (An ideographic space U+3000 is
 * typeset fine but pdftotext turns any whitespace into layout, so it is left out here.)
 */
const MIXED = '驻村第一书记办公室（辦）喆：ABC abc 123，“五必到”！？、；《台账》【注】——完。';
/** U+9FF0 is only in Noto Serif SC; U+30EDD (biáng) only in Noto Sans SC. */
const SERIF_ONLY = '\u9ff0';
const SANS_ONLY = '\u{30edd}';

describe('fonts', () => {
  let dir: string;
  beforeAll(async () => {
    await waitForPoppler();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-fonts-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('resolves the bundled files, resources dir first', () => {
    const serif = resolveFontFile('serif');
    expect(fs.statSync(serif).size).toBeGreaterThan(10_000_000);
    const res = path.join(dir, 'res');
    fs.mkdirSync(path.join(res, 'fonts'), { recursive: true });
    fs.copyFileSync(serif, path.join(res, 'fonts', 'NotoSerifSC_400Regular.ttf'));
    expect(resolveFontFile('serif', res)).toBe(path.join(res, 'fonts', 'NotoSerifSC_400Regular.ttf'));
  });

  it('finds a system FangSong by file name, else null', () => {
    const fontsDir = path.join(dir, 'sysfonts', 'truetype', 'windows');
    fs.mkdirSync(fontsDir, { recursive: true });
    expect(findSystemFangSong([path.join(dir, 'sysfonts')])).toBeNull();
    fs.writeFileSync(path.join(fontsDir, 'SIMFANG.TTF'), '');
    expect(findSystemFangSong([path.join(dir, 'sysfonts')])).toBe(path.join(fontsDir, 'SIMFANG.TTF'));
  });

  it('switches shaping features off through a text option', () => {
    const f = cjkTextOptions().features as unknown as Record<string, boolean>;
    for (const tag of ['ccmp', 'locl', 'calt', 'liga', 'kern']) expect(f[tag]).toBe(false);
  });

  it('embeds subset fonts and reads the text back exactly', async () => {
    const file = path.join(dir, 'mixed.pdf');
    let names: ReturnType<typeof registerFonts> | null = null;
    await makePdf(file, (doc) => {
      names = registerFonts(doc);
      expect(registerFonts(doc)).toBe(names); // once per document (G2)
      writeCjk(doc, MIXED, 36, 60, { size: 14, width: 760 });
      writeCjk(doc, `黑体：${MIXED}`, 36, 120, { font: names.sansBold, size: 12, width: 760 });
    });
    const fonts = run('pdffonts', [file]);
    const rows = fonts
      .split('\n')
      .slice(2)
      .filter((l) => l.trim());
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const row of rows) {
      expect(row).toMatch(/^[A-Z]{6}\+Noto(Serif|Sans)SC-/); // subset tag
      expect(row).toMatch(/CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/); // embedded, subset, ToUnicode
    }
    expect(fonts).toContain('NotoSerifSC-Regular');
    expect(fonts).toContain('NotoSansSC-Bold');
    const lines = run('pdftotext', ['-layout', file, '-'])
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    expect(lines[0]).toBe(MIXED);
    expect(lines[1]).toBe(`黑体：${MIXED}`);
  });

  it('falls back per character to a font that has the glyph', async () => {
    const file = path.join(dir, 'fallback.pdf');
    const text = `甲${SERIF_ONLY}乙${SANS_ONLY}丙`;
    await makePdf(file, (doc) => {
      const f = registerFonts(doc);
      expect(splitRuns(doc, text, [f.sans, f.serif])).toEqual([
        { font: f.sans, text: '甲' },
        { font: f.serif, text: SERIF_ONLY },
        { font: f.sans, text: `乙${SANS_ONLY}丙` },
      ]);
      expect(splitRuns(doc, text, [f.serif, f.sans]).map((r) => r.font)).toEqual([f.serif, f.sans, f.serif]);
      writeCjk(doc, text, 36, 60, { font: f.sans, size: 16, width: 700 });
    });
    const fonts = run('pdffonts', [file]);
    expect(fonts).toContain('NotoSansSC-Regular');
    expect(fonts).toContain('NotoSerifSC-Regular');
    const back = run('pdftotext', [file, '-']).replace(/\s+/g, '');
    expect(back).toBe(text);
  });
});
