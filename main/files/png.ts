/**
 * A tiny PNG encoder (8-bit gray, gray+alpha, RGB or RGBA, no interlace) on node:zlib.
 * Used to make demo scans and test fixtures; not meant for user images.
 */
import zlib from 'node:zlib';
import { crc32 } from './crc32';

export type PngColor = 'gray' | 'grayAlpha' | 'rgb' | 'rgba';

const CHANNELS: Record<PngColor, number> = { gray: 1, grayAlpha: 2, rgb: 3, rgba: 4 };
const COLOR_TYPE: Record<PngColor, number> = { gray: 0, grayAlpha: 4, rgb: 2, rgba: 6 };

export interface PngImage {
  width: number;
  height: number;
  color: PngColor;
  /** Row-major samples, `width * height * channels` bytes, no filter bytes. */
  data: Uint8Array;
}

/** Physical resolution written as a pHYs chunk (pixels per inch), e.g. 150 for a scan. */
export interface PngOptions {
  dpi?: number;
  /** zlib level 0..9 (default 6). */
  level?: number;
}

/** CRC-32 of the chunks: native zlib's where there is one (files/crc32.ts). */
export { crc32 } from './crc32';

function chunk(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body, crc32(head.subarray(4, 8))), 0);
  return Buffer.concat([head, body, crc]);
}

/** Encodes an image as PNG. Each row uses the Up filter (good for scan-like images). */
export function encodePng(img: PngImage, opts: PngOptions = {}): Buffer {
  const { width, height, color, data } = img;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new RangeError(`invalid PNG size ${width}×${height}`);
  }
  const ch = CHANNELS[color];
  const stride = width * ch;
  if (data.length !== stride * height) throw new RangeError(`expected ${stride * height} bytes, got ${data.length}`);

  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    const o = y * (stride + 1);
    const row = y * stride;
    if (y === 0) {
      raw[o] = 0; // None
      raw.set(data.subarray(row, row + stride), o + 1);
    } else {
      raw[o] = 2; // Up
      for (let i = 0; i < stride; i++) raw[o + 1 + i] = (data[row + i]! - data[row - stride + i]!) & 0xff;
    }
  }

  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = COLOR_TYPE[color];
  ihdr[10] = 0; // deflate
  ihdr[11] = 0; // adaptive filtering
  ihdr[12] = 0; // no interlace

  const parts = [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr)];
  if (opts.dpi) {
    const phys = Buffer.alloc(9);
    const ppm = Math.round(opts.dpi / 0.0254);
    phys.writeUInt32BE(ppm, 0);
    phys.writeUInt32BE(ppm, 4);
    phys[8] = 1; // metre
    parts.push(chunk('pHYs', phys));
  }
  parts.push(chunk('IDAT', zlib.deflateSync(raw, { level: opts.level ?? 6 })));
  parts.push(chunk('IEND', Buffer.alloc(0)));
  return Buffer.concat(parts);
}
