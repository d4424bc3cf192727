/**
 * Image facts read from headers only (never decoding pixels): size, EXIF orientation and,
 * for JPEG, the coding process, because PDF viewers and printers only handle 8-bit
 * baseline/progressive Huffman JPEGs.
 */
import { imageSize } from 'image-size';

export interface ImageFacts {
  width: number;
  height: number;
  /** EXIF orientation 1..8 (1 when absent) for JPEG/TIFF, null for PNG. */
  orientation: number | null;
  /** Set when the JPEG uses a coding that will not print (arithmetic, lossless, 12-bit…). */
  unsupportedCoding?: string;
}

/** Decompression-bomb limits: a 200 MP image needs ≥ 600 MB once decoded. */
export const MAX_PIXELS = 200_000_000;
export const MAX_SIDE = 30_000;

export function isBomb(f: { width: number; height: number }): boolean {
  return f.width > MAX_SIDE || f.height > MAX_SIDE || f.width * f.height > MAX_PIXELS;
}

type Reader = (offset: number, length: number) => Buffer;

/** Reads TIFF IFD0 tags (SHORT or LONG values); `read` is relative to the TIFF header. */
export function tiffTags(read: Reader, tags: number[]): Map<number, number> {
  const out = new Map<number, number>();
  const h = read(0, 8);
  if (h.length < 8) return out;
  const order = h.toString('latin1', 0, 2);
  if (order !== 'II' && order !== 'MM') return out;
  const le = order === 'II';
  const u16 = (b: Buffer, o: number) => (le ? b.readUInt16LE(o) : b.readUInt16BE(o));
  const u32 = (b: Buffer, o: number) => (le ? b.readUInt32LE(o) : b.readUInt32BE(o));
  const ifd = u32(h, 4);
  const countBuf = read(ifd, 2);
  if (countBuf.length < 2) return out;
  const count = Math.min(u16(countBuf, 0), 1000);
  const entries = read(ifd + 2, count * 12);
  for (let e = 0; e + 12 <= entries.length; e += 12) {
    const tag = u16(entries, e);
    if (!tags.includes(tag)) continue;
    const type = u16(entries, e + 2);
    if (type === 3)
      out.set(tag, u16(entries, e + 8)); // SHORT
    else if (type === 4) out.set(tag, u32(entries, e + 8)); // LONG
  }
  return out;
}

const bufferReader =
  (buf: Buffer, base: number, end = buf.length): Reader =>
  (offset, length) =>
    buf.subarray(Math.min(end, base + offset), Math.min(end, base + offset + length));

const validOrientation = (o: number | null | undefined): number => (o != null && o >= 1 && o <= 8 ? o : 1);

const SOF_NAMES: Record<number, string> = {
  0xc3: '无损编码',
  0xc5: '差分编码',
  0xc6: '差分渐进编码',
  0xc7: '差分无损编码',
  0xc9: '算术编码',
  0xca: '算术渐进编码',
  0xcb: '算术无损编码',
  0xcd: '差分算术编码',
  0xce: '差分算术渐进编码',
  0xcf: '差分算术无损编码',
};

/** Walks JPEG markers up to the first SOF. Returns null when the header is broken. */
export function jpegFacts(buf: Buffer): ImageFacts | null {
  let orientation: number | null = null;
  let p = 2;
  while (p + 4 <= buf.length) {
    if (buf[p] !== 0xff) return null;
    const marker = buf[p + 1]!;
    if (marker === 0xff) {
      p++; // fill byte
      continue;
    }
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      p += 2;
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return null; // image data before any frame header
    const len = buf.readUInt16BE(p + 2);
    const seg = p + 4;
    if (marker === 0xe1 && buf.toString('latin1', seg, seg + 6) === 'Exif\0\0' && orientation === null) {
      const exif = tiffTags(bufferReader(buf, seg + 6, Math.min(buf.length, p + 2 + len)), [0x0112]);
      orientation = exif.get(0x0112) ?? null;
    }
    const isSof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isSof) {
      if (seg + 5 > buf.length) return null;
      const precision = buf[seg]!;
      const height = buf.readUInt16BE(seg + 1);
      const width = buf.readUInt16BE(seg + 3);
      const facts: ImageFacts = { width, height, orientation: validOrientation(orientation) };
      if (SOF_NAMES[marker]) facts.unsupportedCoding = SOF_NAMES[marker];
      else if (precision !== 8) facts.unsupportedCoding = `${precision} 位精度`;
      return facts;
    }
    p += 2 + len;
  }
  return null;
}

/** PNG size through image-size (the IHDR chunk). Null when unreadable. */
export function pngFacts(buf: Buffer): ImageFacts | null {
  try {
    const r = imageSize(buf);
    return r.width && r.height ? { width: r.width, height: r.height, orientation: null } : null;
  } catch {
    return null;
  }
}

/** TIFF writers often put IFD0 after the image data, so this reads the file at random. */
export function tiffFacts(read: Reader): ImageFacts | null {
  const t = tiffTags(read, [256, 257, 0x0112]);
  const width = t.get(256);
  const height = t.get(257);
  if (!width || !height) return null;
  return { width, height, orientation: validOrientation(t.get(0x0112)) };
}
