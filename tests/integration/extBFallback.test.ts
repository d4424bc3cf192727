/**
 * Issue 11 I: the bundled CJK Extension B fallback (build/fonts/NotoSerifJP-ExtB.ttf) prints 𠮷
 * (U+20BB7) with a real glyph on a machine without a system Extension B face: the face is embedded
 * (pdffonts), the text reads back (pdftotext), and the rendered pixels look like 吉 (its close
 * relative, from the bundled Noto Serif SC) far more than the box printed without a fallback.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { glyphCoverage, resolveBundledExtB } from '../../main/dossier/fonts';
import { TextKit } from '../../main/dossier/typeset/measure';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-extb-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** One A4 page with `text` at 120 pt in the body face, through the engine's font runs. */
async function page(name: string, text: string, extBPath: string | null): Promise<string> {
  const file = path.join(dir, `${name}.pdf`);
  const doc = new PDFDocument({ autoFirstPage: false, size: 'A4', margin: 0 });
  const out = fs.createWriteStream(file);
  const done = new Promise<void>((resolve) => out.on('finish', () => resolve()));
  doc.pipe(out);
  const tk = new TextKit(doc, { extBPath });
  doc.addPage();
  tk.draw(text, 200, 300, tk.names.body, 120);
  doc.end();
  await done;
  return file;
}

/** Gray pixels (0 black … 255 white) of page 1 at 50 dpi, read from pdftoppm's PGM. */
function gray(pdf: string): Uint8Array {
  const base = path.join(dir, path.basename(pdf, '.pdf'));
  execFileSync('pdftoppm', ['-gray', '-r', '50', '-singlefile', pdf, base]);
  const pgm = fs.readFileSync(`${base}.pgm`);
  const head = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.toString('latin1', 0, 64))!;
  return new Uint8Array(pgm.subarray(head[0].length));
}

const distance = (a: Uint8Array, b: Uint8Array) => a.reduce((sum, v, i) => sum + Math.abs(v - b[i]!), 0);

describe('Extension B fallback', () => {
  it('is bundled, covers 𠮷 and prints it with a real glyph', async () => {
    const extB = resolveBundledExtB();
    expect(extB).not.toBeNull();
    expect(glyphCoverage({ extBPath: extB })(0x20bb7)).toBe(true);
    expect(glyphCoverage({ extBPath: null })(0x20bb7)).toBe(false);

    const withFallback = await page('fallback', '𠮷', extB);
    const fonts = execFileSync('pdffonts', [withFallback], { encoding: 'utf8' });
    expect(fonts).toMatch(/NotoSerifJP\S*\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
    expect(execFileSync('pdftotext', [withFallback, '-'], { encoding: 'utf8' }).trim()).toBe('𠮷');

    const glyph = gray(withFallback);
    const box = gray(await page('box', '𠮷', null));
    const ji = gray(await page('ji', '吉', null));
    expect(glyph.some((v) => v < 128)).toBe(true); // ink
    // 𠮷 differs from 吉 only in the top stroke; the box differs everywhere
    expect(distance(glyph, ji) * 3).toBeLessThan(distance(box, ji));
  });
});
