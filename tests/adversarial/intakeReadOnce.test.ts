/**
 * Intake reads a file once: what is not a regular file is named for what it is, a symlink's target
 * is shown before filing, an oversized file is refused before it is read, and a file that changes
 * while it is copied is refused — each time with a Chinese message and the data folder unchanged.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attach, blobNames, dataFolderWithCadre, materialCount, onebag } from './intakeCli';
import { sparseFile } from './intakeFiles';
import { folderState } from './intakeFolderState';

let tmp: string;
let dataDir: string;
let inDir: string;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-adv-intake-'));
  dataDir = path.join(tmp, 'data');
  inDir = path.join(tmp, 'in');
  fs.mkdirSync(inDir);
  dataFolderWithCadre(dataDir);
});

it('the data folder is opened once first (its working folders exist before any attack)', async () => {
  expect((await onebag(dataDir, 'max-file-size')).code).toBe(0);
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function refused(files: string[], message: RegExp, extra: string[] = []): Promise<void> {
  const before = folderState(dataDir);
  const r = extra.length
    ? await onebag(dataDir, 'attach', '--cadre', '110101199003070015', '--category', '其他佐证材料', '--title', '佐证', ...extra, ...files)
    : await attach(dataDir, ...files);
  expect(r.code, r.err + r.out).toBe(1);
  expect(r.err).toMatch(message);
  expect(r.err).not.toMatch(/找不到文件/);
  expect(r.err).not.toMatch(/at .*\.ts:\d+/); // never a stack trace
  expect(folderState(dataDir)).toEqual(before);
}

describe('what is not a regular file is named as such', () => {
  it('a directory', async () => {
    const d = path.join(inDir, '扫描件.pdf');
    fs.mkdirSync(d);
    await refused([d], /「扫描件\.pdf」是目录（文件夹），不是文件/);
  });

  it('a FIFO (without hanging on the open)', async () => {
    const fifo = path.join(inDir, 'pipe.pdf');
    execFileSync('mkfifo', [fifo]);
    await refused([fifo], /「pipe\.pdf」是管道（FIFO），不是普通文件/);
  });

  it('a device', async () => {
    await refused(['/dev/zero'], /「zero」是设备文件，不是普通文件/);
  });

  it('a missing file is still "找不到文件"', async () => {
    const r = await attach(dataDir, path.join(inDir, 'nope.pdf'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/找不到文件「nope\.pdf」/);
  });
});

describe('a symbolic link', () => {
  it('shows where it points before filing the target', async () => {
    const doc = await PDFDocument.create();
    doc.addPage([595, 842]);
    const real = path.join(inDir, 'real', '真实文件.pdf');
    fs.mkdirSync(path.dirname(real));
    fs.writeFileSync(real, await doc.save());
    const link = path.join(inDir, '链接.pdf');
    fs.symlinkSync(real, link);
    const r = await attach(dataDir, link);
    expect(r.code, r.err).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe(`「链接.pdf」是符号链接 → ${fs.realpathSync(real)}`);
    expect(lines[1]).toMatch(/^已归档：张三《佐证》/);
  });

  it('a dangling link is refused naming its target', async () => {
    const link = path.join(inDir, 'dangling.pdf');
    fs.symlinkSync(path.join(inDir, 'gone.pdf'), link);
    await refused([link], /「dangling\.pdf」是符号链接，指向的「.*gone\.pdf」不存在或无法访问/);
  });
});

describe('the size cap is checked before reading', () => {
  it('a 1.5 GiB file is refused against the 1 GB default, also when raised for one run (the PDF parse budget)', async () => {
    const big = sparseFile(path.join(inDir, 'huge.pdf'), '%PDF-1.7\n', 1.5 * 1024 ** 3);
    await refused([big], /「huge\.pdf」大小为 1\.5 GB，超过原件大小上限 1 GB，无法归档/);
    await refused([big], /「huge\.pdf」是 1\.5 GB 的 PDF，超过可完整校验的上限 256 MB/, ['--max-file-size', '2G']);
  });

  it('the stored setting applies, and a nonsense value is refused', async () => {
    const f = sparseFile(path.join(inDir, 'two-mb.pdf'), '%PDF-1.7\n', 2 * 1024 * 1024);
    expect((await onebag(dataDir, 'max-file-size')).out).toBe('原件大小上限：1 GB');
    const set = await onebag(dataDir, 'max-file-size', '1M');
    expect(set.out).toBe('原件大小上限：1 MB（已保存）');
    await refused([f], /「two-mb\.pdf」大小为 2 MB，超过原件大小上限 1 MB/);
    const bad = await onebag(dataDir, 'max-file-size', 'lots');
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/原件大小上限“lots”无效/);
    expect((await onebag(dataDir, 'max-file-size', '1G')).code).toBe(0);
  });
});

describe('a file that changes while it is read is refused', () => {
  let child: ChildProcess | null = null;
  afterAll(() => {
    if (child?.pid) process.kill(child.pid);
  });

  it('more bytes than fstat promised (a /proc file says 0 bytes and has content)', async () => {
    const r = await attach(dataDir, '/proc/self/status');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/「status」在读取过程中变大了（被其他程序写入），无法确定应归档的内容，未归档/);
  });

  it('a file being rewritten by another process during the copy', async () => {
    const f = path.join(inDir, 'changing.pdf');
    sparseFile(f, '%PDF-1.7\n', 96 * 1024 * 1024);
    // Another process keeps shrinking and regrowing it by one page while we copy.
    child = spawn(
      process.execPath,
      [
        '-e',
        `const fs=require('fs');let i=0;setInterval(()=>{fs.truncateSync(${JSON.stringify(f)}, ${96 * 1024 * 1024} - (i++ % 2) * 4096)},2);process.stdout.write('go\\n')`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise<void>((resolve) => child!.stdout!.once('data', () => resolve()));
    await new Promise((r) => setTimeout(r, 50));
    const before = folderState(dataDir);
    const r = await attach(dataDir, f);
    process.kill(child.pid!);
    child = null;
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/「changing\.pdf」在读取过程中(变大了|被截断了|大小发生了变化|被修改了)/);
    expect(folderState(dataDir)).toEqual(before);
    expect(fs.readdirSync(path.join(dataDir, 'blobs', 'tmp'))).toEqual([]);
  });

  it('nothing was filed by any refused attempt', () => {
    expect(materialCount(dataDir)).toBe(1); // only the symlinked PDF
    expect(blobNames(dataDir).filter((n) => /[0-9a-f]{60}/.test(n))).toHaveLength(1);
  });
});
