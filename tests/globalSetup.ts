/**
 * vitest globalSetup, once per run:
 * - the run's folder for prepared data folders (tests/fixtures/preparedFolder.ts: the demo county
 *   is built there once by the first test file that needs it and copied by the others);
 * - the `onebag` command bundled as it ships (scripts/build-main.mjs --cli, as bin/onebag.js runs
 *   it), so each CLI test spawns plain Node instead of compiling the sources through tsx again
 *   (tests/fixtures/cli.ts). The bundle sits inside the checkout so its packages resolve.
 * Both are removed when the run ends.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { CLI_BUNDLE_ENV, ROOT } from './fixtures/cli';
import { prepareRunRoot } from './fixtures/preparedFolder';

export default function setup(): () => void {
  const removePrepared = prepareRunRoot();
  const cacheDir = path.join(ROOT, 'node_modules', '.cache');
  fs.mkdirSync(cacheDir, { recursive: true });
  const out = fs.mkdtempSync(path.join(cacheDir, 'onebag-test-cli-'));
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build-main.mjs'), '--out', out, '--cli'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`bundling the CLI for the tests failed:\n${r.stdout}\n${r.stderr}`);
  process.env[CLI_BUNDLE_ENV] = path.join(out, 'main', 'cli', 'index.js');
  return () => {
    removePrepared();
    fs.rmSync(out, { recursive: true, force: true });
  };
}
