/**
 * Bounds for ZIP containers we parse (xlsx rosters, attendance and work-log sheets, docx): the
 * central directory is read first, and entries whose declared size or compression ratio is absurd
 * are refused before any parser sees them; then every entry is inflated once, only to count, so a
 * directory that lies about sizes is caught too. Memory stays flat: nothing is kept.
 */
import fs from 'node:fs';
import { inflateCount, InflateLimitExceeded } from './inflateCount';
import { MiB } from './sizeLimits';
import type { RandomAccess } from './sniff';
import { formatSize } from '../../shared/fileSize';

/** One entry (e.g. xl/sharedStrings.xml) may inflate to at most this. */
export const ZIP_ENTRY_MAX_BYTES = 64 * MiB;
/** All entries together. */
export const ZIP_TOTAL_MAX_BYTES = 200 * MiB;
export const ZIP_MAX_ENTRIES = 10_000;
/** Above 1 MiB inflated, an entry may not be more than this many times its compressed size. */
export const ZIP_MAX_RATIO = 200;

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const PIECE = 1024 * 1024;

interface Entry {
  name: string;
  method: number;
  compressed: number;
  uncompressed: number;
  local: number;
}

function centralDirectory(file: RandomAccess): Entry[] | string {
  const tailLen = Math.min(file.size, 22 + 0xffff);
  const tail = file.read(file.size - tailLen, tailLen);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return '文件结构不完整（找不到 ZIP 目录），可能已损坏';
  const count = tail.readUInt16LE(eocd + 10);
  const dirSize = tail.readUInt32LE(eocd + 12);
  const dirOffset = tail.readUInt32LE(eocd + 16);
  if (count === 0xffff || dirOffset === 0xffffffff) return '文件使用了 ZIP64 格式，表格和文档不应如此之大';
  if (count > ZIP_MAX_ENTRIES) return `文件包含 ${count} 个内部条目，超过上限 ${ZIP_MAX_ENTRIES}`;
  if (dirOffset + dirSize > file.size) return '文件结构不完整（ZIP 目录超出文件末尾），可能已损坏';
  const dir = file.read(dirOffset, dirSize);
  const entries: Entry[] = [];
  let p = 0;
  for (let n = 0; n < count; n++) {
    if (p + 46 > dir.length || dir.readUInt32LE(p) !== CENTRAL) return '文件结构已损坏（ZIP 目录条目无效）';
    const nameLen = dir.readUInt16LE(p + 28);
    const extraLen = dir.readUInt16LE(p + 30);
    const commentLen = dir.readUInt16LE(p + 32);
    const e: Entry = {
      method: dir.readUInt16LE(p + 10),
      compressed: dir.readUInt32LE(p + 20),
      uncompressed: dir.readUInt32LE(p + 24),
      local: dir.readUInt32LE(p + 42),
      name: dir.toString('utf8', p + 46, p + 46 + nameLen),
    };
    if (e.compressed === 0xffffffff || e.uncompressed === 0xffffffff || e.local === 0xffffffff) {
      return `内部条目「${e.name}」使用了 ZIP64 大小，表格和文档不应如此之大`;
    }
    entries.push(e);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** Null when the ZIP is within bounds, else the Chinese reason (without the file name). */
export async function zipProblem(file: RandomAccess): Promise<string | null> {
  const entries = centralDirectory(file);
  if (typeof entries === 'string') return entries;
  let declared = 0;
  for (const e of entries) {
    if (e.uncompressed > ZIP_ENTRY_MAX_BYTES) {
      return `内部条目「${e.name}」解压后有 ${formatSize(e.uncompressed)}，超过单项上限 ${formatSize(ZIP_ENTRY_MAX_BYTES)}（疑似压缩炸弹）`;
    }
    if (e.uncompressed > MiB && e.uncompressed > ZIP_MAX_RATIO * Math.max(1, e.compressed)) {
      return `内部条目「${e.name}」的压缩比异常（${formatSize(e.compressed)} 解压为 ${formatSize(e.uncompressed)}，疑似压缩炸弹）`;
    }
    declared += e.uncompressed;
  }
  if (declared > ZIP_TOTAL_MAX_BYTES)
    return `解压后共有 ${formatSize(declared)}，超过上限 ${formatSize(ZIP_TOTAL_MAX_BYTES)}（疑似压缩炸弹）`;

  // The directory may lie: inflate each entry once, counting, within the same bounds.
  let total = 0;
  for (const e of entries) {
    if (e.local + 30 > file.size) return '文件结构已损坏（条目位置超出文件末尾）';
    const lh = file.read(e.local, 30);
    if (lh.readUInt32LE(0) !== LOCAL) return '文件结构已损坏（条目头无效）';
    const start = e.local + 30 + lh.readUInt16LE(26) + lh.readUInt16LE(28);
    if (start + e.compressed > file.size) return `内部条目「${e.name}」不完整，文件可能已被截断`;
    if (e.method === 0) {
      total += e.compressed;
      continue;
    }
    if (e.method !== 8) return `内部条目「${e.name}」使用了不支持的压缩方式`;
    function* pieces() {
      for (let p = 0; p < e.compressed; p += PIECE) yield file.read(start + p, Math.min(PIECE, e.compressed - p));
    }
    let actual: number;
    try {
      actual = await inflateCount(pieces(), Math.min(ZIP_ENTRY_MAX_BYTES, ZIP_TOTAL_MAX_BYTES - total), { raw: true, strictEnd: true });
    } catch (err) {
      if (err instanceof InflateLimitExceeded) return `内部条目「${e.name}」实际解压后超过上限（目录中声明的大小不实，疑似压缩炸弹）`;
      return `内部条目「${e.name}」已损坏，无法解压`;
    }
    if (actual !== e.uncompressed) return `内部条目「${e.name}」实际大小与目录中声明的不符，文件已损坏或被篡改`;
    total += actual;
  }
  return null;
}

export function bufferAccess(buf: Buffer): RandomAccess {
  return { size: buf.length, read: (o, l) => buf.subarray(Math.max(0, o), Math.max(0, Math.min(buf.length, o + l))) };
}

/** Random access to an open file of `size` bytes; reads past the end come back short. */
export function fileAccess(fd: number, size: number): RandomAccess {
  return {
    size,
    read(offset, length) {
      const len = Math.max(0, Math.min(length, size - offset));
      const buf = Buffer.alloc(len);
      const n = len > 0 && offset >= 0 ? fs.readSync(fd, buf, 0, len, offset) : 0;
      return buf.subarray(0, n);
    },
  };
}

/** zipProblem for a file on disk, read through one descriptor. */
export async function zipFileProblem(filePath: string): Promise<string | null> {
  const fd = fs.openSync(filePath, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    return await zipProblem(fileAccess(fd, size));
  } finally {
    fs.closeSync(fd);
  }
}

/** Rosters, attendance and work-log sheets are small; larger files are refused before reading. */
export const IMPORT_FILE_MAX_BYTES = 64 * MiB;

/**
 * The bounds every imported table or document passes before a parser sees it: the file size,
 * then (for ZIP containers: xlsx, docx) zipProblem. Null when fine, else the Chinese reason.
 */
export async function importFileProblem(filePath: string): Promise<string | null> {
  let st: fs.Stats;
  try {
    st = fs.statSync(filePath);
  } catch {
    return null; // the reader reports a missing file in its own words
  }
  if (!st.isFile()) return '不是普通文件';
  if (st.size > IMPORT_FILE_MAX_BYTES) return `文件大小为 ${formatSize(st.size)}，超过导入文件的上限 ${formatSize(IMPORT_FILE_MAX_BYTES)}`;
  const head = Buffer.alloc(4);
  const fd = fs.openSync(filePath, 'r');
  try {
    fs.readSync(fd, head, 0, 4, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (head.readUInt32LE(0) !== LOCAL) return null;
  const problem = await zipFileProblem(filePath);
  // Plain damage is left to the reader, which names it in its own words ("已损坏或不是有效的 Excel 表格");
  // what is refused here is what no parser should ever be handed: sizes, ratios, lies.
  return problem && /上限|炸弹|压缩比|ZIP64|声明的|条目/.test(problem) && !/已损坏|不完整/.test(problem) ? problem : null;
}
