/**
 * Hostile originals and imports for the intake tests and bench/intake-memory.bench.ts, generated
 * into a folder: sparse oversized files, decompression bombs (PNG, PDF streams, xlsx entries,
 * with honest and with lying sizes), truncated and damaged files, and PDFs with active content.
 * Large outputs are written in pieces so the generator itself stays small in memory.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { handWrittenPdf } from '../fixtures/makeFiles';

const MiB = 1024 * 1024;

/** A file of `size` bytes that starts with `head` and is sparse after it (no disk, no memory). */
export function sparseFile(file: string, head: string | Buffer, size: number): string {
  fs.writeFileSync(file, head);
  fs.truncateSync(file, size);
  return file;
}

/** zlib (or raw deflate) of `total` bytes of `fill`, compressed piece by piece. */
export function deflateRepeated(total: number, fill = 0, raw = false): Buffer {
  const piece = Buffer.alloc(Math.min(total, 4 * MiB), fill);
  const parts: Buffer[] = [];
  // Independent raw-deflate pieces, all but the last ended by a full flush: one valid stream.
  const header = raw ? Buffer.alloc(0) : Buffer.from([0x78, 0xda]);
  let left = total;
  let adler = 1;
  while (left > 0) {
    const n = Math.min(left, piece.length);
    const chunk = piece.subarray(0, n);
    parts.push(zlib.deflateRawSync(chunk, { level: 9, finishFlush: left - n === 0 ? zlib.constants.Z_FINISH : zlib.constants.Z_FULL_FLUSH }));
    adler = adler32(chunk, adler);
    left -= n;
  }
  const trailer = Buffer.alloc(raw ? 0 : 4);
  if (!raw) trailer.writeUInt32BE(adler >>> 0, 0);
  return Buffer.concat([header, ...parts, trailer]);
}

function adler32(buf: Buffer, start: number): number {
  let a = start & 0xffff;
  let b = (start >>> 16) & 0xffff;
  for (let i = 0; i < buf.length; ) {
    const end = Math.min(buf.length, i + 3800);
    for (; i < end; i++) {
      a += buf[i]!;
      b += a;
    }
    a %= 65521;
    b %= 65521;
  }
  return ((b << 16) | a) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length, 0);
  const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(td) >>> 0, 0);
  return Buffer.concat([len, td, crc]);
}

/** A complete, valid RGB PNG of width×height whose pixels are all black (compresses ~1000:1). */
export function blackPng(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  const raw = height * (1 + width * 3);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateRepeated(raw)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A PNG whose IHDR promises more rows than its IDAT holds (the lower part is missing). */
export function shortIdatPng(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateRepeated(Math.floor(height / 2) * (1 + width * 3))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A one-page PDF whose content stream is `stream` with the given dictionary entries. */
export function pdfWithContent(stream: Buffer, dictExtra: string, catalogExtra = '', extraObjects: string[] = []): Buffer {
  const objects = [
    `<< /Type /Catalog /Pages 2 0 R ${catalogExtra} >>`,
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>',
    `<< /Length ${stream.length} ${dictExtra} >>\nstream\n${stream.toString('latin1')}\nendstream`,
    ...extraObjects,
  ];
  return handWrittenPdf(objects);
}

/** A PDF whose single content stream inflates to `inflated` bytes from a tiny file. */
export function flateBombPdf(inflated: number): Buffer {
  return pdfWithContent(deflateRepeated(inflated, 0x20), '/Filter /FlateDecode');
}

/** A PDF that declares 2 pages but whose second page object is not a dictionary. */
export function brokenSecondPagePdf(): Buffer {
  return handWrittenPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R 5 0 R] /Count 2 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
    '<< /Length 0 >>\nstream\n\nendstream',
    '(this was page two)',
  ]);
}

/** A PDF of about `size` bytes: one page drawing one uncompressed image stream of random-looking bytes. */
export function writeBigImagePdf(file: string, size: number): string {
  const side = Math.floor(Math.sqrt(size / 3));
  const len = side * side * 3;
  const head =
    '%PDF-1.7\n' +
    '1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n' +
    '2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n' +
    '3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /XObject << /Im1 5 0 R >> >> >>\nendobj\n';
  const content = 'q 595 0 0 842 0 0 cm /Im1 Do Q';
  const obj4 = `4 0 obj\n<< /Length ${content.length} >>\nstream\n${content}\nendstream\nendobj\n`;
  const obj5 = `5 0 obj\n<< /Type /XObject /Subtype /Image /Width ${side} /Height ${side} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Length ${len} >>\nstream\n`;
  const fd = fs.openSync(file, 'w');
  const offsets: number[] = [];
  let pos = 0;
  const put = (s: string | Buffer) => {
    const b = typeof s === 'string' ? Buffer.from(s, 'latin1') : s;
    fs.writeSync(fd, b);
    pos += b.length;
  };
  put('%PDF-1.7\n');
  for (const part of head.slice(9).split(/(?=\d+ 0 obj)/)) {
    offsets.push(pos);
    put(part);
  }
  offsets.push(pos);
  put(obj4);
  offsets.push(pos);
  put(obj5);
  const piece = Buffer.alloc(4 * MiB);
  for (let i = 0; i < piece.length; i++) piece[i] = (i * 2654435761) >>> 24;
  for (let left = len; left > 0; left -= piece.length) put(piece.subarray(0, Math.min(left, piece.length)));
  put('\nendstream\nendobj\n');
  const xref = pos;
  put(`xref\n0 6\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`);
  put(`trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  fs.closeSync(fd);
  return file;
}

/**
 * A deflated ZIP (xlsx-shaped). Each entry is [name, data] or [name, {zeros: n}] (n bytes of '<'
 * compressed without ever being held); `lie` makes the central directory declare 1 KB sizes.
 */
export function deflatedZip(entries: Array<[string, string | { repeat: number }]>, lie = false): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of entries) {
    const isBomb = typeof content !== 'string';
    const plainLen = isBomb ? content.repeat : Buffer.byteLength(content);
    const data = isBomb ? deflateRepeated(content.repeat, 0x3c, true) : zlib.deflateRawSync(Buffer.from(content));
    const crc = isBomb ? 0 : zlib.crc32(Buffer.from(content)) >>> 0;
    const size = lie ? 1024 : plainLen;
    const nameBuf = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBuf, data);
    centrals.push(central, nameBuf);
    offset += 30 + nameBuf.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

/** An xlsx whose shared strings inflate to `inflated` bytes. */
export function sharedStringsBombXlsx(inflated: number, lie = false): Buffer {
  return deflatedZip(
    [
      ['[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'],
      ['xl/workbook.xml', '<?xml version="1.0"?><workbook/>'],
      ['xl/sharedStrings.xml', { repeat: inflated }],
    ],
    lie,
  );
}

export const write = (dir: string, name: string, bytes: Buffer): string => {
  const p = path.join(dir, name);
  fs.writeFileSync(p, bytes);
  return p;
};
