/**
 * Bench helper: renders a DossierDoc as ONE HTML file meant to print, in Chromium, to the
 * same dossier composeDossier() prints — so `npm run bench:dossier` can time Chromium's
 * print-to-PDF on the very same document (issue 3: "OneBag must be at least 5× faster").
 *
 * What is equivalent:
 * - A4 portrait, margins 37 / 26 / 35 / 28 mm (the GB/T 9704 text block of page.ts);
 *   wide tables on named `landscape` pages (A4 landscape, the LANDSCAPE frame's margins:
 *   28 / 37 / 26 / 35 mm). The 归档章 sits INSIDE the top margin (14 mm from the top edge,
 *   as OneBag draws it), and Chromium clips content placed in the page margin, so the top
 *   margin is split: @page margin-top 14 mm (5 mm landscape) plus 23 mm of section
 *   padding repeated on every page with `box-decoration-break: clone` — 37 mm (28 mm)
 *   of white space above the text block on every page, the stamp in that padding.
 * - The same bundled TTF faces (resolveFontFiles), loaded with @font-face from local files,
 *   so Chromium embeds the same CJK glyphs (Noto Serif SC body, Noto Sans SC headings).
 * - Cover, 卷内目录 table (same 9 columns and widths), every typeset item on a new page with
 *   its 归档章 above the text block, 2号 bold title, headings (level 1 sans, 2 bold serif,
 *   3 body), justified paragraphs with a 2-character first-line indent on the 22-line grid,
 *   tables with borders, captions and <thead> repeated on every page, and the 备考表.
 * - Page numbers via CSS page-margin boxes (counter(page) / counter(pages); Chromium ≥ 131).
 *
 * What differs (said plainly so the comparison is not oversold):
 * - Only typeset items are rendered; `pdf` / `image` items are left out (the bench
 *   compares the 300-page typeset figure only).
 * - 页号 in the catalogue: Chromium has no target-counter(), so it cannot number the
 *   catalogue itself without a second print pass. The caller may pass the start pages
 *   OneBag computed (same amount of text to set); they are not re-checked against
 *   Chromium's own pagination.
 * - Landscape pages are real landscape pages (OneBag keeps A4 portrait sheets with
 *   /Rotate 90); no PDF bookmarks (Chromium's print-to-PDF writes none by default).
 * - Orientation of tables without widths is decided from an estimate of their natural
 *   width (CJK 1 em, other characters 0.55 em), not from font metrics.
 */
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { resolveFontFiles } from '../../main/dossier/fonts';
import {
  compactDate,
  itemArchiveCode,
  pad4,
  type Block,
  type DossierDoc,
  type TableBlock,
  type TypesetItem,
} from '../../main/dossier/typeset/model';
// The same catalogue columns as the engine, so both sides print the same table.
import { CATALOGUE_COLUMNS, coverFields } from '../../main/dossier/compose/frontmatter';

const MM_PER_PT = 25.4 / 72;
/** GB/T 9704 body: 28 characters in 156 mm, 22 lines in 225 mm (as layout.ts). */
const BODY_PT = Math.min(16, 156 / MM_PER_PT / 28);
const PITCH_MM = 225 / 22;
const PORTRAIT_W_MM = 156;
const LANDSCAPE_W_MM = 225;

export interface HtmlOptions {
  /**
   * Start page and page count of each typeset item in document order (e.g. OneBag's
   * ComposeResult.items), printed in 页号 and in the stamps; default blank.
   */
  pages?: Array<{ startPage: number; pageCount: number }>;
  /** Total pages for the 备考表 sentence; default: left as "—". */
  totalPages?: number;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function chineseDate(d: string): string {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(d);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : d;
}

/** Rough natural width of a string in mm at `pt`. */
function estWidthMm(text: string, pt: number): number {
  let em = 0;
  for (const ch of text) em += ch.codePointAt(0)! > 0x2e7f ? 1 : 0.55;
  return em * pt * MM_PER_PT;
}

interface Geometry {
  landscape: boolean;
  /** mm per column, or null for a column that shares what is left. */
  widths: Array<number | null>;
  /** Table width in mm, or null for the full block width. */
  tableW: number | null;
}

/** Mirrors table.ts tableGeometry(): fixed widths in mm, landscape when wider than 156 mm. */
function geometry(t: TableBlock): Geometry {
  const pt = t.fontSize ?? 10.5;
  const natural = t.columns.map((c, i) => {
    if (c.widthMm) return c.widthMm;
    let w = estWidthMm(c.title, pt);
    for (const r of t.rows) {
      const cell = r[i] ?? '';
      if (cell.length > 60) return 60;
      w = Math.max(w, ...cell.split('\n').map((p) => estWidthMm(p, pt)));
    }
    return Math.min(60, Math.max(6, w + 2 * 1.2 + 0.35));
  });
  const total = natural.reduce((a, b) => a + b, 0);
  const landscape = !!t.landscape || total > PORTRAIT_W_MM + 0.2;
  const avail = landscape ? LANDSCAPE_W_MM : PORTRAIT_W_MM;
  const allFixed = t.columns.every((c) => c.widthMm);
  if (allFixed) {
    const k = total > avail ? avail / total : 1;
    return { landscape, widths: natural.map((w) => w * k), tableW: total * k };
  }
  return { landscape, widths: t.columns.map((c) => (c.widthMm ? c.widthMm : null)), tableW: null };
}

function tableHtml(t: TableBlock, g: Geometry): string {
  const pt = t.fontSize ?? 10.5;
  const cols = g.widths.map((w) => (w === null ? '<col>' : `<col style="width:${w.toFixed(2)}mm">`)).join('');
  const padX = (w: number | null) => (w === null ? 1.2 : Math.min(1.2, w * 0.1));
  const head = t.columns.map((c, i) => `<th style="padding:0 ${padX(g.widths[i]!).toFixed(2)}mm">${esc(c.title)}</th>`).join('');
  const aligns = t.columns.map((c) => c.align ?? 'left');
  const pads = g.widths.map((w) => padX(w).toFixed(2));
  const body = t.rows
    .map(
      (r) =>
        '<tr>' +
        t.columns
          .map((_, i) => {
            const a = aligns[i] === 'left' ? '' : ` class="${aligns[i] === 'center' ? 'c' : 'r'}"`;
            return `<td${a} style="padding-left:${pads[i]}mm;padding-right:${pads[i]}mm">${esc(r[i] ?? '').replace(/\n/g, '<br>')}</td>`;
          })
          .join('') +
        '</tr>',
    )
    .join('\n');
  const width = g.tableW === null ? 'width:100%' : `width:${g.tableW.toFixed(2)}mm`;
  const caption = t.caption ? `<div class="caption">${esc(t.caption)}</div>` : '';
  return (
    `${caption}<table style="${width};font-size:${pt}pt;line-height:1.4"><colgroup>${cols}</colgroup>` +
    `<thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`
  );
}

function blockHtml(b: Block): string {
  if (b.kind === 'paragraph') {
    const cls = b.align === 'right' ? 'p r' : b.align === 'center' ? 'p c' : 'p j';
    return `<p class="${cls}">${esc(b.text)}</p>`;
  }
  if (b.kind === 'heading') return `<h${b.level + 1} class="h${b.level}">${esc(b.text)}</h${b.level + 1}>`;
  if (b.kind === 'image') {
    const mime = b.data[0] === 0x89 ? 'image/png' : 'image/jpeg';
    const w = b.widthMm ?? (b.pixels.width * 25.4) / 96;
    return `<p class="p c"><img src="data:${mime};base64,${b.data.toString('base64')}" style="max-width:100%;width:${w.toFixed(2)}mm"></p>`;
  }
  const g = geometry(b);
  const html = tableHtml(b, g);
  return g.landscape ? `<div class="land">${html}</div>` : `<div class="tbl">${html}</div>`;
}

function stampHtml(item: TypesetItem, pages: number | null): string {
  const s = item.stamp;
  const cells = [s.fonds, s.year, pad4(s.itemNo), s.org, s.retention, pages === null ? '' : String(pages)];
  return (
    '<table class="stamp"><tr>' +
    cells
      .slice(0, 3)
      .map((c) => `<td>${esc(c)}</td>`)
      .join('') +
    '</tr><tr>' +
    cells
      .slice(3)
      .map((c) => `<td>${esc(c)}</td>`)
      .join('') +
    '</tr></table>'
  );
}

function fontFaces(): string {
  const f = resolveFontFiles();
  const face = (family: string, weight: number, file: string) =>
    `@font-face{font-family:'${family}';font-weight:${weight};font-style:normal;src:url('${pathToFileURL(file).href}') format('truetype');}`;
  return [
    face('OB Serif', 400, f.serif),
    face('OB Serif', 700, f.serifBold),
    face('OB Sans', 400, f.sans),
    face('OB Sans', 700, f.sansBold),
  ].join('\n');
}

function pageRules(style: DossierDoc['meta']['pageNumberStyle']): string {
  const foot = `font-family:'OB Serif';vertical-align:top;padding-top:5.5mm;`;
  if (style === 'ofTotal') {
    const box = `@bottom-center{content:"第 " counter(page) " 页 共 " counter(pages) " 页";font-size:12pt;${foot}}`;
    return `@page{size:A4;margin:14mm 26mm 35mm 28mm;${box}}
@page landscape{size:A4 landscape;margin:5mm 37mm 26mm 35mm;${box}}`;
  }
  const num = `content:"— " counter(page) " —";font-size:14pt;${foot}`;
  return `@page{size:A4;margin:14mm 26mm 35mm 28mm;}
@page :right{@bottom-right{${num}text-align:right;padding-right:14pt;}}
@page :left{@bottom-left{${num}text-align:left;padding-left:14pt;}}
@page landscape{size:A4 landscape;margin:5mm 37mm 26mm 35mm;}`;
}

/** Renders the typeset part of `doc` (cover, catalogue, typeset items, 备考表) as one HTML page. */
export function htmlFromModel(doc: DossierDoc, opts: HtmlOptions = {}): string {
  const { meta } = doc;
  const items = doc.sections.flatMap((s) => s.items.filter((i): i is TypesetItem => i.kind === 'typeset'));
  const starts = opts.pages?.map((p) => p.startPage);
  const pageCount = (i: number): number | null => opts.pages?.[i]?.pageCount ?? null;

  const title = meta.title ?? '选派干部工作实绩档案';
  const fields = coverFields(meta);
  const cover = `<section class="cover">
<div class="code">档号：${esc(meta.archiveCode)}</div>
<div class="county">${esc(meta.county)}</div>
<div class="title">${esc(title)}</div>
<div class="year">（${esc(meta.year)}年度）</div>
<table class="fields">${fields.map(([l, v]) => `<tr><th>${esc(l)}：</th><td>${esc(v)}</td></tr>`).join('')}</table>
</section>`;

  const catRows = items.map((it, i) => {
    const c = it.catalogue;
    const last = i === items.length - 1;
    const n = pageCount(i);
    const pages = starts ? (last && n !== null && n > 1 ? `${starts[i]}-${starts[i]! + n - 1}` : String(starts[i])) : '';
    return [
      String(i + 1),
      c.archiveCode ?? itemArchiveCode(it.stamp),
      c.docNo ?? '',
      c.author,
      c.title,
      compactDate(c.date),
      c.secrecy ?? '',
      pages,
      c.remark ?? '',
    ];
  });
  const catTable: TableBlock = {
    kind: 'table',
    fontSize: 9,
    columns: CATALOGUE_COLUMNS.map(([t, widthMm, align]) => ({ title: t, widthMm, align })),
    rows: catRows,
  };
  const catalogue = `<section class="item"><h1>卷内目录</h1><div class="tbl">${tableHtml(catTable, geometry(catTable))}</div></section>`;

  const body = items
    .map(
      (it, i) =>
        `<section class="item"><div class="stampbox">${stampHtml(it, pageCount(i))}</div><h1>${esc(it.catalogue.title)}</h1>` +
        (it.subtitle ? `<div class="subtitle">${esc(it.subtitle)}</div>` : '') +
        it.blocks.map(blockHtml).join('\n') +
        '</section>',
    )
    .join('\n');

  const total = opts.totalPages !== undefined ? String(opts.totalPages) : '—';
  const closing = `<section class="item closing"><h1>备考表</h1><div class="box">
<div class="label">卷内情况说明：</div>
<p class="p j">本卷共有文件材料${items.length}件，共${total}页（含封面、卷内目录和本表）。其中排版打印${items.length}件，附入原件0件（0页），扫描件0件。</p>
<p class="p j">附入的原件按原样排入，为留出归档章和页码位置，原件页面内容按比例略为缩小。</p>
<div class="sig s1"><span>立卷人：${esc(meta.compiler)}</span><span>${esc(chineseDate(meta.date))}</span></div>
<div class="sig s2"><span>检查人：${esc(meta.checker)}</span><span>${esc(chineseDate(meta.checkDate ?? meta.date))}</span></div>
</div></section>`;

  const css = `${fontFaces()}
${pageRules(meta.pageNumberStyle)}
html{-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{margin:0;font-family:'OB Serif','OB Sans';font-size:${BODY_PT.toFixed(3)}pt;line-height:${PITCH_MM.toFixed(4)}mm;color:#000;line-break:strict}
section.item,section.cover{padding-top:23mm;box-decoration-break:clone;-webkit-box-decoration-break:clone;position:relative}
section.item{break-before:page}
section.cover{height:224mm;text-align:center}
.cover .code{position:absolute;right:0;top:11mm;font-size:12pt;line-height:1}
.cover .county{padding-top:15mm;font:20pt/1 'OB Sans'}
.cover .title{margin-top:20mm;font:700 32pt/1 'OB Serif'}
.cover .year{margin-top:8mm;font-size:18pt;line-height:1}
.cover .fields{margin:20mm 0 0 10mm;border-collapse:collapse;font-size:15pt;line-height:1.5}
.cover .fields th{font-family:'OB Sans';font-weight:400;text-align:right;width:50mm;padding:0 4mm 6mm 0;white-space:nowrap}
.cover .fields th,.cover .fields td{border:none}
.cover .fields td{width:92mm;text-align:center;border-bottom:0.6pt solid #000;padding:0;vertical-align:top}
.cover .fields tr td{padding-bottom:0}
.cover .fields tr{height:calc(15pt * 1.5 + 6mm)}
h1{margin:0 0 ${(PITCH_MM / 2).toFixed(3)}mm;font:700 22pt/1.5 'OB Serif';text-align:center}
.subtitle{text-align:center}
h2,h3,h4{margin:0;font-size:${BODY_PT.toFixed(3)}pt;line-height:${PITCH_MM.toFixed(4)}mm;text-indent:2em;break-after:avoid}
h2{font-family:'OB Sans';font-weight:400}
h3{font-family:'OB Serif';font-weight:700}
h4{font-weight:400}
p.p{margin:0}
p.j{text-align:justify;text-indent:2em}
p.r{text-align:right}
p.c{text-align:center}
.caption{font:12pt/1.8 'OB Sans';text-align:center}
div.land{page:landscape}
div.tbl,div.land{margin-top:${(10.5 * 0.3 * MM_PER_PT).toFixed(2)}mm;margin-bottom:2mm}
table{border-collapse:collapse;margin:0 auto;table-layout:fixed}
th,td{border:0.5pt solid #000;padding-top:0.8mm;padding-bottom:0.8mm;vertical-align:top;word-break:break-all;overflow-wrap:anywhere}
thead{display:table-header-group}
thead th{font-family:'OB Sans';font-weight:400;text-align:center}
tr{break-inside:avoid}
td.c{text-align:center}
td.r{text-align:right}
.stampbox{position:absolute;top:0;left:0;right:0}
table.stamp{width:45mm;height:16mm;margin:0 auto;color:#c8161d;font:9pt/1 'OB Sans';table-layout:fixed}
table.stamp td{border:0.8pt solid #c8161d;text-align:center;vertical-align:middle;padding:0;height:8mm}
.closing .box{border:0.8pt solid #000;margin:0 -4mm;padding:2mm 4mm;height:calc(225mm - 33mm - ${PITCH_MM.toFixed(3)}mm);position:relative}
.closing .label{font-family:'OB Sans'}
.closing .sig{display:flex;justify-content:space-between;padding:0 20mm;position:absolute;left:4mm;right:4mm}
.closing .s1{bottom:${(PITCH_MM * 2.5).toFixed(2)}mm}
.closing .s2{bottom:${PITCH_MM.toFixed(2)}mm}
`;
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(title)}（${esc(meta.cadreName)}，${esc(meta.year)}年度）</title>
<style>
${css}</style></head>
<body>
${cover}
${catalogue}
${body}
${closing}
</body></html>
`;
}

/** Writes the HTML to `file`. */
export function writeHtmlFromModel(doc: DossierDoc, file: string, opts?: HtmlOptions): void {
  fs.writeFileSync(file, htmlFromModel(doc, opts));
}
