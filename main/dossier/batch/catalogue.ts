/**
 * The county's 归档文件目录 (A4 landscape, DA/T 22 columns): one row per cadre's dossier volume
 * of the year. Typeset with the dossier engine's flow, table and page furniture.
 */
import fs from 'node:fs';
import PDFDocument from 'pdfkit';
import type { FontOptions } from '../fonts';
import { wrapText } from '../typeset/justify';
import { Flow, layoutParagraph } from '../typeset/layout';
import { TextKit } from '../typeset/measure';
import { compactDate } from '../typeset/model';
import { A4, drawFooter } from '../typeset/page';
import { paintPage } from '../typeset/paint';
import { layoutTable } from '../typeset/table';

export interface CatalogueEntry {
  archiveCode: string;
  author: string;
  title: string;
  /** YYYY-MM-DD */
  date: string;
  pages: number | null;
  remark: string;
}

export async function writeCountyCatalogue(
  outPath: string,
  head: { county: string; year: number; compiler: string; date: string },
  entries: CatalogueEntry[],
  fonts?: FontOptions,
): Promise<number> {
  const pdf = new PDFDocument({ autoFirstPage: false, bufferPages: true, size: 'A4', margin: 0, lang: 'zh-CN', displayTitle: true,
    info: { Title: `${head.county}${head.year}年度选派干部工作实绩档案归档文件目录`, Author: head.compiler, Creator: 'OneBag 一袋式档案' } });
  const tk = new TextKit(pdf, fonts);
  const flow = new Flow(tk);
  flow.newPage('landscape');
  const title = `${head.county}${head.year}年度选派干部工作实绩档案归档文件目录`;
  const f = flow.frame;
  const size = 20;
  flow.lines(wrapText(title, { width: f.w, measure: tk.measurer(tk.names.serifBold, size), justify: false }), {
    x: f.x, width: f.w, font: tk.names.serifBold, size, pitch: size * 1.6, align: 'center', orientation: 'landscape',
  });
  const total = entries.reduce((a, e) => a + (e.pages ?? 0), 0);
  layoutTable(flow, {
    kind: 'table',
    landscape: true,
    fontSize: 9,
    columns: [
      { title: '序号', widthMm: 11, align: 'center' },
      { title: '档号', widthMm: 52 },
      { title: '文号', widthMm: 14 },
      { title: '责任者', widthMm: 26 },
      { title: '题名' },
      { title: '日期', widthMm: 19, align: 'center' },
      { title: '密级', widthMm: 11, align: 'center' },
      { title: '页数', widthMm: 11, align: 'center' },
      { title: '备注', widthMm: 24 },
    ],
    rows: entries.map((e, i) => [String(i + 1), e.archiveCode, '', e.author, e.title, compactDate(e.date), '', e.pages === null ? '—' : String(e.pages), e.remark]),
  });
  layoutParagraph(flow, { kind: 'paragraph', text: `共${entries.length}卷，${total}页。编制：${head.compiler}　${head.date}`, align: 'right' });
  for (const p of flow.pages) paintPage(tk, p);
  const n = flow.pages.length;
  for (let i = 0; i < n; i++) {
    pdf.switchToPage(i);
    drawFooter(tk, { n: i + 1, total: n, style: 'ofTotal', kind: 'typeset', w: A4.w, h: A4.h });
  }
  const bytes = await new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    pdf.on('data', (c: Buffer) => chunks.push(c));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
    pdf.end();
  });
  fs.writeFileSync(outPath, bytes);
  return n;
}
