/**
 * Inspects a file before it may enter the archive: type from content, the whole file validated
 * (every PDF page and the streams it draws, PNG and JPEG complete to their end markers), PDF
 * page count, image size and orientation, active content. Anything that would not open or print
 * later is refused now, with a Chinese message that names the file and says why. Callers inspect
 * their own copy (readOnce.ts), never a path someone else can still change.
 */
import fs from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import type { FileFlag, FileKind, StoredFile } from '../../shared/domain';
import { AppError } from '../../shared/result';
import { extensionConflict } from './extensionCheck';
import { isBomb, jpegFacts, MAX_PIXELS, MAX_SIDE, pngFacts, tiffFacts, type ImageFacts } from './imageFacts';
import { openableEncryptedPdf, pdfEncryption } from './pdfEncryption';
import { detectKind, HEAD_BYTES, type RandomAccess } from './sniff';
import { PDF_PARSE_BUDGET_BYTES } from './sizeLimits';
import { jpegProblem } from './validateJpeg';
import { pdfActiveContent, PdfProblem, validatePdfStructure } from './validatePdf';
import { pngProblem } from './validatePng';
import { fileAccess } from './zipGuard';
import { formatSize } from '../../shared/fileSize';

/** What intake learns of a file: the stored file's facts before it has a hash and a name. */
export type FileFacts = Omit<StoredFile, 'sha256' | 'originalName'> & {
  /** Something the user should be told although the file is accepted (e.g. a PDF named .jpg). */
  notice: string | null;
};

const refuse = (name: string, reason: string) => new AppError('FILE_REFUSED', `「${name}」${reason}`);

export async function inspectFile(path: string, displayName: string): Promise<FileFacts> {
  const fd = await fs.promises.open(path, 'r');
  try {
    const { size } = await fd.stat();
    if (size === 0) throw refuse(displayName, '是空文件（0 字节），无法归档。请检查原文件后重新添加');
    const file = fileAccess(fd.fd, size);
    const head = file.read(0, HEAD_BYTES);
    const detected = detectKind(head, file);
    if (!detected) {
      throw refuse(displayName, '是无法识别的文件类型，无法归档。可归档 PDF、JPEG、PNG、TIFF、Word、Excel、OFD 和纯文本文件');
    }
    const conflict = extensionConflict(displayName, detected.kind);
    if (conflict?.refuse) throw refuse(displayName, conflict.message);
    const facts: FileFacts = {
      ...detected,
      size,
      pageCount: null,
      width: null,
      height: null,
      orientation: null,
      flags: [],
      notice: conflict?.message ?? null,
    };
    if (detected.kind === 'pdf') {
      refuseOverBudget(displayName, 'pdf', size);
      const pdf = await pdfPages(await fd.readFile(), displayName);
      facts.pageCount = pdf.pages;
      facts.flags = pdf.flags;
    } else if (detected.kind === 'jpeg' || detected.kind === 'png' || detected.kind === 'tiff') {
      const img = imageFacts(detected.kind, file, displayName);
      facts.width = img.width;
      facts.height = img.height;
      facts.orientation = img.orientation;
      const problem =
        detected.kind === 'png' ? await pngProblem(file) : detected.kind === 'jpeg' ? jpegProblem(file, img.width, img.height) : null;
      if (problem) throw refuse(displayName, `${problem}，无法归档。请重新扫描或导出后再添加`);
    }
    return facts;
  } finally {
    await fd.close();
  }
}

function refuseOverBudget(name: string, kind: FileKind, size: number): void {
  if (kind === 'pdf' && size > PDF_PARSE_BUDGET_BYTES) {
    throw refuse(
      name,
      `是 ${formatSize(size)} 的 PDF，超过可完整校验的上限 ${formatSize(PDF_PARSE_BUDGET_BYTES)}，无法归档。请拆分成几个文件或降低扫描分辨率后再添加`,
    );
  }
}

/** The refusals the first bytes and the size decide, for readOnce's `early` hook (before any copy). */
export function refuseEarly(name: string, head: Buffer, size: number): void {
  const kind = detectKind(head)?.kind;
  if (kind) refuseOverBudget(name, kind, size);
}

async function pdfPages(bytes: Buffer, name: string): Promise<{ pages: number; flags: FileFlag[] }> {
  // Without %%EOF the file was cut off (interrupted download or copy), even if pdf-lib could limp through it.
  if (bytes.lastIndexOf('%%EOF') < 0) {
    throw refuse(name, '不完整（文件末尾缺失，可能下载或拷贝时中断），无法归档。请重新获取完整的文件');
  }
  let doc: PDFDocument;
  try {
    doc = await silently(() => PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: false }));
  } catch {
    throw refuse(name, '已损坏或不是有效的 PDF 文件，无法打开。请重新导出或扫描后再添加');
  }
  // Encrypted files that open without a password are accepted as they are (the dossier prints a
  // decrypted rendition made with PDFium); a file that needs a password is refused by name.
  const enc = doc.isEncrypted ? pdfEncryption(doc) : 'none';
  if (enc === 'needsPassword') throw refuse(name, '需要打开密码，无法归档。请向来文单位索取不设打开密码的文件');
  if (enc === 'emptyUserPassword') {
    const open = await openableEncryptedPdf(bytes);
    if (!open.ok && open.reason === 'needsPassword') throw refuse(name, '需要打开密码，无法归档。请向来文单位索取不设打开密码的文件');
    if (!open.ok) throw refuse(name, '已加密且已损坏，无法打开。请重新获取完整的文件');
    return { pages: open.pages, flags: pdfActiveContent(doc) };
  }
  let pages: number;
  try {
    // Encrypted streams cannot be decoded here: their page tree is still checked.
    pages = doc.isEncrypted ? doc.getPageCount() : await validatePdfStructure(doc);
  } catch (err) {
    if (err instanceof PdfProblem) throw refuse(name, `${err.message}，无法归档。请重新导出或扫描后再添加`);
    throw refuse(name, '已损坏（页面结构无法读取），无法归档。请重新导出或扫描后再添加');
  }
  if (pages === 0) throw refuse(name, '没有任何页面，无法归档。请检查原文件后重新添加');
  return { pages, flags: pdfActiveContent(doc) };
}

/** pdf-lib logs every repaired object to the console; keep the main process log readable. */
async function silently<T>(fn: () => Promise<T>): Promise<T> {
  const warn = console.warn;
  console.warn = () => {};
  try {
    return await fn();
  } finally {
    console.warn = warn;
  }
}

function imageFacts(kind: 'jpeg' | 'png' | 'tiff', file: RandomAccess, name: string): ImageFacts {
  let f: ImageFacts | null;
  if (kind === 'jpeg') {
    // Big EXIF thumbnails and ICC profiles can push the frame header past the first MB.
    f = jpegFacts(file.read(0, 1024 * 1024));
    if (!f && file.size > 1024 * 1024) f = jpegFacts(file.read(0, 16 * 1024 * 1024));
  } else if (kind === 'png') {
    f = pngFacts(file.read(0, 64 * 1024));
  } else {
    f = tiffFacts((o, l) => file.read(o, l));
  }
  if (!f || f.width === 0 || f.height === 0) {
    throw refuse(name, '图片已损坏，无法读取尺寸，无法归档。请重新扫描或导出后再添加');
  }
  if (isBomb(f)) {
    throw refuse(
      name,
      `图片尺寸过大（${f.width}×${f.height} 像素），超过单边 ${MAX_SIDE} 像素或总计 ${MAX_PIXELS / 1e8} 亿像素的上限，无法归档。请缩小后再添加`,
    );
  }
  if (f.unsupportedCoding) {
    throw refuse(
      name,
      `是采用${f.unsupportedCoding}的 JPEG 图片，多数阅读和打印软件无法显示，无法归档。请用看图软件另存为普通 JPEG 后再添加`,
    );
  }
  return f;
}
