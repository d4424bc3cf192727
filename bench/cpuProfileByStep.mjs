#!/usr/bin/env node
/**
 * Where the demo load's time goes, per step of its progress: sums the self time of the samples
 * of `node --cpu-prof` profiles (the loading thread's and the file worker's) by function and by
 * source file (through the bundle's source map), cut at the step marks demoLoadChild.ts writes
 * (ONEBAG_BENCH_MARKS). Idle and the program's start and end are left out. A sample stands for the
 * time since the one before it while the thread ran JS or native code (on a busy machine that
 * includes waiting for a core), so compare shares within a run, not sums with the CPU figure.
 *
 *   ONEBAG_BENCH_PROFILE=/tmp/p npm run bench -- demo (bench/demo.bench.ts), or by hand:
 *   ONEBAG_BENCH_MARKS=/tmp/m.json node --cpu-prof --cpu-prof-dir=/tmp/p CHILD.js
 *   node bench/cpuProfileByStep.mjs /tmp/m.json /tmp/p/*.cpuprofile [top]
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { TraceMap, originalPositionFor } = require('@jridgewell/trace-mapping');

const args = process.argv.slice(2);
const top = /^\d+$/.test(args.at(-1) ?? '') ? Number(args.pop()) : 8;
const [marksFile, ...profiles] = args;
if (!marksFile || profiles.length === 0) {
  console.error('usage: cpuProfileByStep.mjs MARKS.json PROFILE.cpuprofile… [top]');
  process.exit(2);
}
/** @type {Array<{step: string, us: number}>} */
const marks = JSON.parse(fs.readFileSync(marksFile, 'utf8'));

const maps = new Map();
function traceMapFor(url) {
  if (!maps.has(url)) {
    let m = null;
    const file = url.startsWith('file://') ? new URL(url).pathname : url;
    if (file.endsWith('.js') && fs.existsSync(`${file}.map`)) m = new TraceMap(JSON.parse(fs.readFileSync(`${file}.map`, 'utf8')));
    maps.set(url, m);
  }
  return maps.get(url);
}

function place(callFrame) {
  const { url, functionName, lineNumber, columnNumber } = callFrame;
  let file = url ? url.replace(/^file:\/\//, '') : `(${functionName})`;
  const m = url ? traceMapFor(url) : null;
  if (m && lineNumber >= 0) {
    const p = originalPositionFor(m, { line: lineNumber + 1, column: columnNumber });
    if (p.source) file = p.source;
  }
  file = file.replace(/^(\.\.\/)+/, '').replace(`${process.cwd()}${path.sep}`, '');
  return { file, fn: functionName || '(anonymous)' };
}

/** step -> { total, byFile: Map, byFn: Map } over every profile. */
const perStep = new Map();
const stepOf = (us) => {
  if (us < marks[0].us) return null;
  const i = marks.findIndex((m) => m.us >= us);
  return i <= 0 ? null : marks[i].step;
};
for (const [thread, file] of profiles.entries()) {
  const prof = JSON.parse(fs.readFileSync(file, 'utf8'));
  const places = new Map(prof.nodes.map((n) => [n.id, place(n.callFrame)]));
  let t = prof.startTime;
  for (let i = 0; i < prof.samples.length; i++) {
    t += prof.timeDeltas[i];
    const ms = (prof.timeDeltas[i + 1] ?? 0) / 1000;
    const p = places.get(prof.samples[i]);
    if (p.fn === '(idle)' || p.fn === '(program)') continue;
    const step = stepOf(t);
    if (step === null) continue;
    let s = perStep.get(step);
    if (!s) perStep.set(step, (s = { total: 0, byThread: new Map(), byFile: new Map(), byFn: new Map() }));
    s.total += ms;
    s.byThread.set(thread, (s.byThread.get(thread) ?? 0) + ms);
    s.byFile.set(p.file, (s.byFile.get(p.file) ?? 0) + ms);
    const fnKey = `${p.fn}  ${p.file}`;
    s.byFn.set(fnKey, (s.byFn.get(fnKey) ?? 0) + ms);
  }
}

const order = [...new Set(marks.map((m) => m.step).filter(Boolean))];
let all = 0;
for (const step of order) {
  const s = perStep.get(step);
  if (!s) continue;
  all += s.total;
  const threads = [...s.byThread].map(([t, ms]) => `${path.basename(profiles[t])}: ${(ms / 1000).toFixed(2)} s`).join(', ');
  console.log(`\n${step}: ${(s.total / 1000).toFixed(2)} s sampled (${threads})`);
  const list = (m) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, v]) => `    ${v.toFixed(0).padStart(6)} ms  ${k}`)
      .join('\n');
  console.log(`  by file:\n${list(s.byFile)}`);
  console.log(`  by function:\n${list(s.byFn)}`);
}
console.log(`\ntotal: ${(all / 1000).toFixed(2)} s sampled within the load`);
