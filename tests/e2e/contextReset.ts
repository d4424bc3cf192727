/**
 * Every test starts clean in the worker's one browser context (issue 15).
 *
 * The context is shared so that the renderer's bundle and font (14 MB) stay in its HTTP cache
 * from test to test (tests/e2e/fixtures.ts). Everything else a test could leave in it is undone
 * when the test ends, before the next one starts:
 *
 * - the app origin's storage: localStorage, IndexedDB, Cache Storage, service workers, the origin
 *   private file system, WebSQL, shared storage and storage buckets (Chromium's
 *   Storage.clearDataForOrigin with every type but the HTTP cache);
 * - cookies (the next test is admitted again by the bridge's secret link), permissions, extra
 *   HTTP headers, offline mode, geolocation and routes set on the context;
 * - the test's pages, and with them their sessionStorage.
 *
 * Playwright's own `reuseContext` would do most of this but also empties the HTTP cache
 * (BrowserContext.setStorageState calls clearCache), which is what the sharing is for.
 * Scripts a test adds with context.addInitScript or context.exposeBinding cannot be taken back:
 * specs use page.addInitScript / page.exposeBinding instead (the page is closed at the end).
 */
import type { BrowserContext } from '@playwright/test';

/** Chromium's storage types (Storage.StorageType) except `cache`, the HTTP cache kept on purpose. */
const STORAGE_TYPES = [
  'cookies',
  'file_systems',
  'indexeddb',
  'local_storage',
  'shader_cache',
  'websql',
  'service_workers',
  'cache_storage',
  'interest_groups',
  'shared_storage',
  'storage_buckets',
].join(',');

/** Undoes what a test left in the shared context on `origin` (e.g. http://127.0.0.1:40123), closing its pages. */
export async function resetSharedContext(context: BrowserContext, origin: string): Promise<void> {
  // Storage is cleared through a page of the context (the browser target has no storage partition).
  const page = context.pages()[0] ?? (await context.newPage());
  const cdp = await context.newCDPSession(page);
  try {
    await cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: STORAGE_TYPES });
  } finally {
    await cdp.detach();
  }
  for (const open of context.pages()) await open.close();
  await context.unrouteAll({ behavior: 'ignoreErrors' });
  await context.clearCookies();
  await context.clearPermissions();
  await context.setExtraHTTPHeaders({});
  await context.setOffline(false);
  await context.setGeolocation(null);
}
