/**
 * The PDF file every print starts and ends with: an A4 pdfkit document with the app's
 * metadata (Chinese language tag, title shown in the viewer, OneBag as creator) and its bytes
 * once painted. The bytes go to disk through writeFileDurablySync (main/files/durableFiles.ts),
 * so a failed run leaves no half PDF at the destination.
 */
import PDFDocument from 'pdfkit';

const CREATOR = 'OneBag 一袋式档案';

/** A4, no margins, no first page (layouts add their own), PDF 1.7 unless `options` says otherwise. */
export function newA4Pdf(info: Omit<PDFKit.DocumentInfo, 'Creator'>, options: PDFKit.PDFDocumentOptions = {}): PDFKit.PDFDocument {
  return new PDFDocument({
    autoFirstPage: false,
    size: 'A4',
    margin: 0,
    pdfVersion: '1.7',
    lang: 'zh-CN',
    displayTitle: true,
    ...options,
    info: { ...info, Creator: CREATOR },
  });
}

/** Ends the document and collects its bytes. */
export function pdfBytes(pdf: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    pdf.on('data', (c: Buffer) => chunks.push(c));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
    pdf.end();
  });
}
