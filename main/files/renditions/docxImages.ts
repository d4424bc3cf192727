/**
 * The pictures of a .docx: its image relationships (word/_rels/document.xml.rels) loaded from
 * the package, each checked as the intake checks a scan (PNG complete with every CRC and the
 * promised pixel bytes, JPEG complete and decodable, no decompression bomb). Only PNG and JPEG
 * can be printed by our engine; other formats (EMF, WMF, GIF, TIFF…) and linked (external)
 * pictures are named with the reason, never fetched.
 */
import type JSZip from 'jszip';
import { DOMParser, type Element as XElement } from '@xmldom/xmldom';
import { isBomb, jpegFacts, pngFacts } from '../imageFacts';
import type { RandomAccess } from '../sniff';
import { jpegProblem } from '../validateJpeg';
import { pngProblem } from '../validatePng';

export interface DocxImage {
  /** The picture's description or name in Word (may be empty). */
  name: string;
  /** The picture's bytes when it can be printed (PNG or JPEG, complete). */
  data: Buffer | null;
  format: 'png' | 'jpeg' | null;
  /** Pixel size (JPEG/PNG). */
  pixels: { width: number; height: number } | null;
  /** A PNG with an alpha channel or transparency (not allowed in PDF/A-1). */
  alpha: boolean;
  /** Size in the document (mm), when Word states one. */
  widthMm: number | null;
  heightMm: number | null;
  /** Why it cannot be printed, when `data` is null. */
  problem: string | null;
}

export type LoadedImage = Pick<DocxImage, 'data' | 'format' | 'pixels' | 'alpha' | 'problem'>;

/** All pictures of a package together may take this much memory; beyond it they are named only. */
const MAX_IMAGE_BYTES = 64 * 1024 * 1024;

const access = (buf: Buffer): RandomAccess => ({ size: buf.length, read: (o, l) => buf.subarray(o, Math.min(buf.length, o + l)) });

async function check(buf: Buffer): Promise<LoadedImage> {
  const none = (problem: string): LoadedImage => ({ data: null, format: null, pixels: null, alpha: false, problem });
  if (buf.length >= 8 && buf.readUInt32BE(0) === 0x89504e47) {
    const f = pngFacts(buf);
    if (!f) return none('PNG 图片已损坏');
    if (isBomb(f)) return none('图片尺寸过大');
    const p = await pngProblem(access(buf));
    if (p) return none(`PNG 图片${p}`);
    const colorType = buf[25];
    const alpha = colorType === 4 || colorType === 6 || buf.includes('tRNS');
    return { data: buf, format: 'png', pixels: { width: f.width, height: f.height }, alpha, problem: null };
  }
  if (buf.length >= 3 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) {
    const f = jpegFacts(buf);
    if (!f) return none('JPEG 图片已损坏');
    if (f.unsupportedCoding) return none(`JPEG 图片采用${f.unsupportedCoding}，无法排版`);
    if (isBomb(f)) return none('图片尺寸过大');
    const p = jpegProblem(access(buf), f.width, f.height);
    return p
      ? none(`JPEG 图片${p}`)
      : { data: buf, format: 'jpeg', pixels: { width: f.width, height: f.height }, alpha: false, problem: null };
  }
  return none('图片格式不是 JPEG 或 PNG，无法排版');
}

/** Relationship id → the picture it points to, for every image relationship of the main part. */
export async function loadDocxImages(zip: JSZip): Promise<Map<string, LoadedImage>> {
  const out = new Map<string, LoadedImage>();
  const rels = zip.file('word/_rels/document.xml.rels');
  if (!rels) return out;
  const doc = new DOMParser().parseFromString(await rels.async('string'), 'text/xml');
  const list = doc.getElementsByTagName('Relationship');
  let budget = MAX_IMAGE_BYTES;
  for (let i = 0; i < list.length; i++) {
    const r = list.item(i) as XElement;
    const id = r.getAttribute('Id');
    const type = r.getAttribute('Type') ?? '';
    if (!id || !/\/image$/.test(type)) continue;
    if (r.getAttribute('TargetMode') === 'External') {
      out.set(id, { data: null, format: null, pixels: null, alpha: false, problem: '图片为外部链接，未保存在文档中' });
      continue;
    }
    const target = r.getAttribute('Target') ?? '';
    const name = target.startsWith('/') ? target.slice(1) : `word/${target}`.replace(/[^/]+\/\.\.\//g, '');
    const f = zip.file(name);
    if (!f) {
      out.set(id, { data: null, format: null, pixels: null, alpha: false, problem: '文档中缺少该图片' });
      continue;
    }
    const buf = await f.async('nodebuffer');
    if (buf.length > budget) {
      out.set(id, { data: null, format: null, pixels: null, alpha: false, problem: '文档中的图片过大，无法排版' });
      continue;
    }
    budget -= buf.length;
    out.set(id, await check(buf));
  }
  return out;
}
