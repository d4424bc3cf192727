/**
 * PDF pages for OCR through PDFium compiled to WebAssembly (@embedpdf/pdfium, MIT): each
 * page's own text (to judge whether it is usable) and a rendering at a given resolution.
 * In-process, no external program; PDFs with an empty user password open as well. The module
 * is the one main/files loads (one instance per thread).
 */
import type { WrappedPdfiumModule } from '@embedpdf/pdfium';
import { pdfium } from '../files/renditions/pdfium';

/** The few exports of the PDFium module used to pass bytes in and out of its heap. */
interface WasmHeap {
  malloc(n: number): number;
  free(p: number): void;
  memory: { buffer: ArrayBuffer };
}

export interface RenderedPage {
  /** RGBA pixels, top row first. */
  rgba: Buffer;
  width: number;
  height: number;
}

/** Longest side of a rendering, whatever the page size: bounds the OCR worker's memory. */
const MAX_SIDE = 3600;
const FPDF_PRINTING = 0x800;
const FPDF_LCD_TEXT = 0x02;

export class PdfPages {
  private constructor(
    private readonly m: WrappedPdfiumModule,
    private readonly doc: number,
    private readonly dataPtr: number,
  ) {}

  static async open(bytes: Uint8Array): Promise<PdfPages> {
    const m = await pdfium();
    const ex = m.pdfium.wasmExports as unknown as WasmHeap;
    const ptr = ex.malloc(bytes.length);
    new Uint8Array(ex.memory.buffer).set(bytes, ptr);
    const doc = m.FPDF_LoadMemDocument(ptr, bytes.length, '');
    if (!doc) {
      ex.free(ptr);
      throw new Error(`PDFium 无法打开该文件（错误 ${m.FPDF_GetLastError()}）`);
    }
    return new PdfPages(m, doc, ptr);
  }

  get pageCount(): number {
    return this.m.FPDF_GetPageCount(this.doc);
  }

  private exports() {
    return this.m.pdfium.wasmExports as unknown as WasmHeap;
  }

  /** The page's own text as PDFium extracts it ('' for a scan). */
  text(index: number): string {
    const page = this.m.FPDF_LoadPage(this.doc, index);
    if (!page) return '';
    try {
      const tp = this.m.FPDFText_LoadPage(page);
      if (!tp) return '';
      try {
        const n = this.m.FPDFText_CountChars(tp);
        if (n <= 0) return '';
        const ex = this.exports();
        const buf = ex.malloc((n + 1) * 2);
        try {
          const written = this.m.FPDFText_GetText(tp, 0, n, buf);
          return this.m.pdfium.UTF16ToString(buf, Math.max(0, written - 1) * 2);
        } finally {
          ex.free(buf);
        }
      } finally {
        this.m.FPDFText_ClosePage(tp);
      }
    } finally {
      this.m.FPDF_ClosePage(page);
    }
  }

  /** Renders page `index` at `dpi` (capped so the longer side stays within MAX_SIDE pixels). */
  render(index: number, dpi: number): RenderedPage {
    const m = this.m;
    const page = m.FPDF_LoadPage(this.doc, index);
    if (!page) throw new Error(`第 ${index + 1} 页无法读取`);
    try {
      const wPt = m.FPDF_GetPageWidthF(page);
      const hPt = m.FPDF_GetPageHeightF(page);
      const scale = Math.min(dpi / 72, MAX_SIDE / Math.max(wPt, hPt, 1));
      const width = Math.max(1, Math.round(wPt * scale));
      const height = Math.max(1, Math.round(hPt * scale));
      const bmp = m.FPDFBitmap_Create(width, height, 0);
      if (!bmp) throw new Error('内存不足，无法渲染该页');
      try {
        m.FPDFBitmap_FillRect(bmp, 0, 0, width, height, 0xffffffff);
        m.FPDF_RenderPageBitmap(bmp, page, 0, 0, width, height, 0, FPDF_PRINTING & ~FPDF_LCD_TEXT);
        const stride = m.FPDFBitmap_GetStride(bmp);
        const src = new Uint8Array(this.exports().memory.buffer, m.FPDFBitmap_GetBuffer(bmp), stride * height);
        // PDFium writes BGRx; OCR wants RGBA.
        const rgba = Buffer.alloc(width * height * 4);
        for (let y = 0; y < height; y++) {
          let s = y * stride;
          let d = y * width * 4;
          for (let x = 0; x < width; x++, s += 4, d += 4) {
            rgba[d] = src[s + 2]!;
            rgba[d + 1] = src[s + 1]!;
            rgba[d + 2] = src[s]!;
            rgba[d + 3] = 255;
          }
        }
        return { rgba, width, height };
      } finally {
        m.FPDFBitmap_Destroy(bmp);
      }
    } finally {
      m.FPDF_ClosePage(page);
    }
  }

  close(): void {
    this.m.FPDF_CloseDocument(this.doc);
    this.exports().free(this.dataPtr);
  }
}
