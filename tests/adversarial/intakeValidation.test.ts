/**
 * Intake validates the whole file: PDF pages and the streams they draw, PNG and JPEG to their
 * end; content that contradicts the name; decompression bombs inside PDFs and xlsx imports; PDFs
 * with active content are filed but flagged. Every refusal is Chinese and leaves the folder as it was.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/store/db';
import { jpegWithExif } from '../fixtures/makeFiles';
import { attach, dataFolderWithCadre, onebag } from './intakeCli';
import {
  blackPng,
  brokenSecondPagePdf,
  deflateRepeated,
  flateBombPdf,
  pdfWithContent,
  sharedStringsBombXlsx,
  shortIdatPng,
  write,
} from './intakeFiles';
import { folderState } from './intakeFolderState';

let tmp: string;
let dataDir: string;
let inDir: string;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-adv-valid-'));
  dataDir = path.join(tmp, 'data');
  inDir = path.join(tmp, 'in');
  fs.mkdirSync(inDir);
  dataFolderWithCadre(dataDir);
  await onebag(dataDir, 'max-file-size');
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function refused(file: string, message: RegExp, ...cmd: string[]): Promise<void> {
  const before = folderState(dataDir);
  const r = cmd.length ? await onebag(dataDir, ...cmd, file) : await attach(dataDir, file);
  expect(r.code, r.out).toBe(1);
  expect(r.err).toMatch(message);
  expect(r.err).not.toMatch(/at .*\.ts:\d+|Error:/);
  expect(folderState(dataDir)).toEqual(before);
}

const flagsOf = (name: string): string => {
  const db = openDatabase(dataDir);
  try {
    return (
      db.prepare('SELECT b.flags FROM material_files mf JOIN blobs b ON b.sha256 = mf.sha256 WHERE mf.original_name = ?').get(name) as {
        flags: string;
      }
    ).flags;
  } finally {
    db.close();
  }
};

describe('PDF', () => {
  it('a page that cannot be read refuses the file (no more "共 1 页" for a 2-page file)', async () => {
    await refused(write(inDir, '两页.pdf', brokenSecondPagePdf()), /「两页\.pdf」已损坏（声明有 2 页，实际只能读出 1 页）/);
  });

  it('a content stream whose compressed data is corrupt', async () => {
    const junk = Buffer.concat([Buffer.from([0x78, 0x9c]), Buffer.from('this is not deflate data at all, not at all', 'latin1')]);
    await refused(
      write(inDir, '坏流.pdf', pdfWithContent(junk, '/Filter /FlateDecode')),
      /「坏流\.pdf」第 1 页的内容的压缩数据已损坏，无法解压/,
    );
  });

  it('a content stream that inflates past the budget (a 1 GiB bomb in a small file)', async () => {
    const bomb = flateBombPdf(1024 ** 3);
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    await refused(write(inDir, '炸弹.pdf', bomb), /「炸弹\.pdf」第 1 页的内容解压后过大（疑似压缩炸弹）/);
  });

  it('plain text named .pdf is refused, not printed as junk pages', async () => {
    await refused(
      write(inDir, '报告.pdf', Buffer.from('这是一段纯文本，不是 PDF。\n'.repeat(20))),
      /「报告\.pdf」的扩展名是 \.pdf（PDF 文档），但内容是纯文本，两者不符，无法归档/,
    );
  });

  it('a real PDF named .jpg is filed as a PDF and the user is told', async () => {
    const doc = await PDFDocument.create();
    doc.addPage([595, 842]);
    const r = await attach(dataDir, write(inDir, '扫描.jpg', Buffer.from(await doc.save())));
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/注意：「扫描\.jpg」的扩展名是 \.jpg（JPEG 图片），但内容实际是PDF 文档，已按PDF 文档归档/);
  });
});

describe('PDFs with active content are filed, flagged', () => {
  it('OpenAction JavaScript', async () => {
    const js = pdfWithContent(Buffer.from('BT ET'), '', '/OpenAction 5 0 R', ['<< /S /JavaScript /JS (app.alert\\(1\\)) >>']);
    const r = await attach(dataDir, write(inDir, '脚本.pdf', js));
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/注意：「脚本\.pdf」含脚本，已归档并标记/);
    expect(flagsOf('脚本.pdf')).toBe('script');
  });

  it('a launch action and an embedded file, with names hidden by #-escapes', async () => {
    const pdf = pdfWithContent(Buffer.from('BT ET'), '', '/OpenAction 5 0 R /Names << /Embedded#46iles 6 0 R >>', [
      '<< /S /L#61unch /F (cmd.exe) >>',
      '<< /Names [(a.exe) << /Type /Filespec /F (a.exe) /EF << /F 7 0 R >> >>] >>',
      '<< /Type /EmbeddedFile /Length 2 >>\nstream\nMZ\nendstream',
    ]);
    const r = await attach(dataDir, write(inDir, '附件.pdf', pdf));
    expect(r.code, r.err).toBe(0);
    expect(flagsOf('附件.pdf')).toBe('attachment,launch');
    expect(r.out).toMatch(/「附件\.pdf」含附件、含启动程序指令/);
  });

  it('an ordinary PDF has no flag', async () => {
    const doc = await PDFDocument.create();
    doc.addPage([595, 842]);
    expect((await attach(dataDir, write(inDir, '普通.pdf', Buffer.from(await doc.save())))).code).toBe(0);
    expect(flagsOf('普通.pdf')).toBe('');
  });
});

describe('images are complete', () => {
  it('a PNG cut off before IEND', async () => {
    const png = blackPng(400, 300);
    await refused(write(inDir, 'cut.png', png.subarray(0, png.length - 12)), /「cut\.png」不完整（缺少结束标记 IEND/);
  });

  it('a PNG with a damaged chunk (CRC mismatch)', async () => {
    const png = Buffer.from(blackPng(400, 300));
    png[45] = png[45]! ^ 0xff; // inside IDAT's data
    await refused(write(inDir, 'crc.png', png), /「crc\.png」已损坏（数据块 IDAT 的校验码不符）/);
  });

  it('a PNG whose image data stops half way', async () => {
    await refused(write(inDir, 'half.png', shortIdatPng(400, 300)), /「half\.png」不完整（图像数据不足，图片下部缺失）/);
  });

  it('a PNG bomb over the pixel limit (60000×60000) is refused from its header', async () => {
    await refused(write(inDir, 'bomb.png', blackPng(60000, 10)), /图片尺寸过大/);
  });

  it('a JPEG cut off before EOI', async () => {
    const jpg = jpegWithExif(320, 240, 1);
    await refused(write(inDir, 'cut.jpg', jpg.subarray(0, Math.floor(jpg.length * 0.7))), /「cut\.jpg」不完整（缺少结束标记/);
  });

  it('complete images are filed', async () => {
    expect(
      (await attach(dataDir, write(inDir, 'ok.png', blackPng(400, 300)), write(inDir, 'ok.jpg', jpegWithExif(320, 240, 6)))).code,
    ).toBe(0);
  });
});

describe('imports: xlsx entries are bounded before parsing', () => {
  it('shared strings that inflate to 150 MB are refused by the declared size', async () => {
    await refused(
      write(inDir, 'roster.xlsx', sharedStringsBombXlsx(150 * 1024 * 1024)),
      /内部条目「xl\/sharedStrings\.xml」解压后有 150 MB，超过单项上限 64 MB（疑似压缩炸弹）/,
      'import-roster',
    );
  });

  it('a central directory that lies (declares 1 KB) is caught while inflating', async () => {
    await refused(
      write(inDir, 'liar.xlsx', sharedStringsBombXlsx(150 * 1024 * 1024, true)),
      /内部条目「xl\/sharedStrings\.xml」实际解压后超过上限（目录中声明的大小不实，疑似压缩炸弹）/,
      'import-roster',
    );
  });

  it('a modest ratio bomb under the size cap is refused by its ratio', async () => {
    // 40 MB of one byte compresses ~1000:1.
    expect(deflateRepeated(40 * 1024 * 1024, 0x3c, true).length).toBeLessThan(100_000);
    await refused(write(inDir, 'ratio.xlsx', sharedStringsBombXlsx(40 * 1024 * 1024)), /压缩比异常/, 'import-roster');
  });
});
