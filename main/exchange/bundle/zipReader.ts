/**
 * Reads a zip's end records and central directory — the only index we trust — and refuses
 * anything hostile before a single entry is read: names that climb out, links and other
 * non-files, duplicates, bomb-sized declarations, encryption, unknown methods, entries that
 * overlap or point past the data area.
 */
import fs from 'node:fs';
import type { BundleCaps } from './caps';
import { collisionKey, nameProblem } from './entryName';
import { refusal } from './refusals';
import {
  CENTRAL_LEN,
  DOS_DIRECTORY,
  EOCD64_LEN,
  EOCD_LEN,
  EXTRA_ZIP64,
  FLAG_ENCRYPTED,
  FLAG_STRONG_ENCRYPTION,
  FLAG_UTF8,
  LOCAL_LEN,
  LOCATOR64_LEN,
  MAX16,
  MAX32,
  METHOD_DEFLATE,
  METHOD_STORE,
  S_IFDIR,
  S_IFLNK,
  S_IFMT,
  S_IFREG,
  SIG,
} from './zipFormat';

export interface ZipEntry {
  name: string;
  nameBytes: Buffer;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** Offset of the local header. */
  offset: number;
}

export interface ZipIndex {
  size: number;
  /** In file order. */
  entries: ZipEntry[];
  cdOffset: number;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

async function readAt(fh: fs.promises.FileHandle, position: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  let got = 0;
  while (got < length) {
    const { bytesRead } = await fh.read(buf, got, length - got, position + got);
    if (bytesRead === 0) throw refusal.truncated();
    got += bytesRead;
  }
  return buf;
}

const u64 = (b: Buffer, at: number): number => {
  const v = b.readBigUInt64LE(at);
  // Beyond 2^53 no real file exists; treat as garbage rather than lose precision.
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw refusal.malformed('数值超出范围');
  return Number(v);
};

/** Finds the end of central directory record; its comment must run exactly to the end of the file. */
async function findEnd(fh: fs.promises.FileHandle, size: number): Promise<{ at: number; rec: Buffer }> {
  const tailLen = Math.min(size, EOCD_LEN + MAX16);
  const tail = tailLen > 0 ? await readAt(fh, size - tailLen, tailLen) : Buffer.alloc(0);
  for (let i = tail.length - EOCD_LEN; i >= 0; i--) {
    if (tail.readUInt32LE(i) === SIG.eocd && tail.readUInt16LE(i + 20) === tail.length - i - EOCD_LEN) {
      return { at: size - tailLen + i, rec: tail.subarray(i, i + EOCD_LEN) };
    }
  }
  const head = size >= 4 ? await readAt(fh, 0, 4) : Buffer.alloc(0);
  throw head.length === 4 && head.readUInt32LE(0) === SIG.local ? refusal.truncated('找不到压缩包目录') : refusal.notZip();
}

interface CentralLocation {
  count: number;
  cdOffset: number;
  cdSize: number;
  /** Where the central directory must end: the ZIP64 record or the EOCD. */
  cdEnd: number;
}

async function locateCentral(fh: fs.promises.FileHandle, size: number): Promise<CentralLocation> {
  const { at, rec } = await findEnd(fh, size);
  if (rec.readUInt16LE(4) !== 0 || rec.readUInt16LE(6) !== 0) throw refusal.malformed('分卷压缩包');
  let count = rec.readUInt16LE(10);
  let cdSize = rec.readUInt32LE(12);
  let cdOffset = rec.readUInt32LE(16);
  if (rec.readUInt16LE(8) !== count) throw refusal.malformed('分卷压缩包');
  let cdEnd = at;
  const locAt = at - LOCATOR64_LEN;
  const loc = locAt >= 0 ? await readAt(fh, locAt, LOCATOR64_LEN) : null;
  if (loc && loc.readUInt32LE(0) === SIG.locator64) {
    const recAt = u64(loc, 8);
    if (loc.readUInt32LE(4) !== 0 || loc.readUInt32LE(16) !== 1) throw refusal.malformed('分卷压缩包');
    if (recAt + EOCD64_LEN > locAt) throw refusal.truncated('ZIP64 目录超出文件范围');
    const r = await readAt(fh, recAt, EOCD64_LEN);
    if (r.readUInt32LE(0) !== SIG.eocd64) throw refusal.truncated('找不到 ZIP64 目录');
    if (recAt + 12 + u64(r, 4) !== locAt) throw refusal.malformed('ZIP64 目录位置不符');
    if (r.readUInt32LE(16) !== 0 || r.readUInt32LE(20) !== 0 || u64(r, 24) !== u64(r, 32)) throw refusal.malformed('分卷压缩包');
    count = u64(r, 32);
    cdSize = u64(r, 40);
    cdOffset = u64(r, 48);
    cdEnd = recAt;
  } else if (count === MAX16 || cdSize === MAX32 || cdOffset === MAX32) {
    throw refusal.truncated('找不到 ZIP64 目录');
  }
  if (cdOffset + cdSize > cdEnd) throw refusal.truncated('压缩包目录超出文件范围');
  if (cdOffset + cdSize < cdEnd) throw refusal.malformed('压缩包目录之后有多余数据');
  return { count, cdOffset, cdSize, cdEnd };
}

/** Parses and vets every central directory record. */
export async function openZipIndex(fh: fs.promises.FileHandle, caps: BundleCaps): Promise<ZipIndex> {
  const { size } = await fh.stat();
  const loc = await locateCentral(fh, size);
  if (loc.count > caps.maxEntries) throw refusal.tooManyEntries(loc.count, caps.maxEntries);
  if (loc.cdSize > caps.maxCentralDirectoryBytes) throw refusal.malformed('压缩包目录过大');
  const cd = await readAt(fh, loc.cdOffset, loc.cdSize);
  const entries: ZipEntry[] = [];
  const seen = new Map<string, string>();
  let total = 0;
  let p = 0;
  for (let i = 0; i < loc.count; i++) {
    if (p + CENTRAL_LEN > cd.length || cd.readUInt32LE(p) !== SIG.central) throw refusal.malformed('压缩包目录记录缺失');
    const nameLen = cd.readUInt16LE(p + 28);
    const extraLen = cd.readUInt16LE(p + 30);
    const commentLen = cd.readUInt16LE(p + 32);
    const recEnd = p + CENTRAL_LEN + nameLen + extraLen + commentLen;
    if (recEnd > cd.length) throw refusal.malformed('压缩包目录记录不完整');
    const nameBytes = cd.subarray(p + CENTRAL_LEN, p + CENTRAL_LEN + nameLen);
    const extra = cd.subarray(p + CENTRAL_LEN + nameLen, p + CENTRAL_LEN + nameLen + extraLen);
    const flags = cd.readUInt16LE(p + 8);
    let name: string;
    try {
      name = utf8.decode(nameBytes);
    } catch {
      throw refusal.badNameEncoding();
    }
    // Without the UTF-8 flag the name is in a DOS code page; only plain ASCII reads the same in every one.
    if (!(flags & FLAG_UTF8) && /[^\x20-\x7e]/.test(name)) throw refusal.badNameEncoding();
    const e: ZipEntry = {
      name,
      nameBytes: Buffer.from(nameBytes),
      flags,
      method: cd.readUInt16LE(p + 10),
      crc: cd.readUInt32LE(p + 16),
      compressedSize: cd.readUInt32LE(p + 20),
      size: cd.readUInt32LE(p + 24),
      offset: cd.readUInt32LE(p + 42),
    };
    applyZip64(e, extra);
    if (cd.readUInt16LE(p + 34) !== 0) throw refusal.malformed('分卷压缩包');
    vetEntry(e, cd.readUInt16LE(p + 4) >> 8, cd.readUInt32LE(p + 38), caps);
    const key = collisionKey(name);
    const other = seen.get(key);
    if (other !== undefined) throw refusal.duplicate(name, other);
    seen.set(key, name);
    total += e.size;
    if (total > caps.maxTotalBytes) throw refusal.totalTooBig(total, caps.maxTotalBytes);
    entries.push(e);
    p = recEnd;
  }
  if (p !== cd.length) throw refusal.malformed('压缩包目录记录数不符');
  entries.sort((a, b) => a.offset - b.offset);
  // Each entry needs at least its header, name and data before the next begins: no overlapping (quine-style) bombs.
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    const minEnd = e.offset + LOCAL_LEN + e.nameBytes.length + e.compressedSize;
    if (minEnd > loc.cdOffset) throw refusal.truncated(`“${e.name}”的数据超出文件范围`);
    const next = entries[i + 1];
    if (next && minEnd > next.offset) throw refusal.malformed(`“${e.name}”与“${next.name}”的数据相互重叠`);
  }
  return { size, entries, cdOffset: loc.cdOffset };
}

/** ZIP64 extended information: values present only for 32-bit fields that say 0xFFFFFFFF, in this order. */
function applyZip64(e: ZipEntry, extra: Buffer): void {
  for (let q = 0; q + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(q);
    const len = extra.readUInt16LE(q + 2);
    if (q + 4 + len > extra.length) throw refusal.malformed(`“${e.name}”的扩展字段不完整`);
    if (id === EXTRA_ZIP64) {
      let r = q + 4;
      const next = () => {
        if (r + 8 > q + 4 + len) throw refusal.malformed(`“${e.name}”的 ZIP64 字段不完整`);
        const v = u64(extra, r);
        r += 8;
        return v;
      };
      if (e.size === MAX32) e.size = next();
      if (e.compressedSize === MAX32) e.compressedSize = next();
      if (e.offset === MAX32) e.offset = next();
    }
    q += 4 + len;
  }
}

function vetEntry(e: ZipEntry, hostSystem: number, externalAttr: number, caps: BundleCaps): void {
  if (e.flags & (FLAG_ENCRYPTED | FLAG_STRONG_ENCRYPTION)) throw refusal.encrypted(e.name);
  const mode = hostSystem === 3 ? externalAttr >>> 16 : 0;
  if (e.name.endsWith('/') || (mode & S_IFMT) === S_IFDIR || (externalAttr & DOS_DIRECTORY) !== 0) throw refusal.directory(e.name);
  if ((mode & S_IFMT) === S_IFLNK) throw refusal.symlink(e.name);
  if (mode !== 0 && (mode & S_IFMT) !== S_IFREG) throw refusal.notRegular(e.name);
  const problem = nameProblem(e.name);
  if (problem) throw refusal.unsafeName(e.name, problem);
  if (e.method !== METHOD_STORE && e.method !== METHOD_DEFLATE) throw refusal.method(e.name, e.method);
  if (e.method === METHOD_STORE && e.compressedSize !== e.size) throw refusal.corrupt(e.name, '存储的大小前后不一致');
  if (e.size > caps.maxEntryBytes) throw refusal.entryTooBig(e.name, e.size, caps.maxEntryBytes);
  if (e.method === METHOD_DEFLATE && e.size >= caps.ratioMinBytes && e.size > caps.maxRatio * Math.max(1, e.compressedSize)) {
    throw refusal.ratio(e.name, e.size / Math.max(1, e.compressedSize));
  }
}
