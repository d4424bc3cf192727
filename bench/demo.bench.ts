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
 */
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import type { Bench, BenchFigure } from './types';

const EXTRA_REGISTER_SCANS = 65;

interface StepTime {
  step: string;
  wall: number;
  cpu: number;
  events: number;
}

function printSteps(name: string, r: { wall: number; cpu: number; steps: StepTime[] }): void {
  const [load1] = os.loadavg();
  console.log(`  ${name} — per step (load average ${load1!.toFixed(2)} on ${os.cpus().length} cores):`);
  console.log(`  ${'wall s'.padStart(8)} ${'CPU s'.padStart(8)} ${'events'.padStart(6)}  step`);
  for (const s of r.steps) {
    console.log(`  ${s.wall.toFixed(2).padStart(8)} ${s.cpu.toFixed(2).padStart(8)} ${String(s.events).padStart(6)}  ${s.step}`);
  }
  console.log(`  ${r.wall.toFixed(2).padStart(8)} ${r.cpu.toFixed(2).padStart(8)} ${''.padStart(6)}  total`);
}

function timed(name: string, extra: boolean): BenchFigure[] {
  const child = spawnSync(process.execPath, ['--import', 'tsx', path.join(__dirname, 'demoLoadChild.ts'), ...(extra ? ['extra'] : [])], {
    encoding: 'utf8',
    maxBuffer: 16 << 20,
  });
  if (child.status !== 0) throw new Error(`demo load failed: ${child.stderr}`);
  const r = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as { wall: number; cpu: number; steps: StepTime[] };
  printSteps(name, r);
  return [
    { name: `${name}, wall`, value: r.wall, unit: 's', target: 5, better: 'lower' },
    { name: `${name}, CPU of the loading process`, value: r.cpu, unit: 's', target: 5, better: 'lower' },
  ];
}

export const bench: Bench = async () => [
  ...timed('demo load', false),
  ...timed(`demo load + ${EXTRA_REGISTER_SCANS} sealed register scans`, true),
];
