import type { OnebagWindowApi } from '../../shared/window';
import { expect, test } from './fixtures';

type WithOnebag = { onebag?: OnebagWindowApi };

test('the app loads through the bridge with a Chinese title and no console errors', async ({ page, app }) => {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`HTTP ${r.status()} ${r.url()}`);
  });

  await page.goto(app.url);
  await expect(page).toHaveTitle(/一袋式档案/);
  expect(await page.evaluate(() => typeof (window as unknown as WithOnebag).onebag?.invoke)).toBe('function');
  const status = await page.evaluate(() => (window as unknown as WithOnebag).onebag!.invoke('app.status', {}));
  expect(status).toMatchObject({ ok: true, value: { host: 'bridge', dataDir: app.dataDir } });
  await expect(page.locator('#root')).not.toBeEmpty();
  await page.waitForLoadState('networkidle');
  expect(errors).toEqual([]);
});
