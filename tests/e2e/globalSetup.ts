/**
 * Playwright globalSetup: picks this run's folder for the prepared demo data (tests/e2e/demoSnapshot.ts
 * builds it on first use) and returns the teardown that removes it when the run ends.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEMO_TEMPLATE_ENV } from './demoSnapshot';

export default function globalSetup(): () => void {
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-e2e-run-')), 'demo');
  process.env[DEMO_TEMPLATE_ENV] = dir; // workers inherit the environment
  return () => fs.rmSync(path.dirname(dir), { recursive: true, force: true });
}
