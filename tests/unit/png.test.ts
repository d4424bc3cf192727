/** The tiny PNG encoder: valid chunks and CRCs, pixels survive a decode, size read by image-size. */
import { imageSize } from 'image-size';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32, encodePng, type PngColor } from '../../main/files/png';

function chunks(png: Buffer): Array<{ type: string; body: Buffer }> {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const out: Array<{ type: string; body: Buffer }> = [];
  let p = 8;
  while (p < png.length) {
    const len = png.readUInt32BE(p);
    const type = png.toString('latin1', p + 4, p + 8);
    const body = png.subarray(p + 8, p + 8 + len);
    expect(png.readUInt32BE(p + 8 + len)).toBe(crc32(png.subarray(p + 4, p + 8 + len)));
    out.push({ type, body });
    p += 12 + len;
  }
  return out;
}

/** Minimal decoder for our own output (filters None and Up only). */
function decode(png: Buffer, channels: number): { width: number; height: number; data: Uint8Array } {
  const cs = chunks(png);
  const ihdr = cs[0]!.body;
  const width = ihdr.readUInt32BE(0);
  const height = ihdr.readUInt32BE(4);
  const raw = zlib.inflateSync(Buffer.concat(cs.filter((c) => c.type === 'IDAT').map((c) => c.body)));
  const stride = width * channels;
  const data = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const f = raw[y * (stride + 1)]!;
    for (let i = 0; i < stride; i++) {
      const v = raw[y * (stride + 1) + 1 + i]!;
      data[y * stride + i] = f === 2 && y > 0 ? (v + data[(y - 1) * stride + i]!) & 0xff : v;
    }
  }
  return { width, height, data };
}

describe('encodePng', () => {
  it('known CRC-32', () => {
    expect(crc32(Buffer.from('IEND', 'latin1'))).toBe(0xae426082);
  });

  it.each<[PngColor, number]>([
    ['gray', 1],
    ['grayAlpha', 2],
    ['rgb', 3],
    ['rgba', 4],
  ])('round-trips %s pixels', (color, ch) => {
    const width = 7;
    const height = 5;
    const data = new Uint8Array(width * height * ch).map((_, i) => (i * 37 + 11) & 0xff);
    const png = encodePng({ width, height, color, data }, { dpi: 150 });
    const types = chunks(png).map((c) => c.type);
    expect(types).toEqual(['IHDR', 'pHYs', 'IDAT', 'IEND']);
    const back = decode(png, ch);
    expect(back.width).toBe(width);
    expect(back.height).toBe(height);
    expect([...back.data]).toEqual([...data]);
    expect(imageSize(png)).toMatchObject({ width, height, type: 'png' });
  });

  it('refuses a buffer of the wrong length', () => {
    expect(() => encodePng({ width: 2, height: 2, color: 'rgb', data: new Uint8Array(5) })).toThrow(RangeError);
  });
});
