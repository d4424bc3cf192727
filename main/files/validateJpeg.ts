/**
 * A JPEG is complete when its segments chain from SOI to a first scan (SOS) and an EOI marker
 * follows the scan data; one small enough to decode within the memory budget also has its image
 * data checked, which catches damaged entropy-coded data that the markers alone cannot show: a
 * sequential Huffman JPEG (nearly every scanner and phone) by walking every MCU through its
 * Huffman tables (jpegEntropy.ts), anything else by a full decode (jpeg-js).
 */
import { decode } from 'jpeg-js';
import { jpegEntropyVerdict } from './jpegEntropy';
import type { RandomAccess } from './sniff';

/** Decoded only up to this many pixels (RGB output ≈ 3 bytes a pixel) and this file size. */
export const JPEG_DECODE_MAX_PIXELS = 50_000_000;
export const JPEG_DECODE_MAX_BYTES = 64 * 1024 * 1024;
const PIECE = 1024 * 1024;

/** Offset just after the first SOS segment header, or null when the segment chain breaks first. */
function firstScan(file: RandomAccess): number | null {
  let p = 2;
  while (p + 4 <= file.size) {
    const h = file.read(p, 4);
    if (h[0] !== 0xff) return null;
    const marker = h[1]!;
    if (marker === 0xff) {
      p++;
      continue;
    }
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      p += 2;
      continue;
    }
    if (marker === 0xd9) return null;
    const len = h.readUInt16BE(2);
    if (len < 2) return null;
    if (marker === 0xda) return p + 2 + len;
    p += 2 + len;
  }
  return null;
}

/** Whether an EOI marker (FF D9) occurs at or after `from`; scanned in pieces. */
function hasEoiAfter(file: RandomAccess, from: number): boolean {
  for (let p = from; p < file.size; p += PIECE) {
    const piece = file.read(p, PIECE + 1); // one byte of overlap catches a marker split across pieces
    for (let i = piece.indexOf(0xff); i >= 0 && i + 1 < piece.length; i = piece.indexOf(0xff, i + 1)) {
      if (piece[i + 1] === 0xd9) return true;
    }
  }
  return false;
}

/** Null when complete, else the Chinese reason. */
export function jpegProblem(file: RandomAccess, width: number, height: number): string | null {
  const scan = firstScan(file);
  if (scan === null || scan > file.size) return '已损坏（文件结构不完整，找不到图像数据）';
  if (!hasEoiAfter(file, scan)) return '不完整（缺少结束标记，图片下部缺失，可能下载或拷贝时中断）';
  if (width * height <= JPEG_DECODE_MAX_PIXELS && file.size <= JPEG_DECODE_MAX_BYTES) {
    const bytes = file.read(0, file.size);
    const verdict = jpegEntropyVerdict(bytes);
    if (verdict === 'corrupt') return '已损坏（图像数据无法解码）';
    if (verdict === 'unsupported') {
      try {
        decode(bytes, { useTArray: true, formatAsRGBA: false, maxMemoryUsageInMB: 400, maxResolutionInMP: 60 });
      } catch {
        return '已损坏（图像数据无法解码）';
      }
    }
  }
  return null;
}
