/**
 * composeDossier(): prints one DossierDoc to a PDF.
 *
 * One pass with measured item sizes: every item is laid out (typeset items) or checked
 * (originals: real page count read with pdf-lib; scans: one page each; unreadable files:
 * one stand-in page) before anything is drawn. The catalogue is then laid out with
 * placeholder page numbers to learn its own length, start pages are computed
 * (cover + catalogue + items before), and the catalogue is laid out again with the real
 * numbers (the 页号 column has a fixed width, so its length cannot change; this is checked).
 *
 * Drawing is pdfkit only (bufferPages; footers written last on every page). Appended PDF
 * pages are placeholders in pdfkit, filled with the originals by pdf-lib afterwards
 * (originals.ts). Bookmarks are written by pdfkit against page objects that pdf-lib keeps.
 */
import fs from 'node:fs';
import PDFDocument from 'pdfkit';
import { PDFDocument as LibDocument, PDFDict, PDFName } from 'pdf-lib';
import type { FontOptions } from '../fonts';
import { layoutItem, type LaidPage } from '../typeset/layout';
import { TextKit } from '../typeset/measure';
import { compactDate, itemArchiveCode, type DossierDoc, type Item } from '../typeset/model';
import { addPage, A4, BOTTOM_BAND, drawFooter, drawStamp, PORTRAIT, STAMP_TOP_BAND, STAMP_TOP_TYPESET, STAMP_W, TOP_BAND, type PageKind } from '../typeset/page';
import { paintPage } from '../typeset/paint';
import { layoutCatalogue, layoutClosing, layoutCover, layoutUnreadable, type CatalogueRow } from './frontmatter';
import { bandScale, checkPdf, displayName, fsReason, mergeOriginals, type Placement, type ViewedPage } from './originals';

export interface ComposeOptions {
  /** PDF/A-1b (pdf-notes G6, G11). */
  pdfa?: boolean;
  fonts?: FontOptions;
}

export interface ComposedItem {
  title: string;
  kind: Item['kind'] | 'unreadable';
  /** 1-based page the item starts on (as printed in the catalogue). */
  startPage: number;
  pageCount: number;
}

export interface ComposeResult {
  pages: number;
  items: ComposedItem[];
  warnings: string[];
}

type Plan =
  | { kind: 'typeset'; pages: LaidPage[] }
  | { kind: 'pdf'; src: LibDocument; pages: ViewedPage[]; scale: number }
  | { kind: 'image'; path: string; w: number; h: number }
  | { kind: 'unreadable'; pages: LaidPage[] };

interface Entry {
  section: number;
  item: Item;
  plan: Plan;
  start: number;
  count: number;
}

const planPages = (p: Plan) => (p.kind === 'typeset' || p.kind === 'unreadable' ? p.pages.length : p.kind === 'pdf' ? p.pages.length : 1);

export async function composeDossier(doc: DossierDoc, outPath: string, opts: ComposeOptions = {}): Promise<ComposeResult> {
  const { meta } = doc;
  const warnings: string[] = [];
  const pdf = new PDFDocument({
    autoFirstPage: false,
    bufferPages: true,
    size: 'A4',
    margin: 0,
    pdfVersion: opts.pdfa ? '1.4' : '1.7',
    ...(opts.pdfa ? { subset: 'PDF/A-1b' as const } : {}),
    lang: 'zh-CN',
    displayTitle: true,
    info: {
      Title: `${meta.title ?? '选派干部工作实绩档案'}（${meta.cadreName}，${meta.year}年度）`,
      Author: meta.compiler,
      Subject: `${meta.county} ${meta.place} ${meta.cadreName}`,
      Keywords: meta.archiveCode,
      Creator: 'OneBag 一袋式档案',
    },
  });
  const tk = new TextKit(pdf, opts.fonts);

  // 1. measure every item
  const entries: Entry[] = [];
  for (const [si, section] of doc.sections.entries()) {
    for (const item of section.items) {
      const plan = await planItem(tk, item, warnings);
      entries.push({ section: si, item, plan, start: 0, count: planPages(plan) });
    }
  }

  // 2. catalogue length, start pages, real catalogue
  const cover = layoutCover(tk, meta);
  const rows = (numbers: boolean): CatalogueRow[] =>
    entries.map((e, i) => {
      const c = e.item.catalogue;
      const last = i === entries.length - 1 && e.count > 1;
      return {
        no: i + 1,
        archiveCode: c.archiveCode ?? itemArchiveCode(e.item.stamp),
        docNo: c.docNo ?? '',
        author: c.author,
        title: c.title,
        date: compactDate(c.date),
        secrecy: c.secrecy ?? '',
        pages: numbers ? (last ? `${e.start}-${e.start + e.count - 1}` : String(e.start)) : last ? '8888-8888' : '8888',
        remark: e.plan.kind === 'unreadable' ? '原件无法读取' : (c.remark ?? ''),
      };
    });
  const catLen = layoutCatalogue(tk, rows(false)).length;
  let next = cover.length + catLen + 1;
  for (const e of entries) {
    e.start = next;
    next += e.count;
  }
  const catalogue = layoutCatalogue(tk, rows(true));
  if (catalogue.length !== catLen) throw new Error('卷内目录页数计算不一致'); // cannot happen: fixed-width 页号 column

  const itemPages = next - cover.length - catLen - 1;
  const closingInfo = (pages: number) => ({
    items: entries.length,
    pages,
    typeset: entries.filter((e) => e.item.kind === 'typeset').length,
    originals: entries.filter((e) => e.plan.kind === 'pdf').length,
    originalPages: entries.reduce((a, e) => a + (e.plan.kind === 'pdf' ? e.count : 0), 0),
    scans: entries.filter((e) => e.plan.kind === 'image').length,
    notes: entries
      .filter((e) => e.plan.kind === 'unreadable')
      .map((e) => `第${e.start}页：原件“${displayName((e.item as { path: string }).path)}”无法读取，已以说明页代替。`),
  });
  let closingLen = 1;
  let closing = layoutClosing(tk, meta, closingInfo(cover.length + catLen + itemPages + closingLen));
  if (closing.length !== closingLen) {
    closingLen = closing.length;
    closing = layoutClosing(tk, meta, closingInfo(cover.length + catLen + itemPages + closingLen));
  }
  const total = cover.length + catLen + itemPages + closing.length;

  // 3. paint
  const kinds: Array<{ kind: PageKind; w: number; h: number }> = [];
  const placements: Array<Omit<Placement, 'src'> & { src: LibDocument }> = [];
  const typesetPage = (p: LaidPage, extra?: () => void) => {
    paintPage(tk, p, extra);
    kinds.push({ kind: 'typeset', w: A4.w, h: A4.h });
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
  for (const e of entries) {
    const stamp = { ...e.item.stamp, pages: e.count };
    const title = e.item.catalogue.title;
    const bookmark = () => {
      if (e.section !== sectionIndex) {
        sectionIndex = e.section;
        sectionNode = outline.addItem(doc.sections[e.section]!.title, { fit: true, expanded: true });
      }
      sectionNode!.addItem(title, { fit: true });
    };
    const plan = e.plan;
    if (plan.kind === 'typeset' || plan.kind === 'unreadable') {
      const first = () => {
        drawStamp(tk, PORTRAIT.x + (PORTRAIT.w - STAMP_W) / 2, STAMP_TOP_TYPESET, stamp);
        bookmark();
      };
      plan.pages.forEach((p, i) => typesetPage(p, i === 0 ? first : undefined));
    } else if (plan.kind === 'pdf') {
      plan.pages.forEach((v, i) => {
        addPage(pdf, { w: v.w, h: v.h });
        kinds.push({ kind: 'band', w: v.w, h: v.h });
        if (i === 0) {
          drawStamp(tk, (v.w - STAMP_W) / 2, STAMP_TOP_BAND, stamp);
          bookmark();
        }
        placements.push({ pageIndex: kinds.length - 1, src: plan.src, srcIndex: i, view: v, scale: plan.scale });
      });
    } else {
      addPage(pdf, { w: plan.w, h: plan.h });
      kinds.push({ kind: 'band', w: plan.w, h: plan.h });
      pdf.image(plan.path, 0, TOP_BAND, { fit: [plan.w, plan.h - TOP_BAND - BOTTOM_BAND], align: 'center', valign: 'center' });
      drawStamp(tk, (plan.w - STAMP_W) / 2, STAMP_TOP_BAND, stamp);
      bookmark();
    }
  }
  for (const [i, p] of closing.entries()) {
    typesetPage(p);
    if (i === 0) outline.addItem('备考表', { fit: true });
  }
  if (kinds.length !== total) throw new Error(`页数计算不一致：预计${total}页，实际${kinds.length}页`);

  // 4. page numbers on every page (margins are 0 on all pages: G5)
  kinds.forEach((k, i) => {
    pdf.switchToPage(i);
    drawFooter(tk, { n: i + 1, total, style: meta.pageNumberStyle, kind: k.kind, w: k.w, h: k.h });
  });
  fixOutlineCount(outline);

  const bytes = await finish(pdf);
  if (placements.length === 0) {
    fs.writeFileSync(outPath, bytes);
  } else {
    const out = await LibDocument.load(bytes, { updateMetadata: false });
    warnings.push(...(await mergeOriginals(out, placements)));
    if (opts.pdfa) warnings.push('附入的原件未经 PDF/A 转换：整卷是否符合 PDF/A 取决于原件本身。');
    const saved = await out.save({ useObjectStreams: false });
    // pdf-lib always writes "%PDF-1.7"; PDF/A-1 needs 1.4 (same length: no offset moves)
    if (opts.pdfa) saved.set(Buffer.from('%PDF-1.4', 'latin1'), 0);
    fs.writeFileSync(outPath, saved);
  }
  return {
    pages: total,
    items: entries.map((e) => ({ title: e.item.catalogue.title, kind: e.plan.kind, startPage: e.start, pageCount: e.count })),
    warnings,
  };
}

async function planItem(tk: TextKit, item: Item, warnings: string[]): Promise<Plan> {
  const title = item.catalogue.title;
  if (item.kind === 'typeset') return { kind: 'typeset', pages: layoutItem(tk, title, item.blocks, item.subtitle) };
  const unreadable = (reason: string): Plan => {
    warnings.push(`原件无法读取：${item.path}（${reason}），已以说明页代替。`);
    return { kind: 'unreadable', pages: layoutUnreadable(tk, title, item.path, reason) };
  };
  if (item.kind === 'pdf') {
    const r = await checkPdf(item.path);
    if (!r.ok) return unreadable(r.reason);
    if (isSigned(r.doc)) warnings.push(`原件“${displayName(item.path)}”带有数字签名：附入后签名不再有效，请保留原件备查。`);
    const scale = Math.min(...r.pages.map((p) => bandScale(p.h)));
    return { kind: 'pdf', src: r.doc, pages: r.pages, scale };
  }
  try {
    fs.accessSync(item.path, fs.constants.R_OK);
  } catch (e) {
    return unreadable(fsReason(e));
  }
  try {
    const img = (tk.doc as unknown as { openImage(p: string): unknown }).openImage(item.path) as { width: number; height: number; orientation?: number };
    if (!(img.width > 0 && img.height > 0)) return unreadable('图片尺寸无效');
    const turned = (img.orientation ?? 1) > 4;
    const [iw, ih] = turned ? [img.height, img.width] : [img.width, img.height];
    return iw > ih ? { kind: 'image', path: item.path, w: A4.h, h: A4.w } : { kind: 'image', path: item.path, w: A4.w, h: A4.h };
  } catch (e) {
    return unreadable(`图片已损坏或格式不受支持，仅支持 JPEG 和 PNG（${String((e as Error).message ?? e).slice(0, 60)}）`);
  }
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

function finish(pdf: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    pdf.on('data', (c: Buffer) => chunks.push(c));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
    pdf.end();
  });
}

