import path from 'node:path';
import { defineConfig } from '@playwright/test';

const root = path.resolve(__dirname, '../..');

/**
 * The desktop app itself, driven by Playwright: a development checkout through `_electron`
 * (needs the Electron binary, `npm run build` and the native cache — `npm start` prepares it),
 * or an installed/unpacked app named by ONEBAG_APP_EXECUTABLE through its DevTools port
 * (.github/workflows/release.yml). Skipped with the reason where no Electron exists.
 */
export default defineConfig({
  testDir: __dirname,
  testMatch: '**/*.spec.ts',
  workers: 1,
  retries: 0,
  timeout: 240_000,
  expect: { timeout: 20_000 },
  outputDir: path.join(root, 'test-results', 'electron'),
  reporter: [['list'], ['json', { outputFile: path.join(root, '.reports/playwright-electron.json') }]],
  use: { trace: 'retain-on-failure', screenshot: 'only-on-failure', actionTimeout: 20_000 },
});
