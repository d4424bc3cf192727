/** CRC-32 (IEEE, as zip uses it), incremental: crc32(b, crc32(a)) === crc32(a ‖ b). */
import zlib from 'node:zlib';

type Crc32Fn = (data: Uint8Array, value?: number) => number;

let table: Uint32Array | null = null;

function tableCrc32(data: Uint8Array, value = 0): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let crc = (value ^ 0xffffffff) >>> 0;
  for (let i = 0; i < data.length; i++) crc = table[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

// zlib.crc32 (Node ≥ 20.15) is native and many times faster; older Node falls back to the table.
const native = (zlib as unknown as { crc32?: Crc32Fn }).crc32;

export const crc32: Crc32Fn = typeof native === 'function' ? (d, v = 0) => native(d, v) >>> 0 : tableCrc32;

/** Exposed for the unit check that both implementations agree. */
export const crc32Table: Crc32Fn = tableCrc32;
