/**
 * Laid-out pages the engine writes itself: cover (封面), catalogue (卷内目录), closing
 * sheet (备考表) and the page that stands in for an unreadable original.
 *
 * DA/T 22-2015 front and back matter: cover, 卷内目录 and 备考表 carry no page number and are not
 * counted in the volume's 页数; 页号 in the catalogue is start–end for every row. 立卷人 and 检查人
 * come from the archive settings only; where a name is missing a blank line is printed to be
 * signed by hand, and no date is ever printed without a name.
 */
import { wrapText } from '../typeset/justify';
import { Flow, baselineIn, type LaidPage } from '../typeset/flow';
import { BODY_PITCH, BODY_SIZE, layoutParagraph, layoutTitle } from '../typeset/layout';
import type { TextKit } from '../typeset/measure';
import type { DossierMeta, TableBlock, TableColumn } from '../typeset/model';
import { MM, PORTRAIT } from '../typeset/page';
import { layoutTable, type TableGeometry } from '../typeset/table';
import { dateLabel } from '../../../shared/dates';

/** The cover's label–value lines, in print order. */
export function coverFields(meta: DossierMeta): Array<[string, string]> {
  return [
    ['姓　　名', meta.cadreName],
    ['派出单位', meta.unit],
    ['职　　务', meta.post],
    ['驻点乡村', meta.place],
    ['任职期限', meta.term],
    ['年　　度', `${meta.year}年`],
    ['档　　号', meta.archiveCode],
    // no date without a name: both blank lines when no 立卷人 is set
    ['立 卷 人', meta.compiler],
    ['立卷日期', meta.compiler ? dateLabel(meta.date) : ''],
  ];
}

export function layoutCover(tk: TextKit, meta: DossierMeta): LaidPage[] {
  const flow = new Flow(tk);
  flow.newPage('portrait');
  const f = PORTRAIT;
  const n = tk.names;
  const code = `档号：${meta.archiveCode}`;
  flow.text(code, f.x + f.w - tk.width(code, n.body, 12), f.y - 8 * MM, n.body, 12);
  const centre = (text: string, y: number, font: string, size: number) =>
    flow.text(text, f.x + (f.w - tk.width(text, font, size)) / 2, y, font, size);
  centre(meta.county, f.y + 22 * MM, n.sans, 20);
  const title = meta.title ?? '选派干部工作实绩档案';
  const tSize = Math.min(32, (f.w - 10 * MM) / Math.max(1, tk.width(title, n.serifBold, 1)));
  centre(title, f.y + 50 * MM, n.serifBold, tSize);
  centre(`（${meta.year}年度）`, f.y + 66 * MM, n.body, 18);
  const fields = coverFields(meta);
  const size = 15;
  const labelRight = f.x + 50 * MM;
  const valueX = labelRight + 4 * MM;
  const valueW = f.x + f.w - 10 * MM - valueX;
  let y = f.y + 92 * MM;
  for (const [label, value] of fields) {
    const lines = wrapText(value, { width: valueW, measure: tk.measurer(n.body, size), justify: false });
    flow.text(label + '：', labelRight - tk.width(label + '：', n.sans, size), y, n.sans, size);
    lines.forEach((l, i) => {
      flow.text(l.text, valueX + (valueW - l.width) / 2, y + i * size * 1.5, n.body, size);
      flow.line(valueX, y + i * size * 1.5 + 3, valueX + valueW, y + i * size * 1.5 + 3, 0.6);
    });
    y += Math.max(1, lines.length) * size * 1.5 + 6 * MM;
  }
  return flow.pages;
}

export interface CatalogueRow {
  no: number;
  archiveCode: string;
  docNo: string;
  author: string;
  title: string;
  /** YYYYMMDD */
  date: string;
  secrecy: string;
  /** 页号 as printed: start–end (or the single page) of the item in the volume's page numbers. */
  pages: string;
  remark: string;
}

/**
 * 卷内目录 columns: title, width (mm, 156 in all), alignment, and how a cell shrinks rather than
 * break where it must not (table.ts fitSize): a 档号, 日期 or 页号 broken at a hyphen reads as
 * two numbers, a 文号 must not break inside 〔2025〕12号. A 档号 such as
 * 0001-WS·2025-D30-ZZB-0012 is 43 mm wide at 9 pt: its column is as wide as the others
 * allow and such a cell is set in about 6.7 pt; 责任者 keeps 4 characters a line (岚川县委/组织部);
 * a 题名 ending in a date such as （2025年12月25日） is set smaller rather than cut inside the date.
 */
export const CATALOGUE_COLUMNS: Array<[string, number, 'left' | 'center', TableColumn['shrinkToFit']?]> = [
  ['序号', 8, 'center'],
  ['档号', 35, 'left', { min: 6, keep: 'line' }],
  ['文号', 18, 'left', { min: 7, keep: 'runs' }],
  ['责任者', 17, 'left'],
  ['题名', 28, 'left', { min: 7, keep: 'runs' }],
  ['日期', 15, 'center', { min: 7, keep: 'line' }],
  ['密级', 9, 'center'],
  ['页号', 15, 'center', { min: 7, keep: 'line' }],
  ['备注', 11, 'left'],
];

export function layoutCatalogue(tk: TextKit, rows: CatalogueRow[]): LaidPage[] {
  const flow = new Flow(tk);
  flow.newPage('portrait');
  layoutTitle(flow, '卷内目录');
  const table: TableBlock = {
    kind: 'table',
    fontSize: 9,
    columns: CATALOGUE_COLUMNS.map(([title, widthMm, align, shrinkToFit]) => ({
      title,
      widthMm,
      align,
      ...(shrinkToFit ? { shrinkToFit } : {}),
    })),
    rows: rows.map((r) => [String(r.no), r.archiveCode, r.docNo, r.author, r.title, r.date, r.secrecy, r.pages, r.remark]),
  };
  const geometry: TableGeometry = { orientation: 'portrait', widths: CATALOGUE_COLUMNS.map(([, w]) => w * MM) };
  layoutTable(flow, table, geometry);
  return flow.pages;
}

/** 页号 of an item: "5" for one page, "5-9" for several (every row, the last one included). */
export function pageRange(start: number, count: number): string {
  return count > 1 ? `${start}-${start + count - 1}` : String(start);
}

export interface ClosingInfo {
  /** 件数 listed in the 卷内目录. */
  items: number;
  /** 页数: numbered pages only (cover, 卷内目录 and 备考表 are not counted). */
  pages: number;
  typeset: number;
  originals: number;
  originalPages: number;
  scans: number;
  /**
   * What composition did to originals, one sentence each with its page, e.g.
   * "第12页：原件“x.pdf”无法读取，已以说明页代替（SHA-256 …）。" or a non-A4 page fitted to A4.
   * Filled by compose.ts (the hook for replaced and altered originals).
   */
  remarks: string[];
  /** Whether any appended original was scaled down to leave room for stamp and page number. */
  originalsScaled?: boolean;
}

/** Blank line to be filled in by hand (name or date). */
const BLANK_NAME = '＿＿＿＿＿＿';
const BLANK_DATE = '＿＿＿＿年＿＿月＿＿日';

/** Signature line parts: a name or a blank; the date only beside a name, else a blank. */
export function signature(name: string, date: string | undefined): { name: string; date: string } {
  if (!name) return { name: BLANK_NAME, date: BLANK_DATE };
  return { name, date: date ? dateLabel(date) : BLANK_DATE };
}

/** 备考表: notes on the volume, compiler and checker with dates, inside a ruled box within the text block. */
export function layoutClosing(tk: TextKit, meta: DossierMeta, info: ClosingInfo): LaidPage[] {
  const flow = new Flow(tk);
  flow.newPage('portrait');
  layoutTitle(flow, '备考表');
  const f = PORTRAIT;
  const inset = 4 * MM;
  const x = f.x + inset;
  const w = f.w - 2 * inset;
  const boxTop = flow.y;
  const n = tk.names;
  flow.y += 2 * MM;
  const head = (text: string) => {
    flow.ensure(BODY_PITCH);
    flow.text(text, x, baselineIn(flow.y, BODY_PITCH, BODY_SIZE), n.sans, BODY_SIZE);
    flow.y += BODY_PITCH;
  };
  const para = (text: string, indent = true) =>
    flow.lines(wrapText(text, { width: w, measure: tk.measurer(n.body, BODY_SIZE), indent: indent ? 2 * BODY_SIZE : 0, justify: true }), {
      x,
      width: w,
      font: n.body,
      size: BODY_SIZE,
      pitch: BODY_PITCH,
    });
  head('卷内情况说明：');
  para(
    `本卷共有文件材料${info.items}件，共${info.pages}页（封面、卷内目录和本表不编页号，不计入页数）。` +
      `其中排版打印${info.typeset}件，附入原件${info.originals}件（${info.originalPages}页），扫描件${info.scans}件。`,
  );
  if (info.originalsScaled ?? info.originals > 0) para('附入的原件按原样排入，为留出归档章和页码位置，部分原件页面内容按比例略为缩小。');
  const gaps = meta.closingNotes ?? [];
  if (info.remarks.length) {
    head('原件替代与处理情况：');
    for (const r of info.remarks) para(r);
  }
  if (gaps.length) {
    head('件号空缺说明：');
    for (const g of gaps) para(g);
  }
  const bottom = f.y + f.h;
  if (flow.y > bottom - 4 * BODY_PITCH) flow.newPage('portrait');
  const sig = (label: string, who: { name: string; date: string }, y: number) => {
    flow.text(`${label}：${who.name}`, x + 12 * MM, y, n.body, BODY_SIZE);
    flow.text(who.date, x + w - 8 * MM - tk.width(who.date, n.body, BODY_SIZE), y, n.body, BODY_SIZE);
  };
  sig('立卷人', signature(meta.compiler, meta.date), bottom - 3 * BODY_PITCH);
  sig('检查人', signature(meta.checker, meta.checkDate), bottom - 1.5 * BODY_PITCH);
  if (flow.pages.length === 1) {
    // the box is the text block itself: its rules stay clear of the binding margin
    const [l, r, b] = [f.x, f.x + f.w, bottom - 0.5 * BODY_PITCH];
    flow.line(l, boxTop, r, boxTop, 0.8);
    flow.line(l, b, r, b, 0.8);
    flow.line(l, boxTop, l, b, 0.8);
    flow.line(r, boxTop, r, b, 0.8);
  }
  return flow.pages;
}

/** The page that stands in for an original that could not be read. */
export function layoutUnreadable(tk: TextKit, title: string, file: string, reason: string): LaidPage[] {
  const flow = new Flow(tk);
  flow.newPage('portrait');
  layoutTitle(flow, title);
  layoutParagraph(flow, { kind: 'paragraph', text: '【原件无法读取】' });
  layoutParagraph(flow, { kind: 'paragraph', text: `文件：${file}` });
  layoutParagraph(flow, { kind: 'paragraph', text: `原因：${reason}` });
  layoutParagraph(flow, { kind: 'paragraph', text: '请核对原件后重新附入，并在备考表中说明。' });
  return flow.pages;
}
