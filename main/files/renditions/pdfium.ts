/**
 * PDFium compiled to WebAssembly (@embedpdf/pdfium, MIT), in-process: no external program runs.
 *
 * Used for three things an archivist's printout needs and pdf-lib cannot do:
 * - a decrypted rendition of an encrypted PDF that opens without a password (the original bytes
 *   stay unchanged in the blob store; the rendition is made again at every print);
 * - telling such a file from one that needs a password (PDFium's own answer, FPDF_ERR_PASSWORD);
 * - rendering a page to pixels, to see where the original's ink is (stamp room) and to rasterize
 *   a page for PDF/A.
 *
 * One module instance per thread, created on first use; every call is synchronous inside the
 * module, so calls never interleave. WebAssembly memory only grows (a 250 MB original leaves a
 * heap that size), so the instance is let go once no document has been open for IDLE_MS: the
 * garbage collector then returns its memory, and the next use creates a fresh one.
 */
import fs from 'node:fs';
import path from 'node:path';
import { init } from '@embedpdf/pdfium';

type Pdfium = Awaited<ReturnType<typeof init>>;

let instance: Promise<Pdfium> | null = null;
/** Documents open now; the instance is released only when none is. */
let openDocs = 0;
let idleTimer: NodeJS.Timeout | null = null;
/** How long PDFium stays loaded after the last document closed. */
const IDLE_MS = 30_000;

function releaseWhenIdle(): void {
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = setTimeout(() => {
    idleTimer = null;
    if (openDocs === 0) instance = null;
  }, IDLE_MS);
  idleTimer.unref();
}

/** Whether a PDFium instance is loaded in this thread (for tests and diagnostics). */
export const pdfiumLoaded = (): boolean => instance !== null;

/** Lets the instance go now when no document is open (tests; a caller about to idle). */
export function releasePdfium(): void {
  if (openDocs > 0) return;
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = null;
  instance = null;
}

function wasmPath(): string {
  const entry = require.resolve('@embedpdf/pdfium');
  return path.join(path.dirname(entry), 'pdfium.wasm');
}

export function pdfium(): Promise<Pdfium> {
  if (!instance) {
    instance = (async () => {
      const wasmBinary = fs.readFileSync(wasmPath());
      const m = await init({
        wasmBinary: wasmBinary.buffer.slice(wasmBinary.byteOffset, wasmBinary.byteOffset + wasmBinary.byteLength) as ArrayBuffer,
      });
      m.PDFiumExt_Init();
      return m;
    })();
    instance.catch(() => {
      instance = null;
    });
  }
  return instance;
}

/** PDFium's FPDF_GetLastError codes that matter here. */
const ERR_PASSWORD = 4;
const ERR_SECURITY = 5;

export type PdfiumOpen = { ok: true; handle: PdfiumDoc } | { ok: false; reason: 'needsPassword' | 'unsupportedSecurity' | 'damaged' };

/** A document open in PDFium; close() frees its memory (always call it). */
export interface PdfiumDoc {
  readonly pageCount: number;
  readonly encrypted: boolean;
  /** The document saved without encryption (identical content, no /Encrypt). */
  saveDecrypted(): Buffer;
  /** Page size as viewed (after /Rotate), in points. */
  viewedSize(index: number): { w: number; h: number };
  /**
   * Renders a page as viewed into an RGB raster of `pxW`×`pxH` (white background,
   * annotations drawn as printed).
   */
  render(index: number, pxW: number, pxH: number): { width: number; height: number; rgb: Uint8Array };
  close(): void;
}

/** Opens PDF bytes with the empty password. Never throws for bad input. */
export async function openPdf(bytes: Uint8Array): Promise<PdfiumOpen> {
  const m = await pdfium();
  const heap = () => (m.pdfium as unknown as { HEAPU8: Uint8Array }).HEAPU8;
  const buf = m.pdfium.wasmExports.malloc(bytes.length);
  heap().set(bytes, buf);
  const doc = m.FPDF_LoadMemDocument(buf, bytes.length, '');
  if (!doc) {
    const err = m.FPDF_GetLastError();
    m.pdfium.wasmExports.free(buf);
    if (openDocs === 0) releaseWhenIdle();
    return { ok: false, reason: err === ERR_PASSWORD ? 'needsPassword' : err === ERR_SECURITY ? 'unsupportedSecurity' : 'damaged' };
  }
  let closed = false;
  openDocs++;
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = null;
  const handle: PdfiumDoc = {
    pageCount: m.FPDF_GetPageCount(doc),
    encrypted: m.EPDF_IsEncrypted(doc),
    saveDecrypted() {
      if (!m.EPDF_RemoveEncryption(doc)) throw new Error('PDFium could not remove the encryption');
      const w = m.PDFiumExt_OpenFileWriter();
      try {
        if (!m.PDFiumExt_SaveAsCopy(doc, w)) throw new Error('PDFium could not save the document');
        const size = m.PDFiumExt_GetFileWriterSize(w);
        const out = m.pdfium.wasmExports.malloc(size);
        try {
          m.PDFiumExt_GetFileWriterData(w, out, size);
          return Buffer.from(heap().slice(out, out + size));
        } finally {
          m.pdfium.wasmExports.free(out);
        }
      } finally {
        m.PDFiumExt_CloseFileWriter(w);
      }
    },
    viewedSize(index) {
      const page = m.FPDF_LoadPage(doc, index);
      if (!page) throw new Error(`PDFium could not load page ${index + 1}`);
      try {
        return { w: m.FPDF_GetPageWidthF(page), h: m.FPDF_GetPageHeightF(page) };
      } finally {
        m.FPDF_ClosePage(page);
      }
    },
    render(index, pxW, pxH) {
      const page = m.FPDF_LoadPage(doc, index);
      if (!page) throw new Error(`PDFium could not load page ${index + 1}`);
      const bmp = m.FPDFBitmap_Create(pxW, pxH, 0);
      try {
        m.FPDFBitmap_FillRect(bmp, 0, 0, pxW, pxH, 0xffffffff);
        // flags: FPDF_ANNOT (0x01) | FPDF_PRINTING (0x800)
        m.FPDF_RenderPageBitmap(bmp, page, 0, 0, pxW, pxH, 0, 0x01 | 0x800);
        const stride = m.FPDFBitmap_GetStride(bmp);
        const ptr = m.FPDFBitmap_GetBuffer(bmp);
        const src = heap();
        const rgb = new Uint8Array(pxW * pxH * 3);
        for (let y = 0; y < pxH; y++) {
          const row = ptr + y * stride;
          for (let x = 0; x < pxW; x++) {
            // BGRx
            const s = row + x * 4;
            const d = (y * pxW + x) * 3;
            rgb[d] = src[s + 2]!;
            rgb[d + 1] = src[s + 1]!;
            rgb[d + 2] = src[s]!;
          }
        }
        return { width: pxW, height: pxH, rgb };
      } finally {
        m.FPDFBitmap_Destroy(bmp);
        m.FPDF_ClosePage(page);
      }
    },
    close() {
      if (closed) return;
      closed = true;
      m.FPDF_CloseDocument(doc);
      m.pdfium.wasmExports.free(buf);
      if (--openDocs === 0) releaseWhenIdle();
    },
  };
  return { ok: true, handle };
}
