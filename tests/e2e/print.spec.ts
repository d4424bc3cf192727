/**
 * Printing as a clerk does it: preview one cadre's dossier, then a county batch with progress.
 * The batch runs on the demo's small second county (青石县, 4 cadres, its 2025 imported as a
 * review copy) rather than 岚川县's 20: the same batch, progress line, results and 案卷目录, at a
 * fifth of the dossiers (issue 15: the suite's time).
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';

// First run done with 载入演示数据: a copy of the prepared demo data folder (fixtures.ts).
test.use({ demoOperator: '张晓梅' });

test('preview a dossier and run the county batch', async ({ page, app }) => {
  test.setTimeout(480_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(app.url);
  await expect(page.getByTestId('cadre-count')).toHaveText('共 24 人', { timeout: 60_000 });
  await page.getByRole('menuitem', { name: /档案打印/ }).click();

  // one cadre: search, pick, generate
  await page.getByLabel('选择干部').click();
  await page.getByLabel('选择干部').fill('吴建军');
  await page.locator('.ant-select-item-option', { hasText: '吴建军' }).click();
  await page.getByLabel('选择年度').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '2024年度' }).click();
  // PDF/A offered on the print page: the summary says whether the label was applied
  await page.getByTestId('print-pdfa').check();
  await page.getByRole('button', { name: /生成预览/ }).click();
  await expect(page.getByTestId('preview-summary')).toContainText(/吴建军\.pdf：\d+ 件，共 \d+ 页，PDF\/A-1b/, { timeout: 90_000 });
  const canvas = page.getByTestId('pdf-preview').locator('canvas').first();
  await expect(canvas).toBeVisible({ timeout: 30_000 });
  expect((await canvas.boundingBox())!.width).toBeGreaterThan(300);
  await page.screenshot({ path: '/tmp/w4-print-single.png' });
  // the bridge cannot open the system viewer: it says so
  await page.getByRole('button', { name: /用系统程序打开/ }).click();
  await expect(page.getByText(/浏览器模式下无法调用系统程序.*请用预览上方的“打印”或“下载”/)).toBeVisible();

  // county batch into a folder inside the temp data dir
  await page.getByRole('tab', { name: '全县年度批量生成' }).click();
  await page.getByLabel('选择县').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '青石县' }).click();
  await page.getByLabel('批量年度').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '2025年度' }).click();
  const outDir = path.join(app.dataDir, 'year-end');
  await page.getByLabel('输出文件夹').fill(outDir);
  await page.getByRole('button', { name: /开始生成/ }).click();
  const status = page.getByTestId('batch-status');
  await expect(status).toContainText(/第 \d+ \/ 4 人，已生成 \d+ 页/, { timeout: 30_000 });
  // each line the clerk sees says 正在生成 once (its tag), never again in the detail (issue 14 finding 10)
  const seen: string[] = [];
  await expect
    .poll(
      async () => {
        seen.push(await status.innerText());
        return seen.at(-1)!.includes('已完成');
      },
      { timeout: 120_000 },
    )
    .toBe(true);
  expect(seen.filter((t) => (t.match(/正在生成/g) ?? []).length > 1)).toEqual([]);
  await expect(status).toContainText('第 4 / 4 人');
  await expect(status).toContainText('案卷目录');
  await expect(page.getByRole('row', { name: /许晓燕/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /开始生成/ })).toBeEnabled();
  await expect(page.getByRole('button', { name: /取消/ })).toBeDisabled();
  await page.screenshot({ path: '/tmp/w4-print-batch.png' });
  const files = fs.readdirSync(outDir);
  expect(files.filter((f) => f.endsWith('.pdf'))).toHaveLength(5);
});
