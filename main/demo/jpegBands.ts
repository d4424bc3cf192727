/**
 * A small baseline JPEG encoder for the demo scans that writes a page as horizontal bands, each
 * band one restart interval (DRI + RSTn markers). A band's entropy-coded data depends only on its
 * own pixels, so bands encoded once can be put together into many different pages by concatenation:
 * the demo renders each scan kind's bands once and builds every page from them in microseconds
 * (jpeg-js spends ~250 ms building its tables on every call, per image).
 *
 * Standard IJG quantisation tables scaled by quality, the Annex K Huffman tables, 4:4:4 colour or
 * grayscale, 8×8 float DCT. Not for user images; decoders see an ordinary baseline JPEG.
 */

const ZIGZAG = [
  0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21, 28, 35, 42, 49, 56, 57,
  50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63,
];

const LUMA_Q = [
  16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22, 29, 51, 87, 80, 62, 18, 22,
  37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92, 49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99,
];
const CHROMA_Q = [
  17,
  18,
  24,
  47,
  99,
  99,
  99,
  99,
  18,
  21,
  26,
  66,
  99,
  99,
  99,
  99,
  24,
  26,
  56,
  99,
  99,
  99,
  99,
  99,
  47,
  66,
  99,
  99,
  99,
  99,
  99,
  99,
  ...Array<number>(32).fill(99),
];

const hex = (s: string) => Array.from({ length: s.length / 2 }, (_, i) => parseInt(s.slice(2 * i, 2 * i + 2), 16));

interface HuffSpec {
  /** Number of codes of each length 1..16. */
  counts: number[];
  values: number[];
}

const DC_LUMA: HuffSpec = { counts: [0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0], values: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] };
const DC_CHROMA: HuffSpec = { counts: [0, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0], values: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] };
const AC_LUMA: HuffSpec = {
  counts: [0, 2, 1, 3, 3, 2, 4, 3, 5, 5, 4, 4, 0, 0, 1, 0x7d],
  values: hex(
    '01020300041105122131410613516107227114328191a1082342b1c11552d1f02433627282090a161718191a25262728292a3435363738393a434445464748494a535455565758595a636465666768696a737475767778797a838485868788898a92939495969798999aa2a3a4a5a6a7a8a9aab2b3b4b5b6b7b8b9bac2c3c4c5c6c7c8c9cad2d3d4d5d6d7d8d9dae1e2e3e4e5e6e7e8e9eaf1f2f3f4f5f6f7f8f9fa',
  ),
};
const AC_CHROMA: HuffSpec = {
  counts: [0, 2, 1, 2, 4, 4, 3, 4, 7, 5, 4, 4, 0, 1, 2, 0x77],
  values: hex(
    '000102031104052131061241510761711322328108144291a1b1c109233352f0156272d10a162434e125f11718191a262728292a35363738393a434445464748494a535455565758595a636465666768696a737475767778797a82838485868788898a92939495969798999aa2a3a4a5a6a7a8a9aab2b3b4b5b6b7b8b9bac2c3c4c5c6c7c8c9cad2d3d4d5d6d7d8d9dae2e3e4e5e6e7e8e9eaf2f3f4f5f6f7f8f9fa',
  ),
};

/** Canonical codes: code and length per symbol. */
function huffCodes(spec: HuffSpec): { code: Uint16Array; len: Uint8Array } {
  const code = new Uint16Array(256);
  const len = new Uint8Array(256);
  let c = 0;
  let k = 0;
  for (let l = 1; l <= 16; l++) {
    for (let i = 0; i < spec.counts[l - 1]!; i++) {
      const sym = spec.values[k++]!;
      code[sym] = c++;
      len[sym] = l;
    }
    c <<= 1;
  }
  return { code, len };
}

/** AAN scale factors of the float DCT (IJG jfdctflt.c): folded into the quantisation divisors. */
const AAN = [1.0, 1.387039845, 1.306562965, 1.175875602, 1.0, 0.785694958, 0.5411961, 0.275899379];

/** One 8-point AAN forward DCT over `d[o], d[o+s], … d[o+7s]`, in place (scaled outputs). */
function fdct8(d: Float64Array, o: number, s: number): void {
  const d0 = d[o]!,
    d1 = d[o + s]!,
    d2 = d[o + 2 * s]!,
    d3 = d[o + 3 * s]!;
  const d4 = d[o + 4 * s]!,
    d5 = d[o + 5 * s]!,
    d6 = d[o + 6 * s]!,
    d7 = d[o + 7 * s]!;
  const t0 = d0 + d7,
    t7 = d0 - d7,
    t1 = d1 + d6,
    t6 = d1 - d6;
  const t2 = d2 + d5,
    t5 = d2 - d5,
    t3 = d3 + d4,
    t4 = d3 - d4;
  const e10 = t0 + t3,
    e13 = t0 - t3,
    e11 = t1 + t2,
    e12 = t1 - t2;
  d[o] = e10 + e11;
  d[o + 4 * s] = e10 - e11;
  const z1 = (e12 + e13) * 0.707106781;
  d[o + 2 * s] = e13 + z1;
  d[o + 6 * s] = e13 - z1;
  const o10 = t4 + t5,
    o11 = t5 + t6,
    o12 = t6 + t7;
  const z5 = (o10 - o12) * 0.382683433;
  const z2 = 0.5411961 * o10 + z5;
  const z4 = 1.306562965 * o12 + z5;
  const z3 = o11 * 0.707106781;
  const z11 = t7 + z3,
    z13 = t7 - z3;
  d[o + 5 * s] = z13 + z2;
  d[o + 3 * s] = z13 - z2;
  d[o + s] = z11 + z4;
  d[o + 7 * s] = z11 - z4;
}

/** Appends bits MSB first, with 0xFF byte stuffing, into a byte array that grows by doubling. */
class BitWriter {
  private bytes = new Uint8Array(1 << 15);
  private length = 0;
  private acc = 0;
  private n = 0;

  private push(byte: number): void {
    if (this.length === this.bytes.length) {
      const grown = new Uint8Array(this.bytes.length * 2);
      grown.set(this.bytes);
      this.bytes = grown;
    }
    this.bytes[this.length++] = byte;
  }

  /** `length` ≤ 16 bits of `value`. */
  put(value: number, length: number): void {
    this.acc = (this.acc << length) | (value & ((1 << length) - 1));
    this.n += length;
    while (this.n >= 8) {
      const byte = (this.acc >>> (this.n - 8)) & 0xff;
      this.push(byte);
      if (byte === 0xff) this.push(0);
      this.n -= 8;
    }
    this.acc &= (1 << this.n) - 1;
  }

  /** Pads the last byte with 1-bits (as T.81 asks before a marker). */
  finish(): Buffer {
    if (this.n > 0) this.put((1 << (8 - this.n)) - 1, 8 - this.n);
    return Buffer.from(this.bytes.subarray(0, this.length));
  }
}

type Huff = { code: Uint16Array; len: Uint8Array };

/** A coefficient's Huffman symbol (zero run in the high nibble, size in the low) and its extra bits. */
function putValue(bits: BitWriter, v: number, huff: Huff, runHigh: number): void {
  const a = Math.abs(v);
  const size = a === 0 ? 0 : 32 - Math.clz32(a);
  const sym = (runHigh << 4) | size;
  bits.put(huff.code[sym]!, huff.len[sym]!);
  if (size) bits.put(v < 0 ? v + (1 << size) - 1 : v, size);
}

export interface BandJpegOptions {
  width: number;
  /** Height of every band but the last, a multiple of 8 (one restart interval). */
  bandHeight: number;
  quality: number;
  gray?: boolean;
}

export class BandJpeg {
  readonly width: number;
  readonly bandHeight: number;
  readonly gray: boolean;
  private readonly qLuma: number[];
  private readonly qChroma: number[];
  private readonly divLuma: Float64Array;
  private readonly divChroma: Float64Array;
  private readonly dc = [huffCodes(DC_LUMA), huffCodes(DC_CHROMA)];
  private readonly ac = [huffCodes(AC_LUMA), huffCodes(AC_CHROMA)];

  constructor(opts: BandJpegOptions) {
    if (opts.bandHeight % 8 !== 0 || opts.bandHeight <= 0) throw new RangeError('band height must be a multiple of 8');
    this.width = opts.width;
    this.bandHeight = opts.bandHeight;
    this.gray = opts.gray ?? false;
    const q = Math.min(100, Math.max(1, opts.quality));
    const scale = q < 50 ? Math.floor(5000 / q) : 200 - q * 2;
    const scaled = (base: number[]) => base.map((v) => Math.min(255, Math.max(1, Math.floor((v * scale + 50) / 100))));
    this.qLuma = scaled(LUMA_Q);
    this.qChroma = scaled(CHROMA_Q);
    const divisors = (q: number[]) => Float64Array.from(q, (v, i) => v * AAN[i >> 3]! * AAN[i & 7]! * 8);
    this.divLuma = divisors(this.qLuma);
    this.divChroma = divisors(this.qChroma);
  }

  private get mcusPerLine(): number {
    return Math.ceil(this.width / 8);
  }

  /**
   * Entropy-coded data of one band (`rgb`: width × rows × 3 bytes, rows ≤ bandHeight; only the
   * last band of a page may be shorter). Prediction starts at zero, as after a restart marker.
   */
  encodeBand(rgb: Uint8Array, rows: number): Buffer {
    const w = this.width;
    if (rgb.length !== w * rows * 3 || rows > this.bandHeight || rows <= 0) throw new RangeError('band size mismatch');
    const bits = new BitWriter();
    const comps = this.gray ? 1 : 3;
    const pred = [0, 0, 0];
    const blocks = [new Float64Array(64), new Float64Array(64), new Float64Array(64)];
    const coef = new Int32Array(64);
    for (let by = 0; by < rows; by += 8) {
      for (let bx = 0; bx < w; bx += 8) {
        for (let y = 0; y < 8; y++) {
          const row = Math.min(rows - 1, by + y) * w;
          for (let x = 0; x < 8; x++) {
            const o = (row + Math.min(w - 1, bx + x)) * 3;
            const r = rgb[o]!;
            const g = rgb[o + 1]!;
            const b = rgb[o + 2]!;
            const i = y * 8 + x;
            blocks[0]![i] = 0.299 * r + 0.587 * g + 0.114 * b - 128;
            if (comps === 3) {
              blocks[1]![i] = -0.168736 * r - 0.331264 * g + 0.5 * b;
              blocks[2]![i] = 0.5 * r - 0.418688 * g - 0.081312 * b;
            }
          }
        }
        for (let c = 0; c < comps; c++) {
          const block = blocks[c]!;
          for (let i = 0; i < 8; i++) fdct8(block, i * 8, 1);
          for (let i = 0; i < 8; i++) fdct8(block, i, 8);
          const div = c === 0 ? this.divLuma : this.divChroma;
          for (let k = 0; k < 64; k++) coef[k] = Math.round(block[ZIGZAG[k]!]! / div[ZIGZAG[k]!]!);
          pred[c] = this.encodeBlock(bits, coef, pred[c]!, c === 0 ? 0 : 1);
        }
      }
    }
    return bits.finish();
  }

  private encodeBlock(bits: BitWriter, coef: Int32Array, pred: number, table: 0 | 1): number {
    const dc = this.dc[table]!;
    const ac = this.ac[table]!;
    putValue(bits, coef[0]! - pred, dc, 0);
    let run = 0;
    for (let k = 1; k < 64; k++) {
      const v = coef[k]!;
      if (v === 0) {
        run++;
        continue;
      }
      while (run > 15) {
        bits.put(ac.code[0xf0]!, ac.len[0xf0]!);
        run -= 16;
      }
      putValue(bits, v, ac, run);
      run = 0;
    }
    if (run > 0) bits.put(ac.code[0]!, ac.len[0]!);
    return coef[0]!;
  }

  /** A whole JPEG of `height` rows from band data in order (RSTn between bands), with a comment and dpi. */
  assemble(height: number, bands: readonly Buffer[], opts: { comment?: string; dpi?: number } = {}): Buffer {
    if (bands.length !== Math.ceil(height / this.bandHeight)) throw new RangeError('band count does not match the height');
    const parts: Buffer[] = [Buffer.from([0xff, 0xd8])];
    const seg = (marker: number, body: number[] | Buffer) => {
      const b = Buffer.from(body);
      const h = Buffer.from([0xff, marker, 0, 0]);
      h.writeUInt16BE(b.length + 2, 2);
      parts.push(h, b);
    };
    const dpi = opts.dpi ?? 100;
    seg(0xe0, [0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 1, dpi >> 8, dpi & 0xff, dpi >> 8, dpi & 0xff, 0, 0]);
    if (opts.comment) seg(0xfe, Buffer.from(opts.comment, 'utf8'));
    seg(0xdb, [0, ...ZIGZAG.map((z) => this.qLuma[z]!), ...(this.gray ? [] : [1, ...ZIGZAG.map((z) => this.qChroma[z]!)])]);
    const comps = this.gray
      ? [[1, 0x11, 0]]
      : [
          [1, 0x11, 0],
          [2, 0x11, 1],
          [3, 0x11, 1],
        ];
    seg(0xc0, [8, height >> 8, height & 0xff, this.width >> 8, this.width & 0xff, comps.length, ...comps.flat()]);
    const dht = (cls: number, spec: HuffSpec) => [cls, ...spec.counts, ...spec.values];
    seg(0xc4, [...dht(0x00, DC_LUMA), ...dht(0x10, AC_LUMA), ...(this.gray ? [] : [...dht(0x01, DC_CHROMA), ...dht(0x11, AC_CHROMA)])]);
    const interval = this.mcusPerLine * (this.bandHeight / 8);
    seg(0xdd, [interval >> 8, interval & 0xff]);
    seg(0xda, [comps.length, ...(this.gray ? [1, 0x00] : [1, 0x00, 2, 0x11, 3, 0x11]), 0, 63, 0]);
    bands.forEach((b, i) => {
      if (i > 0) parts.push(Buffer.from([0xff, 0xd0 + ((i - 1) % 8)]));
      parts.push(b);
    });
    parts.push(Buffer.from([0xff, 0xd9]));
    return Buffer.concat(parts);
  }
}
