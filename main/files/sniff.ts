/**
 * File type from content (magic bytes), never from the extension: users rename files,
 * and scanners and mail clients save PDFs as ".jpg" or with no extension at all.
 */
import type { FileKind } from '../../shared/domain';

export interface Detected {
  kind: FileKind;
  mime: string;
}

/** Random access to the whole file, so ZIP and OLE2 directories beyond the head can be read. */
export interface RandomAccess {
  size: number;
  read(offset: number, length: number): Buffer;
}

export const MIME: Record<FileKind, string> = {
  pdf: 'application/pdf',
  jpeg: 'image/jpeg',
  png: 'image/png',
  tiff: 'image/tiff',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  ofd: 'application/ofd',
  text: 'text/plain',
};

/** How many bytes callers should read for `head`. */
export const HEAD_BYTES = 64 * 1024;

const PDF_MAGIC = Buffer.from('%PDF-', 'latin1');
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP_LOCAL = 0x04034b50;
const ZIP_CENTRAL = 0x02014b50;
const ZIP_EOCD = 0x06054b50;

const at = (kind: FileKind): Detected => ({ kind, mime: MIME[kind] });
const startsWith = (b: Buffer, bytes: number[]) => b.length >= bytes.length && bytes.every((x, i) => b[i] === x);

export function detectKind(head: Buffer, file?: RandomAccess): Detected | null {
  if (head.length === 0) return null;
  // Junk before %PDF (mail gateways, scanner firmware) is common; readers accept 1 KB of it.
  const pdfAt = head.subarray(0, 1024 + PDF_MAGIC.length).indexOf(PDF_MAGIC);
  if (pdfAt >= 0 && pdfAt <= 1024) return at('pdf');
  if (startsWith(head, [0xff, 0xd8, 0xff])) return at('jpeg');
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return at('png');
  if (startsWith(head, [0x49, 0x49, 0x2a, 0x00]) || startsWith(head, [0x4d, 0x4d, 0x00, 0x2a])) return at('tiff');
  if (head.length >= 4 && head.readUInt32LE(0) === ZIP_LOCAL) {
    const k = zipKind(zipEntryNames(head, file));
    return k ? at(k) : null;
  }
  if (head.subarray(0, 8).equals(OLE_MAGIC)) return at(oleKind(head, file));
  if (looksLikeText(head)) return at('text');
  return null;
}

// ---------- ZIP (DOCX / XLSX / OFD) ----------

function zipKind(names: string[]): FileKind | null {
  if (names.some((n) => n === 'OFD.xml')) return 'ofd';
  if (names.some((n) => n.startsWith('word/'))) return 'docx';
  if (names.some((n) => n.startsWith('xl/'))) return 'xlsx';
  return null;
}

/** Entry names from the central directory when the whole file is readable, else from local headers in the head. */
function zipEntryNames(head: Buffer, file?: RandomAccess): string[] {
  const central = file ? centralDirectoryNames(file) : null;
  if (central && central.length) return central;
  const names: string[] = [];
  let i = 0;
  // Sizes in local headers may be 0 (data descriptors): scan for the next signature instead.
  while ((i = head.indexOf('PK\x03\x04', i, 'latin1')) >= 0 && i + 30 <= head.length) {
    const nameLen = head.readUInt16LE(i + 26);
    const extraLen = head.readUInt16LE(i + 28);
    if (i + 30 + nameLen <= head.length) names.push(head.toString('utf8', i + 30, i + 30 + nameLen));
    i += 30 + nameLen + extraLen;
  }
  return names;
}

function centralDirectoryNames(file: RandomAccess): string[] | null {
  const tailLen = Math.min(file.size, 22 + 0xffff);
  const tail = file.read(file.size - tailLen, tailLen);
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) !== ZIP_EOCD) continue;
    const count = tail.readUInt16LE(i + 10);
    const cdSize = tail.readUInt32LE(i + 12);
    const cdOffset = tail.readUInt32LE(i + 16);
    if (cdOffset + cdSize > file.size || cdSize > 16 * 1024 * 1024) return null;
    const cd = file.read(cdOffset, cdSize);
    const names: string[] = [];
    let p = 0;
    for (let n = 0; n < count && p + 46 <= cd.length && cd.readUInt32LE(p) === ZIP_CENTRAL; n++) {
      const nameLen = cd.readUInt16LE(p + 28);
      names.push(cd.toString('utf8', p + 46, p + 46 + nameLen));
      p += 46 + nameLen + cd.readUInt16LE(p + 30) + cd.readUInt16LE(p + 32);
    }
    return names;
  }
  return null;
}

// ---------- OLE2 compound files (DOC / XLS) ----------

const utf16 = (s: string) => Buffer.from(s, 'utf16le');
const WORD_STREAM = utf16('WordDocument');
const BOOK_STREAMS = [utf16('Workbook'), utf16('Book\0')];

function namesKind(buf: Buffer): 'doc' | 'xls' | null {
  if (buf.includes(WORD_STREAM)) return 'doc';
  if (BOOK_STREAMS.some((n) => buf.includes(n))) return 'xls';
  return null;
}

function oleKind(head: Buffer, file?: RandomAccess): 'doc' | 'xls' {
  return namesKind(head.subarray(0, HEAD_BYTES)) ?? (file ? oleDirectoryKind(head, file) : null) ?? 'doc';
}

/** Follows the directory's sector chain (Excel often writes it at the end of the file). */
function oleDirectoryKind(head: Buffer, file: RandomAccess): 'doc' | 'xls' | null {
  if (head.length < 512) return null;
  const shift = head.readUInt16LE(0x1e);
  if (shift !== 9 && shift !== 12) return null;
  const sectorSize = 1 << shift;
  const perFatSector = sectorSize / 4;
  const fatSectorIds = Array.from({ length: 109 }, (_, i) => head.readInt32LE(0x4c + i * 4));
  const sectorOffset = (id: number) => (id + 1) * sectorSize;
  let sector = head.readInt32LE(0x30);
  for (let hops = 0; sector >= 0 && hops < 256; hops++) {
    const off = sectorOffset(sector);
    if (off + sectorSize > file.size) return null;
    const k = namesKind(file.read(off, sectorSize));
    if (k) return k;
    const fatSector = fatSectorIds[Math.floor(sector / perFatSector)];
    if (fatSector === undefined || fatSector < 0) return null;
    const fatOff = sectorOffset(fatSector) + (sector % perFatSector) * 4;
    if (fatOff + 4 > file.size) return null;
    sector = file.read(fatOff, 4).readInt32LE(0);
  }
  return null;
}

// ---------- plain text ----------

function decodes(encoding: string, bytes: Buffer): boolean {
  // The head may end inside a multi-byte character: allow up to 3 cut-off bytes.
  for (let cut = 0; cut <= 3 && cut < bytes.length; cut++) {
    try {
      new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(0, bytes.length - cut));
      return true;
    } catch {
      /* try with fewer bytes */
    }
  }
  return false;
}

function looksLikeText(head: Buffer): boolean {
  for (const b of head) {
    // NUL and most C0 controls never occur in text; tab, LF, FF, CR, ESC and SUB (DOS EOF) do.
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1a && b !== 0x1b) return false;
    if (b === 0x7f) return false;
  }
  return decodes('utf-8', head) || decodes('gb18030', head);
}
