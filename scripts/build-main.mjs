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
// their own); `--cli` builds only the command and its worker threads, not the Electron entries;
// `--kit` builds the worker threads and the e2e kit (tests/e2e/mainKit.ts) instead of the command.
const argv = process.argv.slice(2);
const outArg = argv.indexOf('--out');
const outRoot = outArg >= 0 ? path.resolve(argv[outArg + 1]) : path.join(root, 'dist');
const kit = argv.includes('--kit');
const cliOnly = argv.includes('--cli') || kit;

const entries = [
  { in: 'main/app/main.ts', out: 'main/app/main.js', required: true, app: true },
  { in: 'main/app/preload.ts', out: 'main/app/preload.js', required: true, app: true },
  { in: 'main/cli/index.ts', out: 'main/cli/index.js', required: false, cli: true },
  // The dossier batch runs in a worker thread; the bundled app looks for it here.
  { in: 'main/dossier/batch/worker.ts', out: 'main/dossier/worker.js', required: true },
  // The OCR queue reads originals in a worker thread too.
  { in: 'main/ocr/worker.ts', out: 'main/ocr/worker.js', required: true },
  // The demo load makes its files in a worker thread (main/demo/demoFileMaker.ts).
  { in: 'main/demo/demoFileWorker.ts', out: 'main/demo/fileWorker.js', required: true },
]
  .filter((e) => !(cliOnly && e.app) && !(kit && e.cli))
  .map((e) => ({ ...e, out: path.join(outRoot, e.out) }));

/**
 * The e2e kit: every module of main/ and shared/ in ONE bundle, each module's exports under its
 * path (`modules['main/core/runtime/clock.ts']`), for tests/e2e/mainKit.ts to hand to the
 * Playwright worker instead of transforming the sources file by file. Left out: the Electron
 * app, and the entry points that act when loaded (the command, the bridge's starter, the workers,
 * which are entries of their own above).
 */
const KIT_SKIP = [/^main\/app\//, /\.(test|spec)\.ts$/, /\.d\.ts$/, /^main\/cli\/index\.ts$/, /^main\/bridge\/serve\.ts$/, /worker\.ts$/i];
function kitEntry() {
  const files = [];
  const walk = (dir) => {
    for (const d of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = `${dir}/${d.name}`;
      if (d.isDirectory()) walk(rel);
      else if (rel.endsWith('.ts') && !KIT_SKIP.some((re) => re.test(rel))) files.push(rel);
    }
  };
  walk('main');
  walk('shared');
  files.sort();
  const lines = files.map((f, i) => `import * as m${i} from './${f}';`);
  lines.push(`export const modules = {${files.map((f, i) => `${JSON.stringify(f)}: m${i}`).join(', ')}};`);
  return { contents: lines.join('\n') };
}

if (kit) {
  // One build for the kit and the workers: esbuild parses the modules they share once.
  const entry = path.join(outRoot, 'e2e-kit.ts');
  const { contents } = kitEntry();
  fs.mkdirSync(outRoot, { recursive: true });
  fs.writeFileSync(entry, contents.replaceAll("from './", `from '${root}/`));
  const started = Date.now();
  try {
    await build({
      ...common,
      entryPoints: [
        ...entries.map((e) => ({ in: e.in, out: path.relative(outRoot, e.out).replace(/\.js$/, '') })),
        { in: entry, out: 'main/kit/index' },
      ],
      outdir: outRoot,
    });
  } catch {
    // esbuild has already printed the errors.
    process.exit(1);
  } finally {
    fs.rmSync(entry, { force: true });
  }
  console.log(`build-main: e2e kit and workers → ${path.relative(root, outRoot)} (${Date.now() - started} ms)`);
  process.exit(0);
}

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
