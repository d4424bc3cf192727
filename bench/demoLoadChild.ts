/**
 * One demo load for demo.bench.ts, in a fresh process as the first run of the app or the CLI
 * meets it (fonts not parsed yet, scan bands not drawn yet): `demoLoadChild.ts [extra]`
 * (ONEBAG_DEMO_WORKER=0: without the file worker, to compare). demo.bench.ts runs it bundled.
 * Prints {"wall": s, "cpu": s, "steps": [...]} as its last line: the totals, and per step of the
 * load's progress (the label before '：', e.g. 正在生成示例档案材料, summed over its occurrences) the
 * wall and CPU seconds from the event before it to the event that reports it.
 */
import { seededRandom } from '../shared/random';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openCore } from '../main/api/open';
import { fileStagedMadeHere } from '../main/core/bag/madeHere';
import { stageMadeHere } from '../main/files/madeHere';
import type { CoreContext } from '../main/core/runtime/context';
import type { ProgressEvent } from '../shared/api';
import { loadDemo } from '../main/demo/demo';

import { scanFacts, writeScanJpeg } from '../main/demo/demoScans';
import type { BlobStore } from '../main/files/blobStore';
import { EXTRA_REGISTER_SCANS, type StepTime } from './demoLoadTimes';

async function extraRegisterScans(ctx: CoreContext, blobs: BlobStore): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-bench-scans-'));
  try {
    // Own counties' cadres only: the imported county is a read-only review copy
    const cadreIds = ctx.db
      .prepare(
        `SELECT DISTINCT p.cadre_id FROM postings p JOIN townships t ON t.id = p.township_id
         JOIN counties c ON c.id = t.county_id WHERE c.origin IS NULL ORDER BY p.cadre_id`,
      )
      .pluck()
      .all() as number[];
    for (let month = 0; month < EXTRA_REGISTER_SCANS; month += 3) {
      const items = [];
      for (let t = 0; t < 3 && month + t < EXTRA_REGISTER_SCANS; t++) {
        const n = month + t;
        const file = path.join(dir, `register-${n}.jpg`);
        writeScanJpeg(file, 'sealedRegister', seededRandom(9000 + n), `OneBag bench register ${n}`);
        items.push({
          cadreId: cadreIds[n % cadreIds.length]!,
          input: {
            category: '月考勤登记表' as const,
            title: `考勤登记表（签字盖章）${n}`,
            date: '2025-01-05',
            year: 2025,
            responsible: '乡镇党委',
            docNumber: null,
            secrecy: '公开' as const,
            notes: null,
          },
          files: [
            { madeHere: true as const, path: file, name: `考勤表签章扫描件${n}.jpg`, facts: scanFacts('jpeg', fs.statSync(file).size) },
          ],
        });
      }
      const staged = await stageMadeHere(
        blobs,
        items.flatMap((i) => i.files),
      );
      await fileStagedMadeHere(ctx.db, blobs, items, staged);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** CPU seconds of the calling thread (Linux: /proc/thread-self/stat, in clock ticks of 10 ms); 0 elsewhere. */
function threadCpu(): number {
  try {
    const stat = fs.readFileSync('/proc/thread-self/stat', 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) / 100; // utime, stime (fields 14 and 15)
  } catch {
    return 0;
  }
}

/** Sums wall and CPU between successive progress events under the later event's step. */
function stepTimer(): {
  start: () => void;
  onProgress: (e: ProgressEvent) => void;
  mark: (step: string) => void;
  steps: StepTime[];
} {
  const steps = new Map<string, StepTime>();
  // ONEBAG_BENCH_MARKS=FILE: each step's end on the monotonic clock (µs, as in a .cpuprofile), to
  // cut a `node --cpu-prof` profile by step (bench/cpuProfileByStep.mjs)
  const marks: Array<{ step: string; us: number }> = [];
  const marksFile = process.env.ONEBAG_BENCH_MARKS;
  if (marksFile) process.on('exit', () => fs.writeFileSync(marksFile, JSON.stringify(marks)));
  let wall = performance.now();
  let cpu = process.cpuUsage();
  let mainCpu = threadCpu();
  const mark = (step: string) => {
    const w = performance.now();
    const c = process.cpuUsage();
    const mc = threadCpu();
    if (marksFile) marks.push({ step, us: Number(process.hrtime.bigint() / 1000n) });
    const s = steps.get(step) ?? { step, wall: 0, cpu: 0, mainCpu: 0, events: 0 };
    s.wall += (w - wall) / 1000;
    s.cpu += (c.user - cpu.user + c.system - cpu.system) / 1e6;
    s.mainCpu += mc - mainCpu;
    s.events++;
    steps.set(step, s);
    wall = w;
    cpu = c;
    mainCpu = mc;
  };
  return {
    start: () => {
      wall = performance.now();
      cpu = process.cpuUsage();
      mainCpu = threadCpu();
      if (marksFile) marks.push({ step: '', us: Number(process.hrtime.bigint() / 1000n) });
    },
    onProgress: (e) => mark(e.label.split('：')[0]!),
    mark,
    get steps() {
      return [...steps.values()];
    },
  };
}

async function main(extra: boolean): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-bench-demo-'));
  const core = openCore({ dataDir: dir, host: { kind: 'cli', blobUrl: (s) => s } });
  try {
    const timer = stepTimer();
    const cpu0 = process.cpuUsage();
    const mainCpu0 = threadCpu();
    const t0 = performance.now();
    timer.start();
    await loadDemo(core.ctx, core.blobs, { onProgress: timer.onProgress, worker: process.env.ONEBAG_DEMO_WORKER !== '0' });
    if (extra) {
      await extraRegisterScans(core.ctx, core.blobs);
      timer.mark(`${EXTRA_REGISTER_SCANS} extra register scans`);
    }
    const wall = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    const mainCpu = threadCpu() - mainCpu0;
    console.log(
      JSON.stringify({
        wall: wall / 1000,
        cpu: (cpu.user + cpu.system) / 1e6,
        mainCpu,
        user: cpu.user / 1e6,
        system: cpu.system / 1e6,
        steps: timer.steps,
      }),
    );
  } finally {
    core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main(process.argv[2] === 'extra');
