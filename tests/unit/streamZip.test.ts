/**
 * The streamed batch zip (the bundle's ZipWriter over a stream) read back by an independent
 * reader (JSZip, CRC checked) and by the bundle's own reader.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CAPS } from '../../main/exchange/bundle/caps';
import { ChunkReader } from '../../main/exchange/bundle/chunkReader';
import { readEntryData } from '../../main/exchange/bundle/entryData';
import { writeZip } from '../../main/exchange/bundle/streamZip';
import { openZipIndex } from '../../main/exchange/bundle/zipReader';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-zip-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function file(name: string, bytes: Buffer): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, bytes);
  return p;
}

describe('writeZip', () => {
  it('stores every file byte for byte under its Chinese name, with correct CRCs', async () => {
    // a file larger than one read chunk, a small one, an empty one
    const big = Buffer.alloc(700 * 1024);
    for (let i = 0; i < big.length; i++) big[i] = (i * 31 + (i >> 8)) & 0xff;
    const a = file('A.pdf', big);
    const b = file('b.pdf', Buffer.from('%PDF-1.4 small'));
    const c = file('c.pdf', Buffer.alloc(0));
    const out = path.join(dir, 'out.zip');
    const ws = fs.createWriteStream(out);
    const r = await writeZip(
      [
        { name: 'QH-2024-001 王建国.pdf', path: a },
        { name: '清河县2024年度案卷目录.pdf', path: b },
        { name: '空.pdf', path: c },
      ],
      ws,
    );
    ws.end();
    await finished(ws);
    expect(r.files).toBe(3);
    expect(fs.statSync(out).size).toBe(r.bytes);

    const zip = await JSZip.loadAsync(fs.readFileSync(out), { checkCRC32: true });
    expect(Object.keys(zip.files)).toEqual(['QH-2024-001 王建国.pdf', '清河县2024年度案卷目录.pdf', '空.pdf']);
    expect(Buffer.from(await zip.file('QH-2024-001 王建国.pdf')!.async('uint8array')).equals(big)).toBe(true);
    expect(await zip.file('清河县2024年度案卷目录.pdf')!.async('string')).toBe('%PDF-1.4 small');
    expect((await zip.file('空.pdf')!.async('uint8array')).length).toBe(0);
  });

  it('is read back by the bundle reader, each entry dated by its file', async () => {
    const a = file('a.pdf', Buffer.from('%PDF-1.7 第一卷'));
    const b = file('b.pdf', Buffer.alloc(300 * 1024, 5));
    const when = new Date(2024, 5, 30, 14, 22, 10);
    fs.utimesSync(a, when, when);
    const out = path.join(dir, 'out.zip');
    const ws = fs.createWriteStream(out);
    await writeZip(
      [
        { name: '甲.pdf', path: a },
        { name: '乙.pdf', path: b },
      ],
      ws,
    );
    ws.end();
    await finished(ws);

    const fh = await fs.promises.open(out, 'r');
    try {
      const index = await openZipIndex(fh, DEFAULT_CAPS);
      expect(index.entries.map((e) => [e.name, e.size])).toEqual([
        ['甲.pdf', fs.statSync(a).size],
        ['乙.pdf', 300 * 1024],
      ]);
      // the first central header's MS-DOS time and date (offsets 12 and 14): the file's, not today's
      const central = Buffer.alloc(16);
      await fh.read(central, 0, 16, index.cdOffset);
      expect([central.readUInt16LE(12), central.readUInt16LE(14)]).toEqual([
        (14 << 11) | (22 << 5) | 5,
        ((2024 - 1980) << 9) | (6 << 5) | 30,
      ]);
      const reader = new ChunkReader(fh, 0, index.cdOffset);
      for (const [e, src] of [
        [index.entries[0]!, a],
        [index.entries[1]!, b],
      ] as const) {
        const parts: Buffer[] = [];
        const { crcOk } = await readEntryData(reader, e, (c) => void parts.push(Buffer.from(c)));
        expect(crcOk).toBe(true);
        expect(Buffer.concat(parts).equals(fs.readFileSync(src))).toBe(true);
      }
    } finally {
      await fh.close();
    }
  });

  it('waits for a slow reader instead of buffering the files (backpressure)', async () => {
    const a = file('a.bin', Buffer.alloc(2 * 1024 * 1024, 7));
    let maxPending = 0;
    const chunks: Buffer[] = [];
    const slow = new Writable({
      highWaterMark: 64 * 1024,
      write(chunk: Buffer, _enc, cb) {
        chunks.push(chunk);
        maxPending = Math.max(maxPending, slow.writableLength);
        setImmediate(cb);
      },
    });
    await writeZip([{ name: 'a.bin', path: a }], slow);
    slow.end();
    await finished(slow);
    // never more than one read chunk (256 KiB) plus the stream's own mark waiting in memory
    expect(maxPending).toBeLessThanOrEqual(256 * 1024 + 64 * 1024);
    const zip = await JSZip.loadAsync(Buffer.concat(chunks), { checkCRC32: true });
    expect((await zip.file('a.bin')!.async('uint8array')).length).toBe(2 * 1024 * 1024);
  });

  it('rejects when the reader goes away mid-way (a cancelled download)', async () => {
    const a = file('a.bin', Buffer.alloc(3 * 1024 * 1024, 1));
    const out = new PassThrough({ highWaterMark: 16 * 1024 });
    const p = writeZip([{ name: 'a.bin', path: a }], out);
    setTimeout(() => out.destroy(), 10);
    await expect(p).rejects.toThrow();
  });

  it('rejects a file that does not exist', async () => {
    await expect(writeZip([{ name: 'x.pdf', path: path.join(dir, 'missing.pdf') }], new PassThrough())).rejects.toThrow();
  });
});
