/**
 * Reads the text of a .docx without a Word library: the zip's central directory locates
 * word/document.xml, node:zlib inflates it, and a tag scan yields the body in order as
 * paragraphs and tables (cell text). Only w:t runs count (deleted revisions and field codes
 * are left out, as Word shows them).
 */
import fs from 'node:fs';
import zlib from 'node:zlib';
import { AppError } from '../../../shared/result';

export type DocBlock = { type: 'p'; text: string } | { type: 'table'; rows: string[][] };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const refuse = () =>
  new AppError('IMPORT_REFUSED', '该文件不是有效的 Word（.docx）文档，无法读取；如为 .doc 格式，请在 Word 中另存为 .docx 后再导入');

/** The uncompressed bytes of one zip entry, or null when the zip has no such entry. */
export function zipEntry(buf: Buffer, name: string): Buffer | null {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw refuse();
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) throw refuse();
    const method = buf.readUInt16LE(p + 10);
    const compressed = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const entryName = buf.toString('utf8', p + 46, p + 46 + nameLen);
    p += 46 + nameLen + extraLen + commentLen;
    if (entryName !== name) continue;
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== LOCAL) throw refuse();
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + compressed);
    if (method === 0) return Buffer.from(data);
    if (method === 8) {
      try {
        return zlib.inflateRawSync(data, { maxOutputLength: 64 * 1024 * 1024 });
      } catch {
        throw refuse();
      }
    }
    throw refuse();
  }
  return null;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const decode = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return ENTITIES[e] ?? m;
  });

const TAG = /<(\/?)(w:p|w:tbl|w:tr|w:tc|w:t|w:tab|w:br|w:cr)(?=[\s/>])([^>]*)>/g;

/** The body of document.xml as paragraphs and tables, in order. */
export function docxBlocks(xml: string): DocBlock[] {
  const out: DocBlock[] = [];
  let para: string | null = null;
  let tableDepth = 0;
  let rows: string[][] = [];
  let cell: string[] | null = null;
  TAG.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TAG.exec(xml))) {
    const [, close, tag, attrs] = m;
    const selfClosing = attrs!.endsWith('/');
    if (tag === 'w:t' && !close && !selfClosing) {
      const end = xml.indexOf('</w:t>', TAG.lastIndex);
      if (end < 0) break;
      if (para !== null) para += decode(xml.slice(TAG.lastIndex, end));
      TAG.lastIndex = end + 6;
    } else if (tag === 'w:tab' && !close && para !== null) para += '\t';
    else if ((tag === 'w:br' || tag === 'w:cr') && !close && para !== null) para += '\n';
    else if (tag === 'w:p') {
      if (!close) {
        para = '';
        if (!selfClosing) continue;
      }
      const text = para ?? '';
      para = null;
      if (tableDepth > 0) cell?.push(text);
      else out.push({ type: 'p', text });
    } else if (tag === 'w:tbl') {
      if (!close) {
        if (tableDepth++ === 0) rows = [];
      } else if (--tableDepth === 0) out.push({ type: 'table', rows });
    } else if (tag === 'w:tr' && tableDepth === 1) {
      if (!close) rows.push([]);
    } else if (tag === 'w:tc' && tableDepth === 1) {
      if (!close) cell = [];
      else if (cell) {
        rows[rows.length - 1]?.push(cell.join('\n').trim());
        cell = null;
      }
    }
  }
  return out;
}

export function readDocx(filePath: string): DocBlock[] {
  const buf = fs.readFileSync(filePath);
  if (buf.length < 22 || buf.readUInt32LE(0) !== LOCAL) throw refuse();
  const xml = zipEntry(buf, 'word/document.xml');
  if (!xml) throw refuse();
  return docxBlocks(xml.toString('utf8'));
}
