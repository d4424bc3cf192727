/**
 * Out of the app and by keyboard (issue 14, items 4, 5, 8, 9), in real Chromium over the real
 * bridge on a small county seeded through the channels: 导出Excel of the cadre list read back
 * with exceljs; the list by Tab, arrows and Enter; the only match opening on Enter; a dossier
 * preview downloaded under its own name, printed through a frame, and paged with PageDown;
 * the evaluation header naming the scheme in use. Screenshots at 1366×768 and 1920×1080.
 */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { expect, test } from './fixtures';
import { openEvaluationYear } from './helpers';
import { activateScheme, openApp, seedSmallCounty, type SmallCounty } from './seed';

test.describe.configure({ mode: 'serial', timeout: 240_000 });

let county: SmallCounty;

// The county is seeded through the channels in this process, and the list tests share one page
// load (seed, export, keyboard and evaluation were four tests, each loading the app).
test('导出Excel of the list; the list by keyboard; evaluation names its scheme, at both sizes', async ({ page, app }) => {
  county = await seedSmallCounty(app, 6, '2024-03-01');
  await activateScheme(app, county.countyId, 2025, 'puxian');

  await openApp(page, app.url);
  const screenHeaders = (await page.locator('[data-testid="cadre-table"] thead th').allInnerTexts()).map((t) => t.trim()).filter(Boolean);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsx').click()]);
  expect(download.suggestedFilename()).toBe('干部名册.xlsx');
  const file = await download.path();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(file) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('干部名册')!;
  const header = (ws.getRow(1).values as unknown[]).slice(1);
  expect(header).toEqual(screenHeaders);
  expect(ws.rowCount).toBe(county.cadres.length + 1);
  const names = new Set<string>();
  ws.eachRow((r, i) => i > 1 && names.add(String(r.getCell(1).value)));
  expect([...names].sort()).toEqual(county.cadres.map((c) => c.name).sort());
  await expect(page.getByText('已下载 干部名册.xlsx')).toBeVisible();

  // The list by keyboard: Enter on the only match, arrows and Enter on rows.
  const filter = page.getByTestId('cadre-search');
  const target = county.cadres[2]!;
  await filter.fill(target.name);
  await expect(page.getByTestId('cadre-count')).toHaveText('共 1 人');
  await filter.press('Enter');
  await expect(page.getByRole('heading', { name: target.name })).toBeVisible();
  // Typed fast: Enter before the list has answered the text still opens the only match (it waited before)
  await page.getByRole('menuitem', { name: /干部/ }).first().click();
  await filter.fill(target.name);
  await filter.press('Enter');
  await expect(page.getByRole('heading', { name: target.name })).toBeVisible();

  await openApp(page, app.url);
  await page.getByTestId('cadre-search').press('Enter');
  const rows = page.locator('[data-testid="cadre-table"] [data-row-key]');
  await expect(rows.first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(rows.nth(1)).toBeFocused();
  const second = (await rows.nth(1).getAttribute('aria-label'))!.split('，')[0]!;
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: second })).toBeVisible();

  // Evaluation names the scheme in use; results export; both screen sizes.
  for (const size of [
    { width: 1366, height: 768 },
    { width: 1920, height: 1080 },
  ]) {
    await page.setViewportSize(size);
    // The first size reaches the screen by its menu from where the list steps left off.
    if (size.width !== 1366) await openApp(page, app.url);
    await openEvaluationYear(page, 2025);
    const heading = page.getByTestId('eval-scheme-heading');
    await expect(heading).toContainText('第1版');
    await expect(heading).not.toContainText('一述两评一查');
    await page.getByRole('tab', { name: '结果' }).click();
    await expect(page.getByTestId('results-table')).toBeVisible();
    await page.screenshot({ path: `/tmp/clerk-results-${size.width}.png` });
  }
  const [results] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsx').click()]);
  expect(results.suggestedFilename()).toBe('2025年度考核结果.xlsx');

  // Unscored cadres: 定稿 is refused unless confirmed with a written reason; cancelling changes nothing.
  await page.getByTestId('results-finalise').click();
  const dialog = page.getByRole('dialog', { name: /还有 6 人的分数未录全，不能直接定稿/ });
  const confirm = dialog.getByRole('button', { name: '确认定稿' });
  await expect(confirm).toBeDisabled();
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(page.getByTestId('eval-final-tag')).toHaveText('未定稿');
  await page.getByTestId('results-finalise').click();
  await dialog.getByLabel('定稿原因').fill('试点乡镇干部均已调离，评议无法组织');
  await page.screenshot({ path: '/tmp/clerk-finalise-incomplete-1920.png' });
  await confirm.click();
  await expect(page.getByTestId('eval-final-tag')).toHaveText(/已定稿/);
  await expect(page.getByTestId('results-final')).toContainText('定稿时 6 人分数未录全，原因：试点乡镇干部均已调离，评议无法组织');
});

test('a dossier preview: download under its name, print, PageDown', async ({ page, app }) => {
  await openApp(page, app.url);
  await page.getByRole('menuitem', { name: /档案打印/ }).click();
  await expect(page.getByRole('heading', { name: '档案打印' })).toBeVisible();
  const who = county.cadres[0]!;
  await page.getByTestId('print-cadre').click();
  await page.locator('.ant-select-item-option', { hasText: who.name }).first().click();
  await page.getByRole('button', { name: '生成预览' }).click();
  await expect(page.getByTestId('preview-summary')).toBeVisible({ timeout: 180_000 });
  const summary = (await page.getByTestId('preview-summary').innerText()).trim();
  const fileName = summary.split('：')[0]!;
  const pages = Number(/共 (\d+) 页/.exec(summary)![1]);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('pdf-save').click()]);
  expect(download.suggestedFilename()).toBe(fileName.endsWith('.pdf') ? fileName : `${fileName}.pdf`);
  expect(
    fs
      .readFileSync(await download.path())
      .subarray(0, 5)
      .toString('latin1'),
  ).toBe('%PDF-');

  const view = page.getByTestId('pdf-preview');
  await view.focus();
  await expect(view).toHaveAttribute('data-page', '1');
  if (pages > 1) {
    await page.keyboard.press('PageDown');
    await expect(view).toHaveAttribute('data-page', '2');
    await page.keyboard.press('PageUp');
    await expect(view).toHaveAttribute('data-page', '1');
  }
  await page.keyboard.press('End');
  await expect(view).toHaveAttribute('data-page', String(pages));
  await page.screenshot({ path: '/tmp/clerk-preview-1366.png' });

  // Browser print: the PDF goes into a hidden frame whose print() opens the browser's dialog.
  // Headless Chromium may end the page at that dialog, so this is the last step.
  const frameSrc = page.waitForFunction(() => document.querySelector('iframe[data-onebag-print]')?.getAttribute('src') ?? null);
  await page.getByTestId('pdf-print').click();
  expect(await (await frameSrc).jsonValue()).toMatch(/\/blob\/[0-9a-f]{64}/);
});
