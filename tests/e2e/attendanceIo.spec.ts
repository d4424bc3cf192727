/**
 * Printing and importing a township month on 考勤, in real Chromium over the real bridge and
 * SQLite: the filled and the blank register preview as PDF pages; a township's own .xlsx with
 * an unreadable cell is refused cell by cell, the corrected sheet previews and imports, and the
 * grid shows the 事假 days with the row's totals changed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { TEST_NOW } from '../fixtures/testToday';
import { invoke } from './helpers';
import { countRestDaysOnPost } from './seed';
import type { MonthGrid } from '../../shared/api/attendance';

// First run done with 载入演示数据: a copy of the prepared demo data folder (fixtures.ts).
test.use({ demoOperator: '张晓梅' });

test.describe.configure({ mode: 'serial' });

const now = TEST_NOW;
const prev = new Date(now.getFullYear(), now.getMonth() - 1, 1);
const DAYS = new Date(prev.getFullYear(), prev.getMonth() + 1, 0).getDate();
const LEAVE_DAYS = [6, 7];
const BAD_DAY = 10;
const BAD_CELL = `${String.fromCharCode(65 + BAD_DAY)}2`; // 姓名 in A, day 1 in B → day 10 in K, first data row 2

/** 考勤 for a township (the month defaults to last month); resolves to the grid's first row. */
async function openMonth(page: Page, url: string, township: string): Promise<Locator> {
  await page.goto(url);
  await page.getByRole('menuitem', { name: '考勤' }).click();
  await page.getByTestId('att-township').click();
  await page.locator('.ant-select-item-option', { hasText: township }).click();
  const first = page.getByTestId('att-grid').locator('tbody tr').first();
  await expect(first).toBeVisible();
  return first;
}

/** The grid cell of a day (1-based). */
const dayCell = (row: Locator, day: number) => row.locator(`td[data-c="${day - 1}"]`);

/** A township's sheet: 姓名 and day columns 1..DAYS, one cadre's row with the given day cells (others blank = 在岗). */
async function writeSheet(name: string, cadre: string, cells: Record<number, string>): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('考勤表');
  ws.addRow(['姓名', ...Array.from({ length: DAYS }, (_, i) => i + 1)]);
  ws.addRow([cadre, ...Array.from({ length: DAYS }, (_, i) => cells[i + 1] ?? null)]);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-att-io-')), name);
  await wb.xlsx.writeFile(file);
  return file;
}

// Set up in this process, no page: every test below opens the app itself (issue 15).
test('seed: the demo county counts rest days', async ({ app }) => {
  countRestDaysOnPost(app);
});

for (const [button, what] of [
  ['打印登记表', 'filled'],
  ['打印空白登记表', 'blank'],
] as const) {
  test(`${button} previews the ${what} register as PDF pages`, async ({ page, app }) => {
    await openMonth(page, app.url, '柳河乡');
    await page
      .getByTestId('attendance-io')
      .getByRole('button', { name: new RegExp(`(^| )${button}$`) })
      .click();
    const preview = page.getByRole('dialog').filter({ has: page.getByTestId('register-preview') });
    await expect(preview).toBeVisible({ timeout: 30_000 });
    await expect(preview.locator('.ant-modal-title')).toContainText('柳河乡');
    await expect(preview.locator('.ant-modal-title')).toContainText(/\d+ 人，\d+ 页/);
    const canvas = preview.locator('[data-testid=pdf-preview] canvas').first();
    await expect(canvas).toBeVisible({ timeout: 20_000 });
    expect(await canvas.evaluate((c: HTMLCanvasElement) => c.width)).toBeGreaterThan(100);
    await preview.locator('.ant-modal-footer').getByRole('button', { name: '关闭' }).click();
    await expect(preview).toBeHidden();
  });
}

test('import a sheet: an unknown code is refused by its cell, the corrected sheet imports', async ({ page, app }) => {
  const row = await openMonth(page, app.url, '柳河乡');
  const cadre = (await row.locator('th').first().textContent())!.trim();
  for (const d of LEAVE_DAYS) await expect(dayCell(row, d)).toHaveText('√');
  const onPost = Number(await row.getByTestId('total-onpost').textContent());
  const leave = Number(await row.getByTestId('total-leave').textContent());

  // The sheet repeats what the grid already holds besides 在岗 (the demo's 公出 days), so only the leave changes.
  const townshipId = app.bridge.core.ctx.db.prepare(`SELECT id FROM townships WHERE name = '柳河乡'`).pluck().get() as number;
  const month = `${prev.getFullYear()}-${String(prev.getMonth() + 1).padStart(2, '0')}`;
  const current = await invoke<MonthGrid>(page, 'attendance.grid', { townshipId, month });
  const kept = Object.fromEntries(
    current.rows.find((r) => r.name === cadre)!.cells.flatMap((c, i) => (c[0] !== '在岗' && c[0] === c[1] ? [[i + 1, c[0]]] : [])),
  );
  const leaveCells = Object.fromEntries(LEAVE_DAYS.map((d) => [d, '事假']));
  const bad = await writeSheet('柳河乡考勤表.xlsx', cadre, { ...kept, ...leaveCells, [BAD_DAY]: '迟到' });
  const good = await writeSheet('柳河乡考勤表（改）.xlsx', cadre, { ...kept, ...leaveCells });

  await page.getByTestId('attendance-import-open').click();
  const dialog = page.getByRole('dialog', { name: /导入考勤表/ });
  await dialog.locator('input[type=file]').setInputFiles(bad);
  await expect(dialog.getByTestId('attendance-import-preview')).toBeVisible();
  const errors = dialog.getByTestId('import-errors');
  await expect(errors).toBeVisible();
  const errRow = errors.locator('.ant-table-row');
  await expect(errRow).toHaveCount(1);
  await expect(errRow.locator('td').nth(0)).toHaveText(BAD_CELL);
  await expect(errRow.locator('td').nth(1)).toContainText('无法识别“迟到”');
  const commit = dialog.getByTestId('attendance-import-commit');
  await expect(commit).toBeDisabled();
  await expect(commit).toHaveText('请先修改表格中的错误');

  // Choose the corrected sheet: two whole days of 事假, nothing wrong.
  await dialog.getByRole('button', { name: '重新选择文件' }).click();
  await dialog.locator('input[type=file]').setInputFiles(good);
  await expect(dialog.getByTestId('import-change-count')).toHaveText(`${LEAVE_DAYS.length} 处`);
  const changes = dialog.getByTestId('import-changes').locator('.ant-table-row');
  await expect(changes).toHaveCount(LEAVE_DAYS.length);
  for (let i = 0; i < LEAVE_DAYS.length; i++) {
    await expect(changes.nth(i)).toContainText(cadre);
    await expect(changes.nth(i)).toContainText(`${prev.getMonth() + 1}月${LEAVE_DAYS[i]}日`);
    await expect(changes.nth(i)).toContainText('全天');
    await expect(changes.nth(i)).toContainText('事假');
  }
  await expect(commit).toBeEnabled();
  await expect(commit).toHaveText(`确认导入（${LEAVE_DAYS.length} 处）`);
  await commit.click();
  await expect(dialog.getByTestId('attendance-import-result')).toContainText('已更新 1 名干部');
  await dialog.getByRole('button', { name: '完成' }).click();
  await expect(dialog).toBeHidden();

  for (const d of LEAVE_DAYS) await expect(dayCell(row, d)).toHaveText('事');
  await expect(dayCell(row, BAD_DAY)).toHaveText('√');
  await expect(row.getByTestId('total-leave')).toHaveText(String(leave + LEAVE_DAYS.length));
  await expect(row.getByTestId('total-onpost')).toHaveText(String(onPost - LEAVE_DAYS.length));

  // Saved, not just drawn.
  const again = await openMonth(page, app.url, '柳河乡');
  for (const d of LEAVE_DAYS) await expect(dayCell(again, d)).toHaveText('事');
});
