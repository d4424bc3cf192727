/**
 * The county's 案卷目录 (A4 landscape): one row per cadre's dossier volume of the year, with
 * the volume's stored 档号 (rows in 档号 order), 起止日期 (earliest–latest item date), 件数, 页数 and 保管期限. Volumes that
 * could not be written are not counted; they are listed below the table. Signed by 编制人 and
 * 审核人 from the archive settings (blank lines to sign by hand when unset; no date without a name).
 * Typeset with the dossier engine's flow, table and page furniture.
 */
import type { FontOptions } from '../fonts';
import { writeFileDurablySync } from '../../files/durableFiles';
import { newA4Pdf, pdfBytes } from '../pdfFile';
import { signature } from '../compose/frontmatter';
import { wrapText } from '../typeset/justify';
import { Flow } from '../typeset/flow';
import { layoutParagraph } from '../typeset/layout';
import { TextKit } from '../typeset/measure';
import { compactDate } from '../typeset/model';
import { A4, drawFooter } from '../typeset/page';
import { paintPage } from '../typeset/paint';
import { layoutTable } from '../typeset/table';

export interface VolumeEntry {
  /** 档号 of the volume (案卷). */
  archiveCode: string;
  /** 案卷题名 */
  title: string;
  /** Earliest and latest item date (YYYY-MM-DD); null when unknown. */
  dateRange: { from: string; to: string } | null;
  items: number;
  /** 页数: numbered pages of the volume. */
  pages: number;
  retention: string;
  remark: string;
}

export interface CatalogueHead {
  county: string;
  year: number;
  /** 编制人 / 审核人 from the archive settings; empty = blank line. */
  compiler: string;
  checker: string;
  /** 编制日期 (YYYY-MM-DD), printed only beside a 编制人. */
  date: string;
  /** 审核日期 (YYYY-MM-DD or empty), printed only beside a 审核人. */
  checkDate: string;
}

/** Title of the county list: it lists volumes, so it is a 案卷目录. */
export const catalogueTitle = (county: string, year: number) => `${county}${year}年度选派干部工作实绩档案案卷目录`;

export async function writeCountyCatalogue(
  outPath: string,
  head: CatalogueHead,
  volumes: VolumeEntry[],
  failed: Array<{ name: string; error: string }>,
  fonts?: FontOptions,
): Promise<number> {
  const title = catalogueTitle(head.county, head.year);
  // PDF 1.3, pdfkit's default: the catalogue has always been written so
  const pdf = newA4Pdf({ Title: title, Author: head.compiler || `${head.county}委组织部` }, { bufferPages: true, pdfVersion: '1.3' });
  const tk = new TextKit(pdf, fonts);
  const flow = new Flow(tk);
  flow.newPage('landscape');
  const f = flow.frame;
  const size = 20;
  flow.lines(wrapText(title, { width: f.w, measure: tk.measurer(tk.names.serifBold, size), justify: false }), {
    x: f.x,
    width: f.w,
    font: tk.names.serifBold,
    size,
    pitch: size * 1.6,
    align: 'center',
    orientation: 'landscape',
  });
  const total = volumes.reduce((a, e) => a + e.pages, 0);
  const range = (r: VolumeEntry['dateRange']) => (r ? `${compactDate(r.from)}—${compactDate(r.to)}` : '未录入');
  layoutTable(flow, {
    kind: 'table',
    landscape: true,
    fontSize: 9,
    columns: [
      { title: '序号', widthMm: 11, align: 'center' },
      { title: '档号', widthMm: 52 },
      { title: '案卷题名' },
      { title: '起止日期', widthMm: 36, align: 'center' },
      { title: '件数', widthMm: 11, align: 'center' },
      { title: '页数', widthMm: 11, align: 'center' },
      { title: '保管期限', widthMm: 17, align: 'center' },
      { title: '备注', widthMm: 22 },
    ],
    // in 案卷号 order (a volume printed on its own earlier holds a lower number than its place in the roster)
    rows: [...volumes]
      .sort((a, b) => (a.archiveCode < b.archiveCode ? -1 : a.archiveCode > b.archiveCode ? 1 : 0))
      .map((e, i) => [String(i + 1), e.archiveCode, e.title, range(e.dateRange), String(e.items), String(e.pages), e.retention, e.remark]),
  });
  layoutParagraph(flow, { kind: 'paragraph', text: `本目录共列案卷${volumes.length}卷，合计${total}页。`, align: 'right' });
  if (failed.length) {
    layoutParagraph(flow, {
      kind: 'paragraph',
      text: `以下${failed.length}人的档案未能生成，未列入本目录：${failed.map((x) => `${x.name}（${x.error}）`).join('；')}。`,
    });
  }
  const compiler = signature(head.compiler, head.date);
  const checker = signature(head.checker, head.checkDate);
  // one line each: together they are wider than the landscape block and the date would wrap
  layoutParagraph(flow, { kind: 'paragraph', text: `编制人：${compiler.name}　${compiler.date}`, align: 'right' });
  layoutParagraph(flow, { kind: 'paragraph', text: `审核人：${checker.name}　${checker.date}`, align: 'right' });
  for (const p of flow.pages) paintPage(tk, p);
  const n = flow.pages.length;
  for (let i = 0; i < n; i++) {
    pdf.switchToPage(i);
    drawFooter(tk, { n: i + 1, total: n, style: 'ofTotal', kind: 'typeset', w: A4.w, h: A4.h });
  }
  writeFileDurablySync(outPath, await pdfBytes(pdf));
  return n;
}
