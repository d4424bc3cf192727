/**
 * Originals: checking them before layout (so their real page counts are known), and
 * putting the appended PDF pages into the finished file with pdf-lib.
 *
 * How an appended PDF page gets its stamp and page number (pdf-notes G9: no Chinese with
 * pdf-lib): pdfkit draws, on a placeholder page of the original page's size as viewed,
 * the stamp (item's first page) and the page number. After pdfkit is done, pdf-lib copies
 * the original page, embeds the placeholder's content as a form XObject, and moves the
 * original's content, resources, boxes, rotation and annotations INTO the placeholder's
 * page object, drawing the overlay on top. The page object keeps its reference, so the
 * bookmarks pdfkit wrote stay valid.
 *
 * Room for the stamp: where an original's ink is cannot be known without rendering it, so
 * every appended page is shrunk uniformly (A4: to 88.6 %) into the area between a 22 mm
 * top band (stamp) and a 12 mm bottom band (page number), centred across; the page keeps
 * its size. All pages of an item get the same scale.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  concatTransformationMatrix,
  degrees,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFNumber,
  PDFRef,
  PDFStream,
  popGraphicsState,
  pushGraphicsState,
} from 'pdf-lib';
import { BOTTOM_BAND, TOP_BAND } from '../typeset/page';

export interface ViewedPage {
  /** Size as viewed (after /Rotate). */
  w: number;
  h: number;
  rotation: 0 | 90 | 180 | 270;
}

export type PdfCheck = { ok: true; doc: PDFDocument; pages: ViewedPage[] } | { ok: false; reason: string };

/** Reads an original PDF fully enough to know its pages; never throws. */
export async function checkPdf(file: string): Promise<PdfCheck> {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    return { ok: false, reason: fsReason(e) };
  }
  try {
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    const pages = doc.getPages().map((p) => {
      const box = p.getCropBox();
      const rotation = (((p.getRotation().angle % 360) + 360) % 360) as ViewedPage['rotation'];
      const turned = rotation === 90 || rotation === 270;
      return { w: turned ? box.height : box.width, h: turned ? box.width : box.height, rotation };
    });
    if (pages.length === 0) return { ok: false, reason: '文件中没有页面' };
    if (pages.some((p) => !(p.w > 10 && p.h > 10 && p.w < 14400 && p.h < 14400))) return { ok: false, reason: '页面尺寸异常' };
    return { ok: true, doc, pages };
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    if (/encrypt/i.test(msg)) return { ok: false, reason: '文件已加密，无法读取，请提供未加密的文件' };
    return { ok: false, reason: `文件已损坏或不是有效的 PDF 文件（${msg.slice(0, 80)}）` };
  }
}

export function fsReason(e: unknown): string {
  const code = (e as { code?: string }).code;
  if (code === 'ENOENT') return '文件不存在';
  if (code === 'EACCES' || code === 'EPERM') return '没有读取该文件的权限';
  return `无法读取文件（${(e as Error).message ?? e}）`;
}

/** Uniform scale that leaves the stamp and page-number bands free on a page of height h. */
export function bandScale(h: number): number {
  return Math.min(1, (h - TOP_BAND - BOTTOM_BAND) / h);
}

export interface Placement {
  /** Index of the placeholder page in the pdfkit output. */
  pageIndex: number;
  src: PDFDocument;
  srcIndex: number;
  view: ViewedPage;
  scale: number;
}

/**
 * Puts the originals into the placeholder pages. Returns warnings for pages that could
 * not be copied (those keep the placeholder: stamp and number on a blank page).
 */
export async function mergeOriginals(out: PDFDocument, placements: Placement[]): Promise<string[]> {
  const warnings: string[] = [];
  const bySrc = new Map<PDFDocument, Placement[]>();
  for (const p of placements) {
    let a = bySrc.get(p.src);
    if (!a) bySrc.set(p.src, (a = []));
    a.push(p);
  }
  const pages = out.getPages();
  const overlays = await out.embedPages(placements.map((p) => pages[p.pageIndex]!));
  // pdf-lib embeds lazily at save time: embed now, before the placeholders' content is replaced
  for (const o of overlays) await o.embed();
  const overlayOf = new Map(placements.map((p, i) => [p, overlays[i]!]));
  for (const [src, list] of bySrc) {
    let copies;
    try {
      copies = await out.copyPages(src, list.map((p) => p.srcIndex));
    } catch (e) {
      warnings.push(`原件页面复制失败：${(e as Error).message}`);
      continue;
    }
    list.forEach((p, i) => {
      const target = pages[p.pageIndex]!;
      const copy = copies[i]!;
      const node = target.node;
      const from = copy.node;
      for (const key of ['MediaBox', 'CropBox', 'BleedBox', 'TrimBox', 'ArtBox', 'Rotate', 'Resources', 'Annots', 'UserUnit', 'Group']) {
        const v = from.get(PDFName.of(key));
        if (v) node.set(PDFName.of(key), v);
        else node.delete(PDFName.of(key));
      }
      node.set(PDFName.of('Contents'), out.context.obj(contentRefs(out, from.get(PDFName.of('Contents')))));
      // the copy's own page object is not used
      out.context.delete(out.context.getObjectRef(from)!);
      ensureResourceDicts(out, node);
      const box = target.getCropBox();
      const t = contentMatrix(p.view, box, p.scale);
      wrapContent(out, node, t);
      transformAnnots(out, node, t);
      const [e, f] = overlayOrigin(p.view.rotation, box);
      target.drawPage(overlayOf.get(p)!, { x: e, y: f, rotate: degrees(p.view.rotation) });
    });
  }
  return warnings;
}

/**
 * pdf-lib's drawPage expects /Font, /XObject and /ExtGState dicts in /Resources (it created
 * them when it first opened the page; the copied Resources replaced those, e.g. pdfkit
 * originals have no /XObject).
 */
function ensureResourceDicts(out: PDFDocument, node: PDFDict): void {
  let res = node.lookupMaybe(PDFName.of('Resources'), PDFDict);
  if (!res) {
    res = out.context.obj({});
    node.set(PDFName.of('Resources'), res);
  }
  for (const k of ['Font', 'XObject', 'ExtGState']) if (!res.has(PDFName.of(k))) res.set(PDFName.of(k), out.context.obj({}));
}

type Box = { x: number; y: number; width: number; height: number };
type M = [number, number, number, number, number, number];

/** Where the overlay's origin (viewed bottom-left) lies in page space for a rotation. */
function overlayOrigin(r: number, b: Box): [number, number] {
  if (r === 90) return [b.x + b.width, b.y];
  if (r === 180) return [b.x + b.width, b.y + b.height];
  if (r === 270) return [b.x, b.y + b.height];
  return [b.x, b.y];
}

/** Viewed (u, v) → page (x, y). */
function viewToPage(r: number, b: Box, u: number, v: number): [number, number] {
  if (r === 90) return [b.x + b.width - v, b.y + u];
  if (r === 180) return [b.x + b.width - u, b.y + b.height - v];
  if (r === 270) return [b.x + v, b.y + b.height - u];
  return [b.x + u, b.y + v];
}

/** Uniform shrink about the point that keeps the content between the bands, centred across. */
function contentMatrix(view: ViewedPage, b: Box, s: number): M {
  if (s >= 1) return [1, 0, 0, 1, 0, 0];
  // viewed: u' = s·u + (1−s)·W/2, v' = s·v + BOTTOM_BAND — fixed point F = (W/2, BOTTOM_BAND/(1−s))
  const [px, py] = viewToPage(view.rotation, b, view.w / 2, BOTTOM_BAND / (1 - s));
  return [s, 0, 0, s, (1 - s) * px, (1 - s) * py];
}

function contentRefs(out: PDFDocument, contents: unknown): PDFRef[] {
  if (contents instanceof PDFRef) {
    const v = out.context.lookup(contents);
    if (v instanceof PDFArray) return contentRefs(out, v);
    return [contents];
  }
  if (contents instanceof PDFArray) return contents.asArray().filter((x): x is PDFRef => x instanceof PDFRef);
  if (contents instanceof PDFStream) return [out.context.register(contents)];
  return [];
}

function wrapContent(out: PDFDocument, node: PDFDict, m: M): void {
  const start = out.context.register(out.context.contentStream([pushGraphicsState(), concatTransformationMatrix(...m)]));
  const end = out.context.register(out.context.contentStream([popGraphicsState()]));
  const arr = node.lookup(PDFName.of('Contents'), PDFArray);
  arr.insert(0, start);
  arr.push(end);
}

function transformAnnots(out: PDFDocument, node: PDFDict, m: M): void {
  if (m[0] === 1) return;
  const annots = node.lookupMaybe(PDFName.of('Annots'), PDFArray);
  if (!annots) return;
  for (let i = 0; i < annots.size(); i++) {
    const a = annots.lookup(i);
    if (!(a instanceof PDFDict)) continue;
    const rect = a.lookupMaybe(PDFName.of('Rect'), PDFArray);
    if (!rect || rect.size() !== 4) continue;
    const n = rect.asArray().map((x) => (x instanceof PDFNumber ? x.asNumber() : 0));
    const [x1, y1] = [m[0] * n[0]! + m[4], m[3] * n[1]! + m[5]];
    const [x2, y2] = [m[0] * n[2]! + m[4], m[3] * n[3]! + m[5]];
    a.set(PDFName.of('Rect'), out.context.obj([x1, y1, x2, y2]));
  }
}

export const displayName = (file: string) => path.basename(file);
