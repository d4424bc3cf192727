/**
 * The typesetter's speed paths and the 卷内目录's 档号 column, on real PDFs read back:
 * - the glyph cache (typeset/glyphCache.ts) writes the very bytes pdfkit's own encoding writes,
 *   including characters that need shaping and an Extension B fallback character;
 * - a 档号 never wraps in the catalogue (no break at a hyphen): each code is one line of
 *   pdftotext output, and its word box stays inside the 档号 column;
 * - the county 案卷目录 lists volumes in 档号 order and each signature line stays one line.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import PDFKit from 'pdfkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeDossier } from '../../main/dossier/compose/compose';
import { writeCountyCatalogue, type VolumeEntry } from '../../main/dossier/batch/catalogue';
import { CATALOGUE_COLUMNS } from '../../main/dossier/compose/frontmatter';
import { TextKit } from '../../main/dossier/typeset/measure';
import type { DossierDoc, TypesetItem } from '../../main/dossier/typeset/model';
import { SAMPLE_CADRE } from '../fixtures/dossierSample';

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
const MM = 72 / 25.4;

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-typeset-fit-'));
});
afterAll(() => (process.env.ONEBAG_KEEP_TEST ? console.log(dir) : fs.rmSync(dir, { recursive: true, force: true })));

/** Draws the same lines with and without the glyph cache; returns both files' bytes. */
async function drawBoth(lines: string[]): Promise<[Buffer, Buffer]> {
  const write = async (glyphCache: boolean) => {
    const file = path.join(dir, `glyphs-${glyphCache}.pdf`);
    const doc = new PDFKit({ autoFirstPage: false, size: 'A4', margin: 0, info: { CreationDate: new Date(0) } });
    const out = fs.createWriteStream(file);
    const done = new Promise<void>((resolve, reject) => {
      out.on('finish', resolve);
      out.on('error', reject);
    });
    doc.pipe(out);
    const tk = new TextKit(doc, {}, { glyphCache });
    doc.addPage();
    lines.forEach((l, i) => {
      tk.draw(l, 60, 80 + i * 24, tk.names.body, 12, i % 2 ? 0.7 : 0);
      tk.draw(l, 60, 400 + i * 24, tk.names.sansBold, 10);
    });
    doc.end();
    await done;
    return fs.readFileSync(file);
  };
  return [await write(false), await write(true)];
}

describe('glyph cache', () => {
  it('writes the same PDF bytes as pdfkit’s own encoding', async () => {
    const lines = [
      '驻村工作日志：2025年12月25日走访脱贫户42户，收集意见37条。',
      'SHA-256 0123456789abcdef — “引号”（括号）、顿号；',
      '𠮷野家 e\u0301 cafe\u0301 葛\u{e0100}城', // Ext-B fallback, combining marks, a variation selector
      '0001-WS·2025-D30-ZZB-0012',
    ];
    const [plain, cached] = await drawBoth(lines);
    expect(cached.equals(plain)).toBe(true);
    // and the text really is there (not two empty files)
    const text = run('pdftotext', [path.join(dir, 'glyphs-true.pdf'), '-']).replace(/\s+/g, '');
    expect(text).toContain('走访脱贫户42户');
    expect(text).toContain('0001-WS·2025-D30-ZZB-0012');
  });
});

describe('卷内目录 档号 column', () => {
  it('keeps every 档号 on one line inside its column', async () => {
    const codes = ['0001-WS·2025-D30-ZZB-0012', '0001-WS·2025-Y-ZZB-0013', 'A001-WS·2025-D10-ZZBG-0014'];
    const items: TypesetItem[] = codes.map((code, i) => ({
      kind: 'typeset',
      catalogue: {
        author: '青山乡党委',
        title: `驻村工作日志第${i + 1}篇`,
        date: '2025-06-01',
        docNo: `青组发〔2025〕${i + 1}号`,
        archiveCode: code,
      },
      stamp: { fonds: '0001', year: '2025', retention: '定期30年', itemNo: 12 + i, org: 'ZZB' },
      blocks: [{ kind: 'paragraph', text: '本月走访农户。' }],
    }));
    const doc: DossierDoc = {
      meta: {
        ...SAMPLE_CADRE,
        term: '2025年',
        year: '2025',
        archiveCode: '0001-WS·2025-D30-ZZB-J0001',
        date: '2025-12-20',
        checkDate: '2025-12-21',
        pageNumberStyle: 'gbt9704',
      },
      sections: [{ title: '工作日志', items }],
    };
    const out = path.join(dir, 'catalogue.pdf');
    await composeDossier(doc, out);
    // page 2 is the 卷内目录 (after the cover)
    const lines = run('pdftotext', ['-f', '2', '-l', '2', '-layout', out, '-']).split('\n');
    for (const code of codes)
      expect(
        lines.some((l) => l.includes(code)),
        code,
      ).toBe(true);
    // a 文号 may wrap, but never inside 〔2025〕1号
    for (let i = 1; i <= codes.length; i++)
      expect(
        lines.some((l) => l.includes(`〔2025〕${i}号`)),
        `〔2025〕${i}号`,
      ).toBe(true);
    // word boxes: each code is one word, inside the 档号 column (28 mm binding margin + 序号)
    const bbox = run('pdftotext', ['-f', '2', '-l', '2', '-bbox', out, '-']);
    const left = (28 + CATALOGUE_COLUMNS[0]![1]) * MM;
    const right = left + CATALOGUE_COLUMNS[1]![1] * MM;
    for (const code of codes) {
      const m = new RegExp(
        `xMin="([\\d.]+)" yMin="[\\d.]+" xMax="([\\d.]+)" yMax="[\\d.]+">${code.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}</word>`,
      ).exec(bbox);
      expect(m, `${code} is one word`).not.toBeNull();
      expect(Number(m![1])).toBeGreaterThan(left);
      expect(Number(m![2])).toBeLessThan(right);
    }
  });
});

describe('county 案卷目录', () => {
  it('lists volumes in 档号 order and keeps each signature with its date on one line', async () => {
    const vol = (n: number, name: string): VolumeEntry => ({
      archiveCode: `0001-WS·2025-D30-ZZB-J${String(n).padStart(4, '0')}`,
      title: `${name}2025年度选派干部工作实绩档案（石门镇前屯村）`,
      dateRange: { from: '2025-01-03', to: '2025-12-31' },
      items: 8,
      pages: 10,
      retention: '定期30年',
      remark: '',
    });
    // roster order: the first volume ever printed (J0001) belongs to the third cadre
    const volumes = [vol(2, '李春梅'), vol(3, '孙丽娟'), vol(1, '陈喆')];
    const out = path.join(dir, 'county.pdf');
    // unset in the archive settings: blank lines to sign by hand, the widest form
    const head = { county: '岚川县', year: 2025, compiler: '', checker: '', date: '2026-01-05', checkDate: '' };
    await writeCountyCatalogue(out, head, volumes, []);
    const text = run('pdftotext', ['-layout', out, '-']);
    const at = (name: string) => text.indexOf(name);
    expect(at('陈喆')).toBeGreaterThan(0);
    expect(at('陈喆')).toBeLessThan(at('李春梅'));
    expect(at('李春梅')).toBeLessThan(at('孙丽娟'));
    const lines = text.split('\n');
    for (const who of ['编制人', '审核人']) {
      const line = lines.find((l) => l.includes(`${who}：`));
      expect(line, who).toMatch(new RegExp(`${who}：＿+\\s*＿+年＿+月＿+日`));
    }
  });
});
