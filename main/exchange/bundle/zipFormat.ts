/**
 * Byte layouts of the zip records we write and read (APPNOTE 6.3.x): local header, data
 * descriptor, central directory header, end of central directory, and their ZIP64 forms.
 */

export const SIG = {
  local: 0x04034b50,
  descriptor: 0x08074b50,
  central: 0x02014b50,
  eocd: 0x06054b50,
  eocd64: 0x06064b50,
  locator64: 0x07064b50,
} as const;

export const LOCAL_LEN = 30;
export const CENTRAL_LEN = 46;
export const EOCD_LEN = 22;
export const EOCD64_LEN = 56;
export const LOCATOR64_LEN = 20;
export const MAX32 = 0xffffffff;
export const MAX16 = 0xffff;

export const FLAG_ENCRYPTED = 0x0001;
export const FLAG_DESCRIPTOR = 0x0008;
export const FLAG_STRONG_ENCRYPTION = 0x0040;
export const FLAG_UTF8 = 0x0800;

export const METHOD_STORE = 0;
export const METHOD_DEFLATE = 8;

export const EXTRA_ZIP64 = 0x0001;
/** Made by: Unix (3) so that external attributes carry a POSIX mode; spec version 4.5 (ZIP64). */
export const MADE_BY_UNIX = (3 << 8) | 45;
export const S_IFMT = 0o170000;
export const S_IFREG = 0o100000;
export const S_IFDIR = 0o040000;
export const S_IFLNK = 0o120000;
/** MS-DOS attribute bit for directories, in the low byte of the external attributes. */
export const DOS_DIRECTORY = 0x10;

/** MS-DOS date and time (local time, 2-second resolution) as zip stores them. */
export function dosDateTime(d: Date): { date: number; time: number } {
  const year = Math.min(Math.max(d.getFullYear(), 1980), 2107);
  return {
    date: ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
  };
}

export interface CentralFields {
  name: Buffer;
  flags: number;
  method: number;
  date: number;
  time: number;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
  externalAttr: number;
  versionMadeBy: number;
  /** Force ZIP64 fields even for small values (tests, and entries announced as large). */
  zip64: boolean;
}

export function localHeader(f: Omit<CentralFields, 'offset' | 'externalAttr' | 'versionMadeBy'>): Buffer {
  const extra = f.zip64 ? Buffer.alloc(20) : Buffer.alloc(0);
  if (f.zip64) {
    extra.writeUInt16LE(EXTRA_ZIP64, 0);
    extra.writeUInt16LE(16, 2);
    extra.writeBigUInt64LE(BigInt(f.size), 4);
    extra.writeBigUInt64LE(BigInt(f.compressedSize), 12);
  }
  const b = Buffer.alloc(LOCAL_LEN);
  b.writeUInt32LE(SIG.local, 0);
  b.writeUInt16LE(f.zip64 ? 45 : 20, 4);
  b.writeUInt16LE(f.flags, 6);
  b.writeUInt16LE(f.method, 8);
  b.writeUInt16LE(f.time, 10);
  b.writeUInt16LE(f.date, 12);
  b.writeUInt32LE(f.crc >>> 0, 14);
  b.writeUInt32LE(f.zip64 ? MAX32 : f.compressedSize, 18);
  b.writeUInt32LE(f.zip64 ? MAX32 : f.size, 22);
  b.writeUInt16LE(f.name.length, 26);
  b.writeUInt16LE(extra.length, 28);
  return Buffer.concat([b, f.name, extra]);
}

export function dataDescriptor(crc: number, compressedSize: number, size: number, zip64: boolean): Buffer {
  const b = Buffer.alloc(zip64 ? 24 : 16);
  b.writeUInt32LE(SIG.descriptor, 0);
  b.writeUInt32LE(crc >>> 0, 4);
  if (zip64) {
    b.writeBigUInt64LE(BigInt(compressedSize), 8);
    b.writeBigUInt64LE(BigInt(size), 16);
  } else {
    b.writeUInt32LE(compressedSize, 8);
    b.writeUInt32LE(size, 12);
  }
  return b;
}

export function centralHeader(f: CentralFields): Buffer {
  // ZIP64 extra carries, in this order, only the fields whose 32-bit slot says 0xFFFFFFFF.
  const big = (v: number) => f.zip64 || v >= MAX32;
  const extras: bigint[] = [];
  if (big(f.size)) extras.push(BigInt(f.size));
  if (big(f.compressedSize)) extras.push(BigInt(f.compressedSize));
  if (big(f.offset)) extras.push(BigInt(f.offset));
  const extra = Buffer.alloc(extras.length ? 4 + 8 * extras.length : 0);
  if (extras.length) {
    extra.writeUInt16LE(EXTRA_ZIP64, 0);
    extra.writeUInt16LE(8 * extras.length, 2);
    extras.forEach((v, i) => extra.writeBigUInt64LE(v, 4 + 8 * i));
  }
  const b = Buffer.alloc(CENTRAL_LEN);
  b.writeUInt32LE(SIG.central, 0);
  b.writeUInt16LE(f.versionMadeBy, 4);
  b.writeUInt16LE(extras.length ? 45 : 20, 6);
  b.writeUInt16LE(f.flags, 8);
  b.writeUInt16LE(f.method, 10);
  b.writeUInt16LE(f.time, 12);
  b.writeUInt16LE(f.date, 14);
  b.writeUInt32LE(f.crc >>> 0, 16);
  b.writeUInt32LE(big(f.compressedSize) ? MAX32 : f.compressedSize, 20);
  b.writeUInt32LE(big(f.size) ? MAX32 : f.size, 24);
  b.writeUInt16LE(f.name.length, 28);
  b.writeUInt16LE(extra.length, 30);
  b.writeUInt16LE(0, 32); // comment
  b.writeUInt16LE(0, 34); // disk
  b.writeUInt16LE(0, 36); // internal attributes
  b.writeUInt32LE(f.externalAttr >>> 0, 38);
  b.writeUInt32LE(big(f.offset) ? MAX32 : f.offset, 42);
  return Buffer.concat([b, f.name, extra]);
}

/** End records: ZIP64 record and locator when any field overflows (or when forced), then the classic EOCD. */
export function endRecords(count: number, cdOffset: number, cdSize: number, forceZip64: boolean): Buffer {
  const zip64 = forceZip64 || count >= MAX16 || cdOffset >= MAX32 || cdSize >= MAX32;
  const parts: Buffer[] = [];
  if (zip64) {
    const r = Buffer.alloc(EOCD64_LEN);
    r.writeUInt32LE(SIG.eocd64, 0);
    r.writeBigUInt64LE(BigInt(EOCD64_LEN - 12), 4);
    r.writeUInt16LE(MADE_BY_UNIX, 12);
    r.writeUInt16LE(45, 14);
    r.writeUInt32LE(0, 16);
    r.writeUInt32LE(0, 20);
    r.writeBigUInt64LE(BigInt(count), 24);
    r.writeBigUInt64LE(BigInt(count), 32);
    r.writeBigUInt64LE(BigInt(cdSize), 40);
    r.writeBigUInt64LE(BigInt(cdOffset), 48);
    const l = Buffer.alloc(LOCATOR64_LEN);
    l.writeUInt32LE(SIG.locator64, 0);
    l.writeUInt32LE(0, 4);
    l.writeBigUInt64LE(BigInt(cdOffset + cdSize), 8);
    l.writeUInt32LE(1, 16);
    parts.push(r, l);
  }
  const e = Buffer.alloc(EOCD_LEN);
  e.writeUInt32LE(SIG.eocd, 0);
  e.writeUInt16LE(zip64 ? MAX16 : count, 8);
  e.writeUInt16LE(zip64 ? MAX16 : count, 10);
  e.writeUInt32LE(zip64 ? MAX32 : cdSize, 12);
  e.writeUInt32LE(zip64 ? MAX32 : cdOffset, 16);
  parts.push(e);
  return Buffer.concat(parts);
}
