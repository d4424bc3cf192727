/**
 * Hostile originals and imports for the intake tests and bench/intake-memory.bench.ts, generated
 * into a folder: sparse oversized files, decompression bombs (PNG, PDF streams, xlsx entries,
 * with honest and with lying sizes), truncated and damaged files, and PDFs with active content.
 * Large outputs are written in pieces so the generator itself stays small in memory.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { PLAIN_ENTRY, buildZip } from '../fixtures/hostileZip';
import { handWrittenPdf, rgbPng } from '../fixtures/makeFiles';

const MiB = 1024 * 1024;

/** A file of `size` bytes that starts with `head` and is sparse after it (no disk, no memory). */
export function sparseFile(file: string, head: string | Buffer, size: number): string {
  fs.writeFileSync(file, head);
  fs.truncateSync(file, size);
  return file;
}

/**
 * zlib (or raw deflate) of `total` bytes of `fill`. Every full 4 MB piece compresses to the same
 * bytes (independent blocks ended by a full flush), so it is compressed once and repeated: a
 * gigabyte bomb costs milliseconds. The Adler-32 is combined arithmetically the same way.
 */
export function deflateRepeated(total: number, fill = 0, raw = false): Buffer {
  const PIECE = 4 * MiB;
  const full = Math.floor(total / PIECE);
  const rest = total - full * PIECE;
  const piece = Buffer.alloc(PIECE, fill);
  const parts: Buffer[] = [];
  if (!raw) parts.push(Buffer.from([0x78, 0xda]));
  const flushed = zlib.deflateRawSync(piece, { level: 9, finishFlush: zlib.constants.Z_FULL_FLUSH });
  const pieceAdler = adler32(piece, 1);
  let adler = 1;
  for (let i = 0; i < full; i++) {
    parts.push(flushed);
    adler = adler32Combine(adler, pieceAdler, PIECE);
  }
  const last = piece.subarray(0, rest);
  parts.push(zlib.deflateRawSync(last, { level: 9 }));
  adler = adler32Combine(adler, adler32(last, 1), rest);
  if (!raw) {
    const trailer = Buffer.alloc(4);
    trailer.writeUInt32BE(adler >>> 0, 0);
    parts.push(trailer);
  }
  return Buffer.concat(parts);
}

const BASE = 65521;

function adler32(buf: Buffer, start: number): number {
  let a = start & 0xffff;
  let b = (start >>> 16) & 0xffff;
  for (let i = 0; i < buf.length; ) {
    const end = Math.min(buf.length, i + 3800);
    for (; i < end; i++) {
      a += buf[i]!;
      b += a;
    }
    a %= BASE;
    b %= BASE;
  }
  return ((b << 16) | a) >>> 0;
}

/** zlib's adler32_combine: the Adler-32 of A followed by B from those of A and B and B's length. */
function adler32Combine(adler1: number, adler2: number, len2: number): number {
  const rem = len2 % BASE;
  let sum1 = adler1 & 0xffff;
  let sum2 = (rem * sum1) % BASE;
  sum1 += (adler2 & 0xffff) + BASE - 1;
  sum2 += ((adler1 >>> 16) & 0xffff) + ((adler2 >>> 16) & 0xffff) + BASE - rem;
  if (sum1 >= BASE) sum1 -= BASE;
  if (sum1 >= BASE) sum1 -= BASE;
  if (sum2 >= BASE << 1) sum2 -= BASE << 1;
  if (sum2 >= BASE) sum2 -= BASE;
  return ((sum2 << 16) | sum1) >>> 0;
}

/** A complete, valid RGB PNG of width×height whose pixels are all black (compresses ~1000:1). */
export function blackPng(width: number, height: number): Buffer {
  return rgbPng(width, height, deflateRepeated(height * (1 + width * 3)));
}

/** A PNG whose IHDR promises more rows than its IDAT holds (the lower part is missing). */
export function shortIdatPng(width: number, height: number): Buffer {
  return rgbPng(width, height, deflateRepeated(Math.floor(height / 2) * (1 + width * 3)));
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
 * compressed without ever being held); `lie` makes the central directory declare 1 KB for those.
 */
export function deflatedZip(entries: Array<[string, string | { repeat: number }]>, lie = false): Buffer {
  return buildZip(
    entries.map(([name, content]) => {
      const isBomb = typeof content !== 'string';
      const plainLen = isBomb ? content.repeat : Buffer.byteLength(content);
      return {
        name,
        method: 8,
        raw: isBomb ? deflateRepeated(content.repeat, 0x3c, true) : zlib.deflateRawSync(Buffer.from(content)),
        crc: isBomb ? 0 : zlib.crc32(Buffer.from(content)) >>> 0,
        size: lie && isBomb ? 1024 : plainLen,
        ...PLAIN_ENTRY,
      };
    }),
  );
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
