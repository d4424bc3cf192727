#!/usr/bin/env node
/**
 * Bundles the main-process code with esbuild:
 *   main/app/main.ts    → dist/main/app/main.js     (Electron main)
 *   main/app/preload.ts → dist/main/app/preload.js  (sandboxed preload)
 *   main/cli/index.ts   → dist/main/cli/index.js    (the `onebag` command)
 * (options: scripts/main-bundle-options.mjs).
 *
 * Every `import … from 'better-sqlite3'` is routed to main/store/boundDatabase.ts, which fills
 * in the native build for the running process (Node's in node_modules, Electron's from the
 * cache: main/store/nativeBinding.ts) — in the main process and in the worker threads alike.
 */
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { mainBundleOptions as common, root } from './main-bundle-options.mjs';

// `--out DIR` writes DIR/main/… instead of dist/main/… (the tests bundle the CLI into a folder of
// their own); `--cli` builds only the command and its worker threads, not the Electron entries.
const argv = process.argv.slice(2);
const outArg = argv.indexOf('--out');
const outRoot = outArg >= 0 ? path.resolve(argv[outArg + 1]) : path.join(root, 'dist');
const cliOnly = argv.includes('--cli');

const entries = [
  { in: 'main/app/main.ts', out: 'main/app/main.js', required: true, app: true },
  { in: 'main/app/preload.ts', out: 'main/app/preload.js', required: true, app: true },
  { in: 'main/cli/index.ts', out: 'main/cli/index.js', required: false },
  // The dossier batch runs in a worker thread; the bundled app looks for it here.
  { in: 'main/dossier/batch/worker.ts', out: 'main/dossier/worker.js', required: true },
  // The OCR queue reads originals in a worker thread too.
  { in: 'main/ocr/worker.ts', out: 'main/ocr/worker.js', required: true },
  // The demo load makes its files in a worker thread (main/demo/demoFileMaker.ts).
  { in: 'main/demo/demoFileWorker.ts', out: 'main/demo/fileWorker.js', required: true },
]
  .filter((e) => !(cliOnly && e.app))
  .map((e) => ({ ...e, out: path.join(outRoot, e.out) }));

let failed = false;
for (const e of entries) {
  if (!fs.existsSync(path.join(root, e.in))) {
    if (e.required) {
      console.error(`build-main: 缺少入口文件 / missing entry ${e.in}`);
      failed = true;
    } else {
      console.warn(`build-main: 跳过 / skipping ${e.in} (not present yet)`);
    }
    continue;
  }
  try {
    const started = Date.now();
    await build({
      ...common,
      entryPoints: [e.in],
      outfile: e.out,
      // The CLI is run by Node directly through bin/onebag.js.
      ...(e.in.startsWith('main/cli/') ? { banner: { js: '#!/usr/bin/env node' } } : {}),
    });
    const size = fs.statSync(e.out).size;
    console.log(`build-main: ${e.in} → ${path.relative(root, e.out)} (${(size / 1024).toFixed(0)} KiB, ${Date.now() - started} ms)`);
  } catch {
    // esbuild has already printed the errors.
    failed = true;
  }
}

// Guard: the preload runs sandboxed, where require() knows only 'electron' (and a few
// browser-safe builtins). A stray runtime import would break window.onebag silently.
const preloadOut = path.join(outRoot, 'main/app/preload.js');
if (!cliOnly && fs.existsSync(preloadOut)) {
  const text = fs.readFileSync(preloadOut, 'utf8');
  const required = [...text.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
  const bad = required.filter((r) => r !== 'electron');
  if (bad.length > 0) {
    console.error(`build-main: preload requires ${bad.join(', ')} — a sandboxed preload may only require 'electron'`);
    failed = true;
  }
}

process.exit(failed ? 1 : 0);
