/**
 * Proves that a sequential (baseline or extended) Huffman JPEG's image data decodes, without
 * decoding pixels: every scan's entropy-coded data is walked MCU by MCU through its Huffman tables
 * (each DC and AC code must exist, the magnitude bits are skipped), restart markers must come where
 * the restart interval puts them, and no marker may appear before the last MCU of a scan. That is
 * what a full decode (jpeg-js) rejects in such a file, at a fraction of the cost: no coefficient
 * is stored, no IDCT, no colour conversion (issue 14: the demo's ~100 scans are checked in time).
 *
 * Progressive and anything unusual (several frames, DNL, unknown frame types) is reported as
 * 'unsupported', and the caller decodes it in full as before.
 */

export type EntropyVerdict = 'ok' | 'corrupt' | 'unsupported';

interface Huff {
  maxCode: Int32Array;
  valPtr: Int32Array;
  minCode: Int32Array;
  values: Uint8Array;
}

interface Component {
  id: number;
  h: number;
  v: number;
  blocksPerLine: number;
  blocksPerColumn: number;
}

class Corrupt extends Error {}

/** T.81 F.2.2.3 decoding tables from the 16 code counts and the symbol values. */
function buildHuff(counts: Uint8Array, values: Uint8Array): Huff {
  const maxCode = new Int32Array(18).fill(-1);
  const valPtr = new Int32Array(17);
  const minCode = new Int32Array(17);
  let code = 0;
  let k = 0;
  for (let l = 1; l <= 16; l++) {
    const n = counts[l - 1]!;
    if (n > 0) {
      valPtr[l] = k;
      minCode[l] = code;
      code += n;
      k += n;
      maxCode[l] = code - 1;
    }
    code <<= 1;
  }
  maxCode[17] = 0x7fffffff;
  return { maxCode, valPtr, minCode, values };
}

/** Reads entropy-coded bits; a marker (FF followed by non-zero) ends the data: reading past it is corruption. */
class Bits {
  private acc = 0;
  private n = 0;
  constructor(
    private readonly data: Uint8Array,
    public pos: number,
  ) {}

  private fill(): void {
    const d = this.data;
    if (this.pos >= d.length) throw new Corrupt();
    const b = d[this.pos]!;
    if (b === 0xff) {
      const next = d[this.pos + 1];
      if (next !== 0) throw new Corrupt(); // a marker (or the end) before the scan's last MCU
      this.pos += 2;
    } else {
      this.pos += 1;
    }
    this.acc = (this.acc << 8) | b;
    this.n += 8;
  }

  bit(): number {
    if (this.n === 0) this.fill();
    this.n--;
    return (this.acc >>> this.n) & 1;
  }

  skip(count: number): void {
    while (count > 0) {
      if (this.n === 0) this.fill();
      const take = Math.min(count, this.n);
      this.n -= take;
      count -= take;
    }
    this.acc &= (1 << this.n) - 1;
  }

  decode(h: Huff): number {
    let code = this.bit();
    let l = 1;
    while (code > h.maxCode[l]!) {
      if (l >= 16) throw new Corrupt();
      code = (code << 1) | this.bit();
      l++;
    }
    return h.values[h.valPtr[l]! + code - h.minCode[l]!]!;
  }

  /** Drops the padding bits of the current byte (before a marker). */
  align(): void {
    this.acc = 0;
    this.n = 0;
  }
}

/** Walks a whole JPEG file (SOI to EOI). */
export function jpegEntropyVerdict(data: Uint8Array): EntropyVerdict {
  try {
    return walk(data);
  } catch (err) {
    if (err instanceof Corrupt) return 'corrupt';
    throw err;
  }
}

function walk(d: Uint8Array): EntropyVerdict {
  const u16 = (p: number) => {
    if (p + 2 > d.length) throw new Corrupt();
    return (d[p]! << 8) | d[p + 1]!;
  };
  const dc = new Map<number, Huff>();
  const ac = new Map<number, Huff>();
  let frame: { comps: Map<number, Component>; mcusPerLine: number; mcusPerColumn: number } | null = null;
  let restart = 0;
  let scans = 0;
  let p = 2;
  for (;;) {
    if (p + 2 > d.length) throw new Corrupt();
    if (d[p] !== 0xff) throw new Corrupt();
    const marker = d[p + 1]!;
    if (marker === 0xff) {
      p++;
      continue;
    }
    if (marker === 0xd9) return frame && scans > 0 ? 'ok' : 'corrupt';
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      p += 2;
      continue;
    }
    const len = u16(p + 2);
    if (len < 2 || p + 2 + len > d.length) throw new Corrupt();
    const body = p + 4;
    const end = p + 2 + len;
    if (marker === 0xc0 || marker === 0xc1) {
      if (frame) return 'unsupported';
      frame = readFrame(d, body, end);
    } else if ((marker >= 0xc2 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) || marker === 0xdc) {
      return 'unsupported'; // progressive, lossless, arithmetic, hierarchical, DNL: decoded in full
    } else if (marker === 0xc4) {
      for (let q = body; q < end; ) {
        if (q + 17 > end) throw new Corrupt();
        const spec = d[q]!;
        const counts = d.subarray(q + 1, q + 17);
        const total = counts.reduce((s, c) => s + c, 0);
        if (q + 17 + total > end || spec >> 4 > 1) throw new Corrupt();
        (spec >> 4 === 0 ? dc : ac).set(spec & 15, buildHuff(counts, d.subarray(q + 17, q + 17 + total)));
        q += 17 + total;
      }
    } else if (marker === 0xdd) {
      restart = u16(body);
    } else if (marker === 0xda) {
      if (!frame) throw new Corrupt();
      p = walkScan(d, body, end, frame, dc, ac, restart);
      scans++;
      continue;
    }
    p = end;
  }
}

function readFrame(d: Uint8Array, body: number, end: number) {
  if (body + 6 > end) throw new Corrupt();
  const height = (d[body + 1]! << 8) | d[body + 2]!;
  const width = (d[body + 3]! << 8) | d[body + 4]!;
  const n = d[body + 5]!;
  if (height === 0 || width === 0 || n === 0 || body + 6 + 3 * n > end) throw new Corrupt();
  const list: Array<{ id: number; h: number; v: number }> = [];
  for (let i = 0; i < n; i++) {
    const o = body + 6 + 3 * i;
    const h = d[o + 1]! >> 4;
    const v = d[o + 1]! & 15;
    if (h < 1 || v < 1 || h > 4 || v > 4) throw new Corrupt();
    list.push({ id: d[o]!, h, v });
  }
  const maxH = Math.max(...list.map((c) => c.h));
  const maxV = Math.max(...list.map((c) => c.v));
  const comps = new Map<number, Component>();
  for (const c of list) {
    comps.set(c.id, {
      ...c,
      blocksPerLine: Math.ceil(Math.ceil((width * c.h) / maxH) / 8),
      blocksPerColumn: Math.ceil(Math.ceil((height * c.v) / maxV) / 8),
    });
  }
  return { comps, mcusPerLine: Math.ceil(width / 8 / maxH), mcusPerColumn: Math.ceil(height / 8 / maxV) };
}

/** Walks one scan; returns the offset of the marker that follows it. */
function walkScan(
  d: Uint8Array,
  body: number,
  end: number,
  frame: { comps: Map<number, Component>; mcusPerLine: number; mcusPerColumn: number },
  dcTables: Map<number, Huff>,
  acTables: Map<number, Huff>,
  restart: number,
): number {
  const n = d[body]!;
  if (n < 1 || n > 4 || body + 1 + 2 * n + 3 > end) throw new Corrupt();
  const comps: Array<{ c: Component; dc: Huff; ac: Huff }> = [];
  for (let i = 0; i < n; i++) {
    const c = frame.comps.get(d[body + 1 + 2 * i]!);
    const t = d[body + 2 + 2 * i]!;
    const dc = dcTables.get(t >> 4);
    const ac = acTables.get(t & 15);
    if (!c || !dc || !ac) throw new Corrupt();
    comps.push({ c, dc, ac });
  }
  const single = n === 1;
  const mcus = single ? comps[0]!.c.blocksPerLine * comps[0]!.c.blocksPerColumn : frame.mcusPerLine * frame.mcusPerColumn;
  const blocksPerMcu = single ? [1] : comps.map(({ c }) => c.h * c.v);
  const interval = restart > 0 ? restart : mcus;
  const bits = new Bits(d, end);
  const block = (dcT: Huff, acT: Huff) => {
    const t = bits.decode(dcT);
    if (t > 16) throw new Corrupt();
    bits.skip(t);
    for (let k = 1; k < 64; ) {
      const rs = bits.decode(acT);
      const s = rs & 15;
      const r = rs >> 4;
      if (s === 0) {
        if (r < 15) break;
        k += 16;
        continue;
      }
      bits.skip(s);
      k += r + 1;
    }
  };
  for (let mcu = 0; mcu < mcus; ) {
    const stop = Math.min(mcus, mcu + interval);
    for (; mcu < stop; mcu++) {
      for (let i = 0; i < comps.length; i++) {
        const { dc, ac } = comps[i]!;
        for (let b = 0; b < blocksPerMcu[i]!; b++) block(dc, ac);
      }
    }
    bits.align();
    if (mcu < mcus) {
      // A restart marker must follow each full interval (fill bytes FF may precede it).
      let q = bits.pos;
      while (d[q] === 0xff && d[q + 1] === 0xff) q++;
      if (d[q] !== 0xff || d[q + 1]! < 0xd0 || d[q + 1]! > 0xd7) throw new Corrupt();
      bits.pos = q + 2;
    }
  }
  // Skip to the next marker (a few encoders leave stray bytes after the last MCU).
  let q = bits.pos;
  while (q + 1 < d.length && !(d[q] === 0xff && d[q + 1] !== 0)) q++;
  if (q + 1 >= d.length) throw new Corrupt();
  return q;
}
