/**
 * The invisible text layer of the printed dossier over scanned pages (issue 16): generated
 * scans with known text (the bundled fonts rendered to pixels) are filed as a PNG, as an
 * image-only PDF and as a PNG scanned sideways, read by the real OCR worker and printed. The
 * volume is then read back with poppler: pdftotext finds the words, each word box of
 * `pdftotext -bbox-layout` lies on the ink of the same words in the pdftoppm rendering, and
 * the pages look exactly as they did before the text was recognised (the layer is invisible).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore, type OpenCore } from '../../main/api/open';
import { startOcrQueue } from '../../main/api/ocrQueue';
import type { GeneratedDossier } from '../../main/dossier/fromDb/generate';
import { characterErrorRate, imageOnlyPdf, SAMPLE_LINES, scanOf, typesetPdf } from '../fixtures/ocrPages';
import { fileOriginal, materialInput } from '../fixtures/bagFolder';
import { printDossier } from '../fixtures/printDossier';
import { addOcrCadre } from '../fixtures/ocrCadre';

const SLOW = 300_000;
const NOW = '2025-12-20 10:00:00';
const RENDER_DPI = 100;
/** Phrases of SAMPLE_LINES, each on its own line of the scan. */
const PHRASES = ['驻村工作情况的汇报', '走访农户一百二十户', '争取帮扶资金', '村集体经济收入'];

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
const squash = (s: string) => s.replace(/\s+/g, '');

let dir: string;
let core: OpenCore;
let cadreId: number;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-ocrlayer-'));
  core = openCore({ dataDir: path.join(dir, 'data'), host: { kind: 'cli', blobUrl: (s) => s } });
  ({ cadreId } = addOcrCadre(core.ctx.db));
});

afterAll(() => {
  core?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** A scanned 工作汇报 of 30 September 2025, filed for the cadre. */
const file = (name: string, bytes: Buffer, title: string) =>
  fileOriginal(core, dir, cadreId, name, bytes, materialInput({ category: '工作汇报', title, date: '2025-09-30', year: 2025 }));

const print = (out: string) => printDossier(core, cadreId, 2025, out, { now: NOW });

interface Word {
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Words of one page with their boxes (points, top-down), from `pdftotext -bbox-layout`. */
function words(pdf: string, page: number): Word[] {
  const html = run('pdftotext', ['-bbox-layout', '-f', String(page), '-l', String(page), pdf, '-']);
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    text: m[5]!,
    x0: Number(m[1]),
    y0: Number(m[2]),
    x1: Number(m[3]),
    y1: Number(m[4]),
  }));
}

interface Gray {
  data: Buffer;
  width: number;
  height: number;
}

/** The page as pdftoppm renders it, one grey byte per pixel. */
async function render(pdf: string, page: number, dpi: number): Promise<Gray> {
  const stem = path.join(dir, `render-${path.basename(pdf)}-${page}-${dpi}`);
  execFileSync('pdftoppm', ['-png', '-gray', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', pdf, stem]);
  const { data, info } = await sharp(`${stem}.png`).greyscale().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/** Bounding box (points) of the dark pixels inside a box (points) of the rendering, or null. */
function inkBox(img: Gray, b: Word, dpi: number): Omit<Word, 'text'> | null {
  const k = dpi / 72;
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (let y = Math.max(0, Math.floor(b.y0 * k)); y < Math.min(img.height, Math.ceil(b.y1 * k)); y++) {
    for (let x = Math.max(0, Math.floor(b.x0 * k)); x < Math.min(img.width, Math.ceil(b.x1 * k)); x++) {
      if (img.data[y * img.width + x]! < 128) {
        x0 = Math.min(x0, x);
        y0 = Math.min(y0, y);
        x1 = Math.max(x1, x + 1);
        y1 = Math.max(y1, y + 1);
      }
    }
  }
  return x1 < 0 ? null : { x0: x0 / k, y0: y0 / k, x1: x1 / k, y1: y1 / k };
}

type Box = Omit<Word, 'text'>;

/**
 * How far the word holding each phrase lies from the ink of its line, as shares of the ink's
 * line height: the ink is looked for in the word's box grown by a third of its thickness (less
 * than the gap to the next line). The em box of the layer's text is a little taller than the
 * ink of Chinese glyphs, so it must hold the ink's centre line, be at most twice as thick, and
 * start and end within half a character of the ink.
 */
function misalignment(
  ws: Word[],
  img: Gray,
  sideways: boolean,
): Array<{ phrase: string; start: number; end: number; centre: number; thickness: number }> {
  // measure across and along the line whatever its direction on the page
  const along = (b: Box): [number, number, number, number] => (sideways ? [b.y0, b.y1, b.x0, b.x1] : [b.x0, b.x1, b.y0, b.y1]);
  return PHRASES.map((phrase) => {
    const w = ws.find((x) => x.text.includes(phrase));
    expect(w, `word with ${phrase}`).toBeDefined();
    const grow = Math.min(w!.x1 - w!.x0, w!.y1 - w!.y0) / 3;
    const ink = inkBox(img, { ...w!, x0: w!.x0 - grow, y0: w!.y0 - grow, x1: w!.x1 + grow, y1: w!.y1 + grow }, RENDER_DPI);
    expect(ink, `ink under ${phrase}`).not.toBeNull();
    const [ws0, ws1, wc0, wc1] = along(w!);
    const [is0, is1, ic0, ic1] = along(ink!);
    const h = ic1 - ic0;
    return {
      phrase,
      start: Math.abs(ws0 - is0) / h,
      end: Math.abs(ws1 - is1) / h,
      centre: Math.abs((wc0 + wc1) / 2 - (ic0 + ic1) / 2) / h,
      thickness: (wc1 - wc0) / h,
    };
  });
}

describe('the printed dossier carries an invisible text layer over recognised scans', () => {
  it(
    'lines up with the words of a PNG, an image-only PDF and a sideways scan, and changes no pixel',
    async () => {
      const typeset = await typesetPdf(SAMPLE_LINES);
      const scan = await scanOf(typeset, { dpi: 200 });
      await file('汇报扫描.png', scan, '扫描图片汇报');
      await file('汇报扫描件.pdf', await imageOnlyPdf(scan), '扫描PDF汇报');
      await file('横放扫描.png', await scanOf(typeset, { dpi: 200, turn: 90 }), '横放扫描汇报');

      // Printed before recognition: no layer, nothing to find.
      const before = path.join(dir, 'before.pdf');
      const g0 = await print(before);
      const scanPages = (g: GeneratedDossier) => g.items.filter((i) => i.kind === 'image' || i.kind === 'pdf').map((i) => i.startPage);
      expect(scanPages(g0)).toHaveLength(3);
      for (const p of scanPages(g0))
        expect(squash(run('pdftotext', ['-f', String(p), '-l', String(p), before, '-']))).not.toContain('走访农户');

      const runner = startOcrQueue(core, { background: false });
      await runner.drain();
      await runner.stop();
      const read = core.ctx.db.prepare("SELECT rotation, text FROM ocr_pages WHERE source = 'ocr' ORDER BY rotation").all() as Array<{
        rotation: number;
        text: string;
      }>;
      expect(read).toHaveLength(3);
      // the sideways scan was read turned back upright, and as well as the others
      expect(read.map((r) => r.rotation).slice(0, 2)).toEqual([0, 0]);
      expect([90, 270]).toContain(read[2]!.rotation);
      for (const r of read) expect(characterErrorRate(SAMPLE_LINES.join(''), r.text)).toBeLessThanOrEqual(0.05);

      const after = path.join(dir, 'after.pdf');
      const g1 = await print(after);
      expect(scanPages(g1)).toEqual(scanPages(g0));
      const full = squash(run('pdftotext', [after, '-']));
      for (const phrase of PHRASES) expect(full.split(phrase).length - 1, phrase).toBe(3);

      for (const p of scanPages(g1)) {
        const ws = words(after, p);
        const img = await render(after, p, RENDER_DPI);
        const sideways = p === scanPages(g1)[2];
        for (const m of misalignment(ws, img, sideways)) {
          expect(m.start, `${m.phrase} start`).toBeLessThan(0.5);
          expect(m.end, `${m.phrase} end`).toBeLessThan(0.5);
          expect(m.centre, `${m.phrase} centre`).toBeLessThan(0.25);
          expect(m.thickness, `${m.phrase} thickness`).toBeGreaterThan(1);
          expect(m.thickness, `${m.phrase} thickness`).toBeLessThan(2);
        }
        // the layer is invisible: the page renders exactly as before
        const was = await render(before, p, 60);
        const now = await render(after, p, 60);
        expect(now.data.equals(was.data), `page ${p} pixels`).toBe(true);
      }
      // the sideways scan is printed sideways: its words run down the page
      const turned = words(after, scanPages(g1)[2]!).find((w) => w.text.includes(PHRASES[1]!))!;
      expect(turned.y1 - turned.y0).toBeGreaterThan(4 * (turned.x1 - turned.x0));
    },
    SLOW,
  );
});
