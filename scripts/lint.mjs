#!/usr/bin/env node
/**
 * `npm run lint`: every lint step, each run even when an earlier one failed, so one run shows all
 * that is wrong. The failed steps are named again at the end and written to .reports/lint.txt,
 * where the closing summary of `npm test` (scripts/test-all.sh) names them above its count line.
 * Exit code 1 when any step failed.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const STEPS = [
  ['biome format', bin('biome'), ['format', '.']],
  ['eslint', bin('eslint'), ['.']],
  ['layers', process.execPath, ['scripts/layers.mjs']],
  ['electron', process.execPath, ['scripts/electronegativity.mjs']],
  ['workflows', process.execPath, ['--import', 'tsx', 'scripts/check-workflows.mjs']],
];

const failed = [];
for (const [name, cmd, args] of STEPS) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) failed.push(`${name} (exit ${r.status ?? r.signal ?? r.error?.message})`);
}
fs.mkdirSync(path.join(root, '.reports'), { recursive: true });
fs.writeFileSync(path.join(root, '.reports', 'lint.txt'), failed.map((f) => `${f}\n`).join(''));
if (failed.length > 0) {
  console.error(`lint failed: ${failed.join(', ')}`);
  process.exitCode = 1;
}
