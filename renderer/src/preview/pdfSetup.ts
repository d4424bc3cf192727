/**
 * pdf.js assets are copied next to the page into ./pdfjs/ by the vite build (see
 * renderer/vite.config.mts). URLs are resolved against the document, so the same build
 * works from app://onebag/ and from the loopback bridge.
 */
import { pdfjs } from 'react-pdf';

const asset = (p: string) => new URL(`pdfjs/${p}`, document.baseURI).href;

pdfjs.GlobalWorkerOptions.workerSrc = asset('pdf.worker.min.mjs');

/** Document options: cMaps matter for Chinese PDFs with non-embedded fonts. */
export const PDF_OPTIONS = {
  cMapUrl: asset('cmaps/'),
  cMapPacked: true,
  standardFontDataUrl: asset('standard_fonts/'),
  wasmUrl: asset('wasm/'),
  isEvalSupported: false,
} as const;
