/**
 * Laid-out pages the engine writes itself: cover (封面), catalogue (卷内目录), closing
 * sheet (备考表) and the page that stands in for an unreadable original.
 */
import { wrapText } from '../typeset/justify';
import { BODY_PITCH, BODY_SIZE, Flow, baselineIn, layoutParagraph, layoutTitle, type LaidPage } from '../typeset/layout';
import type { TextKit } from '../typeset/measure';
import type { DossierMeta, TableBlock } from '../typeset/model';
import { MM, PORTRAIT } from '../typeset/page';
import { layoutTable, type TableGeometry } from '../typeset/table';

/** 2024-03-05 → 2024年3月5日 */
export function chineseDate(d: string): string {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(d);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : d;
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
  const fields: Array<[string, string]> = [
    ['姓　　名', meta.cadreName],
    ['派出单位', meta.unit],
    ['职　　务', meta.post],
    ['驻点乡村', meta.place],
    ['任职期限', meta.term],
    ['年　　度', `${meta.year}年`],
    ['档　　号', meta.archiveCode],
    ['立 卷 人', meta.compiler],
    ['立卷日期', chineseDate(meta.date)],
  ];
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
  /** 页号 as printed: start page, or start–end for the last item. */
  pages: string;
  remark: string;
}

/** 卷内目录 columns: title, width in mm, alignment. */
export const CATALOGUE_COLUMNS: Array<[string, number, 'left' | 'center']> = [
  ['序号', 10, 'center'],
  ['档号', 27, 'left'],
  ['文号', 18, 'left'],
  ['责任者', 17, 'left'],
  ['题名', 35, 'left'],
  ['日期', 17, 'center'],
  ['密级', 9, 'center'],
  ['页号', 12, 'center'],
  ['备注', 11, 'left'],
];

export function layoutCatalogue(tk: TextKit, rows: CatalogueRow[]): LaidPage[] {
  const flow = new Flow(tk);
  flow.newPage('portrait');
  layoutTitle(flow, '卷内目录');
  const table: TableBlock = {
    kind: 'table',
    fontSize: 9,
    columns: CATALOGUE_COLUMNS.map(([title, widthMm, align]) => ({ title, widthMm, align })),
    rows: rows.map((r) => [String(r.no), r.archiveCode, r.docNo, r.author, r.title, r.date, r.secrecy, r.pages, r.remark]),
  };
  const geometry: TableGeometry = { orientation: 'portrait', widths: CATALOGUE_COLUMNS.map(([, w]) => w * MM) };
  layoutTable(flow, table, geometry);
  return flow.pages;
}

export interface ClosingInfo {
  items: number;
  pages: number;
  typeset: number;
  originals: number;
  originalPages: number;
  scans: number;
  notes: string[];
}

/** 备考表: notes on the volume, compiler and checker with dates, inside a ruled box. */
export function layoutClosing(tk: TextKit, meta: DossierMeta, info: ClosingInfo): LaidPage[] {
  const flow = new Flow(tk);
  flow.newPage('portrait');
  layoutTitle(flow, '备考表');
  const f = PORTRAIT;
  const boxTop = flow.y;
  const n = tk.names;
  flow.text('卷内情况说明：', f.x, baselineIn(flow.y + 2 * MM, BODY_PITCH, BODY_SIZE), n.sans, BODY_SIZE);
  flow.y += BODY_PITCH + 2 * MM;
  const paras = [
    `本卷共有文件材料${info.items}件，共${info.pages}页（含封面、卷内目录和本表）。其中排版打印${info.typeset}件，附入原件${info.originals}件（${info.originalPages}页），扫描件${info.scans}件。`,
    '附入的原件按原样排入，为留出归档章和页码位置，原件页面内容按比例略为缩小。',
    ...info.notes,
  ];
  for (const text of paras) layoutParagraph(flow, { kind: 'paragraph', text });
  const sig = (label: string, name: string, date: string, y: number) => {
    flow.text(`${label}：${name}`, f.x + 20 * MM, y, n.body, BODY_SIZE);
    flow.text(chineseDate(date), f.x + f.w - 20 * MM - tk.width(chineseDate(date), n.body, BODY_SIZE), y, n.body, BODY_SIZE);
  };
  const bottom = f.y + f.h;
  if (flow.y > bottom - 4 * BODY_PITCH) flow.newPage('portrait');
  sig('立卷人', meta.compiler, meta.date, bottom - 3 * BODY_PITCH);
  sig('检查人', meta.checker, meta.checkDate ?? meta.date, bottom - 1.5 * BODY_PITCH);
  if (flow.pages.length === 1) {
    // the box stands 4 mm outside the text block (inside the margins) so text clears the rules
    const [l, r, b] = [f.x - 4 * MM, f.x + f.w + 4 * MM, bottom - 0.5 * BODY_PITCH];
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
