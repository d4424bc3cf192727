import { cpSync, existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));
// ONEBAG_RENDERER_DIR: build elsewhere (parallel work, tests) — the e2e fixture reads the same variable.
const outDir = process.env.ONEBAG_RENDERER_DIR ? resolve(process.env.ONEBAG_RENDERER_DIR) : resolve(here, '../dist/renderer');
const require = createRequire(import.meta.url);

/** Copies pdf.js's worker, cMaps, standard fonts and wasm decoders next to the page (./pdfjs/). */
function pdfjsAssets(): Plugin {
  return {
    name: 'onebag-pdfjs-assets',
    apply: 'build',
    closeBundle() {
      const pdfjsRoot = dirname(require.resolve('pdfjs-dist/package.json'));
      const target = join(outDir, 'pdfjs');
      mkdirSync(target, { recursive: true });
      cpSync(join(pdfjsRoot, 'build/pdf.worker.min.mjs'), join(target, 'pdf.worker.min.mjs'));
      for (const dir of ['cmaps', 'standard_fonts', 'wasm']) {
        const src = join(pdfjsRoot, dir);
        if (existsSync(src)) cpSync(src, join(target, dir), { recursive: true });
      }
    },
  };
}

export default defineConfig({
  root: here,
  base: './',
  plugins: [react(), pdfjsAssets()],
  build: {
    outDir,
    emptyOutDir: true,
    target: 'chrome120',
    chunkSizeWarningLimit: 4000,
    sourcemap: false,
  },
  server: { host: '127.0.0.1' },
});
