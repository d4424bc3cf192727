/**
 * Nothing lost unsaved, and Chinese everywhere (issue 14, items 2 and 3), in real Chromium over
 * the real bridge on a small county seeded through the channels (no demo load):
 * scores typed but not saved survive a tab switch and a page change only if the clerk says so;
 * the year and tab come back; an empty 新增干部 form speaks Chinese; the attendance month box
 * takes "2025-03", "2025年3月", "202503", "2025.3", "2025/03", and shows a retyped month in its own format.
 */
import { expect, test } from './fixtures';
import { invoke, openEvaluationYear } from './helpers';
import { activateScheme, openApp, seedSmallCounty, type SmallCounty } from './seed';

test.describe.configure({ mode: 'serial', timeout: 180_000 });

const YEAR = 2025;
let county: SmallCounty;

test('seed a small county with an active scheme', async ({ app }) => {
  county = await seedSmallCounty(app, 6, '2024-03-01');
  await activateScheme(app, county.countyId, YEAR, 'wuping');
});

test('typed scores ask before a tab switch and a page change; month box; empty form', async ({ page, app }) => {
  await openApp(page, app.url);
  await openEvaluationYear(page, YEAR);
  await page.getByRole('tab', { name: '评分' }).click();
  const grid = page.getByTestId('score-grid');
  const first = grid.locator('input[data-r="0"][data-c="0"]');
  await first.click();
  await page.keyboard.type('88');
  await page.keyboard.press('Tab');
  await page.keyboard.type('77');
  await page.keyboard.press('Tab');
  await expect(page.getByText('2 格未保存')).toBeVisible();

  // Tab switch: asked; staying keeps the cells.
  await page.getByRole('tab', { name: '结果' }).click();
  const ask = page.getByRole('dialog').filter({ hasText: '有未保存的修改' });
  await expect(ask).toContainText('2 格分数尚未保存');
  await page.screenshot({ path: '/tmp/clerk-unsaved-ask.png' });
  await ask.getByTestId('unsaved-stay').click();
  await expect(first).toHaveValue('88');
  await expect(page.getByRole('tab', { name: '评分' })).toHaveAttribute('aria-selected', 'true');

  // Page change: asked; leaving discards, and the page really changes.
  await page
    .getByRole('menuitem', { name: /干部名册|干部/ })
    .first()
    .click();
  await expect(ask).toBeVisible();
  await ask.getByTestId('unsaved-leave').click();
  await expect(page.getByTestId('cadre-count')).toBeVisible();

  // Back to 考核评价: the same year and the 评分 tab, nothing stored from the discarded cells.
  await page.getByRole('menuitem', { name: /考核评价/ }).click();
  await expect(page.getByTestId('eval-year')).toContainText(`${YEAR}年度`);
  await expect(page.getByRole('tab', { name: '评分' })).toHaveAttribute('aria-selected', 'true');
  await expect(grid.locator('input[data-r="0"][data-c="0"]')).toHaveValue('');
  await expect(page.getByText(/格未保存/)).toHaveCount(0);

  // Saved edits leave without a question.
  await grid.locator('input[data-r="0"][data-c="0"]').click();
  await page.keyboard.type('90');
  await page.keyboard.press('Control+s');
  await expect(page.getByText(/已保存 \d+ 项/)).toBeVisible();
  await page.getByRole('tab', { name: '结果' }).click();
  await expect(page.getByRole('dialog').filter({ hasText: '有未保存的修改' })).toHaveCount(0);
  await expect(page.getByRole('tab', { name: '结果' })).toHaveAttribute('aria-selected', 'true');

  // The attendance month box and the empty 新增干部 form follow on the same page (they were two more
  // tests, each loading the app again).
  await test.step('the attendance month box takes what people type', async () => {
    await page.getByRole('menuitem', { name: '考勤' }).click();
    const box = page.getByTestId('att-month');
    for (const [typed, shown] of [
      ['2025-03', '2025年3月'],
      ['2025年4月', '2025年4月'],
      ['202505', '2025年5月'],
      ['2025.6', '2025年6月'],
      ['2025/07', '2025年7月'],
      // the month already shown, typed again another way: the box shows it in its own format (not the raw text)
      ['2025-07', '2025年7月'],
      ['202507', '2025年7月'],
    ] as const) {
      await box.click();
      await box.fill(typed);
      await box.press('Enter');
      await expect(box).toHaveValue(shown);
      await expect(page.getByTestId('att-grid')).toBeVisible();
    }
  });
  await test.step('an empty 新增干部 form and a bad channel input speak Chinese', async () => {
    await page.getByRole('menuitem', { name: /干部/ }).first().click();
    await page.getByRole('button', { name: /新增干部/ }).click();
    await page.getByTestId('cadre-save').click();
    const drawer = page.locator('.ant-drawer');
    await expect(drawer.getByText('请填写姓名')).toBeVisible();
    const errors = await drawer.locator('.ant-form-item-explain-error').allTextContents();
    expect(errors.length).toBeGreaterThan(0);
    for (const e of errors) expect(e).not.toMatch(/[A-Za-z]{3,}/);
    await page.screenshot({ path: '/tmp/clerk-empty-form.png' });
    // What a caller without the form's checks gets back from main's dispatch.
    await expect(invoke(page, 'cadres.create', { cadre: {}, posting: null })).rejects.toThrow('cadres.create: 请填写姓名');
    await expect(invoke(page, 'evaluation.results.state', { countyId: 'x', year: 2025 })).rejects.toThrow(/县（市、区）：应为数字/);
  });
});

test('closing the window with unsaved edits is refused by beforeunload', async ({ page, app }) => {
  await openApp(page, app.url);
  await openEvaluationYear(page, YEAR);
  await page.getByRole('tab', { name: '评分' }).click();
  await page.getByTestId('score-grid').locator('input[data-r="1"][data-c="0"]').click();
  await page.keyboard.type('66');
  await expect(page.getByText('1 格未保存')).toBeVisible();
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.type());
    void d.dismiss();
  });
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => dialogs).toEqual(['beforeunload']);
});
