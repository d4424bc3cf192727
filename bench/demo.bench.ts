/**
 * `onebag demo` / the first-run choice 载入演示数据: loading the demo county into an empty data
 * folder (issue 14: ≤ 5 s on this machine). Wall time and the loading process's CPU time, so a
 * busy machine shows as the gap between the two. Each load runs in a fresh process
 * (demoLoadChild.ts), cold as a user meets it.
 *
 * Two variants: today's demo, and the demo plus the ~65 sealed attendance-register scans that a
 * demo dated over the last full year and this year adds (one per township-month, 3 townships ×
 * ~22 months), made and filed the same way, so the target holds for the bigger demo too.
 * Each load also prints its wall and CPU time per step of its progress, and the load average.
 *
 * The child and the file worker run as the app runs them: bundled by esbuild with the app's
 * options (scripts/main-bundle-options.mjs) into node_modules/.cache/onebag-bench-demo/, the
 * worker where the bundled loader looks for it (main/demo/fileWorker.js beside main/<x>/). Not
 * through tsx, whose compile-on-load would be counted in the worker's time.
 *
 * ONEBAG_BENCH_PROFILE=DIR: also profiles each load (`node --cpu-prof`, both threads) and prints
 * its CPU per step by file and function (bench/cpuProfileByStep.mjs); the profiles stay in DIR.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { EXTRA_REGISTER_SCANS, type LoadTimes } from './demoLoadTimes';
import type { Bench, BenchFigure } from './types';

const root = path.join(__dirname, '..');
const bundleDir = path.join(root, 'node_modules', '.cache', 'onebag-bench-demo');

/** Bundles the loading child and the demo's file worker as scripts/build-main.mjs bundles the app. */
async function bundleChild(): Promise<string> {
  const { build } = await import('esbuild');
  const { mainBundleOptions } = (await import(pathToFileURL(path.join(root, 'scripts', 'main-bundle-options.mjs')).href)) as {
    mainBundleOptions: Record<string, unknown>;
  };
  const child = path.join(bundleDir, 'main', 'bench', 'demoLoadChild.js');
  await build({ ...mainBundleOptions, entryPoints: ['bench/demoLoadChild.ts'], outfile: child });
  await build({
    ...mainBundleOptions,
    entryPoints: ['main/demo/demoFileWorker.ts'],
    outfile: path.join(bundleDir, 'main', 'demo', 'fileWorker.js'),
  });
  return child;
}

function printSteps(name: string, r: LoadTimes): void {
  const [load1] = os.loadavg();
  console.log(`  ${name} — per step (load average ${load1!.toFixed(2)} on ${os.cpus().length} cores):`);
  console.log(`  ${'wall s'.padStart(8)} ${'CPU s'.padStart(8)} ${'main s'.padStart(8)} ${'events'.padStart(6)}  step`);
  for (const s of r.steps) {
    console.log(
      `  ${s.wall.toFixed(2).padStart(8)} ${s.cpu.toFixed(2).padStart(8)} ${s.mainCpu.toFixed(2).padStart(8)} ${String(s.events).padStart(6)}  ${s.step}`,
    );
  }
  console.log(
    `  ${r.wall.toFixed(2).padStart(8)} ${r.cpu.toFixed(2).padStart(8)} ${r.mainCpu.toFixed(2).padStart(8)} ${''.padStart(6)}  total`,
  );
  console.log('  (CPU: the whole process; main: the loading thread alone, the rest is the file worker and helpers)');
}

function timed(childJs: string, name: string, extra: boolean): BenchFigure[] {
  const profileDir = process.env.ONEBAG_BENCH_PROFILE ? path.resolve(process.env.ONEBAG_BENCH_PROFILE, extra ? 'extra' : 'demo') : null;
  const marks = profileDir ? path.join(profileDir, 'marks.json') : null;
  if (profileDir) {
    fs.rmSync(profileDir, { recursive: true, force: true });
    fs.mkdirSync(profileDir, { recursive: true });
  }
  const child = spawnSync(
    process.execPath,
    [...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []), childJs, ...(extra ? ['extra'] : [])],
    { encoding: 'utf8', maxBuffer: 16 << 20, env: { ...process.env, ...(marks ? { ONEBAG_BENCH_MARKS: marks } : {}) } },
  );
  if (child.status !== 0) throw new Error(`demo load failed: ${child.stderr}`);
  const r = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as LoadTimes;
  printSteps(name, r);
  if (profileDir && marks) {
    const profiles = fs
      .readdirSync(profileDir)
      .filter((f) => f.endsWith('.cpuprofile'))
      .map((f) => path.join(profileDir, f));
    const summary = spawnSync(process.execPath, [path.join(__dirname, 'cpuProfileByStep.mjs'), marks, ...profiles], {
      encoding: 'utf8',
      cwd: root,
    });
    console.log(summary.stdout, summary.stderr);
  }
  return [
    { name: `${name}, wall`, value: r.wall, unit: 's', target: 5, better: 'lower' },
    { name: `${name}, CPU of the loading process`, value: r.cpu, unit: 's', target: 5, better: 'lower' },
  ];
}

export const bench: Bench = async () => {
  const childJs = await bundleChild();
  return [...timed(childJs, 'demo load', false), ...timed(childJs, `demo load + ${EXTRA_REGISTER_SCANS} sealed register scans`, true)];
};
