/**
 * vitest globalSetup, once per run:
 * - the run's folder for prepared data folders (tests/fixtures/preparedFolder.ts: the demo county
 *   is built there once by the first test file that needs it and copied by the others);
 * - the `onebag` command bundled as it ships (scripts/build-main.mjs --cli, as bin/onebag.js runs
 *   it), so each CLI test spawns plain Node instead of compiling the sources through tsx again
 *   (tests/fixtures/cli.ts). The bundle sits inside the checkout so its packages resolve.
 * Both are removed when the run ends.
 */
import path from 'node:path';
import { CLI_BUNDLE_ENV } from './fixtures/cli';
import { buildMainBundle } from './fixtures/mainBundle';
import { prepareRunRoot } from './fixtures/preparedFolder';

export default function setup(): () => void {
  const removePrepared = prepareRunRoot();
  const cli = buildMainBundle('--cli', 'onebag-test-cli-');
  process.env[CLI_BUNDLE_ENV] = path.join(cli.out, 'main', 'cli', 'index.js');
  return () => {
    removePrepared();
    cli.remove();
  };
}
