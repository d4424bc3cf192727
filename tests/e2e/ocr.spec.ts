/**
 * Searchable scans in the UI: a scan's recognised words are found by the global search with
 * 识别文字 and the page; a scan named like a camera's counter gets its title and date from its
 * first page at intake; the status bar shows the queue and pauses it.
 */
import { test, expect } from './fixtures';
import fs from 'node:fs';
import path from 'node:path';
import { startOcrQueue } from '../../main/api/ocrQueue';
import { addMaterial } from '../../main/core/bag/bag';
import { createCadre } from '../../main/core/cadres/cadres';
import { addCounty, addTownship } from '../../main/core/org/org';
import { setPaused } from '../../main/core/ocr/queue';
import { cadreInput } from '../fixtures/cadreInput';
import { SAMPLE_LINES, scanOf, typesetPdf } from '../fixtures/ocrPages';
import { invoke } from './helpers';

test.describe.configure({ mode: 'serial' });
test.setTimeout(240_000);

let cadreId = 0;

test('a scan’s recognised words are found with 识别文字 and the page', async ({ page, app }) => {
  // Seeded in this process before the page's one load (first run itself is foundation.spec.ts's).
  await invoke(app, 'app.setup', { mode: 'empty', operator: '测试员' });
  const { db } = app.bridge.core.ctx;
  const county = addCounty(db, { name: '岚川县', kind: '县' });
  const township = addTownship(db, { countyId: county.id, name: '青石镇' });
  cadreId = createCadre(db, cadreInput({ name: '喆嘉' }), { townshipId: township.id, villageId: null, start: '2024-03-01', end: null }).id;
  const file = path.join(app.dataDir, 'scan.png');
  fs.writeFileSync(file, await scanOf(await typesetPdf(SAMPLE_LINES), { dpi: 150 }));
  await addMaterial(
    db,
    app.bridge.core.blobs,
    cadreId,
    {
      category: '工作汇报',
      title: '第三季度汇报（扫描件）',
      date: '2025-09-30',
      year: 2025,
      responsible: null,
      docNumber: null,
      secrecy: '公开',
      notes: null,
    },
    [{ path: file, name: '第三季度汇报.png' }],
  );
  const runner = startOcrQueue(app.bridge.core, { background: false });
  await runner.drain();
  await runner.stop();

  await page.goto(app.url);
  const searchButton = page.getByRole('button', { name: /搜索干部、材料/ });
  await expect(searchButton).toBeVisible({ timeout: 60_000 });
  await searchButton.click();
  await page.getByTestId('global-search-input').fill('走访农户');
  const results = page.getByTestId('global-search-results');
  await expect(results).toContainText('第三季度汇报（扫描件）');
  const hit = results.getByTestId('search-page-hit').first();
  await expect(hit).toContainText('识别文字 第1页');
  await expect(hit).toContainText('走访农户');
  await page.keyboard.press('Escape');
});

test('a scan named IMG_0001 gets title and date from its first page at intake', async ({ page, app }) => {
  await page.goto(app.url);
  await expect(page.getByText('喆嘉', { exact: true }).first()).toBeVisible({ timeout: 60_000 });
  await page.getByText('喆嘉', { exact: true }).first().click();
  await page.getByRole('tab', { name: '资料袋' }).click();
  const notice = ['青石镇驻村工作队', '关于第三季度驻村工作情况的汇报', '本季度走访农户一百二十户。', '青石镇驻村工作队', '2025年9月30日'];
  const bytes = await scanOf(await typesetPdf(notice), { dpi: 150 });
  await page.getByTestId('bag-file-input').setInputFiles({ name: 'IMG_0001.png', mimeType: 'image/png', buffer: bytes });
  const intake = page.getByRole('dialog', { name: /归档到/ });
  await expect(intake.getByTestId('intake-page-hint')).toContainText('已按原件首页文字填写', { timeout: 120_000 });
  await expect(intake.locator('.ant-table-row input[maxlength="200"]').first()).toHaveValue('关于第三季度驻村工作情况的汇报');
  await intake.getByRole('button', { name: '取消' }).click();
});

test('the status bar shows the paused queue and resumes it', async ({ page, app }) => {
  setPaused(app.bridge.core.ctx.db, true);
  await page.goto(app.url);
  await expect(page.getByText('喆嘉', { exact: true }).first()).toBeVisible({ timeout: 60_000 });
  await page.getByText('喆嘉', { exact: true }).first().click();
  await page.getByRole('tab', { name: '资料袋' }).click();
  // Everything was read: 全部识别 queues nothing new.
  await page.getByTestId('bag-ocr-all').click();
  await expect(page.getByText('本资料袋的原件都已识别')).toBeVisible();
  // A fresh file goes into the queue by itself; paused, it waits.
  const file = path.join(app.dataDir, 'more.png');
  fs.writeFileSync(file, await scanOf(await typesetPdf(['补充材料']), { dpi: 100 }));
  await addMaterial(
    app.bridge.core.ctx.db,
    app.bridge.core.blobs,
    cadreId,
    {
      category: '其他佐证材料',
      title: '补充材料',
      date: null,
      year: 2025,
      responsible: null,
      docNumber: null,
      secrecy: '公开',
      notes: null,
    },
    [{ path: file, name: '补充材料.png' }],
  );
  await page.reload();
  const item = page.getByTestId('status-ocr');
  await expect(item).toBeVisible({ timeout: 60_000 });
  await expect(item).toContainText('文字识别已暂停（待识别 1 个文件）', { timeout: 15_000 });
  await item.click();
  await expect(item).toContainText('文字识别：');
});
