/**
 * The demo county as a prepared data folder for the e2e suite: loaded ONCE per Playwright run
 * (through the real `app.setup` channel, as the first-run screen does) into a template folder under
 * os.tmpdir(); every spec that wants the demo gets a copy of that folder before its bridge starts.
 *
 * The run's template path is chosen in globalSetup.ts (and removed by its teardown); the template
 * itself is built by the first spec that asks for it, so a run of specs without the demo pays
 * nothing. It is built in a side folder and renamed into place, so a killed worker never leaves a
 * half-loaded template behind. tests/e2e/firstrun-demo.spec.ts still loads the demo through the
 * first-run screen itself.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openCore } from '../../main/api/open';
import { dispatch } from '../../main/core/dispatch';
import { setSetting } from '../../main/core/settings';
import { openDatabase } from '../../main/store/db';

export const DEMO_TEMPLATE_ENV = 'ONEBAG_E2E_DEMO_TEMPLATE';
/** The operator who "completed first run" in the template (the audit log's setup entries carry it). */
export const TEMPLATE_OPERATOR = '张晓梅';

/** Where this run's template lives (set by globalSetup; a per-process folder when run without it). */
function templateDir(): string {
  process.env[DEMO_TEMPLATE_ENV] ??= path.join(os.tmpdir(), `onebag-e2e-demo-${process.pid}`);
  return process.env[DEMO_TEMPLATE_ENV]!;
}

let building: Promise<string> | null = null;

/** The template folder, built on first use; later calls (and later worker processes) reuse it. */
export function demoTemplate(): Promise<string> {
  const dir = templateDir();
  if (fs.existsSync(path.join(dir, 'READY'))) return Promise.resolve(dir);
  building ??= buildTemplate(dir).finally(() => {
    building = null;
  });
  return building;
}

async function buildTemplate(dir: string): Promise<string> {
  const side = `${dir}.partial-${process.pid}`;
  fs.rmSync(side, { recursive: true, force: true });
  fs.mkdirSync(side, { recursive: true });
  const core = openCore({ dataDir: side, host: { kind: 'cli', blobUrl: (sha) => `blob:${sha}` } });
  try {
    const r = await dispatch(core.handlers, 'app.setup', { mode: 'demo', operator: TEMPLATE_OPERATOR }, side);
    if (!r.ok) throw new Error(`demo template: ${r.error.message}`);
  } finally {
    core.close(); // checkpoints the WAL: the template is one self-contained folder
  }
  fs.writeFileSync(path.join(side, 'READY'), '');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.renameSync(side, dir);
  return dir;
}

/**
 * Copies the template into `dataDir` (which must be empty or absent) and makes `operator` the
 * current operator, as if that person had completed first run with 载入演示数据.
 */
export async function copyDemoInto(dataDir: string, operator = TEMPLATE_OPERATOR): Promise<void> {
  const template = await demoTemplate();
  fs.cpSync(template, dataDir, { recursive: true, filter: (src) => path.basename(src) !== 'READY' });
  if (operator !== TEMPLATE_OPERATOR) {
    const db = openDatabase(dataDir);
    try {
      setSetting(db, 'operator', operator);
    } finally {
      db.close();
    }
  }
}
