/**
 * One cadre's dossier from the demo data, read back with poppler and qpdf: catalogue page
 * numbers point at the items, every page is numbered, fonts embedded, originals present,
 * a damaged original becomes a page naming the file.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenCore } from '../../main/api/open';
import type { GeneratedDossier } from '../../main/dossier/fromDb/generate';
import { getDossierSettings } from '../../main/dossier/fromDb/settings';
import { listMaterials } from '../../main/core/bag/bag';
import { openDemoCopy, removeDemoCopy } from '../fixtures/demoCopy';
import { printDossier } from '../fixtures/printDossier';

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
const squash = (s: string) => s.replace(/\s+/g, '');
const pageText = (f: string, p: number) => squash(run('pdftotext', ['-f', String(p), '-l', String(p), f, '-']));
const pageCount = (f: string) => Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [f]))![1]);
const pageSize = (f: string, p: number) => /size:\s+([\d.]+ x [\d.]+)/.exec(run('pdfinfo', ['-f', String(p), '-l', String(p), f]))![1];

let dir: string;
let core: OpenCore;
let cadreId: number;

beforeAll(async () => {
  ({ dir, core } = await openDemoCopy('fromdb')); // the demo county, prepared once per run
  // a cadre with PDFs and scans in the 2024 bag
  const ids = (core.ctx.db.prepare('SELECT id FROM cadres ORDER BY id').all() as Array<{ id: number }>).map((r) => r.id);
  cadreId = ids.find((id) => {
    const kinds = listMaterials(core.ctx.db, id, 2024).flatMap((m) => m.files.map((f) => f.kind));
    return kinds.includes('pdf') && kinds.includes('png');
  })!;
}, 240_000); // the demo load is slow on a loaded shared machine

afterAll(() => removeDemoCopy(core, dir));

function checkDossier(file: string, g: GeneratedDossier) {
  const pages = pageCount(file);
  expect(pages).toBe(g.pages);
  // cover + catalogue + items + 备考表
  const first = g.items[0]!.startPage;
  const itemPages = g.items.reduce((a, i) => a + i.pageCount, 0);
  expect(pages).toBe(first - 1 + itemPages + 1);
  expect(pageText(file, 1)).toContain('选派干部工作实绩档案');
  expect(pageText(file, 1)).toContain(g.archiveCode);
  expect(pageText(file, pages)).toContain('备考表');
  for (const it of g.items) {
    const t = pageText(file, it.startPage);
    if (it.kind === 'typeset' || it.kind === 'unreadable') expect(t).toContain(squash(it.title).slice(0, 8));
    else if (it.kind === 'image') expect(['595.28 x 841.89', '841.89 x 595.28']).toContain(pageSize(file, it.startPage));
    // every item starts with its 归档章: 全宗号 and 件号 in the stamp
    expect(t).toContain('0001');
  }
  // the catalogue names each item's real start page
  const catalogue = Array.from({ length: first - 2 }, (_, i) => pageText(file, i + 2)).join('');
  for (const it of g.items) expect(catalogue).toContain(squash(it.title).slice(0, 6));
  // item pages numbered from 1; cover, 卷内目录 and 备考表 carry no number (DA/T 22)
  for (let p = 1; p <= pages; p++) {
    const n = p - (first - 1);
    if (n >= 1 && n <= itemPages) expect(pageText(file, p)).toContain(`—${n}—`);
    else expect(pageText(file, p)).not.toMatch(/—\d+—/);
  }
  expect(g.numberedPages).toBe(itemPages);
  const fonts = run('pdffonts', [file]).split('\n').slice(2).filter(Boolean);
  expect(fonts.length).toBeGreaterThan(0);
  for (const l of fonts) expect(l).toMatch(/\+\S+.*yes\s+yes\s+yes/);
  expect(run('qpdf', ['--check', file])).toContain('No syntax or stream encoding errors');
}

describe('dossier from the database', () => {
  it('prints the 2024 dossier with originals, scans and attendance', async () => {
    const out = path.join(dir, '2024.pdf');
    const g = await printDossier(core, cadreId, 2024, out);
    checkDossier(out, g);
    expect(g.items.some((i) => i.kind === 'pdf')).toBe(true);
    expect(g.items.some((i) => i.kind === 'image')).toBe(true);
    expect(g.items.some((i) => i.title.includes('考勤情况'))).toBe(true);
    expect(g.warnings).toEqual([]);
    // appended original PDF pages keep their content
    const pdfItem = g.items.find((i) => i.kind === 'pdf')!;
    expect(pageText(out, pdfItem.startPage).length).toBeGreaterThan(40);
    // the attendance table lies on a landscape page (A4 sheet turned 90°)
    const att = g.items.find((i) => i.title.includes('考勤情况'))!;
    expect(run('pdfinfo', ['-f', String(att.startPage + 1), '-l', String(att.startPage + 1), out])).toMatch(/rot:\s+90/);
  });

  it('prints the whole term and numbers pages 第 N 页 共 M 页 when set', async () => {
    const out = path.join(dir, 'term.pdf');
    const settings = { ...getDossierSettings(core.ctx.db), pageNumberStyle: 'ofTotal' as const };
    const g = await printDossier(core, cadreId, 'term', out, { settings });
    expect(pageCount(out)).toBe(g.pages);
    const front = g.items[0]!.startPage - 1;
    expect(pageText(out, front + 2)).toContain(`第2页共${g.numberedPages}页`);
    expect(pageText(out, 1)).not.toContain('页共');
    expect(g.items.length).toBeGreaterThanOrEqual(listMaterials(core.ctx.db, cadreId).length);
  });

  it('replaces a damaged original with a page naming the file, and goes on', async () => {
    const m = listMaterials(core.ctx.db, cadreId, 2024).find((x) => x.files[0]!.kind === 'pdf')!;
    const f = m.files[0]!;
    const blob = core.blobs.pathOf(f.sha256);
    fs.chmodSync(blob, 0o644);
    fs.writeFileSync(blob, 'garbage, not a PDF at all');
    const out = path.join(dir, 'damaged.pdf');
    const g = await printDossier(core, cadreId, 2024, out);
    expect(g.warnings.join('\n')).toContain(f.originalName);
    const it = g.items.find((i) => i.title === m.title || i.title.startsWith(`${m.title}（`))!;
    const t = pageText(out, it.startPage);
    expect(t).toContain('原件无法读取');
    expect(t).toContain(squash(f.originalName));
    expect(g.items.filter((i) => i.kind === 'image').length).toBeGreaterThan(0);
    expect(run('qpdf', ['--check', out])).toContain('No syntax or stream encoding errors');
  });
});
