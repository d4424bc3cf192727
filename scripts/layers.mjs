#!/usr/bin/env node
/**
 * Layer check (architecture.md) with dependency-cruiser's API and .dependency-cruiser.cjs.
 *
 *   node scripts/layers.mjs [--config FILE] [--json] [DIR…]     (default DIRs: main shared renderer)
 *
 * Why not the `depcruise` CLI: dependency-cruiser 18 declares Node ^22 and its CLI refuses to
 * start on Node 20 (this project's runtime); the API it wraps runs fine here. Paths are
 * relative to the current directory, as with the CLI. Exit code = number of errors (max 1
 * with --json), so `npm run lint` fails on any violation.
 */
import { cruise } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
let configFile = path.join(repo, '.dependency-cruiser.cjs');
let json = false;
const dirs = [];
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a === '--config') configFile = path.resolve(argv[++i]);
  else if (a.startsWith('--config=')) configFile = path.resolve(a.slice('--config='.length));
  else if (a === '--json') json = true;
  else dirs.push(a);
}
if (dirs.length === 0) dirs.push('main', 'shared', 'renderer');

const options = await extractDepcruiseOptions(path.resolve(configFile));
const started = Date.now();
const result = await cruise(dirs, { ...options, outputType: json ? 'json' : 'err' });
const summary = result.output;

if (json) {
  const text = typeof summary === 'string' ? summary : JSON.stringify(summary);
  process.stdout.write(text);
  process.exit(JSON.parse(text).summary.error > 0 ? 1 : 0);
}
if (typeof summary === 'string' && summary.trim()) process.stdout.write(summary);
if (result.exitCode === 0) {
  console.log(`layers: ${dirs.join(' ')} — no layer violations (${Date.now() - started} ms)`);
}
process.exit(Math.min(result.exitCode, 125));
