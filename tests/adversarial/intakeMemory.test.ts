/**
 * Bounded memory for any single input: each hostile or huge file goes to the real CLI in its own
 * process, which must answer (file it or refuse it in Chinese) within 700 MB peak RSS.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEMORY_CASES, runMemoryCase } from './intakeMemoryCases';

const LIMIT_MB = 700;
let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-adv-mem-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe(`peak RSS ≤ ${LIMIT_MB} MB for any single file`, () => {
  for (const c of MEMORY_CASES) {
    it(c.name, () => {
      const r = runMemoryCase(c, tmp);
      expect(r.code, r.err).toBe(c.code);
      if (c.message) expect(r.err).toMatch(c.message);
      expect(r.err).not.toMatch(/at .*\.ts:\d+/);
      console.log(`${c.name}: peak RSS ${r.peakRssMb.toFixed(0)} MB`);
      expect(r.peakRssMb).toBeLessThanOrEqual(LIMIT_MB);
    }, 300_000);
  }
});
