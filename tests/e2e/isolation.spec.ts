/**
 * The worker's one browser context leaks nothing from a test to the next (tests/e2e/contextReset.ts),
 * yet keeps its HTTP cache, which is what it is shared for (tests/e2e/fixtures.ts). The first test
 * leaves every kind of state behind and checks that it took; the second, in the same context,
 * finds none of it, and the renderer's bundle still comes from the cache.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

test.describe.configure({ mode: 'serial' });

const PERMISSION = 'clipboard-read';

/** What a page of the app origin can see of the state a test may leave behind. */
async function leftovers(page: Page) {
  return page.evaluate(async (permission) => {
    const dbs = await indexedDB.databases();
    const caches_ = await caches.keys();
    const perm = await navigator.permissions.query({ name: permission as PermissionName });
    return {
      local: localStorage.getItem('leak'),
      session: sessionStorage.getItem('leak'),
      cookie: document.cookie.includes('leak=1'),
      indexedDb: dbs.some((d) => d.name === 'leak-db'),
      cacheStorage: caches_.includes('leak-cache'),
      permission: perm.state,
    };
  }, PERMISSION);
}

/** The header the browser sent with the app's next request, if any. */
async function headerOnNextRequest(page: Page, name: string): Promise<string | undefined> {
  const [request] = await Promise.all([
    page.waitForRequest((r) => r.url().includes('/leak-probe')),
    page.evaluate(() => fetch('/leak-probe').catch(() => null)),
  ]);
  return (await request.allHeaders())[name];
}

test('a test leaves storage, a cookie, a permission and a header behind', async ({ page, context, app }) => {
  await page.goto(app.url);
  await page.evaluate(async () => {
    localStorage.setItem('leak', '1');
    sessionStorage.setItem('leak', '1');
    document.cookie = 'leak=1; path=/; max-age=3600';
    await new Promise<void>((resolve, reject) => {
      const open = indexedDB.open('leak-db', 1);
      open.onupgradeneeded = () => open.result.createObjectStore('s');
      open.onsuccess = () => {
        open.result.close();
        resolve();
      };
      open.onerror = () => reject(open.error);
    });
    await caches.open('leak-cache');
  });
  await context.grantPermissions([PERMISSION], { origin: new URL(app.url).origin });
  await context.setExtraHTTPHeaders({ 'x-leak': '1' });
  // It all took: the next test's clean start is not a matter of it never having been set.
  await page.reload();
  expect(await leftovers(page)).toEqual({
    local: '1',
    session: '1',
    cookie: true,
    indexedDb: true,
    cacheStorage: true,
    permission: 'granted',
  });
  expect(await headerOnNextRequest(page, 'x-leak')).toBe('1');
});

test('the next test starts clean but with the cached bundle', async ({ page, app }) => {
  await page.goto(app.url);
  await expect(page.locator('#root')).not.toBeEmpty();
  expect(await leftovers(page)).toEqual({
    local: null,
    session: null,
    cookie: false,
    indexedDb: false,
    cacheStorage: false,
    permission: 'prompt',
  });
  expect(await headerOnNextRequest(page, 'x-leak')).toBeUndefined();
  // The renderer's hashed bundle came from the HTTP cache (nothing transferred): the reset kept it.
  const scripts = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter((e) => /\/assets\/.+\.js$/.test(e.name))
      .map((e) => (e as PerformanceResourceTiming).transferSize),
  );
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.every((size) => size === 0)).toBe(true);
});
