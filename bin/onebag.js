#!/usr/bin/env node
/**
 * The `onebag` command. Runs the bundled CLI (dist/main/cli/index.js, made by
 * `npm run build:main`) when it exists, otherwise the TypeScript source through tsx.
 * ONEBAG_CLI_SOURCE=1 forces the source even when a bundle exists.
 * The CLI runs in a child Node process so it sees itself as the main module, and its exit
 * code and signals pass through unchanged.
 */
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const bundled = path.join(root, 'dist', 'main', 'cli', 'index.js');
const source = path.join(root, 'main', 'cli', 'index.ts');
const args = process.argv.slice(2);

let nodeArgs;
if (fs.existsSync(bundled) && process.env.ONEBAG_CLI_SOURCE !== '1') {
  nodeArgs = [bundled, ...args];
} else {
  let tsxLoader;
  try {
    tsxLoader = require.resolve('tsx', { paths: [root] });
  } catch {
    console.error('onebag: 未找到 dist/main/cli/index.js，也未安装 tsx。请先运行 npm run build:main。');
    console.error('onebag: dist/main/cli/index.js not found and tsx is not installed; run `npm run build:main` first.');
    process.exit(1);
  }
  nodeArgs = ['--import', require('node:url').pathToFileURL(tsxLoader).href, source, ...args];
}

const r = spawnSync(process.execPath, nodeArgs, { stdio: 'inherit', windowsHide: true });
if (r.error) {
  console.error(`onebag: ${r.error.message}`);
  process.exit(1);
}
if (r.signal) process.kill(process.pid, r.signal);
process.exit(r.status ?? 1);
