/**
 * composeDossier(): prints one DossierDoc to a PDF.
 *
 * One pass with measured item sizes: every item is laid out (typeset items) or checked
 * (originals: real page count read with pdf-lib; scans: one page each; unreadable files:
 * one stand-in page) before anything is drawn. The catalogue is then laid out with
 * placeholder page numbers to learn its own length, start pages are computed, and the
 * catalogue is laid out again with the real numbers (the 页号 column has a fixed width, so its
 * length cannot change; this is checked). Per DA/T 22 the cover, 卷内目录 and 备考表 carry no
 * page number: the first item is page 1 and 页数 counts item pages only.
 *
 * Drawing is pdfkit only (bufferPages; footers written last on every page). Appended PDF
 * pages are placeholders in pdfkit, filled with the originals by pdf-lib afterwards
 * (originals.ts). Bookmarks are written by pdfkit against page objects that pdf-lib keeps.
 */
import { PDFDocument as LibDocument, PDFDict, PDFName } from 'pdf-lib';
import { resolveFontFiles, type FontOptions } from '../fonts';
import { writeFileDurablySync } from '../../files/durableFiles';
import { newA4Pdf, pdfBytes } from '../pdfFile';
import { type LaidPage } from '../typeset/flow';
import { TextKit } from '../typeset/measure';
import { compactDate, itemArchiveCode, type DossierDoc, type Item } from '../typeset/model';
import {
  addPage,
  A4,
  drawFooter,
  drawStamp,
  inFrame,
  MM,
  pageNumberText,
  PORTRAIT,
  STAMP_H,
  STAMP_TOP_TYPESET,
  STAMP_W,
} from '../typeset/page';
import { paintPage } from '../typeset/paint';
import { layoutCatalogue, layoutClosing, layoutCover, pageRange, type CatalogueRow } from './frontmatter';
import { MergeFailure, mergeOriginals, type Placement } from './originals';
import { MARK_EDGE, MARK_TOP, numberRect, sheetRectToViewed, stampRect, type Rect } from './placement';
import { originalName, pdfaScanProblem, planItem, planPages, type Plan, type WordRendition } from './plan';
import { fitOf, originalRemarks } from './remarks';
import { retagSubsets } from './subsetTags';
import { drawTextLayer, type ViewedRect } from './textLayer';

export interface ComposeOptions {
  /** PDF/A-1b (pdf-notes G6, G11): originals are printed as page images so every page conforms. */
  pdfa?: boolean;
  fonts?: FontOptions;
  /** .docx originals: LibreOffice's rendition first (default) or our engine's. */
  wordRendition?: WordRendition;
}

export interface ComposedItem {
  title: string;
  kind: Item['kind'] | 'unreadable';
  /** 1-based page of the PDF file the item starts on (cover and 卷内目录 come first). */
  startPage: number;
  /** Page number printed on the item's first page and in the catalogue's 页号 (1 = first item page). */
  pageNo: number;
  pageCount: number;
}

export interface ComposeResult {
  /** Pages in the PDF file (front and back matter included). */
  pages: number;
  /** 页数 of the volume: numbered item pages only (DA/T 22). */
  numberedPages: number;
  items: ComposedItem[];
  warnings: string[];
  /** Lines the 备考表 printed about the originals (replaced, decrypted, converted, reduced…). */
  remarks: string[];
  /** The file carries the PDF/A-1b label (asked for, and every page conforms). */
  pdfa: boolean;
}

interface Entry {
  section: number;
  item: Item;
  plan: Plan;
  start: number;
  count: number;
}

/** Resolution of original pages printed as images in a PDF/A volume. */
const PDFA_RASTER_DPI = 150;

/**
 * Prints the volume. An original that fails even while being merged is replaced and the volume
 * composed again: one bad original never stops the volume.
 */
export async function composeDossier(doc: DossierDoc, outPath: string, opts: ComposeOptions = {}): Promise<ComposeResult> {
  const forced = new Map<number, string>();
  for (;;) {
    try {
      return await composeOnce(doc, outPath, opts, forced);
    } catch (e) {
      if (!(e instanceof MergeFailure) || forced.has(e.entry)) throw e;
      forced.set(e.entry, e.reason);
    }
  }
}

async function composeOnce(doc: DossierDoc, outPath: string, opts: ComposeOptions, forced: Map<number, string>): Promise<ComposeResult> {
  const { meta } = doc;
  const warnings: string[] = [];
  // scans go into the volume as they are: one that cannot conform stops the PDF/A label
  const pdfaBlockers = opts.pdfa
    ? doc.sections
        .flatMap((s) => s.items)
        .flatMap((i) => {
          const why = i.kind === 'image' ? pdfaScanProblem(i.path) : null;
          return why ? [`原件“${originalName(i)}”${why}`] : [];
        })
    : [];
  const pdfa = !!opts.pdfa && pdfaBlockers.length === 0;
  if (opts.pdfa && !pdfa) warnings.push(`未标注为 PDF/A：${pdfaBlockers.join('；')}，不符合 PDF/A-1。`);
  const pdf = newA4Pdf(
    {
      Title: `${meta.title ?? '选派干部工作实绩档案'}（${meta.cadreName}，${meta.year}年度）`,
      Author: meta.compiler,
      Subject: `${meta.county} ${meta.place} ${meta.cadreName}`,
      Keywords: meta.archiveCode,
    },
    { bufferPages: true, pdfVersion: pdfa ? '1.4' : '1.7', ...(pdfa ? { subset: 'PDF/A-1b' as const } : {}) },
  );
  const tk = new TextKit(pdf, opts.fonts);

  // marks on appended originals: the widest page number this style can print, and the stamp
  const numberSize = meta.pageNumberStyle === 'gbt9704' ? 14 : 12;
  const numberW = tk.width(pageNumberText(8888, 8888, meta.pageNumberStyle), tk.names.serif, numberSize);
  const marks = {
    stamp: stampRect(STAMP_W, STAMP_H),
    recto: numberRect(1, numberW, numberSize),
    verso: numberRect(2, numberW, numberSize),
  };

  // 1. measure every item
  const entries: Entry[] = [];
  const fontFiles = Object.values(resolveFontFiles(opts.fonts?.resourcesDir));
  const planCtx = {
    tk,
    marks,
    wordRendition: opts.wordRendition ?? 'libreoffice',
    rasterDpi: pdfa ? PDFA_RASTER_DPI : undefined,
    fontFiles,
    warnings,
  };
  for (const [si, section] of doc.sections.entries()) {
    for (const item of section.items) {
      const plan = await planItem(planCtx, item, forced.get(entries.length));
      if (plan.kind === 'pdf' && isSigned(plan.src))
        warnings.push(`原件“${originalName(item)}”带有数字签名：附入后签名不再有效，请保留电子原件备查。`);
      entries.push({ section: si, item, plan, start: 0, count: planPages(plan) });
    }
  }

  // 2. catalogue length, start pages, real catalogue
  const cover = layoutCover(tk, meta);
  const rows = (numbers: boolean): CatalogueRow[] =>
    entries.map((e, i) => {
      const c = e.item.catalogue;
      return {
        no: i + 1,
        archiveCode: c.archiveCode ?? itemArchiveCode(e.item.stamp),
        docNo: c.docNo ?? '',
        author: c.author,
        title: c.title,
        date: compactDate(c.date),
        secrecy: c.secrecy ?? '',
        pages: numbers ? pageRange(e.start, e.count) : e.count > 1 ? '8888-8888' : '8888',
        remark: e.plan.kind === 'unreadable' ? '原件无法打印' : (c.remark ?? ''),
      };
    });
  const catLen = layoutCatalogue(tk, rows(false)).length;
  const front = cover.length + catLen;
  let next = 1;
  for (const e of entries) {
    e.start = next;
    next += e.count;
  }
  const catalogue = layoutCatalogue(tk, rows(true));
  if (catalogue.length !== catLen) throw new Error('卷内目录页数计算不一致'); // cannot happen: fixed-width 页号 column

  const remarks = originalRemarks(entries.map((e) => ({ plan: e.plan, name: originalName(e.item), start: e.start, count: e.count })));
  const itemPages = next - 1;
  const closingInfo = {
    items: entries.length,
    pages: itemPages,
    typeset: entries.filter((e) => e.plan.kind === 'typeset').length,
    originals: entries.filter((e) => e.plan.kind === 'pdf').length,
    originalPages: entries.reduce((a, e) => a + (e.plan.kind === 'pdf' ? e.count : 0), 0),
    scans: entries.filter((e) => e.plan.kind === 'image').length,
    remarks,
  };
  const closing = layoutClosing(tk, meta, closingInfo);
  const total = front + itemPages + closing.length;

  // 3. paint
  const kinds: Array<'typeset' | 'original'> = [];
  const placements: Placement[] = [];
  const typesetPage = (p: LaidPage, extra?: () => void) => {
    paintPage(tk, p, extra);
    kinds.push('typeset');
  };
  const outline = pdf.outline as unknown as OutlineNode;
  for (const [i, p] of cover.entries()) {
    typesetPage(p);
    if (i === 0) outline.addItem('封面', { fit: true });
  }
  for (const [i, p] of catalogue.entries()) {
    typesetPage(p);
    if (i === 0) outline.addItem('卷内目录', { fit: true });
  }
  let sectionNode: OutlineNode | null = null;
  let sectionIndex = -1;
  for (const [ei, e] of entries.entries()) {
    const stamp = { ...e.item.stamp, pages: e.count };
    const title = e.item.catalogue.title;
    const bookmark = () => {
      if (e.section !== sectionIndex) {
        sectionIndex = e.section;
        sectionNode = outline.addItem(doc.sections[e.section]!.title, { fit: true, expanded: true });
      }
      sectionNode!.addItem(title, { fit: true });
    };
    const originalStamp = () => drawStamp(tk, marks.stamp.x, marks.stamp.y, stamp);
    const plan = e.plan;
    // OCR's reading of a page of this original, when there is one (the invisible text layer)
    const recognised = (page: number) =>
      e.item.kind === 'pdf' || e.item.kind === 'image' ? e.item.recognised?.find((r) => r.page === page) : undefined;
    if (plan.kind === 'typeset' || plan.kind === 'unreadable') {
      const first = () => {
        drawStamp(tk, PORTRAIT.x + (PORTRAIT.w - STAMP_W) / 2, STAMP_TOP_TYPESET, stamp);
        bookmark();
      };
      plan.pages.forEach((p, i) => typesetPage(p, i === 0 ? first : undefined));
    } else if (plan.kind === 'pdf') {
      plan.pages.forEach((pg, i) => {
        const fit = fitOf(pg, e.start + i);
        addPage(pdf, fit.sheet);
        kinds.push('original');
        const viewed: ViewedRect = { x: fit.x, y: fit.y, w: fit.scale * pg.w, h: fit.scale * pg.h };
        if (pg.raster) {
          const png = pg.raster.png;
          inFrame(pdf, fit.sheet, () => pdf.image(png, viewed.x, viewed.y, { width: viewed.w, height: viewed.h }));
        } else {
          placements.push({ pageIndex: kinds.length - 1, src: plan.src, srcIndex: i, page: pg, fit, entry: ei });
        }
        // on an appended page the layer is part of the marks' sheet laid over the original
        const read = recognised(i + 1);
        if (read) inFrame(pdf, fit.sheet, () => drawTextLayer(tk, viewed, read));
        if (i === 0) {
          originalStamp();
          bookmark();
        }
      });
    } else {
      addPage(pdf, plan.sheet);
      kinds.push('original');
      // the scan fills the sheet below the marks, ≥ 10 mm from every edge
      const top = MARK_TOP + STAMP_H + 2 * MM;
      const area: Rect = sheetRectToViewed(plan.sheet, { x: MARK_EDGE, y: top, w: A4.w - 2 * MARK_EDGE, h: A4.h - top - MARK_EDGE });
      const shown = centredFit(area, plan.w, plan.h);
      const read = recognised(1);
      inFrame(pdf, plan.sheet, () => {
        pdf.image(plan.path, shown.x, shown.y, { width: shown.w, height: shown.h });
        if (read) drawTextLayer(tk, shown, read);
      });
      originalStamp();
      bookmark();
    }
  }
  for (const [i, p] of closing.entries()) {
    typesetPage(p);
    if (i === 0) outline.addItem('备考表', { fit: true });
  }
  if (kinds.length !== total) throw new Error(`页数计算不一致：预计${total}页，实际${kinds.length}页`);

  // 4. page numbers on item pages only (margins are 0 on all pages: G5); cover, 卷内目录 and 备考表
  // unnumbered (DA/T 22); originals: top outside corner
  for (let n = 1; n <= itemPages; n++) {
    const i = front + n - 1;
    pdf.switchToPage(i);
    if (kinds[i] === 'typeset') drawFooter(tk, { n, total: itemPages, style: meta.pageNumberStyle, kind: 'typeset', w: A4.w, h: A4.h });
    else drawOriginalNumber(tk, n, itemPages, meta.pageNumberStyle, numberSize);
  }
  fixOutlineCount(outline);

  const bytes = await pdfBytes(pdf);
  if (placements.length === 0) {
    writeFileDurablySync(outPath, bytes);
  } else {
    const out = await LibDocument.load(bytes, { updateMetadata: false });
    await mergeOriginals(out, placements);
    retagSubsets(out);
    writeFileDurablySync(outPath, await out.save({ useObjectStreams: false }));
  }
  return {
    pages: total,
    numberedPages: itemPages,
    items: entries.map((e) => ({
      title: e.item.catalogue.title,
      kind: e.plan.kind === 'unreadable' ? 'unreadable' : e.item.kind,
      startPage: front + e.start,
      pageNo: e.start,
      pageCount: e.count,
    })),
    warnings,
    remarks,
    pdfa,
  };
}

/** The largest w×h rect of the image's proportions inside the area, centred (as pdfkit's fit). */
function centredFit(area: Rect, iw: number, ih: number): ViewedRect {
  const ratio = iw / ih;
  const [w, h] = ratio > area.w / area.h ? [area.w, area.w / ratio] : [area.h * ratio, area.h];
  return { x: area.x + (area.w - w) / 2, y: area.y + (area.h - h) / 2, w, h };
}

/** The volume's page number in the sheet's top outside corner (recto right, verso left). */
function drawOriginalNumber(tk: TextKit, n: number, total: number, style: DossierDoc['meta']['pageNumberStyle'], size: number): void {
  const text = pageNumberText(n, total, style);
  const w = tk.width(text, tk.names.serif, size);
  const r = numberRect(n, w, size);
  tk.doc.fillColor('black');
  tk.draw(text, r.x, r.y + size * 0.88, tk.names.serif, size);
}

function isSigned(d: LibDocument): boolean {
  try {
    const form = d.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict);
    const flags = form?.get(PDFName.of('SigFlags'));
    return !!flags && Number(flags.toString()) > 0;
  } catch {
    return false;
  }
}

interface OutlineNode {
  addItem(title: string, options?: { expanded?: boolean; fit?: boolean }): OutlineNode;
  children: OutlineNode[];
  options: { expanded?: boolean };
  outlineData: Record<string, unknown>;
}

/**
 * pdfkit's outline root has no /Count and gives expanded items only their direct
 * children (G6). Root: total of visible entries; pdfkit sets Count when it ends the
 * outline, so the value is pinned with a property that ignores pdfkit's write.
 */
function fixOutlineCount(root: OutlineNode): void {
  root.options = { ...root.options, expanded: true };
  const visible = (n: OutlineNode): number => n.children.reduce((a, c) => a + 1 + (c.options.expanded ? visible(c) : 0), 0);
  const count = visible(root);
  Object.defineProperty(root.outlineData, 'Count', { get: () => count, set: () => undefined, enumerable: true, configurable: true });
}
