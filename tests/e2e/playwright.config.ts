import fs from 'node:fs';
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { useMainKit } from './mainKit';

// main/ and shared/ from one bundle, built here by the runner, instead of transforming the sources
// file by file in every process that loads the specs (tests/e2e/mainKit.ts).
useMainKit();

const root = path.resolve(__dirname, '../..');

/**
 * Debian's chromium-headless-shell when installed (.ci/run installs it): the same Chromium build
 * as /usr/bin/chromium without the browser's UI layer, the headless browser Playwright itself uses
 * by default, at about a quarter less CPU per test (issue 15: 2 specs, 8 tests, 29.8 CPU-s with
 * /usr/bin/chromium, 22.4 with the shell). Else Debian's full chromium; ONEBAG_CHROMIUM overrides.
 */
const HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';
const CHROMIUM = process.env.ONEBAG_CHROMIUM ?? (fs.existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : '/usr/bin/chromium');

/**
 * Browser end-to-end runs against the REAL loopback bridge (tests/e2e/fixtures.ts) with
 * Debian's chromium. Build the renderer first: npm run build:renderer.
 */
export default defineConfig({
  testDir: __dirname,
  testMatch: '**/*.spec.ts',
  // This run's prepared data folders (the demo county) that specs copy: tests/fixtures/demoFolder.ts.
  globalSetup: path.join(__dirname, 'globalSetup.ts'),
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  // The whole suite (issue 15): it must finish in at most half of this on the 2-core machine while
  // another process keeps one core busy, as in `npm test` where vitest runs beside it.
  globalTimeout: 20 * 60_000,
  expect: { timeout: 10_000 },
  // Playwright empties outputDir at start: keep reports out of it.
  outputDir: path.join(root, 'test-results'),
  // setupReporter: time per spec and its setup, and a closing summary line (issues 14, 15).
  reporter: [
    ['list'],
    ['json', { outputFile: path.join(root, '.reports/playwright.json') }],
    [path.join(__dirname, 'setupReporter.ts'), { outputFile: path.join(root, '.reports/e2e-times.json') }],
  ],
  use: {
    viewport: { width: 1366, height: 768 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    // The app honours the system's reduce-motion setting (renderer/src/app/reducedMotion.ts): no spec
    // waits on an opening or closing animation.
    reducedMotion: 'reduce',
    // No trace by default: recording one (screencast frames and DOM snapshots at every action) for
    // every test, to keep it only on failure, nearly doubled the suite's CPU time (issue 15; 8 tests:
    // 48.6 CPU-s with it, 34.7 without its screenshots, 26.0 without it). A failure still keeps its
    // screenshot and error context; rerun a failing spec with `--trace on` to get its trace.
    trace: 'off',
    screenshot: 'only-on-failure',
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
    launchOptions: {
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        // V8 without its top tier (TurboFan), Maglev the highest: a test's page lives seconds, too
        // short for TurboFan's compiles to pay back. Measured on the demo county (load, 考勤 grid,
        // 考核评价; 4 loads each, twice): 3.7-3.9 CPU-s a load with TurboFan, 2.9-3.2 without
        // (issue 15). Behaviour is the same JavaScript; only the compiler tiers differ.
        '--js-flags=--max-opt=2',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
});
