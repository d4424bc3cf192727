/**
 * The dossier engine end to end: a real PDF is written and read back with poppler and qpdf.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument, PDFDict, PDFName, PDFNumber } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { composeDossier, type ComposeResult } from '../../main/dossier/compose/compose';
import type { DossierDoc } from '../../main/dossier/typeset/model';
import { makeSampleFiles, sampleDossier, type SampleFiles } from '../fixtures/dossierSample';

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
const text = (file: string, p: number) => run('pdftotext', ['-f', String(p), '-l', String(p), file, '-']);
const squash = (s: string) => s.replace(/\s+/g, '');
const pageSize = (file: string, p: number) => {
  const m = /Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/.exec(run('pdfinfo', ['-f', String(p), '-l', String(p), file]))!;
  return [Number(m[1]), Number(m[2])];
};

let dir: string;
let files: SampleFiles;
let model: DossierDoc;
let out: string;
let result: ComposeResult;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-dossier-'));
  files = await makeSampleFiles(dir);
  model = sampleDossier(files);
  out = path.join(dir, 'dossier.pdf');
  result = await composeDossier(model, out);
});

describe('dossier engine', () => {
  it('has cover + catalogue + every item page + 备考表', () => {
    const pages = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [out]))![1]);
    expect(pages).toBe(result.pages);
    const itemPages = result.items.reduce((a, i) => a + i.pageCount, 0);
    const catalogue = result.items[0]!.startPage - 2; // after the 1-page cover
    expect(catalogue).toBeGreaterThanOrEqual(1);
    expect(pages).toBe(1 + catalogue + itemPages + 1);
    expect(result.items).toHaveLength(16);
    const typeset = result.items.filter((i) => i.kind === 'typeset');
    expect(typeset).toHaveLength(12);
    expect(typeset.some((i) => i.pageCount === 3)).toBe(true);
    expect(squash(text(out, 1))).toContain('选派干部工作实绩档案');
    expect(squash(text(out, pages))).toContain('备考表');
    // DA/T 22: 页数 counts the numbered item pages only, not cover, 卷内目录 and 备考表
    expect(result.numberedPages).toBe(itemPages);
    expect(squash(text(out, pages))).toContain(`共${itemPages}页（封面、卷内目录和本表不编页号，不计入页数）`);
  });

  it('catalogue rows name the real start pages', () => {
    const catalogue = squash(Array.from({ length: result.items[0]!.startPage - 2 }, (_, i) => text(out, i + 2)).join(''));
    expect(catalogue).toContain('卷内目录');
    const byTitle = new Map(model.sections.flatMap((s) => s.items).map((it) => [it.catalogue.title, it]));
    for (const it of result.items) {
      expect(catalogue).toContain(squash(it.title).slice(0, 6));
      // 页号 start–end on every row, the last included; page 1 is the first item's first page
      expect(it.pageNo).toBe(it.startPage - (result.items[0]!.startPage - 1));
      const range = it.pageCount > 1 ? `${it.pageNo}-${it.pageNo + it.pageCount - 1}` : String(it.pageNo);
      expect(catalogue).toContain(range);
      const page = text(out, it.startPage);
      const src = byTitle.get(it.title)!;
      if (it.kind === 'typeset' || it.kind === 'unreadable') {
        expect(squash(page), `${it.title} on page ${it.startPage}`).toContain(squash(it.title));
      } else if (src.kind === 'pdf' && src.path === files.a4) {
        expect(it.pageCount).toBe(2);
        expect(pageSize(out, it.startPage)).toEqual([595.28, 841.89]);
        expect(page).toContain('ORIGINAL-A4 page 1');
        expect(text(out, it.startPage + 1)).toContain('ORIGINAL-A4 page 2');
      } else if (src.kind === 'pdf' && src.path === files.a3) {
        expect(it.pageCount).toBe(1);
        // fitted to A4, on a sheet turned like a typeset landscape page
        expect(pageSize(out, it.startPage)).toEqual([595.28, 841.89]);
        expect(run('pdfinfo', ['-f', String(it.startPage), '-l', String(it.startPage), out])).toMatch(/Page\s+\d+ rot:\s+90/);
        expect(page).toContain('ORIGINAL-A3-LANDSCAPE');
      } else if (src.kind === 'image') {
        const list = run('pdfimages', ['-list', '-f', String(it.startPage), '-l', String(it.startPage), out]);
        expect(list).toMatch(/\b480\s+320\b/); // the raw pixels, turned by the EXIF orientation when drawn
        expect(pageSize(out, it.startPage)).toEqual([595.28, 841.89]); // orientation 6: shown upright as portrait
      }
      // every item's first page carries its stamp: 件号 zero-padded
      expect(page).toContain(String(src.stamp.itemNo).padStart(4, '0'));
    }
  });

  it('numbers every item page, appended originals included, and leaves front and back matter unnumbered', () => {
    const front = result.items[0]!.startPage - 1;
    for (let p = 1; p <= result.pages; p++) {
      const n = p - front;
      if (n >= 1 && n <= result.numberedPages) expect(text(out, p), `page ${p}`).toMatch(new RegExp(`—\\s*${n}\\s*—`));
      else expect(text(out, p), `page ${p}`).not.toMatch(/—\s*\d+\s*—/);
    }
  });

  it('prints 第 N 页 共 M 页 in the other style', async () => {
    const other = path.join(dir, 'of-total.pdf');
    const r = await composeDossier(sampleDossier(files, 'ofTotal'), other);
    const front = r.items[0]!.startPage - 1;
    for (const n of [1, 2, r.numberedPages]) {
      expect(squash(text(other, front + n))).toContain(`第${n}页共${r.numberedPages}页`);
    }
    expect(squash(text(other, 1))).not.toContain('页共');
  });

  it('embeds and subsets every font it draws with', () => {
    const rows = run('pdffonts', [out]).split('\n').slice(2).filter(Boolean);
    const ours = rows.filter((r) => !/^Helvetica\b/.test(r)); // Helvetica: the originals' own text, kept as it is
    expect(ours.length).toBeGreaterThanOrEqual(3);
    for (const r of ours) expect(r).toMatch(/\byes\s+yes\s+yes\b/);
  });

  it('passes qpdf --check', () => {
    const r = run('qpdf', ['--check', out]);
    expect(r).toContain('No syntax or stream encoding errors');
  });

  it('replaces the corrupt original with a page naming it, and warns', () => {
    const bad = result.items.find((i) => i.kind === 'unreadable')!;
    expect(bad).toBeDefined();
    const page = squash(text(out, bad.startPage));
    expect(page).toContain('corrupt.pdf');
    expect(page).toContain('原件未能按原样打印');
    expect(page).toMatch(/SHA-256校验值：[0-9a-f]{64}/);
    expect(result.warnings.some((w) => w.includes('corrupt.pdf'))).toBe(true);
  });

  it('has bookmarks for every section and item', async () => {
    const doc = await PDFDocument.load(fs.readFileSync(out), { updateMetadata: false });
    const outlines = doc.catalog.lookup(PDFName.of('Outlines'), PDFDict);
    const count = outlines.lookup(PDFName.of('Count'), PDFNumber).asNumber();
    const sections = model.sections.filter((s) => s.items.length > 0).length;
    expect(count).toBe(3 + sections + result.items.length); // 封面, 卷内目录, 备考表
    const json = JSON.parse(run('qpdf', ['--json', '--json-key=outlines', out])) as { outlines: Array<{ title: string; kids: unknown[] }> };
    const titles = json.outlines.map((o) => o.title);
    expect(titles).toEqual(['封面', '卷内目录', ...model.sections.filter((s) => s.items.length).map((s) => s.title), '备考表']);
    expect(json.outlines.reduce((a, o) => a + o.kids.length, 0)).toBe(result.items.length);
  });

  it('writes PDF/A-1b when asked', async () => {
    const a = path.join(dir, 'pdfa.pdf');
    const doc = sampleDossier(files);
    // typeset only: the appended originals are not PDF/A themselves
    doc.sections = doc.sections.map((s) => ({ ...s, items: s.items.filter((i) => i.kind !== 'pdf') }));
    await composeDossier(doc, a, { pdfa: true });
    const head = fs.readFileSync(a).subarray(0, 8).toString('latin1');
    expect(head).toBe('%PDF-1.4');
    const raw = fs.readFileSync(a).toString('latin1');
    expect(raw).toContain('pdfaid:part');
    expect(raw).toContain('/OutputIntents');
    expect(run('qpdf', ['--check', a])).toContain('No syntax or stream encoding errors');
  });
});
