import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/adversarial/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Prepared data folders (the demo county) built once per run: tests/fixtures/demoFolder.ts.
    globalSetup: ['tests/globalSetup.ts'],
  },
});
