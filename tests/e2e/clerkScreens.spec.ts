/**
 * The clerk's evaluation and work-log screens (issue 14 items 8 and 9) on a small county seeded
 * through the channels: the score grid and the work-log table are ARIA grids with one tab stop;
 * the evidence panel shows the whole grid row (票数, 得分, 县级核查, 总分) and 打开资料袋 at 1366×768.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { openEvaluationYear } from './helpers';
import { activateScheme, openApp, seedSmallCounty, type SmallCounty } from './seed';

test.describe.configure({ mode: 'serial', timeout: 180_000 });

const YEAR = 2025;
let county: SmallCounty;

async function openScoring(page: Page) {
  await openEvaluationYear(page, YEAR);
  await page.getByRole('tab', { name: '评分' }).click();
}

test('seed a small county with the 蒲县 scheme', async ({ app }) => {
  county = await seedSmallCounty(app, 4, '2024-03-01');
  await activateScheme(app, county.countyId, YEAR, 'puxian');
});

test('score grid: ARIA grid, one tab stop, evidence panel complete at 1366×768', async ({ page, app }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await openApp(page, app.url);
  await openScoring(page);
  const grid = page.getByRole('grid', { name: '评分表' });
  await expect(grid).toBeVisible();
  // the township's cadres (柳河乡 holds every other seeded cadre), after two header rows
  const shown = county.cadres.filter((c) => c.townshipId === county.townships[0]!.id);
  await expect(grid).toHaveAttribute('aria-rowcount', String(shown.length + 2));
  await expect(grid.getByRole('row')).toHaveCount(shown.length + 2);
  const first = shown[0]!.name;
  const row = grid.getByRole('row', { name: new RegExp(first) });
  await expect(row).toHaveAttribute('aria-rowindex', '3');
  await expect(row.getByRole('rowheader')).toHaveText(first);
  await expect(grid.getByRole('columnheader', { name: '总分' })).toBeVisible();
  // one tab stop in the whole grid: the first entry cell until the clerk moves
  await expect(grid.locator('input[tabindex="0"]')).toHaveCount(1);
  const cell00 = grid.locator('input[data-r="0"][data-c="0"]');
  await expect(cell00).toHaveAttribute('tabindex', '0');
  await cell00.click();
  await page.keyboard.press('ArrowDown');
  await expect(grid.locator('input[data-r="1"][data-c="0"]')).toBeFocused();
  await expect(grid.locator('input[data-r="1"][data-c="0"]')).toHaveAttribute('tabindex', '0');
  await expect(cell00).toHaveAttribute('tabindex', '-1');
  const gridCell = grid.locator('input[data-r="1"][data-c="0"]').locator('xpath=..');
  await expect(gridCell).toHaveAttribute('role', 'gridcell');
  await expect(gridCell).toHaveAttribute('aria-colindex', '3');

  // the evidence panel beside the grid: the row's last columns and the bag button stay in view
  await page.keyboard.press('F2');
  const panel = page.getByTestId('evidence-panel');
  await expect(panel).toBeVisible();
  await expect(page.getByTestId('evidence-open-bag')).toBeInViewport({ ratio: 1 });
  for (const name of ['票数', '得分', '县级核查', '总分']) {
    await expect(grid.getByRole('columnheader', { name: new RegExp(name) }).first()).toBeInViewport({ ratio: 1 });
  }
  await page.screenshot({ path: '/tmp/clerkui-score-evidence-1366.png' });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.screenshot({ path: '/tmp/clerkui-score-evidence-1920.png' });
  // Same page, back at 1366×768 (it was a second test loading the app).
  await test.step('work-log table: ARIA grid with one tab stop that Tab can leave', async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.getByRole('menuitem', { name: /工作记录/ }).click();
    await page.getByTestId('worklog-cadre-picker').click();
    await page.locator('.ant-select-item-option').first().click();
    await page.getByTestId('worklog-year').click();
    await page.locator('.ant-select-item-option', { hasText: `${YEAR}年` }).click();
    const grid = page.getByRole('grid', { name: '工作日志' });
    await expect(grid).toBeVisible();
    await expect(grid.getByRole('columnheader', { name: '走访对象' })).toHaveAttribute('aria-colindex', '5');
    // the empty row for typing is the only row: one tab stop, its date cell
    await expect(grid.getByRole('row')).toHaveCount(2);
    await expect(grid.locator('input[tabindex="0"]')).toHaveCount(1);
    await expect(grid.locator('input[tabindex="0"]')).toHaveAttribute('aria-label', '第1行日期');

    await page.getByLabel('第1行日期').click();
    await page.keyboard.type('3.5');
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('第1行类型')).toBeFocused();
    await expect(page.getByLabel('第1行类型')).toHaveAttribute('tabindex', '0');
    await expect(grid.locator('input[tabindex="0"]')).toHaveCount(1);
    const row1 = grid.getByRole('row').nth(1);
    await expect(row1).toHaveAttribute('aria-rowindex', '2');
    await expect(page.getByLabel('第1行类型').locator('xpath=ancestor::td[1]')).toHaveAttribute('role', 'gridcell');
    // Shift+Tab from the first cell leaves the grid instead of trapping the keyboard
    await page.keyboard.press('Shift+Tab');
    await expect(page.getByLabel('第1行日期')).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await expect(grid.locator('input:focus')).toHaveCount(0);
    await page.screenshot({ path: '/tmp/clerkui-worklog-1366.png' });
  });
});
