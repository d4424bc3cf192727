/**
 * Reads a .docx (Office Open XML) into plain blocks our typesetting engine prints: paragraphs
 * with their alignment, headings (outline level or "heading N" style), list items with the
 * number or bullet Word would show, tables (merged cells left empty), and the pictures with
 * their bytes and size when they are PNG or JPEG (docxImages.ts), else named with the reason.
 * Deleted revisions are left out, inserted ones kept — what Word shows with "no markup".
 */
import fs from 'node:fs';
import { DOMParser, type Element as XElement } from '@xmldom/xmldom';
import JSZip from 'jszip';
import { loadDocxImages, type DocxImage, type LoadedImage } from './docxImages';
import { attr, children, descendants, first } from './docxXml';
import { listLabel, readNumbering, readStyles, type Numbering, type StyleInfo } from './docxNumbering';

export type DocxAlign = 'justify' | 'center' | 'right';

export type DocxBlock =
  | { kind: 'paragraph'; text: string; align: DocxAlign; heading: 0 | 1 | 2 | 3; list: string | null }
  | { kind: 'table'; rows: string[][] /** Pictures of each cell, same shape as rows. */; images: DocxImage[][][] }
  | ({ kind: 'image' } & DocxImage);

export type { DocxImage };

export type DocxRead = { ok: true; blocks: DocxBlock[] } | { ok: false; reason: string };

const MAX_BYTES = 200 * 1024 * 1024;

export async function readDocx(file: string): Promise<DocxRead> {
  let zip: JSZip;
  try {
    const bytes = fs.readFileSync(file);
    if (bytes.length > MAX_BYTES) return { ok: false, reason: '文件过大，无法排版' };
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return { ok: false, reason: '不是有效的 Word 文档（.docx 压缩包无法打开），文件可能已损坏或加密' };
  }
  const main = zip.file('word/document.xml');
  if (!main) return { ok: false, reason: '不是有效的 Word 文档（缺少正文部分 word/document.xml）' };
  try {
    const parse = async (name: string) => {
      const f = zip.file(name);
      return f ? new DOMParser().parseFromString(await f.async('string'), 'text/xml') : null;
    };
    const doc = await parse('word/document.xml');
    const styles = readStyles(await parse('word/styles.xml'));
    const numbering = readNumbering(await parse('word/numbering.xml'));
    const body = doc ? first(doc.documentElement as XElement, 'body') : null;
    if (!body) return { ok: false, reason: '不是有效的 Word 文档（正文为空或无法解析）' };
    const reader = new BodyReader(styles, numbering, await loadDocxImages(zip));
    reader.container(body);
    return { ok: true, blocks: reader.blocks };
  } catch (e) {
    return { ok: false, reason: `Word 文档内容无法解析（${String((e as Error)?.message ?? e).slice(0, 60)}）` };
  }
}

// ---- body ----

class BodyReader {
  blocks: DocxBlock[] = [];
  constructor(
    private styles: Map<string, StyleInfo>,
    private numbering: Numbering,
    private images: Map<string, LoadedImage>,
  ) {}

  container(el: XElement): void {
    for (const c of children(el)) {
      if (c.localName === 'p') this.paragraph(c);
      else if (c.localName === 'tbl') this.table(c);
      else if (c.localName === 'sdt') {
        const content = first(c, 'sdtContent');
        if (content) this.container(content);
      } else if (c.localName === 'customXml' || c.localName === 'ins' || c.localName === 'smartTag') this.container(c);
    }
  }

  private styleChain(id: string | null): StyleInfo[] {
    const out: StyleInfo[] = [];
    for (let i = 0; id && i < 10; i++) {
      const s = this.styles.get(id);
      if (!s) break;
      out.push(s);
      id = s.basedOn;
    }
    return out;
  }

  private paragraph(p: XElement): void {
    const pPr = first(p, 'pPr');
    const chain = this.styleChain(attr(pPr ? first(pPr, 'pStyle') : null, 'val'));
    const own = attr(pPr ? first(pPr, 'outlineLvl') : null, 'val');
    let level: number | null = own !== null ? Number(own) : (chain.find((s) => s.outline !== null)?.outline ?? null);
    if (level === null) {
      const named = chain.map((s) => /^heading (\d)$/.exec(s.name)).find(Boolean);
      if (named) level = Number(named[1]) - 1;
      else if (chain[0]?.name === 'title') level = 0;
    }
    const heading = (level !== null && level >= 0 && level < 9 ? Math.min(3, level + 1) : 0) as 0 | 1 | 2 | 3;
    const jc = attr(pPr ? first(pPr, 'jc') : null, 'val');
    const align: DocxAlign = jc === 'center' ? 'center' : jc === 'right' || jc === 'end' ? 'right' : 'justify';
    const numPr = pPr ? first(pPr, 'numPr') : null;
    const numId = numPr ? attr(first(numPr, 'numId'), 'val') : (chain.find((s) => s.numId)?.numId ?? null);
    const ilvl = Number(numPr ? (attr(first(numPr, 'ilvl'), 'val') ?? 0) : 0);
    const list = numId ? listLabel(this.numbering, numId, ilvl) : null;
    const after: DocxBlock[] = [];
    const text = this.runs(p, after).replace(/\s+$/u, '');
    if (text.trim() || list) this.blocks.push({ kind: 'paragraph', text, align, heading, list });
    this.blocks.push(...after);
  }

  /** Text of a paragraph's runs; pictures and text boxes found on the way go to `after`. */
  private runs(el: XElement, after: DocxBlock[]): string {
    let s = '';
    for (const c of children(el)) {
      switch (c.localName) {
        case 'r':
          for (const r of children(c)) {
            if (r.localName === 't') s += r.textContent ?? '';
            else if (r.localName === 'tab') s += '\u3000';
            else if (r.localName === 'br' || r.localName === 'cr') s += '\n';
            else if (r.localName === 'noBreakHyphen') s += '-';
            else if (r.localName === 'sym') s += symbol(attr(r, 'char'));
            else if (r.localName === 'drawing' || r.localName === 'pict' || r.localName === 'object') this.drawing(r, after);
            else if (r.localName === 'AlternateContent') {
              const choice = first(r, 'Choice') ?? first(r, 'Fallback');
              if (choice) for (const d of children(choice)) this.drawing(d, after);
            }
          }
          break;
        case 'hyperlink':
        case 'ins':
        case 'smartTag':
        case 'fldSimple':
        case 'customXml':
        case 'bdo':
        case 'dir':
          s += this.runs(c, after);
          break;
        case 'sdt': {
          const content = first(c, 'sdtContent');
          if (content) s += this.runs(content, after);
          break;
        }
        // 'del', 'moveFrom', bookmarks, comments: not shown
      }
    }
    return s;
  }

  private drawing(el: XElement, after: DocxBlock[]): void {
    const boxes = descendants(el, 'txbxContent');
    if (boxes.length) {
      const inner = new BodyReader(this.styles, this.numbering, this.images);
      for (const b of boxes) inner.container(b);
      after.push(...inner.blocks);
      return;
    }
    const pr = descendants(el, 'docPr')[0] ?? null;
    const name = attr(pr, 'descr') || attr(pr, 'title') || attr(pr, 'name') || '';
    // DrawingML: <a:blip r:embed>, size in <wp:extent cx cy> (EMU); VML: <v:imagedata r:id>, size in the shape's style
    const blip = descendants(el, 'blip')[0] ?? null;
    const vml = descendants(el, 'imagedata')[0] ?? null;
    const rid = attr(blip, 'embed') ?? attr(vml, 'id');
    const loaded = rid ? this.images.get(rid) : undefined;
    const size = drawingSizeMm(el);
    after.push({
      kind: 'image',
      name,
      data: loaded?.data ?? null,
      format: loaded?.format ?? null,
      pixels: loaded?.pixels ?? null,
      alpha: loaded?.alpha ?? false,
      widthMm: size?.w ?? null,
      heightMm: size?.h ?? null,
      problem: loaded ? loaded.problem : rid ? '文档中缺少该图片' : '该图形不是图片（图表、形状或公式）',
    });
  }

  private table(tbl: XElement): void {
    const rows: string[][] = [];
    const images: DocxImage[][][] = [];
    for (const tr of children(tbl).filter((c) => c.localName === 'tr')) {
      const row: string[] = [];
      const rowImages: DocxImage[][] = [];
      for (const tc of children(tr).filter((c) => c.localName === 'tc')) {
        const tcPr = first(tc, 'tcPr');
        const span = Number(attr(tcPr ? first(tcPr, 'gridSpan') : null, 'val') ?? 1);
        const vMerge = tcPr ? first(tcPr, 'vMerge') : null;
        const continued = vMerge !== null && attr(vMerge, 'val') !== 'restart';
        const inner = new BodyReader(this.styles, this.numbering, this.images);
        inner.container(tc);
        // every picture of the cell is listed; those that cannot be loaded also leave 〔图片〕 in its text
        const pictures = continued ? [] : inner.blocks.flatMap((b) => (b.kind === 'image' ? [b] : []));
        const text = continued
          ? ''
          : inner.blocks
              .map((b) =>
                b.kind === 'paragraph'
                  ? `${b.list ? `${b.list} ` : ''}${b.text}`
                  : b.kind === 'image'
                    ? b.data
                      ? ''
                      : '〔图片〕'
                    : b.rows.map((r) => r.join(' ')).join(' '),
              )
              .join(' ')
              .replace(/\s+/g, ' ')
              .trim();
        row.push(text);
        rowImages.push(pictures.map(({ kind: _, ...img }) => img));
        for (let i = 1; i < span; i++) {
          row.push('');
          rowImages.push([]);
        }
      }
      rows.push(row);
      images.push(rowImages);
    }
    const width = Math.max(0, ...rows.map((r) => r.length));
    if (width === 0) return;
    this.blocks.push({
      kind: 'table',
      rows: rows.map((r) => [...r, ...Array<string>(width - r.length).fill('')]),
      images: images.map((r) => [...r, ...Array.from({ length: width - r.length }, () => [])]),
    });
  }
}

const EMU_PER_MM = 36000;

/** A drawing's size in the document: <wp:extent> (EMU), else a VML shape's style width/height (pt, in, cm, mm, px). */
function drawingSizeMm(el: XElement): { w: number; h: number } | null {
  const extent = descendants(el, 'extent')[0] ?? null;
  const cx = Number(attr(extent, 'cx'));
  const cy = Number(attr(extent, 'cy'));
  if (cx > 0 && cy > 0) return { w: cx / EMU_PER_MM, h: cy / EMU_PER_MM };
  const style = attr(descendants(el, 'shape')[0] ?? null, 'style') ?? '';
  const unit: Record<string, number> = { pt: 25.4 / 72, in: 25.4, cm: 10, mm: 1, px: 25.4 / 96 };
  const len = (key: string) => {
    const m = new RegExp(`(?:^|;)\\s*${key}\\s*:\\s*([\\d.]+)(pt|in|cm|mm|px)`).exec(style);
    return m ? Number(m[1]) * unit[m[2]!]! : 0;
  };
  const w = len('width');
  const h = len('height');
  return w > 0 && h > 0 ? { w, h } : null;
}

function symbol(code: string | null): string {
  if (!code) return '';
  const n = parseInt(code, 16);
  // Symbol-font characters live in F000–F0FF; the common ones map to plain characters
  if (n >= 0xf000) return ({ 0xf0b7: '•', 0xf0a7: '▪', 0xf0fc: '✓', 0xf06c: '●' } as Record<number, string>)[n] ?? '';
  return String.fromCodePoint(n);
}
