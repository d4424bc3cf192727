/**
 * Originals in a printed volume, read back from the real PDF: encrypted-but-open files printed
 * from a decrypted rendition, damaged files replaced (never failing the volume), marks measured
 * in rendered pixels (page number top outside, stamp, ≥ 10 mm from the edge, no bottom number,
 * no shrink when there is room), A3/Letter fitted to A4 with a 备考表 line, landscape pages on a
 * turned sheet, unique subset tags after merging.
 */
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import PDFKit from 'pdfkit';
import { PageSizes, rgb } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { composeDossier, type ComposeResult } from '../../main/dossier/compose/compose';
import { resolveFontFiles } from '../../main/dossier/fonts';
import type { DossierDoc, Item } from '../../main/dossier/typeset/model';
import { makeSampleFiles, sampleDossier } from '../fixtures/dossierSample';
import { blankPdf, grayPage, inkBox, MM_PX, originalsDoc, pdfItem } from '../fixtures/originals';

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
const text = (file: string, p: number) => run('pdftotext', ['-layout', '-f', String(p), '-l', String(p), file, '-']);
const squash = (s: string) => s.replace(/\s+/g, '');
const pdfinfo = (file: string, p: number) => run('pdfinfo', ['-f', String(p), '-l', String(p), file]);

let dir: string;
let base: DossierDoc;
let out: string;
let result: ComposeResult;
const f: Record<string, string> = {};
const byName = (name: string) => result.items.find((i) => i.title === name)!;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-originals-'));
  base = sampleDossier(await makeSampleFiles(dir));
  const w = (name: string, bytes: Uint8Array) => {
    f[name] = path.join(dir, name);
    fs.writeFileSync(f[name]!, bytes);
  };
  w('blank.pdf', await blankPdf(PageSizes.A4, 2));
  // a black square well inside the page: nothing under any mark, so no shrink
  w(
    'square.pdf',
    await blankPdf(PageSizes.A4, 1, (p) => p.drawRectangle({ x: 200, y: 841.89 - 400, width: 100, height: 100, color: rgb(0, 0, 0) })),
  );
  // black band across the top: must be shrunk just enough to clear the stamp
  w(
    'topband.pdf',
    await blankPdf(PageSizes.A4, 1, (p) => p.drawRectangle({ x: 0, y: 841.89 - 60, width: 595.28, height: 60, color: rgb(0, 0, 0) })),
  );
  w('a3.pdf', await blankPdf(PageSizes.A3, 1, (p) => p.drawRectangle({ x: 300, y: 500, width: 100, height: 100, color: rgb(0, 0, 0) })));
  w(
    'letter.pdf',
    await blankPdf(PageSizes.Letter, 1, (p) => p.drawRectangle({ x: 250, y: 300, width: 50, height: 50, color: rgb(0, 0, 0) })),
  );
  w(
    'landscape.pdf',
    await blankPdf([841.89, 595.28], 1, (p) => p.drawRectangle({ x: 300, y: 250, width: 80, height: 80, color: rgb(0, 0, 0) })),
  );
  // encrypted copies made by qpdf: AES-256, RC4-128, AES-128 with an empty user password, and one that needs a password
  const plain = path.join(dir, 'plain.pdf');
  fs.writeFileSync(
    plain,
    await blankPdf(PageSizes.A4, 2, (p, i) => p.drawText(`ENCRYPTED-ORIGINAL page ${i + 1}`, { x: 60, y: 500, size: 20 })),
  );
  const enc = (name: string, args: string[]) => {
    f[name] = path.join(dir, name);
    execFileSync('qpdf', ['--allow-weak-crypto', '--encrypt', ...args, '--', plain, f[name]!]);
  };
  enc('aes256.pdf', ['', 'owner', '256']);
  enc('rc4.pdf', ['', 'owner', '128', '--use-aes=n']);
  enc('aes128.pdf', ['', 'owner', '128', '--use-aes=y']);
  enc('password.pdf', ['user-secret', 'owner', '256']);
  w('junk.pdf', Buffer.from('这不是 PDF，只是改了扩展名的文本文件。\n'.repeat(20)));
  const good = fs.readFileSync(f['square.pdf']!);
  w('truncated.pdf', good.subarray(0, Math.floor(good.length / 2)));
  // xref offsets all wrong: PDFium repairs, pdf-lib may not
  w('badxref.pdf', Buffer.from(fs.readFileSync(plain, 'latin1').replace(/(\d{10}) 00000 n/g, '0000000001 00000 n'), 'latin1'));
  const names = [
    'blank.pdf',
    'square.pdf',
    'topband.pdf',
    'a3.pdf',
    'letter.pdf',
    'landscape.pdf',
    'aes256.pdf',
    'rc4.pdf',
    'aes128.pdf',
    'password.pdf',
    'junk.pdf',
    'truncated.pdf',
    'badxref.pdf',
  ];
  const items: Item[] = names.map((n, i) => pdfItem(base, f[n]!, n, 100 + i));
  out = path.join(dir, 'volume.pdf');
  result = await composeDossier(originalsDoc(base, items), out);
}, 180_000);

describe('appended originals', () => {
  it('writes the volume whatever the originals, and it passes qpdf --check', () => {
    expect(fs.existsSync(out)).toBe(true);
    expect(run('qpdf', ['--check', out])).toContain('No syntax or stream encoding errors');
    expect(Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [out]))![1])).toBe(result.pages);
  });

  it('prints encrypted originals that open without a password from a decrypted rendition, noted in the 备考表', () => {
    for (const n of ['aes256.pdf', 'rc4.pdf', 'aes128.pdf']) {
      const it = byName(n);
      expect(it.kind, n).toBe('pdf');
      expect(it.pageCount).toBe(2);
      expect(text(out, it.startPage), n).toContain('ENCRYPTED-ORIGINAL page 1');
      expect(text(out, it.startPage + 1), n).toContain('ENCRYPTED-ORIGINAL page 2');
      expect(
        result.remarks.some((r) => r.includes(`“${n}”`) && r.includes('解密副本')),
        n,
      ).toBe(true);
    }
    expect(run('qpdf', ['--show-encryption', out])).toContain('File is not encrypted');
  });

  it('replaces what cannot be printed with a page naming the file, the reason and its SHA-256', () => {
    const cases: Array<[string, RegExp]> = [
      ['password.pdf', /需要打开密码/],
      ['junk.pdf', /损坏|不是有效的PDF/],
    ];
    for (const [n, why] of cases) {
      const it = byName(n);
      expect(it.kind, n).toBe('unreadable');
      const page = squash(text(out, it.startPage));
      expect(page).toContain(n);
      expect(page).toMatch(why);
      const sha = crypto.createHash('sha256').update(fs.readFileSync(f[n]!)).digest('hex');
      expect(page).toContain(sha);
      expect(
        result.remarks.some((r) => r.includes(`“${n}”`) && r.includes('以说明页代替')),
        n,
      ).toBe(true);
    }
    // the 备考表 (the last pages) carries those lines
    const closing = squash(text(out, result.pages - 1) + text(out, result.pages));
    expect(closing).toContain('备考表');
    expect(closing).toContain('password.pdf');
  });

  it('prints a damaged file PDFium can repair, or replaces it; either way it is accounted for', () => {
    const it = byName('badxref.pdf');
    if (it.kind === 'pdf') {
      expect(text(out, it.startPage)).toContain('ENCRYPTED-ORIGINAL page 1');
    } else {
      expect(it.kind).toBe('unreadable');
    }
    const t = byName('truncated.pdf');
    expect(['pdf', 'unreadable']).toContain(t.kind);
    if (t.kind === 'unreadable') expect(squash(text(out, t.startPage))).toContain('truncated.pdf');
  });

  it('stamps the page number in the top outside corner, ≥ 10 mm from the edges, never at the bottom', () => {
    const it = byName('blank.pdf');
    for (const n of [it.startPage, it.startPage + 1]) {
      const page = grayPage(out, n);
      const box = inkBox(page, 0, 0, page.width, page.height)!;
      expect(box, `page ${n}`).not.toBeNull();
      expect(box.x0, `left margin p${n}`).toBeGreaterThanOrEqual(10 * MM_PX);
      expect(box.y0, `top margin p${n}`).toBeGreaterThanOrEqual(10 * MM_PX);
      expect(page.width - 1 - box.x1, `right margin p${n}`).toBeGreaterThanOrEqual(10 * MM_PX);
      // nothing in the lower two thirds: no second number at the bottom
      expect(inkBox(page, 0, Math.round(page.height / 3), page.width, page.height), `bottom of p${n}`).toBeNull();
      const left = inkBox(page, 0, 0, Math.round(page.width * 0.3), Math.round(page.height / 3));
      const right = inkBox(page, Math.round(page.width * 0.7), 0, page.width, Math.round(page.height / 3));
      // The printed number counts from the first item: cover and 卷内目录 are unpaginated (DA/T 22).
      const printed = it.pageNo! + (n - it.startPage);
      if (printed % 2 === 1) {
        expect(right, `recto p${n}: number on the right`).not.toBeNull();
        expect(left, `recto p${n}: nothing on the left`).toBeNull();
      } else {
        expect(left, `verso p${n}: number on the left`).not.toBeNull();
        expect(right, `verso p${n}: nothing on the right`).toBeNull();
      }
      expect(squash(text(out, n))).toContain(`—${printed}—`);
    }
  });

  it('leaves an original at 100 % when nothing lies under the marks', () => {
    const it = byName('square.pdf');
    const page = grayPage(out, it.startPage);
    const box = inkBox(page, 0, Math.round(60 * MM_PX), page.width, page.height, 60)!;
    // drawn at x 200–300 pt, y 300–400 pt from the top; 72 dpi: 1 px = 1 pt
    expect(Math.abs(box.x0 - 200)).toBeLessThanOrEqual(2);
    expect(Math.abs(box.x1 - 299)).toBeLessThanOrEqual(2);
    expect(Math.abs(box.y0 - 300)).toBeLessThanOrEqual(2);
    expect(Math.abs(box.y1 - 399)).toBeLessThanOrEqual(2);
    expect(result.remarks.some((r) => r.includes('“square.pdf”'))).toBe(false);
  });

  it('shrinks an original only as far as the stamp needs', () => {
    const it = byName('topband.pdf');
    const page = grayPage(out, it.startPage);
    // black pixels in the middle columns (the stamp is red, the page number is in a corner)
    const band = inkBox(page, Math.round(page.width * 0.4), 0, Math.round(page.width * 0.6), page.height, 60)!;
    const whole = inkBox(page, 0, Math.round(band.y0 + 2), page.width, page.height, 60)!;
    const stampBottom = (11 + 16) * MM_PX;
    expect(band.y0).toBeGreaterThan(stampBottom);
    // just enough: the band keeps ≥ 85 % of its width
    expect(whole.x1 - whole.x0 + 1).toBeGreaterThan(0.85 * 595);
    expect(whole.x1 - whole.x0 + 1).toBeLessThan(595);
    expect(result.remarks.some((r) => r.includes('“topband.pdf”') && r.includes('缩小'))).toBe(true);
  });

  it('fits A3 and Letter pages to A4 and says so in the 备考表', () => {
    for (const [n, paper] of [
      ['a3.pdf', 'A3'],
      ['letter.pdf', 'Letter'],
    ] as const) {
      const it = byName(n);
      expect(pdfinfo(out, it.startPage), n).toMatch(/size:\s+595\.2\d x 841\.8\d/);
      expect(
        result.remarks.some((r) => r.includes(`“${n}”`) && r.includes(`${paper}幅面`) && r.includes('A4')),
        n,
      ).toBe(true);
    }
    // A3 → A4 is 70.7 %: the 100 pt square becomes ~71 px
    const a3 = grayPage(out, byName('a3.pdf').startPage);
    const sq = inkBox(a3, 0, Math.round(60 * MM_PX), a3.width, a3.height, 60)!;
    expect(Math.abs(sq.x1 - sq.x0 + 1 - 70.7)).toBeLessThanOrEqual(3);
  });

  it('puts landscape originals on a sheet turned like typeset landscape pages', () => {
    const it = byName('landscape.pdf');
    const info = pdfinfo(out, it.startPage);
    expect(info).toMatch(/size:\s+595\.2\d x 841\.8\d/);
    expect(info).toMatch(/rot:\s+90/);
  });

  it('gives every font subset its own tag after merging an original made by pdfkit', async () => {
    const own = path.join(dir, 'pdfkit-original.pdf');
    await new Promise<void>((resolve) => {
      const d = new PDFKit({ size: 'A4' });
      const s = fs.createWriteStream(own);
      s.on('finish', () => resolve());
      d.pipe(s);
      d.font(resolveFontFiles().serif).fontSize(20).text('另一个程序生成的原件', 100, 300);
      d.end();
    });
    const file = path.join(dir, 'tags.pdf');
    const r = await composeDossier(originalsDoc(base, [pdfItem(base, own, 'pdfkit-original.pdf', 300)]), file);
    const names = run('pdffonts', [file])
      .split('\n')
      .slice(2)
      .filter(Boolean)
      .map((l) => l.split(/\s+/)[0]!);
    const tagged = names.filter((n) => /^[A-Z]{6}\+/.test(n));
    expect(tagged.length).toBeGreaterThanOrEqual(3);
    expect(new Set(tagged).size).toBe(tagged.length);
    expect(squash(text(file, r.items[0]!.startPage))).toContain('另一个程序生成的原件');
  });
});
