/**
 * 村集体经济 and 季度调度 (issue 13 items 5 and 8) in real Chromium over the real bridge, on a small
 * county seeded through the channels (no demo load): incomes typed into the table and their
 * figures, an .xlsx import refused with its row errors then accepted, and a quarter's 调度会
 * recorded with a cadre's progress. Years are chosen explicitly (no dependence on today).
 */
import { writeSheetFile } from '../fixtures/makeFiles';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { IncomeTable } from '../../shared/villageIncome';
import type { QuarterSummary } from '../../shared/scheduling';
import { expect, test } from './fixtures';
import { invoke, noHorizontalOverflow } from './helpers';
import { openApp, seedSmallCounty, type SmallCounty } from './seed';

test.describe.configure({ mode: 'serial', timeout: 180_000 });

let county: SmallCounty;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-income-e2e-'));

const sheet = (name: string, rows: unknown[][]) => writeSheetFile(path.join(tmp, name), rows);

test('seed a small county', async ({ app }) => {
  county = await seedSmallCounty(app, 4, '2023-03-01');
});

test('incomes and an import, a quarter’s 调度会, the weak village’s successor', async ({ page, app }) => {
  await openApp(page, app.url);
  await page.getByRole('menuitem', { name: '项目与帮扶' }).click();
  await page.getByRole('tab', { name: '村集体经济' }).click();
  await page.getByTestId('work-year').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '2024年' }).click();
  const [east, west] = county.townships[0]!.villages;
  await page.getByTestId(`income-${east!.id}`).fill('80000');
  await page.getByTestId(`income-${west!.id}`).fill('0');
  await page.getByTestId('income-save').click();
  const summary = page.getByTestId('income-summary');
  await expect(summary).toContainText('2 / 6');
  await expect(summary).toContainText('空壳村（收入为0）1');
  await expect(summary).toContainText('收入5万元以上村（2023年 0）1');
  const table = await invoke<IncomeTable>(page, 'villages.income.table', { countyId: county.countyId, year: 2024 });
  expect(table.rows.filter((r) => r.incomeFen !== null).map((r) => [r.village, r.incomeFen])).toEqual([
    ['东村', 8_000_000],
    ['西村', 0],
  ]);

  // A sheet with an unknown village: the preview names the row, nothing can be imported.
  await page.getByTestId('income-import').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByTestId('income-import-file').setInputFiles(
    await sheet('bad.xlsx', [
      ['乡镇', '村', '2024年村集体经济收入（万元）'],
      ['石桥镇', '北村', 6],
      ['石桥镇', '后村', 2],
    ]),
  );
  await expect(dialog).toContainText('有1行有误');
  await expect(dialog).toContainText('本县没有“石桥镇后村”');
  await expect(dialog.getByTestId('income-import-commit')).toBeDisabled();
  await page.screenshot({ path: path.join(tmp, 'income-import-errors.png') });
  await dialog.getByTestId('income-import-file').setInputFiles(
    await sheet('good.xlsx', [
      ['乡镇', '村', '2024年村集体经济收入（万元）'],
      ['石桥镇', '北村', 6],
      ['石桥镇', '中村', 2.5],
    ]),
  );
  await expect(dialog).toContainText('2个村将新增或修改');
  await dialog.getByTestId('income-import-commit').click();
  await expect(dialog).toBeHidden();
  await expect(summary).toContainText('4 / 6');
  await expect(summary).toContainText('收入5万元以上村（2023年 0）2');
  expect(await page.evaluate(() => document.body.innerText.includes('未录入'))).toBe(true);
  const o = await noHorizontalOverflow(page);
  expect(o.scrollWidth).toBeLessThanOrEqual(o.innerWidth);
  await page.screenshot({ path: path.join(tmp, 'income-table.png') });
  // Same page, another tab (it was a second test loading the app).
  await test.step('record a quarter’s 调度会 with a cadre’s progress', async () => {
    await page.getByRole('menuitem', { name: '项目与帮扶' }).click();
    await page.getByRole('tab', { name: '季度调度' }).click();
    await page.getByTestId('work-year').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '2024年' }).click();
    await expect(page.getByTestId('quarter-1')).toContainText('未调度');
    await page.getByTestId('quarter-1').click();
    const date = page.getByTestId('meeting-date').locator('input').or(page.locator('.ant-picker input').first()).first();
    await date.click();
    await date.fill('2024-04-08');
    await date.press('Enter');
    const cadre = county.cadres[0]!;
    await page.getByTestId(`progress-${cadre.id}-progress`).fill('完成村集体经济合作社注册');
    await page.getByTestId('meeting-save').click();
    await expect(page.getByTestId('quarter-1')).toContainText('已调度');
    const year = await invoke<QuarterSummary[]>(page, 'scheduling.year', { countyId: county.countyId, year: 2024 });
    expect(year[0]).toMatchObject({ state: '已调度', meetingDate: '2024-04-08', cadres: 4, withProgress: 1 });
    await page.screenshot({ path: path.join(tmp, 'scheduling.png') });
  });
  // Same page: the weak village is listed through its channel, then the 薄弱村 tab loads it (it was a third test loading the app).
  await test.step('the first secretary supports the weak village; 召回调换 asks for the successor', async () => {
    const [secretary, successor] = [county.cadres[0]!, county.cadres[2]!];
    await invoke(page, 'work.weak.save', { villageId: secretary.villageId, listedYear: 2023, notes: null });
    await page.getByRole('menuitem', { name: '项目与帮扶' }).click();
    await page.getByRole('tab', { name: '薄弱村' }).click();
    // Nobody was named: the first secretary supports the village from the posting.
    await expect(page.getByTestId('weak-posted-supporters')).toContainText(`${secretary.name}（村党组织第一书记）`);
    // Posted since 2023-03-01 with no milestone: 增收渠道 (due 2025-02-28) calls for 召回调换.
    await page.getByTestId(`record-action-${secretary.id}-增收渠道`).click();
    const action = page.getByRole('dialog', { name: /记录处理/ });
    await expect(action).toContainText('按规定应予召回调换');
    await action.getByRole('button', { name: '记录在案' }).click();
    const dialog = page.getByRole('dialog', { name: '指定接任人' });
    await expect(dialog).toContainText(`${secretary.name}（村党组织第一书记）已于`);
    await page.screenshot({ path: path.join(tmp, 'successor.png') });
    const select = dialog.getByTestId('successor-cadre').locator('input');
    await select.click();
    await select.fill(successor.name);
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: successor.name }).first().click();
    await dialog.getByRole('button', { name: '确定接任' }).click();
    await expect(dialog).toBeHidden();
    const [w] = await invoke<Array<{ awaitingSuccessor: unknown[]; supporters: Array<{ cadreId: number; byPosting: boolean }> }>>(
      page,
      'work.weak.list',
      { villageId: secretary.villageId },
    );
    expect(w!.awaitingSuccessor).toEqual([]);
    // The successor now holds the village's posting (from the day after the recall).
    const d = await invoke<{ postings: Array<{ villageId: number | null; end: string | null }> }>(page, 'cadres.get', { id: successor.id });
    expect(d.postings.some((p) => p.villageId === secretary.villageId && p.end === null)).toBe(true);
    const s = await invoke<{ postings: Array<{ villageId: number | null; end: string | null }> }>(page, 'cadres.get', { id: secretary.id });
    expect(s.postings.find((p) => p.villageId === secretary.villageId)!.end).not.toBeNull();
    await page.screenshot({ path: path.join(tmp, 'weak-after.png'), fullPage: true });
  });
});
