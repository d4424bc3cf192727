import os from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // renderer/**/*.test.ts: the renderer's pure models (no DOM, no React), run in node like the rest.
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/adversarial/**/*.test.ts', 'renderer/src/**/*.test.ts'],
    // Timeouts only catch a hang: speed is measured in bench/, never by a test failing on a busy
    // machine (the CI machine runs Playwright beside vitest and is slower than ours).
    testTimeout: 180_000,
    hookTimeout: 180_000,
    pool: 'forks',
    // vitest's default is one worker less than the cores: ONE on the 2-core CI machine, so a core sat
    // idle whenever a test was not waiting on a child process. At least two files at a time (issue 15).
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    // Prepared data folders (the demo county) built once per run: tests/fixtures/demoFolder.ts.
    globalSetup: ['tests/globalSetup.ts'],
  },
});
