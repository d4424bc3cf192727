/**
 * Original PDFs: prepared before layout (so their real page count and placement are known),
 * then put into the finished file with pdf-lib.
 *
 * Preparing never throws: every failure becomes a reason the volume prints on a replacement
 * page. PDFium (in-process WebAssembly) opens the file first — it tells a password-protected
 * file from a damaged one, makes the decrypted rendition of an encrypted file that opens
 * without a password, and rewrites files pdf-lib cannot read (broken xref, pages pdf-lib does
 * not see). pdf-lib must then copy every page into a scratch document and save it: what passes
 * that cannot fail later in the volume. PDFium also renders each page small, so the marks'
 * room is measured, not guessed (placement.ts).
 *
 * How an appended page gets its marks (pdf-notes G9: no Chinese with pdf-lib): pdfkit draws
 * the stamp and page number on a placeholder A4 sheet; pdf-lib embeds that as a form XObject,
 * moves the original page's content and resources into the placeholder's page object under
 * the placement matrix (clipped to the original's crop box) and draws the marks on top. The
 * page object keeps its reference, so pdfkit's bookmarks stay valid.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRef, PDFStream } from 'pdf-lib';
import { encodePng, openPdf, type PdfiumDoc } from '../../core/renditions';
import { fitPage, inkMap, INK_DPI, contentMatrix, apply, type Box, type Fit, type Matrix, type Rect, type Rotation } from './placement';

export interface OriginalPage {
  /** Size as viewed (after /Rotate), points. */
  w: number;
  h: number;
  rotation: Rotation;
  box: Box;
  /** Placement when the page falls on a recto (odd) or verso (even) volume page. */
  fit: { recto: Fit; verso: Fit };
  /** PNG of the page (PDF/A volumes: originals are printed as images). */
  raster?: { png: Buffer; pxW: number; pxH: number };
}

export type PreparedPdf =
  | { ok: true; doc: PDFDocument; pages: OriginalPage[]; decrypted: boolean; rewritten: boolean }
  | { ok: false; reason: string };

export interface MarkBoxes {
  /** The stamp's box on the sheet (first page only). */
  stamp: Rect;
  /** The page number's box on a recto and a verso sheet. */
  recto: Rect;
  verso: Rect;
}

export interface PrepareOptions {
  marks: MarkBoxes;
  /** Render every page at this resolution for a PDF/A volume. */
  rasterDpi?: number;
}

/** Reads, decrypts or repairs, validates and measures an original PDF; never throws. */
export async function preparePdf(bytes: Buffer, opts: PrepareOptions): Promise<PreparedPdf> {
  let opened;
  try {
    opened = await openPdf(bytes);
  } catch (e) {
    return { ok: false, reason: `PDF 渲染组件无法启动（${String((e as Error)?.message ?? e).slice(0, 60)}）` };
  }
  if (!opened.ok) {
    if (opened.reason === 'needsPassword') return { ok: false, reason: '需要打开密码，无法读取原件内容' };
    if (opened.reason === 'unsupportedSecurity') return { ok: false, reason: '采用了不支持的加密方式（如证书加密），无法读取原件内容' };
    return { ok: false, reason: '文件已损坏或不是有效的 PDF 文件，无法打开' };
  }
  const pdfium = opened.handle;
  try {
    const decrypted = pdfium.encrypted;
    let rewritten = false;
    let candidate: Buffer = decrypted ? pdfium.saveDecrypted() : bytes;
    let loaded = await loadChecked(candidate, pdfium.pageCount);
    if (!loaded.ok && !decrypted) {
      // a PDFium rewrite repairs what pdf-lib trips over (broken xref, odd page trees)
      candidate = pdfium.saveDecrypted();
      rewritten = true;
      loaded = await loadChecked(candidate, pdfium.pageCount);
    }
    if (!loaded.ok) return { ok: false, reason: loaded.reason };
    const pages: OriginalPage[] = [];
    for (const [i, p] of loaded.doc.getPages().entries()) {
      const rotation = (((p.getRotation().angle % 360) + 360) % 360) as Rotation;
      const crop = p.getCropBox();
      const box = { x: crop.x, y: crop.y, width: crop.width, height: crop.height };
      const turned = rotation === 90 || rotation === 270;
      const w = turned ? box.height : box.width;
      const h = turned ? box.width : box.height;
      if (!(w > 10 && h > 10 && w < 14400 && h < 14400)) return { ok: false, reason: `第${i + 1}页页面尺寸异常` };
      const ink = renderInk(pdfium, i, w, h);
      const first = i === 0 ? [opts.marks.stamp] : [];
      const page: OriginalPage = {
        w,
        h,
        rotation,
        box,
        fit: { recto: fitPage(w, h, [...first, opts.marks.recto], ink), verso: fitPage(w, h, [...first, opts.marks.verso], ink) },
      };
      if (opts.rasterDpi) {
        const pxW = Math.max(1, Math.round((w / 72) * opts.rasterDpi));
        const pxH = Math.max(1, Math.round((h / 72) * opts.rasterDpi));
        const r = pdfium.render(i, pxW, pxH);
        page.raster = {
          png: encodePng({ width: pxW, height: pxH, color: 'rgb', data: r.rgb }, { dpi: opts.rasterDpi, level: 6 }),
          pxW,
          pxH,
        };
      }
      pages.push(page);
    }
    return { ok: true, doc: loaded.doc, pages, decrypted, rewritten };
  } catch (e) {
    return { ok: false, reason: `原件内容无法读取（${String((e as Error)?.message ?? e).slice(0, 80)}）` };
  } finally {
    pdfium.close();
  }
}

function renderInk(pdfium: PdfiumDoc, i: number, w: number, h: number) {
  try {
    const pxW = Math.max(8, Math.min(800, Math.round((w / 72) * INK_DPI)));
    const pxH = Math.max(8, Math.min(800, Math.round((h / 72) * INK_DPI)));
    return inkMap(pdfium.render(i, pxW, pxH), w, h);
  } catch {
    return null;
  }
}

type Loaded = { ok: true; doc: PDFDocument } | { ok: false; reason: string };

/** pdf-lib must read every page PDFium sees and be able to copy and save them all. */
async function loadChecked(bytes: Buffer, expectedPages: number): Promise<Loaded> {
  const warn = console.warn;
  console.warn = () => {};
  try {
    const doc = await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: false });
    const n = doc.getPageCount();
    if (n === 0) return { ok: false, reason: '文件中没有页面' };
    if (n !== expectedPages) return { ok: false, reason: `页面结构异常（文件有 ${expectedPages} 页，只能读取 ${n} 页）` };
    const scratch = await PDFDocument.create({ updateMetadata: false });
    const copies = await scratch.copyPages(doc, doc.getPageIndices());
    for (const c of copies) scratch.addPage(c);
    await scratch.save({ useObjectStreams: false });
    return { ok: true, doc };
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    return { ok: false, reason: `文件结构已损坏（${msg.slice(0, 80)}）` };
  } finally {
    console.warn = warn;
  }
}

export function fsReason(e: unknown): string {
  const code = (e as { code?: string }).code;
  if (code === 'ENOENT') return '文件不存在';
  if (code === 'EACCES' || code === 'EPERM') return '没有读取该文件的权限';
  return `无法读取文件（${(e as Error).message ?? e}）`;
}

export interface Placement {
  /** Index of the placeholder sheet in the pdfkit output. */
  pageIndex: number;
  src: PDFDocument;
  srcIndex: number;
  page: OriginalPage;
  fit: Fit;
  /** Which entry of the volume the page belongs to (to name it if merging fails). */
  entry: number;
}

/** Thrown when an original cannot be merged: the volume is composed again without it. */
export class MergeFailure extends Error {
  constructor(
    readonly entry: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

/** Puts the originals onto their placeholder sheets. */
export async function mergeOriginals(out: PDFDocument, placements: Placement[]): Promise<void> {
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
    try {
      const copies = await out.copyPages(
        src,
        list.map((p) => p.srcIndex),
      );
      list.forEach((p, i) => {
        const target = pages[p.pageIndex]!;
        const node = target.node;
        const from = copies[i]!.node;
        for (const key of ['Resources', 'Annots', 'Group']) {
          const v = from.get(PDFName.of(key));
          if (v) node.set(PDFName.of(key), v);
          else node.delete(PDFName.of(key));
        }
        node.set(PDFName.of('Contents'), out.context.obj(contentRefs(out, from.get(PDFName.of('Contents')))));
        // the copy's own page object is not used
        out.context.delete(copies[i]!.ref);
        ensureResourceDicts(out, node);
        const m = contentMatrix(p.fit, p.page.rotation, p.page.box, p.page.w, p.page.h);
        wrapContent(out, node, m, p.page.box);
        transformAnnots(out, node, m, target.ref);
        target.drawPage(overlayOf.get(p)!, { x: 0, y: 0 });
      });
    } catch (e) {
      throw new MergeFailure(list[0]!.entry, `原件页面无法并入（${String((e as Error)?.message ?? e).slice(0, 80)}）`);
    }
  }
}

/**
 * pdf-lib's drawPage expects /Font, /XObject and /ExtGState dicts in /Resources (it created
 * them when it first opened the page; the copied Resources replaced those).
 */
function ensureResourceDicts(out: PDFDocument, node: PDFDict): void {
  let res = node.lookupMaybe(PDFName.of('Resources'), PDFDict);
  if (!res) {
    res = out.context.obj({});
    node.set(PDFName.of('Resources'), res);
  }
  for (const k of ['Font', 'XObject', 'ExtGState']) if (!res.has(PDFName.of(k))) res.set(PDFName.of(k), out.context.obj({}));
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

const num = (n: number) => (Math.abs(n) < 1e-9 ? '0' : String(Math.round(n * 10000) / 10000));

/** q <matrix> cm <crop box> re W n … Q around the original's content streams. */
function wrapContent(out: PDFDocument, node: PDFDict, m: Matrix, box: Box): void {
  const pre = `q ${m.map(num).join(' ')} cm ${num(box.x)} ${num(box.y)} ${num(box.width)} ${num(box.height)} re W n\n`;
  const start = out.context.register(out.context.stream(pre));
  const end = out.context.register(out.context.stream('\nQ\n'));
  const arr = node.lookup(PDFName.of('Contents'), PDFArray);
  arr.insert(0, start);
  arr.push(end);
}

function transformAnnots(out: PDFDocument, node: PDFDict, m: Matrix, pageRef: PDFRef): void {
  const annots = node.lookupMaybe(PDFName.of('Annots'), PDFArray);
  if (!annots) return;
  for (let i = 0; i < annots.size(); i++) {
    const a = annots.lookup(i);
    if (!(a instanceof PDFDict)) continue;
    const rect = a.lookupMaybe(PDFName.of('Rect'), PDFArray);
    if (!rect || rect.size() !== 4) continue;
    const n = rect.asArray().map((x) => (x instanceof PDFNumber ? x.asNumber() : 0));
    const [x1, y1] = apply(m, n[0]!, n[1]!);
    const [x2, y2] = apply(m, n[2]!, n[3]!);
    a.set(PDFName.of('Rect'), out.context.obj([Math.min(x1, x2), Math.min(y1, y2), Math.max(x1, x2), Math.max(y1, y2)]));
    // the page object is no longer the one the annotation named
    if (a.has(PDFName.of('P'))) a.set(PDFName.of('P'), pageRef);
  }
}

export const displayName = (file: string) => path.basename(file);

/** Reads a file for an original, turning fs errors into a reason. */
export function readOriginal(file: string): { ok: true; bytes: Buffer } | { ok: false; reason: string } {
  try {
    return { ok: true, bytes: fs.readFileSync(file) };
  } catch (e) {
    return { ok: false, reason: fsReason(e) };
  }
}
