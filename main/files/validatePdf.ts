/**
 * Whole-file validation of a PDF that pdf-lib loaded: the page tree yields as many pages as it
 * declares, every page's content streams and every image or form it draws decode (compressed
 * streams are inflated only to count, within budgets), and the active content a viewer might run
 * is found: JavaScript, launch actions and embedded files.
 */
import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFNumber,
  PDFRawStream,
  PDFRef,
  PDFStream,
  type PDFObject,
} from 'pdf-lib';
import type { FileFlag } from '../../shared/domain';
import { inflateCount, InflateLimitExceeded } from './inflateCount';
import { PDF_STREAM_INFLATE_BUDGET, PDF_TOTAL_INFLATE_BUDGET } from './sizeLimits';

export class PdfProblem extends Error {}

const nameOf = (o: PDFObject | undefined): string | null =>
  o instanceof PDFName
    ? o
        .asString()
        .replace(/^\//, '')
        .replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
    : null;

/** Filters that we can check; image codecs we cannot decode here (JPX, CCITT, JBIG2) are left to the viewer. */
const SMALL_DECODERS = new Set(['ASCIIHexDecode', 'AHx', 'ASCII85Decode', 'A85', 'LZWDecode', 'LZW', 'RunLengthDecode', 'RL']);

export async function validatePdfStructure(doc: PDFDocument): Promise<number> {
  const ctx = doc.context;
  const lookup = (o: PDFObject | undefined): PDFObject | undefined => (o instanceof PDFRef ? ctx.lookup(o) : o);
  let inflated = 0;

  const checkStream = async (s: PDFObject | undefined, what: string): Promise<void> => {
    if (!(s instanceof PDFStream)) throw new PdfProblem(`${what}已损坏（不是数据流）`);
    if (!(s instanceof PDFRawStream)) return; // built in memory by pdf-lib, nothing to decode
    const filter = lookup(s.dict.get(PDFName.of('Filter')));
    const first = filter instanceof PDFArray ? nameOf(lookup(filter.get(0))) : nameOf(filter);
    if (first === 'FlateDecode' || first === 'Fl') {
      try {
        inflated += await inflateCount([s.contents], Math.min(PDF_STREAM_INFLATE_BUDGET, PDF_TOTAL_INFLATE_BUDGET - inflated));
      } catch (err) {
        if (err instanceof InflateLimitExceeded) throw new PdfProblem(`${what}解压后过大（疑似压缩炸弹），超出可处理的范围`);
        throw new PdfProblem(`${what}的压缩数据已损坏，无法解压`);
      }
    } else if (first === 'DCTDecode' || first === 'DCT') {
      const c = s.contents;
      if (
        c.length < 4 ||
        c[0] !== 0xff ||
        c[1] !== 0xd8 ||
        Buffer.from(c.buffer, c.byteOffset, c.byteLength).lastIndexOf(Buffer.from([0xff, 0xd9])) < 0
      ) {
        throw new PdfProblem(`${what}中的 JPEG 图像不完整或已损坏`);
      }
    } else if (first && SMALL_DECODERS.has(first) && s.contents.length <= 16 * 1024 * 1024) {
      try {
        decodePDFRawStream(s).decode();
      } catch {
        throw new PdfProblem(`${what}的数据已损坏，无法解码`);
      }
    }
  };

  const seenXObjects = new Set<PDFObject>();
  const checkResources = async (res: PDFObject | undefined, where: string, depth: number): Promise<void> => {
    const dict = lookup(res);
    if (!(dict instanceof PDFDict) || depth > 12) return;
    const xobjects = lookup(dict.get(PDFName.of('XObject')));
    if (!(xobjects instanceof PDFDict)) return;
    for (const [, ref] of xobjects.entries()) {
      const x = lookup(ref);
      if (seenXObjects.has(x ?? ref)) continue;
      seenXObjects.add(x ?? ref);
      if (!(x instanceof PDFStream)) throw new PdfProblem(`${where}引用的图像或图形对象已损坏`);
      const subtype = nameOf(x.dict.get(PDFName.of('Subtype')));
      if (subtype === 'Image') await checkStream(x, `${where}的图像`);
      else if (subtype === 'Form') {
        await checkStream(x, `${where}的图形`);
        await checkResources(x.dict.get(PDFName.of('Resources')), where, depth + 1);
      }
    }
  };

  let pages;
  try {
    pages = doc.getPages();
  } catch {
    throw new PdfProblem('已损坏（页面结构无法读取）');
  }
  const declared = lookup(doc.catalog.get(PDFName.of('Pages')));
  const count = declared instanceof PDFDict ? lookup(declared.get(PDFName.of('Count'))) : undefined;
  if (count instanceof PDFNumber && count.asNumber() !== pages.length) {
    throw new PdfProblem(`已损坏（声明有 ${count.asNumber()} 页，实际只能读出 ${pages.length} 页）`);
  }
  for (let i = 0; i < pages.length; i++) {
    const where = `第 ${i + 1} 页`;
    const node = pages[i]!.node;
    const contents = lookup(node.get(PDFName.of('Contents')));
    if (contents instanceof PDFArray) {
      for (let k = 0; k < contents.size(); k++) await checkStream(lookup(contents.get(k)), `${where}的内容`);
    } else if (contents !== undefined) {
      await checkStream(contents, `${where}的内容`);
    }
    let resources: PDFObject | undefined;
    try {
      resources = node.Resources();
    } catch {
      throw new PdfProblem(`${where}的资源已损坏`);
    }
    await checkResources(resources, where, 0);
  }
  return pages.length;
}

/** Active content anywhere in the file's objects (object streams included, names decoded). */
export function pdfActiveContent(doc: PDFDocument): FileFlag[] {
  const flags = new Set<FileFlag>();
  const seen = new Set<PDFObject>();
  const visit = (o: PDFObject | undefined, depth: number): void => {
    if (!o || depth > 64 || seen.has(o)) return;
    if (o instanceof PDFStream) return visit(o.dict, depth + 1);
    if (o instanceof PDFArray) {
      seen.add(o);
      for (let i = 0; i < o.size(); i++) visit(o.get(i), depth + 1);
      return;
    }
    if (!(o instanceof PDFDict)) return;
    seen.add(o);
    for (const [k, v] of o.entries()) {
      const key = nameOf(k);
      if (key === 'JS' || (key === 'S' && nameOf(v) === 'JavaScript')) flags.add('script');
      if (key === 'S' && nameOf(v) === 'Launch') flags.add('launch');
      if (key === 'EmbeddedFiles' || key === 'EF' || (key === 'Type' && nameOf(v) === 'EmbeddedFile')) flags.add('attachment');
      if (key === 'JavaScript' && v !== undefined) flags.add('script'); // the Names tree of document scripts
      if (!(v instanceof PDFRef)) visit(v, depth + 1);
    }
  };
  for (const [, obj] of doc.context.enumerateIndirectObjects()) visit(obj, 0);
  visit(doc.context.trailerInfo.Root ? doc.context.lookup(doc.context.trailerInfo.Root) : undefined, 0);
  return [...flags].sort();
}
