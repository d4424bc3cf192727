import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMaterial } from '../../main/core/bag/bag';
import { BlobStore } from '../../main/files/blobStore';
import { sha256File } from '../../main/files/durableFiles';
import { inspectFile } from '../../main/files/inspect';
import { Staging } from '../../main/files/staging';
import { openDatabase, type Db } from '../../main/store/db';
import type { MaterialInput } from '../../shared/api/bag';
import { AppError } from '../../shared/result';
import { docx, encryptedPdf, handWrittenPdf, jpegWithExif, ofd, pdfkitPdf, pdfLibPdf, png, tiff, xlsx } from '../fixtures/makeFiles';

let dir: string;
let db: Db;
let blobs: BlobStore;
let cadreId: number;

const write = (name: string, bytes: Buffer | string) => {
  const p = path.join(dir, 'in', name);
  fs.writeFileSync(p, bytes);
  return p;
};

const material: MaterialInput = {
  category: '其他佐证材料',
  title: '佐证材料',
  date: '2024-03-01',
  year: 2024,
  responsible: null,
  docNumber: null,
  secrecy: '公开',
  notes: null,
};

/** Inspection refuses with FILE_REFUSED, a message naming the file, and nothing stored. */
async function expectRefused(name: string, bytes: Buffer, reason: RegExp) {
  const p = write(name, bytes);
  const err = await inspectFile(p, name).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe('FILE_REFUSED');
  expect((err as AppError).message).toContain(`「${name}」`);
  expect((err as AppError).message).toMatch(reason);
  // The same refusal through addMaterial, next to a good file: no blob, no row.
  const good = write('good.pdf', await pdfLibPdf(1));
  await expect(
    addMaterial(db, blobs, cadreId, material, [
      { path: good, name: 'good.pdf' },
      { path: p, name },
    ]),
  ).rejects.toThrow(`「${name}」`);
  const stored = fs.readdirSync(path.join(dir, 'blobs'), { recursive: true }).filter((f) => !String(f).startsWith('tmp'));
  expect(stored).toEqual([]);
  expect(fs.readdirSync(path.join(dir, 'blobs', 'tmp'))).toEqual([]);
  for (const t of ['materials', 'material_files', 'blobs', 'material_fts', 'audit_log']) {
    expect(db.prepare(`SELECT COUNT(*) FROM ${t}`).pluck().get()).toBe(0);
  }
  return (err as AppError).message;
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-files-'));
  fs.mkdirSync(path.join(dir, 'in'));
  db = openDatabase(dir);
  blobs = new BlobStore(dir);
  cadreId = Number(
    db
      .prepare(
        `INSERT INTO cadres (name, gender, id_number, party_status, level, post_type, created_at, updated_at)
         VALUES ('张三', '男', '110101199003070015', '中共党员', '县级', '村党组织第一书记', 'x', 'x')`,
      )
      .run().lastInsertRowid,
  );
});
afterAll(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('inspectFile accepts', () => {
  it('PDFs from pdf-lib and pdfkit, with page counts, whatever the extension', async () => {
    expect(await inspectFile(write('a.pdf', await pdfLibPdf(2)), 'a.pdf')).toMatchObject({
      kind: 'pdf',
      mime: 'application/pdf',
      pageCount: 2,
    });
    const kit = await pdfkitPdf(3);
    expect(await inspectFile(write('扫描件.jpg', kit), '扫描件.jpg')).toMatchObject({ kind: 'pdf', pageCount: 3, size: kit.length });
  });

  it('a PDF with junk before %PDF', async () => {
    const junk = Buffer.concat([Buffer.from('X-Mailer: gateway\r\n\r\n'), await pdfLibPdf(4)]);
    expect(await inspectFile(write('邮件附件.pdf', junk), '邮件附件.pdf')).toMatchObject({ kind: 'pdf', pageCount: 4 });
  });

  it('a PDF whose xref table points nowhere (pdf-lib parses objects, not offsets)', async () => {
    const broken = (await pdfkitPdf(2)).toString('latin1').replace(/startxref\n\d+/, 'startxref\n999999');
    expect(await inspectFile(write('坏索引.pdf', Buffer.from(broken, 'latin1')), '坏索引.pdf')).toMatchObject({ pageCount: 2 });
  });

  it('a JPEG with EXIF orientation 6, PNG and TIFF with their sizes', async () => {
    expect(await inspectFile(write('照片.jpg', jpegWithExif(40, 30, 6)), '照片.jpg')).toMatchObject({
      kind: 'jpeg',
      width: 40,
      height: 30,
      orientation: 6,
      pageCount: null,
    });
    expect(await inspectFile(write('plain.jpg', jpegWithExif(16, 8, null)), 'plain.jpg')).toMatchObject({ orientation: 1 });
    expect(await inspectFile(write('图.png', png(20, 10)), '图.png')).toMatchObject({
      kind: 'png',
      width: 20,
      height: 10,
      orientation: null,
    });
    expect(await inspectFile(write('scan.tif', tiff(12, 9, 8, 600_000)), 'scan.tif')).toMatchObject({
      kind: 'tiff',
      width: 12,
      height: 9,
      orientation: 8,
    });
  });

  it('office documents, OFD and text', async () => {
    expect((await inspectFile(write('a.docx', await docx()), 'a.docx')).kind).toBe('docx');
    expect((await inspectFile(write('a.xlsx', await xlsx()), 'a.xlsx')).kind).toBe('xlsx');
    expect((await inspectFile(write('a.ofd', ofd()), 'a.ofd')).kind).toBe('ofd');
    expect((await inspectFile(write('日志.txt', '3月1日 走访农户5户\n'), '日志.txt')).kind).toBe('text');
  });
});

describe('inspectFile refuses, naming the file, leaving nothing behind', () => {
  it('a PDF that needs a password', async () => {
    const msg = await expectRefused('扫描件.pdf', encryptedPdf('secret'), /需要打开密码/);
    expect(msg).toBe('「扫描件.pdf」需要打开密码，无法归档。请向来文单位索取不设打开密码的文件');
  });

  it('not an encrypted PDF with an empty user password: it opens without one, so it is accepted', async () => {
    expect(await inspectFile(write('限制编辑.pdf', encryptedPdf('empty')), '限制编辑.pdf')).toMatchObject({ kind: 'pdf', pageCount: 1 });
  });

  it('an empty file', async () => {
    await expectRefused('空白.pdf', Buffer.alloc(0), /空文件/);
  });

  it('a truncated PDF', async () => {
    const pdf = await pdfkitPdf(3);
    await expectRefused('截断.pdf', pdf.subarray(0, Math.floor(pdf.length / 2)), /不完整/);
  });

  it('garbage after a PDF header', async () => {
    const garbage = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(5000, 0x07), Buffer.from('\n%%EOF\n')]);
    await expectRefused('乱码.pdf', garbage, /已损坏/);
  });

  it('a PDF without pages', async () => {
    const noPages = handWrittenPdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [] /Count 0 >>']);
    await expectRefused('无页.pdf', noPages, /没有任何页面/);
  });

  it('a PNG header claiming 50000×50000 pixels', async () => {
    await expectRefused('炸弹.png', png(4, 4, { width: 50_000, height: 50_000 }), /尺寸过大（50000×50000 像素）/);
  });

  it('an image over 200 megapixels though each side is allowed', async () => {
    await expectRefused('超大.png', png(4, 4, { width: 16_000, height: 14_000 }), /尺寸过大（16000×14000 像素）/);
  });

  it('an arithmetic-coded JPEG, which viewers and printers cannot show', async () => {
    const jpg = jpegWithExif(16, 16, null);
    jpg[jpg.indexOf(Buffer.from([0xff, 0xc0])) + 1] = 0xc9;
    await expectRefused('算术.jpg', jpg, /算术编码/);
  });

  it('an unknown type', async () => {
    await expectRefused('程序.exe', Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00]), /无法识别的文件类型/);
  });
});

describe('Staging', () => {
  it('receives chunks, refuses more than declared, discards', () => {
    const staging = new Staging(dir);
    const token = staging.begin('会议记录.pdf', 6);
    expect(token).toMatch(/^[0-9a-f]{32}$/);
    return (async () => {
      expect(await staging.chunk(token, Buffer.from('abc').toString('base64'))).toEqual({ received: 3 });
      expect(() => staging.end(token)).toThrow('「会议记录.pdf」上传不完整');
      expect(fs.existsSync(staging.pathOf(token))).toBe(false);

      const t2 = staging.begin('b.pdf', 4);
      await staging.chunk(t2, Buffer.from('ab').toString('base64'));
      await expect(staging.chunk(t2, Buffer.from('cde').toString('base64'))).rejects.toThrow('超过了声明的大小');
      expect(fs.existsSync(staging.pathOf(t2))).toBe(false);

      const t3 = staging.begin('c.txt', 5);
      await staging.chunk(t3, Buffer.from('hello').toString('base64'));
      const done = staging.end(t3);
      expect(done).toMatchObject({ token: t3, name: 'c.txt', size: 5 });
      expect(fs.readFileSync(done.path, 'utf8')).toBe('hello');
      staging.discard(t3);
      expect(fs.existsSync(done.path)).toBe(false);
      expect(() => staging.end(t3)).toThrow('已失效');
      expect(() => staging.pathOf('../../etc/passwd')).toThrow('已失效');
    })();
  });

  it('copies from a path and removes leftovers older than a day on start', async () => {
    const staging = new Staging(dir);
    const src = write('拖入.pdf', await pdfLibPdf(1));
    const staged = await staging.stageFromPath(src, '拖入.pdf');
    expect(staged.size).toBe(fs.statSync(src).size);
    expect(staging.get(staged.token).name).toBe('拖入.pdf');
    const old = new Date(Date.now() - 25 * 3600 * 1000);
    fs.utimesSync(staged.path, old, old);
    const fresh = await staging.stageFromPath(src);
    new Staging(dir);
    expect(fs.existsSync(staged.path)).toBe(false);
    expect(fs.existsSync(fresh.path)).toBe(true);
    await expect(staging.stageFromPath(path.join(dir, 'nope.pdf'))).rejects.toThrow('找不到文件「nope.pdf」');
  });
});

describe('BlobStore', () => {
  it('stores by hash under ab/cdef…, read-only, once', async () => {
    const store = new BlobStore(path.join(dir, 'other'));
    const bytes = await pdfLibPdf(1);
    const p = write('x.pdf', bytes);
    const a = await store.put(p);
    const b = await store.put(p);
    expect(a).toEqual(b);
    expect(a.sha256).toBe(crypto.createHash('sha256').update(bytes).digest('hex'));
    expect(await sha256File(p)).toEqual(a);
    expect(store.pathOf(a.sha256)).toBe(path.join(dir, 'other', 'blobs', a.sha256.slice(0, 2), a.sha256.slice(2)));
    expect(store.has(a.sha256)).toBe(true);
    expect(store.has('0'.repeat(64))).toBe(false);
    if (process.platform !== 'win32') expect(fs.statSync(store.pathOf(a.sha256)).mode & 0o777).toBe(0o444);
    expect(fs.readdirSync(path.join(dir, 'other', 'blobs', 'tmp'))).toEqual([]);
    const chunks: Buffer[] = [];
    for await (const c of store.createReadStream(a.sha256)) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).equals(bytes)).toBe(true);
  });
});
