/**
 * The intake's cheap check of a JPEG's image data (main/files/jpegEntropy.ts) against real
 * encoders (jpeg-js, libjpeg/mozjpeg through sharp, the demo's band encoder with restart
 * markers) and against the full decode it replaces: every damaged file jpeg-js refuses is refused.
 */
import jpeg from 'jpeg-js';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { BandJpeg } from '../../main/demo/jpegBands';
import { jpegEntropyVerdict } from '../../main/files/jpegEntropy';

/** A textured RGB test card: gradients and stripes, so every block has AC coefficients. */
function card(w: number, h: number): Uint8Array {
  const rgb = new Uint8Array(w * h * 3);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const o = (y * w + x) * 3;
      rgb[o] = (x * 255) / w;
      rgb[o + 1] = (y * 255) / h;
      rgb[o + 2] = (x + 2 * y) % 48 < 24 ? 220 : 40;
    }
  }
  return rgb;
}

const rgba = (rgb: Uint8Array) => {
  const out = Buffer.alloc((rgb.length / 3) * 4, 255);
  for (let i = 0, j = 0; i < rgb.length; i += 3, j += 4) out.set(rgb.subarray(i, i + 3), j);
  return out;
};

/** A banded JPEG: one restart interval per 16-row band. */
function banded(w: number, h: number, gray = false): Buffer {
  const enc = new BandJpeg({ width: w, bandHeight: 16, quality: 75, gray });
  const rgb = card(w, h);
  const bands: Buffer[] = [];
  for (let y = 0; y < h; y += 16) {
    const rows = Math.min(16, h - y);
    bands.push(enc.encodeBand(rgb.subarray(y * w * 3, (y + rows) * w * 3), rows));
  }
  return enc.assemble(h, bands, { comment: 'test' });
}

const scanStart = (b: Buffer) => {
  const sos = b.indexOf(Buffer.from([0xff, 0xda]));
  return sos + 2 + b.readUInt16BE(sos + 2);
};

const jpegJsRefuses = (b: Buffer) => {
  try {
    jpeg.decode(b, { useTArray: true, formatAsRGBA: false });
    return false;
  } catch {
    return true;
  }
};

describe('jpegEntropyVerdict', () => {
  it('accepts baseline files from jpeg-js, libjpeg 4:2:0 and the band encoder with restart markers', async () => {
    const w = 203;
    const h = 151; // not multiples of 8 or 16: partial MCUs at both edges
    expect(jpegEntropyVerdict(jpeg.encode({ data: rgba(card(w, h)), width: w, height: h }, 80).data)).toBe('ok');
    const subsampled = await sharp(Buffer.from(card(w, h)), { raw: { width: w, height: h, channels: 3 } })
      .jpeg({ quality: 80, chromaSubsampling: '4:2:0' })
      .toBuffer();
    expect(jpegEntropyVerdict(subsampled)).toBe('ok');
    const withRst = banded(w, h);
    expect(withRst.includes(Buffer.from([0xff, 0xdd]))).toBe(true); // DRI present
    expect(withRst.includes(Buffer.from([0xff, 0xd3]))).toBe(true); // and RST3 among the markers
    expect(jpegEntropyVerdict(withRst)).toBe('ok');
    expect(jpegEntropyVerdict(banded(w, h, true))).toBe('ok');
  });

  it('leaves progressive files to the full decode', async () => {
    const progressive = await sharp(Buffer.from(card(64, 48)), { raw: { width: 64, height: 48, channels: 3 } })
      .jpeg({ progressive: true })
      .toBuffer();
    expect(jpegEntropyVerdict(progressive)).toBe('unsupported');
  });

  it('refuses a scan cut short and closed with EOI, which the end-marker check alone lets through', () => {
    const b = banded(160, 120);
    const start = scanStart(b);
    const cut = Buffer.concat([b.subarray(0, start + Math.floor((b.length - start) / 2)), Buffer.from([0xff, 0xd9])]);
    expect(jpegEntropyVerdict(cut)).toBe('corrupt');
  });

  it('refuses a missing restart marker and a marker inside the image data', () => {
    const b = banded(160, 120);
    const rst = b.indexOf(Buffer.from([0xff, 0xd1]));
    expect(jpegEntropyVerdict(Buffer.concat([b.subarray(0, rst), b.subarray(rst + 2)]))).toBe('corrupt');
    const start = scanStart(b);
    const marked = Buffer.from(b);
    marked[start + 5] = 0xff;
    marked[start + 6] = 0xc4;
    expect(jpegEntropyVerdict(marked)).toBe('corrupt');
  });

  it('refuses every bit-flipped file that a full jpeg-js decode refuses', () => {
    const sources = [jpeg.encode({ data: rgba(card(96, 64)), width: 96, height: 64 }, 85).data, banded(96, 64)];
    let refusedByDecode = 0;
    for (const src of sources) {
      const start = scanStart(src);
      for (let i = 0; i < 60; i++) {
        const b = Buffer.from(src);
        const at = start + ((i * 7919) % (b.length - start - 2));
        b[at] = b[at]! ^ (1 << (i % 8));
        if (jpegJsRefuses(b)) {
          refusedByDecode++;
          expect(jpegEntropyVerdict(b), `flip ${i} at ${at}`).toBe('corrupt');
        }
      }
    }
    expect(refusedByDecode).toBeGreaterThan(5);
  });
});
