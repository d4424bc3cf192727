/**
 * In-memory document model of one cadre's performance dossier (实绩档案). The data layer
 * fills it; composeDossier() prints it. Printed strings are Simplified Chinese.
 */
import type { RecognisedPage } from '../../../shared/ocr';

/** How page numbers are printed: GB/T 9704 "— N —" (odd right, even left) or "第 N 页 共 M 页" centred. */
export type PageNumberStyle = 'gbt9704' | 'ofTotal';

export interface DossierMeta {
  /** Cover title; default 选派干部工作实绩档案. */
  title?: string;
  county: string;
  cadreName: string;
  /** Dispatching unit (派出单位). */
  unit: string;
  /** Post, e.g. 村党组织第一书记. */
  post: string;
  /** Township / village posted to. */
  place: string;
  /** Term, e.g. 2023年6月—2026年6月. */
  term: string;
  year: string;
  /** 档号 of the volume. */
  archiveCode: string;
  /** 立卷人 from the archive settings; empty = a blank line to sign by hand. */
  compiler: string;
  /** 检查人 from the archive settings; empty = a blank line to sign by hand. */
  checker: string;
  /** Compilation date YYYY-MM-DD (printed only beside a 立卷人). */
  date: string;
  /** Check date YYYY-MM-DD (printed only beside a 检查人; missing = a blank line). */
  checkDate?: string;
  /** 备考表 lines from the archive numbering: 件号 once printed in this volume and since removed. */
  closingNotes?: string[];
  pageNumberStyle: PageNumberStyle;
}

/** Catalogue fields of one 件 (卷内目录 row). */
export interface CatalogueFields {
  /** 文号 */
  docNo?: string;
  /** 责任者 */
  author: string;
  /** 题名 */
  title: string;
  /** YYYY-MM-DD */
  date: string;
  /** 密级 */
  secrecy?: string;
  /** 备注 */
  remark?: string;
  /** 档号 of the item; default built from the stamp fields. */
  archiveCode?: string;
}

/** Archive-stamp (归档章, DA/T 22-2015) fields; 页数 is filled in by the engine. */
export interface StampFields {
  /** 全宗号 */
  fonds: string;
  /** 年度 */
  year: string;
  /** 保管期限: 永久 / 定期30年 / 定期10年 … */
  retention: string;
  /** 件号 (printed zero-padded to 4 digits). */
  itemNo: number;
  /** 机构（问题） */
  org: string;
}

export type ColumnAlign = 'left' | 'center' | 'right';

export interface TableColumn {
  title: string;
  /** Width in mm; columns without one share what is left. */
  widthMm?: number;
  align?: ColumnAlign;
  /**
   * Cells of this column that would be broken where they must not be are set in a smaller
   * size, down to `min` pt: `keep: 'line'` keeps the whole cell on one line (档号, 页号, 日期);
   * `keep: 'runs'` keeps every unbreakable run whole (〔2025〕12号 in a 文号) and wraps between
   * them. Text that does not fit even at `min` wraps as in any other column.
   */
  shrinkToFit?: { min: number; keep: 'line' | 'runs' };
}

export interface TableBlock {
  kind: 'table';
  caption?: string;
  columns: TableColumn[];
  rows: string[][];
  /** Font size in pt (default 10.5, 五号). */
  fontSize?: number;
  /** Line pitch as a multiple of the font size (default 1.4). */
  lineHeight?: number;
  /** Vertical cell padding in mm (default 0.8). */
  padYMm?: number;
  /** Force landscape; otherwise landscape when the columns are wider than the portrait block. */
  landscape?: boolean;
  /** Pictures printed in cells below the cell's text, same shape as rows (Word originals). */
  cellImages?: Picture[][][];
}

/** A PNG or JPEG picture, already checked complete (main/files/renditions/docxImages.ts). */
export interface Picture {
  data: Buffer;
  pixels: { width: number; height: number };
  /** The size the source document gives it; printed at that size unless it must shrink to fit. */
  widthMm?: number;
  heightMm?: number;
}

/** A picture on its own line, centred, scaled into the text block (never enlarged beyond its size). */
export interface ImageBlock extends Picture {
  kind: 'image';
}

export interface ParagraphBlock {
  kind: 'paragraph';
  text: string;
  /** justify (default, first-line indent of 2 characters), right (signatures, dates) or center. */
  align?: 'justify' | 'right' | 'center';
}

export interface HeadingBlock {
  kind: 'heading';
  /** 1: 黑体 (sans), 2: bold serif (standing in for 楷体), 3: body face. */
  level: 1 | 2 | 3;
  text: string;
}

export type Block = ParagraphBlock | HeadingBlock | TableBlock | ImageBlock;

interface ItemBase {
  catalogue: CatalogueFields;
  stamp: StampFields;
}

/** A record typeset by the engine: the title (题名) is printed as its heading. */
export interface TypesetItem extends ItemBase {
  kind: 'typeset';
  /** Optional subtitle line under the heading. */
  subtitle?: string;
  blocks: Block[];
}

/** The original file as the user filed it: named on the page that replaces it if it cannot be printed. */
export interface OriginalSource {
  name: string;
  sha256: string;
}

/** An original PDF appended page by page as it is. */
export interface PdfItem extends ItemBase {
  kind: 'pdf';
  path: string;
  source?: OriginalSource;
  /** Pages read by OCR so far (scanned or garbage-text pages); others print without a layer. */
  recognised?: RecognisedPage[];
}

/** A scan (JPEG/PNG) printed as a full page; EXIF orientation is honoured. */
export interface ImageItem extends ItemBase {
  kind: 'image';
  path: string;
  source?: OriginalSource;
  /** The scan's recognised text once OCR has read it. */
  recognised?: RecognisedPage[];
}

/** Word, WPS and spreadsheet originals, rendered at print time (compose/renditions). */
export type OfficeFormat = 'docx' | 'doc' | 'wps' | 'xls' | 'xlsx' | 'et';

export interface OfficeItem extends ItemBase {
  kind: 'office';
  path: string;
  format: OfficeFormat;
  source?: OriginalSource;
}

export type Item = TypesetItem | PdfItem | ImageItem | OfficeItem;

export interface Section {
  /** Bookmark title, e.g. 调研报告. */
  title: string;
  items: Item[];
}

export interface DossierDoc {
  meta: DossierMeta;
  sections: Section[];
}

/** DA/T 22-2015 档号: 全宗号-门类·年度-保管期限-机构-件号. */
export function itemArchiveCode(s: StampFields, category = 'WS'): string {
  return `${s.fonds}-${category}·${s.year}-${retentionCode(s.retention)}-${s.org}-${pad4(s.itemNo)}`;
}

export function pad4(n: number): string {
  return String(n).padStart(4, '0');
}

function retentionCode(r: string): string {
  if (r.startsWith('永久')) return 'Y';
  const m = /(\d+)/.exec(r);
  return m ? `D${m[1]}` : r;
}

/** YYYY-MM-DD → YYYYMMDD (as printed in the catalogue). */
export function compactDate(d: string): string {
  return d.replace(/-/g, '');
}
