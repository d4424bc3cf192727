/**
 * Planning one item of a volume before anything is drawn: typeset records are laid out,
 * originals are read, decrypted or converted and measured, and anything that cannot be printed
 * as it is becomes a replacement page. Planning never throws for a bad original.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import jpeg from 'jpeg-js';
import { convertWithLibreOffice, readDocx, sofficePath } from '../../core/renditions';
import type { LaidPage } from '../typeset/flow';
import { layoutItem } from '../typeset/layout';
import type { TextKit } from '../typeset/measure';
import type { Item, OfficeItem, OriginalSource } from '../typeset/model';
import { docxToBlocks } from './wordBlocks';
import { fsReason, preparePdf, readOriginal, type MarkBoxes, type OriginalPage } from './originals';
import { layoutReplacement } from './replacement';
import type { PDFDocument as LibDocument } from 'pdf-lib';

export type WordRendition = 'libreoffice' | 'engine';

/** How an original reached the page (for the 备考表). */
export type Rendition = 'asIs' | 'decrypted' | 'repaired' | 'libreoffice' | 'engine';

export type Plan =
  | { kind: 'typeset'; pages: LaidPage[]; rendition?: 'engine'; images?: number }
  | { kind: 'pdf'; src: LibDocument; pages: OriginalPage[]; rendition: Rendition }
  | { kind: 'image'; path: string; sheet: 'portrait' | 'landscape'; w: number; h: number }
  | { kind: 'unreadable'; pages: LaidPage[]; reason: string; sha256: string | null };

export interface PlanContext {
  tk: TextKit;
  marks: MarkBoxes;
  wordRendition: WordRendition;
  rasterDpi?: number;
  /** Font files LibreOffice may use (the bundled Chinese faces). */
  fontFiles: string[];
  warnings: string[];
}

export const planPages = (p: Plan) => (p.kind === 'image' ? 1 : p.pages.length);

/** The original's name as filed, else the stored file's name. */
export const originalName = (item: Item): string =>
  item.kind === 'typeset' ? item.catalogue.title : (item.source?.name ?? path.basename(item.path));

/**
 * The SHA-256 printed for an original: the one recorded when it was filed (it names the file in
 * the data package), else the hash of the bytes read, else the stored file's name.
 */
function sha256Of(item: Exclude<Item, { kind: 'typeset' }>, bytes?: Buffer): { sha256: string | null; altered: boolean } {
  const actual = bytes ? crypto.createHash('sha256').update(bytes).digest('hex') : null;
  const recorded = item.source?.sha256 || null;
  if (recorded) return { sha256: recorded, altered: !!actual && actual !== recorded };
  const base = path.basename(item.path);
  return { sha256: actual ?? (/^[0-9a-f]{64}$/.test(base) ? base : null), altered: false };
}

export async function planItem(ctx: PlanContext, item: Item, forced?: string): Promise<Plan> {
  const title = item.catalogue.title;
  if (item.kind === 'typeset') return { kind: 'typeset', pages: layoutItem(ctx.tk, title, item.blocks, item.subtitle) };
  const replace = (why: string, bytes?: Buffer, advice?: string): Plan => {
    const { sha256, altered } = sha256Of(item, bytes);
    const reason = altered ? `${why}；且文件内容与归档时记录的 SHA-256 不一致，存储的文件已被改动或损坏` : why;
    ctx.warnings.push(`原件无法按原样打印：${item.path}（${reason}），已以说明页代替。`);
    return {
      kind: 'unreadable',
      reason,
      sha256,
      pages: layoutReplacement(ctx.tk, { title, file: originalName(item), sha256, reason, advice }),
    };
  };
  if (forced) return replace(forced);
  const read = readOriginal(item.path);
  if (!read.ok) return replace(read.reason);
  const bytes = read.bytes;
  if (item.kind === 'pdf') return pdfPlan(ctx, bytes, 'asIs', (r) => replace(r, bytes));
  if (item.kind === 'office') return officePlan(ctx, item, bytes, (r, advice) => replace(r, bytes, advice));
  return imagePlan(ctx, item.path, (r) => replace(r, bytes));
}

async function pdfPlan(ctx: PlanContext, bytes: Buffer, via: Rendition, replace: (reason: string) => Plan): Promise<Plan> {
  const r = await preparePdf(bytes, { marks: ctx.marks, rasterDpi: ctx.rasterDpi });
  if (!r.ok) return replace(r.reason);
  const rendition: Rendition = via !== 'asIs' ? via : r.decrypted ? 'decrypted' : r.rewritten ? 'repaired' : 'asIs';
  return { kind: 'pdf', src: r.doc, pages: r.pages, rendition };
}

const FORMAT_LABEL: Record<OfficeItem['format'], string> = {
  docx: 'Word 文档',
  doc: 'Word 97-2003 文档',
  wps: 'WPS 文字文档',
  xls: 'Excel 97-2003 表格',
  xlsx: 'Excel 表格',
  et: 'WPS 表格',
};

async function officePlan(
  ctx: PlanContext,
  item: OfficeItem,
  bytes: Buffer,
  replace: (reason: string, advice?: string) => Plan,
): Promise<Plan> {
  const label = FORMAT_LABEL[item.format];
  const viaLibreOffice = async (): Promise<Plan | string> => {
    if (!sofficePath()) return '本机未安装 LibreOffice，无法转换';
    const c = await convertWithLibreOffice(item.path, item.format, { fonts: ctx.fontFiles });
    if (!c.ok) return c.reason;
    const p = await pdfPlan(ctx, c.pdf, 'libreoffice', (r) => ({ kind: 'unreadable', pages: [], reason: r, sha256: null }));
    return p.kind === 'unreadable' ? `转换结果无法读取（${p.reason}）` : p;
  };
  const viaEngine = async (): Promise<Plan | string> => {
    const d = await readDocx(item.path);
    if (!d.ok) return d.reason;
    const { blocks, images } = docxToBlocks(d.blocks, { pdfa: ctx.rasterDpi !== undefined });
    if (blocks.length === 0) return 'Word 文档中没有可排版的文字';
    return { kind: 'typeset', pages: layoutItem(ctx.tk, item.catalogue.title, blocks), rendition: 'engine', images };
  };
  const order =
    item.format === 'docx'
      ? ctx.wordRendition === 'engine'
        ? [viaEngine, viaLibreOffice]
        : [viaLibreOffice, viaEngine]
      : [viaLibreOffice];
  const reasons: string[] = [];
  for (const way of order) {
    const r = await way();
    if (typeof r !== 'string') return r;
    reasons.push(r);
  }
  return replace(
    `原件为${label}，${reasons.join('；')}`,
    '如需纸质件，请在装有 WPS 或 Microsoft Office 的电脑上打开电子原件打印，附于本页之后，并在备考表中说明。',
  );
}

function imagePlan(ctx: PlanContext, file: string, replace: (reason: string) => Plan): Plan {
  try {
    const img = (ctx.tk.doc as unknown as { openImage(p: string): unknown }).openImage(file) as {
      width: number;
      height: number;
      orientation?: number;
    };
    if (!(img.width > 0 && img.height > 0)) return replace('图片尺寸无效');
    const turned = (img.orientation ?? 1) > 4;
    const [iw, ih] = turned ? [img.height, img.width] : [img.width, img.height];
    return { kind: 'image', path: file, sheet: iw > ih ? 'landscape' : 'portrait', w: iw, h: ih };
  } catch (e) {
    return replace(`图片已损坏或格式不受支持，仅支持 JPEG 和 PNG（${String((e as Error).message ?? e).slice(0, 60)}）`);
  }
}

/**
 * Why a scan cannot go into a PDF/A-1 volume as it is, or null: a PNG with transparency (no
 * soft masks in PDF/A-1), or a JPEG whose data does not decode completely (pdfkit embeds JPEG
 * data unchanged, so a damaged stream would be in the file).
 */
export function pdfaScanProblem(file: string): string | null {
  if (pngHasAlpha(file)) return '为带透明通道的 PNG 图片';
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    return null; // unreadable: it becomes a replacement page
  }
  if (!(bytes[0] === 0xff && bytes[1] === 0xd8)) return null;
  try {
    jpeg.decode(bytes, { useTArray: true, tolerantDecoding: false, maxMemoryUsageInMB: 1024, formatAsRGBA: false });
    return null;
  } catch {
    return '为 JPEG 图片但图像数据不完整或已损坏';
  }
}

function pngHasAlpha(file: string): boolean {
  try {
    const fd = fs.openSync(file, 'r');
    try {
      const head = Buffer.alloc(1 << 16);
      const n = fs.readSync(fd, head, 0, head.length, 0);
      const h = head.subarray(0, n);
      if (!h.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return false;
      const colorType = h[25];
      return colorType === 4 || colorType === 6 || h.includes('tRNS');
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return false;
  }
}

export { fsReason, type OriginalSource };
