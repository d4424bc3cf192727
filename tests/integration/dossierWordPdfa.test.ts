/**
 * Word/WPS originals in a volume (our engine's rendition, LibreOffice's when installed, the
 * stand-in page when it is not) and PDF/A volumes that hold originals, read back from real PDFs.
 * Tests that need LibreOffice skip only when soffice is absent (.ci/run installs it).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AlignmentType, Document, HeadingLevel, ImageRun, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { PageSizes, rgb } from 'pdf-lib';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { composeDossier } from '../../main/dossier/compose/compose';
import { sofficePath } from '../../main/files/renditions/libreoffice';
import type { DossierDoc, Item } from '../../main/dossier/typeset/model';
import { makeSampleFiles, sampleDossier } from '../fixtures/dossierSample';
import { jpegWithExif, png } from '../fixtures/makeFiles';
import { encodePng } from '../../main/files/png';
import { blankPdf, grayPage, inkBox, originalsDoc, pdfItem } from '../fixtures/originals';

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
const squash = (s: string) => s.replace(/\s+/g, '');
const pages = (file: string, from: number, to: number) => squash(run('pdftotext', ['-f', String(from), '-l', String(to), file, '-']));
const soffice = sofficePath();
/** A 1×1 GIF. */
const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
/** `pdfimages -list` rows of pages from–to: type, width, height, encoding, x-ppi. */
const imagesOn = (file: string, from: number, to: number) =>
  run('pdfimages', ['-list', '-f', String(from), '-l', String(to), file])
    .split('\n')
    .slice(2)
    .filter(Boolean)
    .map((l) => l.trim().split(/\s+/))
    .map((c) => ({ type: c[2], width: Number(c[3]), height: Number(c[4]), enc: c[8], xppi: Number(c[12]) }));

let dir: string;
let base: DossierDoc;
let report: string;

function officeItem(file: string, name: string, format: 'docx' | 'doc' | 'wps', itemNo: number): Item {
  const p = pdfItem(base, file, name, itemNo);
  return { ...p, kind: 'office', format } as Item;
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-word-'));
  base = sampleDossier(await makeSampleFiles(dir));
  const picture = png(40, 30);
  const doc = new Document({
    numbering: {
      config: [{ reference: 'steps', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START }] }],
    },
    sections: [
      {
        children: [
          new Paragraph({ text: '关于村级集体经济发展的调研报告', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ children: [new TextRun('今年以来，青山村两委围绕壮大集体经济开展调研，走访农户56户，形成本报告。')] }),
          new Paragraph({ text: '一、基本情况', heading: HeadingLevel.HEADING_2 }),
          new Paragraph({ text: '成立合作社一个', numbering: { reference: 'steps', level: 0 } }),
          new Paragraph({ text: '建成蔬菜大棚十二座', numbering: { reference: 'steps', level: 0 } }),
          new Table({
            rows: [
              new TableRow({
                children: [
                  new TableCell({ children: [new Paragraph('项目名称')] }),
                  new TableCell({ children: [new Paragraph('投资额')] }),
                ],
              }),
              new TableRow({
                children: [
                  new TableCell({ children: [new Paragraph('蔬菜大棚')] }),
                  new TableCell({ children: [new Paragraph('12.5万元')] }),
                ],
              }),
            ],
          }),
          new Paragraph({
            children: [
              new ImageRun({
                type: 'png',
                data: picture,
                transformation: { width: 40, height: 30 },
                altText: { name: '现场照片', description: '现场照片', title: '现场照片' },
              }),
            ],
          }),
          // wider than the text block at its stated size (1200 px ≈ 317 mm): scaled down to 156 mm
          new Paragraph({
            children: [
              new ImageRun({
                type: 'jpg',
                data: jpegWithExif(1600, 800, null),
                transformation: { width: 1200, height: 600 },
                altText: { name: '大棚全景', description: '大棚全景', title: '大棚全景' },
              }),
            ],
          }),
          new Table({
            rows: [
              new TableRow({
                children: [new TableCell({ children: [new Paragraph('名称')] }), new TableCell({ children: [new Paragraph('照片')] })],
              }),
              new TableRow({
                children: [
                  new TableCell({ children: [new Paragraph('村级活动场所')] }),
                  new TableCell({
                    children: [
                      new Paragraph({
                        children: [
                          new ImageRun({ type: 'jpg', data: jpegWithExif(600, 400, null), transformation: { width: 600, height: 400 } }),
                        ],
                      }),
                    ],
                  }),
                ],
              }),
            ],
          }),
          // a format the engine does not print: named with the reason
          new Paragraph({
            children: [
              new ImageRun({
                type: 'gif',
                data: GIF,
                transformation: { width: 20, height: 20 },
                altText: { name: '动图', description: '动图', title: '动图' },
              }),
            ],
          }),
          new Paragraph({ text: '青山村驻村工作队', alignment: AlignmentType.RIGHT }),
        ],
      },
    ],
  });
  report = path.join(dir, 'report.docx');
  fs.writeFileSync(report, await Packer.toBuffer(doc));
});

afterEach(() => {
  delete process.env.ONEBAG_SOFFICE;
});

describe('Word originals', () => {
  it('typesets a .docx with our engine: headings, list numbers, tables, pictures in paragraphs and cells', async () => {
    const out = path.join(dir, 'engine.pdf');
    const r = await composeDossier(originalsDoc(base, [officeItem(report, '调研报告.docx', 'docx', 201)]), out, {
      wordRendition: 'engine',
    });
    const it = r.items[0]!;
    expect(it.kind).toBe('office');
    const last = it.startPage + it.pageCount - 1;
    const t = pages(out, it.startPage, last);
    for (const s of [
      '关于村级集体经济发展的调研报告',
      '走访农户56户',
      '一、基本情况',
      '1.成立合作社一个',
      '2.建成蔬菜大棚十二座',
      '项目名称',
      '12.5万元',
      '村级活动场所',
      '青山村驻村工作队',
    ]) {
      expect(t, s).toContain(s);
    }
    // the PNG and both JPEGs are printed (JPEG data embedded as is), the GIF is named with the reason
    const imgs = imagesOn(out, it.startPage, last);
    expect(imgs.map((i) => `${i.width}x${i.height}`).sort()).toEqual(['1600x800', '40x30', '600x400']);
    expect(imgs.filter((i) => i.enc === 'jpeg')).toHaveLength(2);
    expect(t).not.toContain('“现场照片”');
    expect(t).toContain('〔此处为原件中的图片“动图”，未排入本页（图片格式不是JPEG或PNG，无法排版），见电子原件〕');
    // at its own size (40 px at 96 dpi), never enlarged
    expect(imgs.find((i) => i.width === 40)!.xppi).toBe(96);
    // 1600 px shrunk into the 156 mm block: at least 1600 / (156 / 25.4) ppi
    expect(imgs.find((i) => i.width === 1600)!.xppi).toBeGreaterThanOrEqual(Math.floor(1600 / (156 / 25.4)));
    // 600 px stated as 159 mm, shrunk into its table column
    expect(imgs.find((i) => i.width === 600)!.xppi).toBeGreaterThan(96);
    expect(r.remarks.some((x) => x.includes('“调研报告.docx”') && x.includes('重新排版') && x.includes('其中1处图片未排入'))).toBe(true);
    if (process.env.DOSSIER_WORD_KEEP) fs.copyFileSync(out, process.env.DOSSIER_WORD_KEEP);
  });

  it.skipIf(!soffice)(
    'converts a .docx with LibreOffice, Chinese text in embedded fonts',
    async () => {
      const out = path.join(dir, 'lo.pdf');
      const r = await composeDossier(originalsDoc(base, [officeItem(report, '调研报告.docx', 'docx', 202)]), out, {
        wordRendition: 'libreoffice',
      });
      const it = r.items[0]!;
      expect(it.kind).toBe('office');
      const t = pages(out, it.startPage, it.startPage + it.pageCount - 1);
      expect(t).toContain('关于村级集体经济发展的调研报告');
      expect(t).toContain('12.5万元');
      for (const row of run('pdffonts', [out]).split('\n').slice(2).filter(Boolean)) expect(row).toMatch(/\byes\s+yes\s+yes\b/);
      expect(r.remarks.some((x) => x.includes('“调研报告.docx”') && x.includes('LibreOffice'))).toBe(true);
      // the page number is stamped top outside like any appended original
      // Printed numbers count from the first item (cover and 卷内目录 are unpaginated).
      expect(t).toContain(`—${it.pageNo}—`);
    },
    180_000,
  );

  it.skipIf(!soffice)(
    'prints a .doc (and a .wps named so) through LibreOffice',
    async () => {
      execFileSync(
        soffice!,
        [`-env:UserInstallation=file://${path.join(dir, 'lo-profile')}`, '--headless', '--convert-to', 'doc', '--outdir', dir, report],
        { stdio: 'ignore' },
      );
      const doc = path.join(dir, 'report.doc');
      const wps = path.join(dir, 'report-copy.wps');
      fs.copyFileSync(doc, wps);
      const out = path.join(dir, 'doc.pdf');
      const r = await composeDossier(
        originalsDoc(base, [officeItem(doc, '会议纪要.doc', 'doc', 203), officeItem(wps, '会议纪要.wps', 'wps', 204)]),
        out,
      );
      for (const it of r.items) {
        expect(it.kind).toBe('office');
        expect(pages(out, it.startPage, it.startPage + it.pageCount - 1)).toContain('关于村级集体经济发展的调研报告');
      }
    },
    240_000,
  );

  it('without LibreOffice: a .doc gets the stand-in page with the reason, a .docx falls back to our engine', async () => {
    process.env.ONEBAG_SOFFICE = 'none';
    const fakeDoc = path.join(dir, 'fake.doc');
    fs.writeFileSync(fakeDoc, Buffer.from('not really a doc'));
    const out = path.join(dir, 'none.pdf');
    const r = await composeDossier(
      originalsDoc(base, [officeItem(fakeDoc, '老文件.doc', 'doc', 205), officeItem(report, '调研报告.docx', 'docx', 206)]),
      out,
      { wordRendition: 'libreoffice' },
    );
    const [doc, docx] = r.items;
    expect(doc!.kind).toBe('unreadable');
    const page = pages(out, doc!.startPage, doc!.startPage);
    expect(page).toContain('老文件.doc');
    expect(page).toContain('本机未安装LibreOffice');
    expect(docx!.kind).toBe('office');
    expect(pages(out, docx!.startPage, docx!.startPage)).toContain('关于村级集体经济发展的调研报告');
    expect(r.remarks.some((x) => x.includes('“老文件.doc”') && x.includes('以说明页代替'))).toBe(true);
  });
});

describe('PDF/A volumes', () => {
  it('labels a volume with originals PDF/A-1b: originals become page images, every font embedded', async () => {
    const a3 = path.join(dir, 'a3.pdf');
    fs.writeFileSync(
      a3,
      await blankPdf(PageSizes.A3, 1, (p) => p.drawRectangle({ x: 300, y: 500, width: 200, height: 200, color: rgb(0, 0, 0) })),
    );
    const plain = path.join(dir, 'helv.pdf');
    fs.writeFileSync(
      plain,
      await blankPdf(PageSizes.A4, 1, (p) => p.drawText('Helvetica text, not embedded', { x: 60, y: 400, size: 18 })),
    );
    const enc = path.join(dir, 'enc.pdf');
    execFileSync('qpdf', ['--encrypt', '', 'owner', '256', '--', plain, enc]);
    const out = path.join(dir, 'pdfa.pdf');
    const r = await composeDossier(originalsDoc(base, [pdfItem(base, a3, 'a3.pdf', 210), pdfItem(base, enc, 'enc.pdf', 211)]), out, {
      pdfa: true,
    });
    expect(r.pdfa).toBe(true);
    const meta = run('pdfinfo', ['-meta', out]);
    expect(meta).toMatch(/pdfaid:part[^0-9]*1/);
    expect(run('pdfinfo', [out])).toMatch(/PDF version:\s+1\.4/);
    const fonts = run('pdffonts', [out]).split('\n').slice(2).filter(Boolean);
    expect(fonts.some((f) => /Helvetica/.test(f))).toBe(false);
    for (const f of fonts) expect(f).toMatch(/\byes\s+yes\s+yes\b/);
    // the originals are there as images, placed like appended pages (A3 fitted to A4)
    const page = grayPage(out, r.items[0]!.startPage);
    const sq = inkBox(page, 0, 100, page.width, page.height, 60)!;
    expect(Math.abs(sq.x1 - sq.x0 + 1 - 200 * 0.707)).toBeLessThanOrEqual(4);
    expect(run('pdfimages', ['-list', '-f', String(r.items[1]!.startPage), '-l', String(r.items[1]!.startPage), out])).toMatch(/image/);
    expect(run('qpdf', ['--check', out])).toContain('No syntax or stream encoding errors');
  });

  it('drops the label and names the original that prevents it', async () => {
    const alpha = path.join(dir, 'transparent.png');
    fs.writeFileSync(alpha, encodePng({ width: 20, height: 10, color: 'rgba', data: new Uint8Array(20 * 10 * 4).fill(128) }));
    const jpg = jpegWithExif(200, 160, null);
    const cut = path.join(dir, 'cut.jpg');
    fs.writeFileSync(cut, jpg.subarray(0, Math.floor(jpg.length * 0.7)));
    const out = path.join(dir, 'not-pdfa.pdf');
    const r = await composeDossier(
      originalsDoc(base, [pdfItem(base, alpha, '透明图.png', 212, 'image'), pdfItem(base, cut, '残缺.jpg', 213, 'image')]),
      out,
      { pdfa: true },
    );
    expect(r.pdfa).toBe(false);
    expect(r.warnings.some((w) => w.includes('未标注为 PDF/A') && w.includes('透明图.png') && w.includes('残缺.jpg'))).toBe(true);
    expect(run('pdfinfo', ['-meta', out])).not.toMatch(/pdfaid/);
  });
});
