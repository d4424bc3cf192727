/**
 * A 40-cadre township register (月考勤登记表, A4 landscape, 2 pages) into a PDF: the first
 * run in the process (fonts parsed then) and the median of 5 warm runs. Target ≤ 1 s.
 */
import { registerPdf } from '../main/dossier/register/registerPdf';
import { seedTownship } from '../tests/integration/registerFixture';
import type { Bench } from './types';
import { withBenchDb } from './benchDb';

export const bench: Bench = async () => {
  return withBenchDb('register', async (db) => {
    const t = seedTownship(db, 40);
    const run = async () => {
      const t0 = performance.now();
      const r = await registerPdf(db, { townshipId: t.townshipId, month: '2025-03' });
      return { ms: performance.now() - t0, pages: r.pages };
    };
    const cold = await run();
    const warm: number[] = [];
    for (let i = 0; i < 5; i++) warm.push((await run()).ms);
    warm.sort((a, b) => a - b);
    return [
      {
        name: `40-cadre register, first in process (${cold.pages} pages, fonts loaded)`,
        value: cold.ms / 1000,
        unit: 's',
        target: 1,
        better: 'lower',
      },
      { name: '40-cadre register, warm (median of 5)', value: warm[2]! / 1000, unit: 's', target: 1, better: 'lower' },
    ];
  });
};
