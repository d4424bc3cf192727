/**
 * `onebag demo` / the first-run choice 载入演示数据: loading the demo county into an empty data
 * folder (issue 14: ≤ 5 s on this machine). Wall time and this process's CPU time, so a busy
 * machine shows as the gap between the two.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openCore } from '../main/api/open';
import { loadDemo } from '../main/demo/demo';
import type { Bench } from './types';

export const bench: Bench = async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-bench-demo-'));
  const core = openCore({ dataDir: dir, host: { kind: 'cli', blobUrl: (s) => s } });
  try {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    await loadDemo(core.ctx, core.blobs);
    const wall = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    return [
      { name: 'demo load, wall', value: wall / 1000, unit: 's', target: 5, better: 'lower' },
      { name: 'demo load, CPU of this process', value: (cpu.user + cpu.system) / 1e6, unit: 's', target: 5, better: 'lower' },
    ];
  } finally {
    core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
};
