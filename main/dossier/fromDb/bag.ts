/**
 * The bag, category by category (MATERIAL_CATEGORIES order), each file of a material one item:
 * - PDF: original pages appended; JPEG/PNG: a full-page scan (the engine honours EXIF rotation).
 *   Pages OCR has read carry their recognised lines (an invisible text layer in print).
 * - TIFF: pdfkit cannot embed TIFF and no decoder ships with the app, so a typeset page stands in
 *   (file name, size in pixels, SHA-256) and the original stays in the archive's data package.
 * - Word, WPS and Excel files: rendered at print time (LibreOffice when the machine has it; .docx
 *   also by our engine); OFD cannot be rendered offline: a typeset page names the original and
 *   its SHA-256. Plain text is typeset.
 * A file that is missing or plainly not what it claims is replaced here by a page naming the
 * original file (the engine's own stand-in would name the blob path); deeper damage is caught
 * by the engine, whose warning is translated back to the original name by the caller.
 */
import { listMaterials, recognisedPagesOf } from '../../core/dossierReads/readers';
import fs from 'node:fs';
import { FILE_KIND_LABELS, MATERIAL_CATEGORIES, type Material, type MaterialCategory, type StoredFile } from '../../../shared/domain';
import type { Block, CatalogueFields, Item, OfficeFormat, Section } from '../typeset/model';
import { itemCode, stampFor, type BuildContext } from './context';
import { formatSize } from '../../../shared/fileSize';

const MAX_TEXT_CHARS = 60_000;

/**
 * Records the app keeps that belong to a category of the bag (the typeset 年度工作日志): called
 * once per year of the period, after that year's filed materials of the category, so 件号 run in
 * print order.
 */
export type CategoryRecords = Partial<Record<MaterialCategory, (ctx: BuildContext, year: number) => Item[]>>;

export function bagSections(ctx: BuildContext, records: CategoryRecords = {}): Section[] {
  const y1 = Number(ctx.from.slice(0, 4));
  const y2 = Number(ctx.to.slice(0, 4));
  const all = listMaterials(ctx.db, ctx.cadre.id, ctx.scope === 'term' ? undefined : ctx.scope).filter(
    (m) => ctx.scope !== 'term' || (m.year >= y1 && m.year <= y2),
  );
  const sections: Section[] = [];
  for (const category of MATERIAL_CATEGORIES) {
    const filed = all.filter((m) => m.category === category);
    const extra = records[category];
    const items: Item[] = [];
    if (!extra) items.push(...filed.flatMap((m) => materialItems(ctx, m)));
    else
      for (let y = y1; y <= y2; y++) {
        items.push(...filed.filter((m) => m.year === y).flatMap((m) => materialItems(ctx, m)));
        items.push(...extra(ctx, y));
      }
    if (items.length) sections.push({ title: category, items });
  }
  return sections;
}

function materialItems(ctx: BuildContext, m: Material): Item[] {
  return m.files.map((f, i) => {
    const no = ctx.nextItemNo();
    const title = m.files.length > 1 ? `${m.title}（文件${i + 1}/${m.files.length}）` : m.title;
    const catalogue: CatalogueFields = {
      docNo: m.docNumber ?? undefined,
      author: m.responsible ?? ctx.cadre.name,
      title,
      date: m.date ?? '',
      secrecy: m.secrecy === '公开' ? '' : m.secrecy,
      remark: '',
      archiveCode: itemCode(ctx, no, m.year),
    };
    const stamp = stampFor(ctx, no, m.year);
    const file = ctx.blobs.pathOf(f.sha256);
    const typeset = (blocks: Block[], remark: string): Item => ({ kind: 'typeset', catalogue: { ...catalogue, remark }, stamp, blocks });
    const source = { name: f.originalName, sha256: f.sha256 };
    if (f.kind === 'pdf' || f.kind === 'jpeg' || f.kind === 'png') {
      const bad = precheck(file, f.kind);
      if (bad) {
        ctx.warnings.push(`${ctx.cadre.name}《${title}》的原件“${f.originalName}”无法读取（${bad}），已以说明页代替。`);
        return typeset(unreadableBlocks(f, bad), '原件无法读取');
      }
      // pages OCR has read get an invisible text layer; the rest print without one
      const recognised = recognisedPagesOf(ctx.db, f.sha256);
      return f.kind === 'pdf'
        ? { kind: 'pdf', catalogue, stamp, path: file, source, recognised }
        : { kind: 'image', catalogue, stamp, path: file, source, recognised };
    }
    if (f.kind === 'text') return typeset(textBlocks(ctx, f, file), '');
    const office = officeFormat(f);
    if (office) return { kind: 'office', catalogue, stamp, path: file, format: office, source };
    return typeset(notPrintedBlocks(f, m), '电子原件见档案数据包');
  });
}

/**
 * Word, WPS and spreadsheet originals are rendered at print time (compose/plan.ts). Intake names
 * WPS files by their content (a .wps is a Word 97 file, an .et an Excel 97 one); the extension
 * the user filed is what LibreOffice should see.
 */
function officeFormat(f: StoredFile): OfficeFormat | null {
  const ext = /\.([a-z]+)$/i.exec(f.originalName)?.[1]?.toLowerCase();
  if (f.kind === 'docx') return 'docx';
  if (f.kind === 'xlsx') return 'xlsx';
  if (f.kind === 'doc') return ext === 'wps' ? 'wps' : 'doc';
  if (f.kind === 'xls') return ext === 'et' ? 'et' : 'xls';
  return null;
}

/** Cheap checks that catch a missing or overwritten file before the engine opens it. */
function precheck(file: string, kind: 'pdf' | 'jpeg' | 'png'): string | null {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (e) {
    const code = (e as { code?: string }).code;
    return code === 'ENOENT' ? '文件不存在' : code === 'EACCES' || code === 'EPERM' ? '没有读取该文件的权限' : '无法打开文件';
  }
  try {
    const head = Buffer.alloc(1024);
    const n = fs.readSync(fd, head, 0, 1024, 0);
    const h = head.subarray(0, n);
    if (kind === 'pdf') return h.includes('%PDF-') ? null : '文件已损坏，不是有效的 PDF 文件';
    if (kind === 'jpeg') return h[0] === 0xff && h[1] === 0xd8 ? null : '文件已损坏，不是有效的 JPEG 图片';
    return h.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
      ? null
      : '文件已损坏，不是有效的 PNG 图片';
  } finally {
    fs.closeSync(fd);
  }
}

const para = (text: string, align?: 'center' | 'right'): Block => ({ kind: 'paragraph', text, ...(align ? { align } : {}) });

function unreadableBlocks(f: StoredFile, reason: string): Block[] {
  return [
    para('【原件无法读取】', 'center'),
    para(`原件文件：${f.originalName}`),
    para(`原因：${reason}`),
    para(`SHA-256：${f.sha256}`),
    para('请核对原件后重新归入档案袋，并在备考表中说明。'),
  ];
}

function notPrintedBlocks(f: StoredFile, m: Material): Block[] {
  const label = FILE_KIND_LABELS[f.kind];
  const size = formatSize(f.size);
  const why =
    f.kind === 'tiff'
      ? `原件为 TIFF 图片《${f.originalName}》${f.width && f.height ? `（${f.width}×${f.height} 像素）` : ''}，打印版不能嵌入该格式，电子原件见档案数据包。`
      : `原件为${label}《${f.originalName}》，离线状态下无法按原样排版打印，电子原件见档案数据包。`;
  return [
    para(why),
    para(`文件大小：${size}${f.pageCount ? `，共 ${f.pageCount} 页` : ''}`),
    para(`SHA-256：${f.sha256}`),
    para('如需纸质件，请用相应程序打开电子原件后打印，附于本页之后。'),
    ...(m.notes ? [para(`备注：${m.notes}`)] : []),
  ];
}

/** UTF-8 first; GB 18030 (what Chinese Windows Notepad writes as ANSI) when that fails. */
function decodeText(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

function textBlocks(ctx: BuildContext, f: StoredFile, file: string): Block[] {
  let text: string;
  try {
    text = decodeText(fs.readFileSync(file));
  } catch {
    ctx.warnings.push(`${ctx.cadre.name}的文本原件“${f.originalName}”无法读取，已以说明页代替。`);
    return unreadableBlocks(f, '文件不存在或无法读取');
  }
  const cut = text.length > MAX_TEXT_CHARS;
  const lines = (cut ? text.slice(0, MAX_TEXT_CHARS) : text)
    .split(/\r?\n/)
    .map((l) => l.replace(/[\u0000-\u0008\u000b-\u001f]/g, '').trim())
    .filter((l) => l.length > 0);
  const blocks = lines.map((l) => para(l));
  if (cut) blocks.push(para(`（原文较长，以上为前 ${MAX_TEXT_CHARS} 字，全文见电子原件 ${f.originalName}）`));
  return blocks.length ? blocks : [para(`（文本文件“${f.originalName}”内容为空）`)];
}
