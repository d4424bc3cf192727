/**
 * Playwright fixture: the REAL loopback bridge (main/bridge/server.ts) over a real SQLite file
 * in a fresh temporary data directory, one per test file. Tests in one file share it, in order.
 *
 *   import { test, expect } from './fixtures';
 *   test('…', async ({ page, app }) => { await page.goto(app.url); … });
 *
 * A spec that works on the demo county starts from the prepared demo data folder instead of
 * loading the demo itself (tests/fixtures/demoFolder.ts): first run is then already complete.
 *
 *   test.use({ demoOperator: '张晓梅' });
 *
 * One browser context serves every test of the worker (issue 15): the renderer's bundle and its
 * font (14 MB, Vite names them by content and the bridge lets the browser keep them) are fetched
 * and compiled once per run instead of once per test, which cost seconds a test on a busy
 * machine (5–7 s for a page's first load in a fresh context against 2 s from the cache, load 18).
 * For the cache to hold, every spec file's bridge listens on the port the first one got. Each test
 * still gets a new page and starts clean: when it ends, its pages are closed and the origin's
 * storage, the cookies and permissions are cleared (tests/e2e/contextReset.ts; proven by
 * isolation.spec.ts); the session cookie is the bridge's, set again by the secret link at each
 * test's start. The context takes the config's `use` options.
 *
 * Every spec lives on the suite's fixed today (tests/fixtures/testToday.ts): the bridge's process
 * clock is fixed to TEST_TODAY; the pages learn their today from app.status (renderer/src/app/
 * today.ts), so they open on the same year and month as the server's rules. (No Playwright
 * clock: its fake Date made clicks wait forever for 'scheduled navigations'.)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, type BrowserContext, type BrowserContextOptions } from '@playwright/test';
import { startBridge, type Bridge } from '../../main/bridge/server';
import { dispatch } from '../../main/core/runtime/dispatch';
import type { AppStatus } from '../../shared/domain';
import { copySetUpDemo } from '../fixtures/demoFolder';
import { fixTestToday } from '../fixtures/testToday';
import { resetSharedContext } from './contextReset';
import { treeCpuMs } from './cpuMeter';

fixTestToday();

/** ONEBAG_RENDERER_DIR lets parallel work build the renderer elsewhere (vite build --outDir). */
export const RENDERER_DIR = path.resolve(process.env.ONEBAG_RENDERER_DIR ?? path.resolve(__dirname, '../../dist/renderer'));

export interface AppHandle {
  /** e.g. http://127.0.0.1:40123 — no trailing slash; page.goto(app.url) opens the app. */
  readonly url: string;
  readonly dataDir: string;
  /** The running bridge (openUrl, core for seeding data directly). */
  readonly bridge: Bridge;
  /**
   * Closes the bridge (and its database) and starts it again on the same data dir and port. The new
   * start has a new secret, so every admitted browser context opens the new secret link again.
   * A start asks who works (当前操作员); the fixture answers with the stored name through the
   * prompt's own channel unless `askOperator` leaves the question to the test.
   */
  restart(opts?: { askOperator?: boolean }): Promise<void>;
  /** Opens the bridge's secret link in this context, which stores the session cookie (done for `page`). */
  admit(context: BrowserContext): Promise<void>;
}

class RunningApp implements AppHandle {
  readonly admitted = new Set<BrowserContext>();
  constructor(
    public bridge: Bridge,
    readonly dataDir: string,
  ) {}
  get url() {
    return this.bridge.url;
  }
  async restart(opts: { askOperator?: boolean } = {}): Promise<void> {
    const port = this.bridge.port;
    await this.bridge.close();
    this.bridge = await startOn(this.dataDir, port);
    if (!opts.askOperator) await confirmOperator(this.bridge);
    for (const context of this.admitted) await this.admit(context);
  }
  async admit(context: BrowserContext): Promise<void> {
    const res = await context.request.get(this.bridge.openUrl);
    if (!res.ok()) throw new Error(`bridge refused its own secret link: HTTP ${res.status()}`);
    this.admitted.add(context);
  }
  async dispose(): Promise<void> {
    await this.bridge.close();
    fs.rmSync(this.dataDir, { recursive: true, force: true });
  }
}

async function startOn(dataDir: string, port = 0): Promise<Bridge> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await startBridge({ dataDir, port, rendererDir: RENDERER_DIR });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE' || attempt >= 20) throw err;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** Answers the start-up 当前操作员 prompt with the stored name, through app.setOperator as the prompt does. */
async function confirmOperator(bridge: Bridge): Promise<void> {
  const status = await dispatch(bridge.core.handlers, 'app.status', {});
  if (!status.ok) throw new Error(`app.status: ${status.error.message}`);
  const { operator, firstRun } = status.value as AppStatus;
  if (firstRun || !operator) return;
  const r = await dispatch(bridge.core.handlers, 'app.setOperator', { operator });
  if (!r.ok) throw new Error(`app.setOperator: ${r.error.message}`);
}

/** One bridge per test file; replaced when the worker moves on to the next file. */
let current: { file: string; app: RunningApp } | null = null;
/** The port of the worker's first bridge, taken again by every later one (the browser's cache is per URL). */
let workerPort = 0;

/** The context options of the config's `use` that a worker-scoped context can take. */
const CONTEXT_OPTIONS = [
  'viewport',
  'locale',
  'timezoneId',
  'reducedMotion',
  'colorScheme',
  'deviceScaleFactor',
  'acceptDownloads',
] as const;

export interface AppOptions {
  /**
   * null (the default): an empty data folder at the first-run screen. A name: a copy of the prepared
   * demo data folder, first run completed with 载入演示数据 by this operator.
   */
  demoOperator: string | null;
}

export const test = base.extend<{ app: AppHandle; cpuMeter: void } & AppOptions, { appLifecycle: void; sharedContext: BrowserContext }>({
  demoOperator: [null, { option: true }],
  // CPU of the worker's process tree (bridge, Chromium, tools) over the test and its fixtures, for
  // the suite's CPU budget (issue 15): attached as `cpu-ms`, summed per spec by setupReporter.ts.
  cpuMeter: [
    async ({}, use, testInfo) => {
      const before = treeCpuMs();
      await use();
      const after = treeCpuMs();
      if (before !== null && after !== null) {
        await testInfo.attach('cpu-ms', { body: String(Math.round(after - before)), contentType: 'text/plain' });
      }
    },
    { auto: true },
  ],
  sharedContext: [
    async ({ browser }, use, workerInfo) => {
      const given = workerInfo.project.use as Record<string, unknown>;
      const options = Object.fromEntries(CONTEXT_OPTIONS.filter((k) => given[k] !== undefined).map((k) => [k, given[k]]));
      const context = await browser.newContext(options as BrowserContextOptions);
      await use(context);
      await context.close();
    },
    { scope: 'worker' },
  ],
  appLifecycle: [
    async ({}, use) => {
      await use();
      if (current) await current.app.dispose();
      current = null;
    },
    { scope: 'worker', auto: true },
  ],
  app: [
    async ({ demoOperator }, use, testInfo) => {
      if (!current || current.file !== testInfo.file) {
        if (current) await current.app.dispose();
        current = null;
        const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-e2e-'));
        const started = Date.now();
        if (demoOperator !== null) await copySetUpDemo(dataDir, demoOperator);
        const bridge = await startOn(dataDir, workerPort);
        workerPort = bridge.port;
        await confirmOperator(bridge);
        current = { file: testInfo.file, app: new RunningApp(bridge, dataDir) };
        // Setup time per spec, for the suite-time budget (issue 15): shown in the report's attachments.
        await testInfo.attach('setup-ms', { body: String(Date.now() - started), contentType: 'text/plain' });
      }
      await use(current.app);
    },
    // The first spec that asks for the demo builds the shared template (tests/fixtures/demoFolder.ts);
    // with its attendance year that takes minutes on a loaded 2-core machine.
    { timeout: 420_000 },
  ],
  // Every test opens the secret link first, as the person who started the bridge does. When it
  // ends, what it left in the shared context is undone (its pages, storage, cookies, permissions:
  // tests/e2e/contextReset.ts), so the next test starts as in a fresh context but with the cache.
  context: async ({ sharedContext, app, actionTimeout, navigationTimeout }, use) => {
    // what Playwright gives each context it makes for a test: the timeouts of this test's `use`
    sharedContext.setDefaultTimeout(actionTimeout || 0);
    sharedContext.setDefaultNavigationTimeout(navigationTimeout || 0);
    await app.admit(sharedContext);
    await use(sharedContext);
    (app as RunningApp).admitted.delete(sharedContext);
    await resetSharedContext(sharedContext, new URL(app.url).origin);
  },
  // The shared context was made with the config's viewport: a spec's own (`test.use({ viewport })`)
  // is given to each of its pages.
  page: async ({ context, viewport }, use) => {
    const page = await context.newPage();
    if (viewport) await page.setViewportSize(viewport);
    await use(page);
  },
});

export { expect };
