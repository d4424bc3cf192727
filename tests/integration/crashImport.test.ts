/**
 * Crash safety of `onebag import`: the real CLI is SIGKILLed at seeded-random moments while it
 * verifies, backs up, extracts originals and applies the records. After every kill the data
 * folder checks clean (no error findings), the import either happened completely or not at all
 * (row counts of every table the bundle touches), and a final import succeeds.
 *
 * Kills: ONEBAG_CRASH_ITERATIONS (default 5, each one kill plus a full re-import; a soak run sets
 * more, as for crashSafety.test.ts). Five seeded kills spread over the whole import window still
 * land both before and after the commit (asserted below), at a third less CPU than eight (issue 15).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore, type OpenCore } from '../../main/api/open';
import { setSetting } from '../../main/core/runtime/settings';
import { setDepartmentName } from '../../main/exchange/bundle/keys';
import { checkIntegrity } from '../../main/exchange/integrity/check';
import { exportCountyBundle } from '../../main/exchange/exportBundle';
import { TABLES } from '../../main/exchange/records/tables';
import { runOnebag } from '../fixtures/cli';
import { killAtRandom } from '../fixtures/killAtRandom';
import { copyLoadedDemo } from '../fixtures/demoFolder';

const RUNS = Number(process.env.ONEBAG_CRASH_ITERATIONS ?? 5);
/** Tables the import writes (the bundle's tables and the exchange's own books). */
const WATCHED = [...TABLES.map((t) => t.table), 'imports', 'import_map'];

let tmp: string;
let bundle: string;
let template: string;
let empty: Record<string, number>;
let full: Record<string, number>;
let fullMs = 0;

const open = (dir: string): OpenCore => openCore({ dataDir: dir, host: { kind: 'cli', blobUrl: (s) => `blob:${s}` } });

function counts(dir: string): Record<string, number> {
  const core = open(dir);
  try {
    return Object.fromEntries(WATCHED.map((t) => [t, (core.ctx.db.prepare(`SELECT COUNT(*) AS n FROM "${t}"`).get() as { n: number }).n]));
  } finally {
    core.close();
  }
}

function freshCopy(name: string): string {
  const dir = path.join(tmp, name);
  fs.cpSync(template, dir, { recursive: true });
  return dir;
}

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-crash-import-'));
  await copyLoadedDemo(path.join(tmp, 'county'), { operator: '县组织部' }); // prepared once per run
  const county = open(path.join(tmp, 'county'));
  try {
    setDepartmentName(county.ctx.db, '岚川县委组织部');
    const countyId = (county.ctx.db.prepare(`SELECT id FROM counties WHERE name = '岚川县'`).get() as { id: number }).id;
    bundle = path.join(tmp, 'county.onebag');
    await exportCountyBundle(
      { db: county.ctx.db, dataDir: county.ctx.dataDir, blobs: county.blobs },
      { countyId, year: 2025, out: bundle, withDossiers: false },
    );
  } finally {
    county.close();
  }
  // The evaluator's data folder before any import, copied for every run.
  template = path.join(tmp, 'template');
  const ev = open(template);
  setSetting(ev.ctx.db, 'operator', '考核组');
  setDepartmentName(ev.ctx.db, '市委组织部考核组');
  ev.close();
  empty = counts(template);

  const reference = freshCopy('reference');
  const t0 = performance.now();
  const r = runOnebag(reference, ['import', bundle, '--yes', '--trust'], { timeoutMs: 180_000 });
  fullMs = performance.now() - t0;
  expect(r.stderr).toBe('');
  full = counts(reference);
  expect(full.cadres).toBe(20);
}, 240_000);

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('SIGKILL during onebag import', () => {
  it(`leaves the data folder consistent, all or nothing, ${RUNS} times`, async () => {
    const outcomes: string[] = [];
    for (let i = 0; i < RUNS; i++) {
      const dir = freshCopy(`run-${i}`);
      // From the middle of start-up to just past the end of a full import.
      const r = await killAtRandom({
        args: ['import', bundle, '--yes', '--trust'],
        dataDir: dir,
        minMs: fullMs * 0.3,
        maxMs: fullMs * 1.05,
        seed: 1000 + i,
      });
      const errors = (await checkIntegrity(dir)).filter((f) => f.severity === 'error');
      expect(errors, `run ${i} (kill after ${r.delayMs} ms)`).toEqual([]);
      const now = counts(dir);
      const state =
        JSON.stringify(now) === JSON.stringify(full) ? 'imported' : JSON.stringify(now) === JSON.stringify(empty) ? 'nothing' : 'partial';
      expect(state, `run ${i} (kill after ${r.delayMs} ms): ${JSON.stringify(now)}`).not.toBe('partial');
      if (!r.killed) expect(r.exitCode).toBe(0);
      outcomes.push(`${r.killed ? 'killed' : 'finished'}:${state}`);

      // Whatever happened, importing again completes the job.
      const again = runOnebag(dir, ['import', bundle, '--yes', '--trust'], { timeoutMs: 180_000 });
      expect(again.code, again.stderr).toBe(0);
      expect(counts(dir)).toEqual(full);
      expect((await checkIntegrity(dir)).filter((f) => f.severity === 'error')).toEqual([]);
      fs.rmSync(dir, { recursive: true, force: true });
    }
    // The seeds put kills both before and after the commit.
    console.info(`import: ${outcomes.join(', ')}`);
    expect(outcomes.some((o) => o.startsWith('killed'))).toBe(true);
  }, 600_000);
});
