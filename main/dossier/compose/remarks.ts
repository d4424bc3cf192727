/**
 * Lines for the 备考表 about how each original reached the page: replaced, decrypted, repaired,
 * converted or retypeset, reduced from a larger paper size, or shrunk to clear the marks. Each
 * names the pages and the file, so an archivist can check it against the electronic original.
 */
import type { Plan } from './plan';
import { paperName, type Fit } from './placement';

export interface RemarkEntry {
  plan: Plan;
  name: string;
  start: number;
  count: number;
}

const range = (a: number, b: number) => (a === b ? `第${a}页` : `第${a}–${b}页`);

export function originalRemarks(entries: RemarkEntry[]): string[] {
  const out: string[] = [];
  for (const e of entries) {
    const where = range(e.start, e.start + e.count - 1);
    const p = e.plan;
    if (p.kind === 'unreadable') {
      out.push(
        `${where}：原件“${e.name}”未能按原样打印（${p.reason}），以说明页代替；电子原件见档案数据包${p.sha256 ? `（SHA-256 ${p.sha256.slice(0, 16)}…）` : ''}。`,
      );
    } else if (p.kind === 'typeset' && p.rendition === 'engine') {
      out.push(
        `${where}：原件“${e.name}”为 Word 文档，由本系统按其文字内容重新排版，版式与原件可能不同${p.images ? `；其中${p.images}处图片未排入，见电子原件` : ''}。`,
      );
    } else if (p.kind === 'pdf') {
      if (p.rendition === 'decrypted')
        out.push(`${where}：原件“${e.name}”设有权限加密（无需打开密码），打印的是其解密副本，电子原件按原样保存。`);
      if (p.rendition === 'repaired') out.push(`${where}：原件“${e.name}”文件结构有误，打印的是修复后读取的副本，电子原件按原样保存。`);
      if (p.rendition === 'libreoffice')
        out.push(`${where}：原件“${e.name}”为办公文档，经 LibreOffice 转换为 PDF 后打印，版式以电子原件为准。`);
      const raster = p.pages.find((pg) => pg.raster);
      if (raster?.raster) {
        const dpi = Math.round((raster.raster.pxW / raster.w) * 72);
        out.push(`${where}：为符合 PDF/A 长期保存格式，原件“${e.name}”以页面图像（${dpi} dpi）并入，电子原件按原样保存。`);
      }
      const reduced = p.pages.map((pg, i) => ({ pg, n: e.start + i })).filter(({ pg, n }) => fitOf(pg, n).reducedToA4);
      if (reduced.length) {
        const sizes = [...new Set(reduced.map(({ pg }) => paperName(pg.w, pg.h)))].join('、');
        out.push(`${pagesList(reduced.map((r) => r.n))}：原件“${e.name}”为${sizes}幅面，已按比例缩印为 A4。`);
      }
      const shrunk = p.pages.map((pg, i) => ({ f: fitOf(pg, e.start + i).markShrink, n: e.start + i })).filter((s) => s.f < 1);
      if (shrunk.length) {
        const min = Math.min(...shrunk.map((s) => s.f));
        out.push(
          `${pagesList(shrunk.map((s) => s.n))}：为留出归档章和页码位置，原件“${e.name}”页面内容缩小${shrunk.length > 1 ? `（最小为${Math.round(min * 100)}%）` : `为${Math.round(min * 100)}%`}。`,
        );
      }
    }
  }
  return out;
}

/** The placement a page gets on its volume page (recto: odd). */
export const fitOf = (pg: { fit: { recto: Fit; verso: Fit } }, pageNo: number): Fit => (pageNo % 2 === 1 ? pg.fit.recto : pg.fit.verso);

/** 第3、5–7页 */
function pagesList(ns: number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < ns.length; ) {
    let j = i;
    while (j + 1 < ns.length && ns[j + 1] === ns[j]! + 1) j++;
    parts.push(ns[i] === ns[j] ? String(ns[i]) : `${ns[i]}–${ns[j]}`);
    i = j + 1;
  }
  return `第${parts.join('、')}页`;
}
