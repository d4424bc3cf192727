/**
 * One entry read through its local header: the header must agree with the central
 * directory, the data is inflated with a hard stop at the declared size, the data
 * descriptor (if any) must agree too, and the CRC must match.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { AppError } from '../../../shared/result';
import type { ChunkReader } from './chunkReader';
import { crc32 } from '../../files/crc32';
import { refusal } from './refusals';
import type { ZipEntry } from './zipReader';
import { EXTRA_ZIP64, FLAG_DESCRIPTOR, FLAG_ENCRYPTED, LOCAL_LEN, MAX32, METHOD_STORE, SIG } from './zipFormat';

export type DataSink = (chunk: Buffer) => void | Promise<void>;

/**
 * Reads the entry at the reader's position (which must be the entry's local header) and feeds
 * its bytes to `onData`. Returns whether the CRC matched: callers that also hold a SHA-256
 * check that first, so a modified file is reported as such rather than as a CRC error.
 */
export async function readEntryData(reader: ChunkReader, e: ZipEntry, onData: DataSink): Promise<{ crcOk: boolean }> {
  if (reader.pos !== e.offset) throw refusal.malformed(`“${e.name}”之前有无法识别的数据`);
  const truncated = `“${e.name}”的数据不完整`;
  const h = Buffer.from(await reader.take(LOCAL_LEN, truncated));
  if (h.readUInt32LE(0) !== SIG.local) throw refusal.localHeader(e.name, '找不到本地文件头');
  const flags = h.readUInt16LE(6);
  if (flags & FLAG_ENCRYPTED) throw refusal.encrypted(e.name);
  const name = await reader.take(h.readUInt16LE(26), truncated);
  if (!name.equals(e.nameBytes)) throw refusal.localHeader(e.name, '文件名不同');
  if (h.readUInt16LE(8) !== e.method) throw refusal.localHeader(e.name, '压缩方式不同');
  if ((flags & FLAG_DESCRIPTOR) !== (e.flags & FLAG_DESCRIPTOR)) throw refusal.localHeader(e.name, '标志位不同');
  const extra = await reader.take(h.readUInt16LE(28), truncated);
  const zip64 = hasZip64(extra);
  if (!(flags & FLAG_DESCRIPTOR)) {
    let csize = h.readUInt32LE(18);
    let size = h.readUInt32LE(22);
    if (zip64 && (size === MAX32 || csize === MAX32)) ({ size, csize } = localZip64(extra, size, csize));
    if (h.readUInt32LE(14) !== e.crc) throw refusal.localHeader(e.name, 'CRC 不同');
    if (size !== e.size || csize !== e.compressedSize) throw refusal.localHeader(e.name, '大小不同');
  }

  let crc = 0;
  let produced = 0;
  let stop: AppError | null = null;
  const take = async (chunk: Buffer) => {
    produced += chunk.length;
    // Kept aside: stream teardown may surface a different error first.
    if (produced > e.size) throw (stop = refusal.inflatedTooMuch(e.name));
    crc = crc32(chunk, crc);
    await onData(chunk);
  };
  const raw = reader.stream(e.compressedSize, truncated);
  if (e.method === METHOD_STORE) {
    for await (const chunk of raw) await take(chunk);
  } else {
    try {
      await pipeline(Readable.from(raw), zlib.createInflateRaw(), async (out: AsyncIterable<Buffer>) => {
        for await (const chunk of out) await take(chunk);
      });
    } catch (err) {
      if (stop) throw stop;
      if (err instanceof AppError) throw err;
      throw refusal.corrupt(e.name, '解压失败');
    }
  }
  if (produced !== e.size) throw refusal.corrupt(e.name, `解压后 ${produced} 字节，声明 ${e.size} 字节`);

  if (flags & FLAG_DESCRIPTOR) {
    if ((await reader.peekUInt32()) === SIG.descriptor) await reader.take(4);
    const d = await reader.take(zip64 ? 20 : 12, truncated);
    const dCsize = zip64 ? Number(d.readBigUInt64LE(4)) : d.readUInt32LE(4);
    const dSize = zip64 ? Number(d.readBigUInt64LE(12)) : d.readUInt32LE(8);
    if (d.readUInt32LE(0) !== e.crc || dCsize !== e.compressedSize || dSize !== e.size) {
      throw refusal.localHeader(e.name, '数据描述符不同');
    }
  }
  return { crcOk: crc === e.crc };
}

function hasZip64(extra: Buffer): boolean {
  for (let q = 0; q + 4 <= extra.length; q += 4 + extra.readUInt16LE(q + 2)) if (extra.readUInt16LE(q) === EXTRA_ZIP64) return true;
  return false;
}

function localZip64(extra: Buffer, size: number, csize: number): { size: number; csize: number } {
  for (let q = 0; q + 4 <= extra.length; q += 4 + extra.readUInt16LE(q + 2)) {
    if (extra.readUInt16LE(q) !== EXTRA_ZIP64) continue;
    // In a local header the ZIP64 field holds both sizes, uncompressed first.
    if (extra.readUInt16LE(q + 2) < 16 || q + 20 > extra.length) break;
    return { size: Number(extra.readBigUInt64LE(q + 4)), csize: Number(extra.readBigUInt64LE(q + 12)) };
  }
  return { size, csize };
}
