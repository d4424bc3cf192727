/**
 * `npm run bench -- intake-memory`: peak RSS of the real CLI handed one huge or hostile file
 * (oversized sparse PDF, a 250 MB PDF, a PNG and a PDF stream that inflate to hundreds of MB,
 * an xlsx whose shared strings inflate to 1 GiB), each in its own process. Target: ≤ 700 MB.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MEMORY_CASES, runMemoryCase } from '../tests/adversarial/intakeMemoryCases';
import type { Bench, BenchFigure } from './types';

export const bench: Bench = async () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-bench-intake-'));
  const figures: BenchFigure[] = [];
  try {
    for (const c of MEMORY_CASES) {
      const r = runMemoryCase(c, tmp);
      if (r.code !== c.code) throw new Error(`${c.name}: exit ${r.code}, expected ${c.code}: ${r.err}`);
      figures.push({ name: `intake peak RSS — ${c.name}`, value: r.peakRssMb, unit: 'MB', target: 700, better: 'lower' });
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return figures;
};
