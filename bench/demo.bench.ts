/**
 * `onebag demo` / the first-run choice 载入演示数据: loading the demo county into an empty data
 * folder (issue 14: ≤ 5 s on this machine). Wall time and the loading process's CPU time, so a
 * busy machine shows as the gap between the two. Each load runs in a fresh process
 * (demoLoadChild.ts), cold as a user meets it.
 *
 * Two variants: today's demo, and the demo plus the ~65 sealed attendance-register scans that a
 * demo dated over the last full year and this year adds (one per township-month, 3 townships ×
 * ~22 months), made and filed the same way, so the target holds for the bigger demo too.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { Bench, BenchFigure } from './types';

const EXTRA_REGISTER_SCANS = 65;

function timed(name: string, extra: boolean): BenchFigure[] {
  const child = spawnSync(process.execPath, ['--import', 'tsx', path.join(__dirname, 'demoLoadChild.ts'), ...(extra ? ['extra'] : [])], {
    encoding: 'utf8',
    maxBuffer: 16 << 20,
  });
  if (child.status !== 0) throw new Error(`demo load failed: ${child.stderr}`);
  const r = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as { wall: number; cpu: number };
  return [
    { name: `${name}, wall`, value: r.wall, unit: 's', target: 5, better: 'lower' },
    { name: `${name}, CPU of the loading process`, value: r.cpu, unit: 's', target: 5, better: 'lower' },
  ];
}

export const bench: Bench = async () => [
  ...timed('demo load', false),
  ...timed(`demo load + ${EXTRA_REGISTER_SCANS} sealed register scans`, true),
];
