/**
 * A zip of files on disk written to a stream, one file at a time in bounded memory: entries are
 * stored (PDFs are compressed already), each file is read in chunks with its CRC-32 computed on the
 * way, and a data descriptor follows it. Names are UTF-8 (flag bit 11), so Chinese file names open
 * correctly in Windows Explorer, WPS and unzip. ZIP64 records are written only when a size or an
 * offset passes 4 GiB, so ordinary archives stay readable by old tools.
 */
import fs from 'node:fs';
import type { Writable } from 'node:stream';
import zlib from 'node:zlib';

export interface ZipEntry {
  /** The name inside the archive (no folders, no leading slash). */
  name: string;
  /** The file on disk. */
  path: string;
}

const MAX32 = 0xffffffff;
const MAX16 = 0xffff;
const FLAGS = 0x0808; // bit 3: sizes and CRC in a data descriptor; bit 11: UTF-8 names
const CHUNK = 256 * 1024;

interface Written {
  name: Buffer;
  crc: number;
  size: number;
  offset: number;
  zip64: boolean;
  dosTime: number;
  dosDate: number;
}

function dosDateTime(d: Date): { dosTime: number; dosDate: number } {
  const year = Math.max(1980, d.getFullYear());
  return {
    dosTime: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
    dosDate: ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

/** Writes to the stream, waiting for 'drain' when it is full (the caller's memory stays bounded). */
async function put(out: Writable, buf: Buffer): Promise<void> {
  if (out.destroyed) throw new Error('zip output closed');
  if (!out.write(buf)) {
    await new Promise<void>((resolve, reject) => {
      const done = (err?: Error) => {
        out.off('drain', ok);
        out.off('close', closed);
        out.off('error', done);
        if (err) reject(err);
        else resolve();
      };
      const ok = () => done();
      const closed = () => done(new Error('zip output closed'));
      out.on('drain', ok);
      out.on('close', closed);
      out.on('error', done);
    });
  }
}

function localHeader(e: Written): Buffer {
  const extra = e.zip64 ? Buffer.alloc(20) : Buffer.alloc(0);
  if (e.zip64) {
    extra.writeUInt16LE(0x0001, 0);
    extra.writeUInt16LE(16, 2);
    // sizes are in the descriptor; zeros here as the format allows with bit 3
  }
  const h = Buffer.alloc(30);
  h.writeUInt32LE(0x04034b50, 0);
  h.writeUInt16LE(e.zip64 ? 45 : 20, 4);
  h.writeUInt16LE(FLAGS, 6);
  h.writeUInt16LE(0, 8); // stored
  h.writeUInt16LE(e.dosTime, 10);
  h.writeUInt16LE(e.dosDate, 12);
  h.writeUInt32LE(0, 14);
  h.writeUInt32LE(e.zip64 ? MAX32 : 0, 18);
  h.writeUInt32LE(e.zip64 ? MAX32 : 0, 22);
  h.writeUInt16LE(e.name.length, 26);
  h.writeUInt16LE(extra.length, 28);
  return Buffer.concat([h, e.name, extra]);
}

function descriptor(e: Written): Buffer {
  const d = Buffer.alloc(e.zip64 ? 24 : 16);
  d.writeUInt32LE(0x08074b50, 0);
  d.writeUInt32LE(e.crc >>> 0, 4);
  if (e.zip64) {
    d.writeBigUInt64LE(BigInt(e.size), 8);
    d.writeBigUInt64LE(BigInt(e.size), 16);
  } else {
    d.writeUInt32LE(e.size, 8);
    d.writeUInt32LE(e.size, 12);
  }
  return d;
}

function centralHeader(e: Written): Buffer {
  const bigSize = e.zip64 || e.size >= MAX32;
  const bigOffset = e.offset >= MAX32;
  const parts: Buffer[] = [];
  if (bigSize) {
    const b = Buffer.alloc(16);
    b.writeBigUInt64LE(BigInt(e.size), 0);
    b.writeBigUInt64LE(BigInt(e.size), 8);
    parts.push(b);
  }
  if (bigOffset) {
    const b = Buffer.alloc(8);
    b.writeBigUInt64LE(BigInt(e.offset), 0);
    parts.push(b);
  }
  const body = Buffer.concat(parts);
  const extra = body.length ? Buffer.concat([Buffer.from([0x01, 0x00, body.length & 0xff, body.length >> 8]), body]) : body;
  const h = Buffer.alloc(46);
  h.writeUInt32LE(0x02014b50, 0);
  h.writeUInt16LE(0x0300 | (extra.length ? 45 : 20), 4); // made by Unix
  h.writeUInt16LE(extra.length ? 45 : 20, 6);
  h.writeUInt16LE(FLAGS, 8);
  h.writeUInt16LE(0, 10);
  h.writeUInt16LE(e.dosTime, 12);
  h.writeUInt16LE(e.dosDate, 14);
  h.writeUInt32LE(e.crc >>> 0, 16);
  h.writeUInt32LE(bigSize ? MAX32 : e.size, 20);
  h.writeUInt32LE(bigSize ? MAX32 : e.size, 24);
  h.writeUInt16LE(e.name.length, 28);
  h.writeUInt16LE(extra.length, 30);
  h.writeUInt16LE(0, 32);
  h.writeUInt16LE(0, 34);
  h.writeUInt16LE(0, 36);
  h.writeUInt32LE((0o100644 << 16) >>> 0, 38);
  h.writeUInt32LE(bigOffset ? MAX32 : e.offset, 42);
  return Buffer.concat([h, e.name, extra]);
}

function endRecords(count: number, cdOffset: number, cdSize: number): Buffer {
  const need64 = count >= MAX16 || cdOffset >= MAX32 || cdSize >= MAX32;
  const parts: Buffer[] = [];
  if (need64) {
    const z = Buffer.alloc(56);
    z.writeUInt32LE(0x06064b50, 0);
    z.writeBigUInt64LE(44n, 4);
    z.writeUInt16LE(45, 12);
    z.writeUInt16LE(45, 14);
    z.writeBigUInt64LE(BigInt(count), 24);
    z.writeBigUInt64LE(BigInt(count), 32);
    z.writeBigUInt64LE(BigInt(cdSize), 40);
    z.writeBigUInt64LE(BigInt(cdOffset), 48);
    const loc = Buffer.alloc(20);
    loc.writeUInt32LE(0x07064b50, 0);
    loc.writeBigUInt64LE(BigInt(cdOffset + cdSize), 8);
    loc.writeUInt32LE(1, 16);
    parts.push(z, loc);
  }
  const e = Buffer.alloc(22);
  e.writeUInt32LE(0x06054b50, 0);
  e.writeUInt16LE(Math.min(count, MAX16), 8);
  e.writeUInt16LE(Math.min(count, MAX16), 10);
  e.writeUInt32LE(Math.min(cdSize, MAX32), 12);
  e.writeUInt32LE(Math.min(cdOffset, MAX32), 16);
  parts.push(e);
  return Buffer.concat(parts);
}

/**
 * Streams a stored zip of `entries` into `out` (left open; the caller ends it). Rejects if a file
 * cannot be read or the output closes early (a cancelled download).
 */
export async function writeZip(entries: ZipEntry[], out: Writable): Promise<{ bytes: number; files: number }> {
  const written: Written[] = [];
  let offset = 0;
  const buf = Buffer.alloc(CHUNK);
  for (const entry of entries) {
    const fd = fs.openSync(entry.path, 'r');
    try {
      const st = fs.fstatSync(fd);
      const e: Written = {
        name: Buffer.from(entry.name, 'utf8'),
        crc: 0,
        size: 0,
        offset,
        zip64: st.size >= MAX32,
        ...dosDateTime(st.mtime),
      };
      const head = localHeader(e);
      await put(out, head);
      offset += head.length;
      for (;;) {
        const n = fs.readSync(fd, buf, 0, CHUNK, null);
        if (n === 0) break;
        const chunk = Buffer.from(buf.subarray(0, n));
        e.crc = zlib.crc32(chunk, e.crc);
        e.size += n;
        await put(out, chunk);
      }
      offset += e.size;
      const desc = descriptor(e);
      await put(out, desc);
      offset += desc.length;
      written.push(e);
    } finally {
      fs.closeSync(fd);
    }
  }
  const cdOffset = offset;
  let cdSize = 0;
  for (const e of written) {
    const c = centralHeader(e);
    await put(out, c);
    cdSize += c.length;
  }
  const end = endRecords(written.length, cdOffset, cdSize);
  await put(out, end);
  return { bytes: cdOffset + cdSize + end.length, files: written.length };
}
