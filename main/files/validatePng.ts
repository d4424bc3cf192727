/**
 * A PNG is complete when every chunk's CRC matches, IEND closes it, and its IDAT data inflates
 * to exactly the bytes its header promises (rows of filter byte + pixels, Adam7 passes if
 * interlaced). Read in 1 MB pieces and inflated only to count, so memory stays flat.
 */
import zlib from 'node:zlib';
import { inflateCount, InflateLimitExceeded } from './inflateCount';
import type { RandomAccess } from './sniff';

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
const PIECE = 1024 * 1024;

/** Bytes of filtered scanlines for a w×h image at `bitsPerPixel`, with or without Adam7. */
export function pngRawSize(width: number, height: number, bitsPerPixel: number, interlaced: boolean): number {
  const rows = (w: number, h: number) => (w === 0 || h === 0 ? 0 : h * (1 + Math.ceil((w * bitsPerPixel) / 8)));
  if (!interlaced) return rows(width, height);
  const passes: Array<[number, number, number, number]> = [
    [0, 0, 8, 8],
    [4, 0, 8, 8],
    [0, 4, 4, 8],
    [2, 0, 4, 4],
    [0, 2, 2, 4],
    [1, 0, 2, 2],
    [0, 1, 1, 2],
  ];
  let total = 0;
  for (const [x0, y0, dx, dy] of passes) total += rows(Math.ceil((width - x0) / dx), Math.ceil((height - y0) / dy));
  return total;
}

/** Null when complete, else the Chinese reason. */
export async function pngProblem(file: RandomAccess): Promise<string | null> {
  let off = 8;
  let ihdr: { width: number; height: number; bpp: number; interlaced: boolean } | null = null;
  let ended = false;
  const idat: Array<[number, number]> = [];
  while (off + 8 <= file.size) {
    const head = file.read(off, 8);
    const len = head.readUInt32BE(0);
    const type = head.toString('latin1', 4, 8);
    if (off + 12 + len > file.size) return '不完整（文件在数据块中途结束，可能下载或拷贝时中断）';
    let crc = zlib.crc32(head.subarray(4, 8));
    for (let p = 0; p < len; p += PIECE) crc = zlib.crc32(file.read(off + 8 + p, Math.min(PIECE, len - p)), crc);
    if (crc >>> 0 !== file.read(off + 8 + len, 4).readUInt32BE(0)) return `已损坏（数据块 ${type} 的校验码不符）`;
    if (type === 'IHDR') {
      const d = file.read(off + 8, 13);
      const channels = CHANNELS[d[9]!];
      if (!channels) return '已损坏（图像头中的颜色类型无效）';
      ihdr = { width: d.readUInt32BE(0), height: d.readUInt32BE(4), bpp: d[8]! * channels, interlaced: d[12] === 1 };
    } else if (type === 'IDAT') {
      idat.push([off + 8, len]);
    } else if (type === 'IEND') {
      ended = true;
      break;
    }
    off += 12 + len;
  }
  if (!ihdr) return '已损坏（缺少图像头）';
  if (!ended) return '不完整（缺少结束标记 IEND，可能下载或拷贝时中断）';
  if (idat.length === 0) return '已损坏（没有图像数据）';
  const expected = pngRawSize(ihdr.width, ihdr.height, ihdr.bpp, ihdr.interlaced);
  function* pieces() {
    for (const [start, len] of idat) for (let p = 0; p < len; p += PIECE) yield file.read(start + p, Math.min(PIECE, len - p));
  }
  let got: number;
  try {
    got = await inflateCount(pieces(), expected + 1024, { strictEnd: true });
  } catch (err) {
    if (err instanceof InflateLimitExceeded) return '已损坏（图像数据比图像尺寸所需的多）';
    return '已损坏（图像数据无法解压）';
  }
  if (got < expected) return '不完整（图像数据不足，图片下部缺失）';
  return null;
}
