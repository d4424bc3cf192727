/**
 * The foundation as a clerk uses it: first run, roster import with bad rows, pinyin search,
 * cadre detail, dropping files on the bag, preview, a refused file, and a restart.
 */
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { pinyin } from 'pinyin-pro';
import { png } from '../fixtures/makeFiles';
import { makeRosterRows, writeRosterXlsx, type RosterRow } from '../fixtures/makeRoster';
import { expect, test } from './fixtures';
import { dropFiles, firstRun, samplePdf } from './helpers';

test.describe.configure({ mode: 'serial' });

const GOOD = makeRosterRows(12, { seed: 7, dateStyle: 'iso' });
const badId: RosterRow = { ...makeRosterRows(1, { seed: 8, idOffset: 500, dateStyle: 'iso' })[0]! };
badId.身份证号 = `${String(badId.身份证号).slice(0, 17)}${String(badId.身份证号).endsWith('0') ? '1' : '0'}`;
const noName: RosterRow = { ...makeRosterRows(1, { seed: 9, idOffset: 600, dateStyle: 'iso' })[0]!, 姓名: null };
// Header is row 1, good rows 2..13, the bad ones 14 and 15.
const BAD_ID_ROW = 14;
const NO_NAME_ROW = 15;
const target = GOOD[3]!;
const targetName = String(target.姓名);
const targetId = String(target.身份证号);

// The first four steps walk one page from first run to the bag, as a clerk does (they were four
// tests, each loading the app again); the restart keeps its own test.
test('first run, roster import, pinyin search, files dropped on the bag', async ({ page, app }) => {
  test.setTimeout(180_000);
  await page.goto(app.url);
  await test.step('first run: start empty with the operator name', async () => {
    await expect(page.getByText('欢迎使用 OneBag 一袋式档案')).toBeVisible();
    // The operator's name is required.
    await page.getByRole('button', { name: '开始使用' }).click();
    await expect(page.getByText('请填写操作员姓名')).toBeVisible();
    await firstRun(page, '张晓梅', 'empty');
    await expect(page.getByText('还没有登记任何干部')).toBeVisible();
    await expect(page.getByText(/下一步：导入本县的干部花名册/)).toBeVisible();
    await expect(page.getByTestId('status-bar')).toContainText('张晓梅');
    await expect(page.getByTestId('status-bar')).toContainText(app.dataDir);
  });
  await test.step('import a roster with two bad rows', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-roster-')), '青山县选派干部花名册.xlsx');
    await writeRosterXlsx(file, GOOD, [badId, noName]);
    await page.getByRole('button', { name: '导入花名册' }).first().click();
    const dialog = page.getByRole('dialog', { name: '导入花名册' });
    await dialog.locator('input[type=file]').setInputFiles(file);
    const preview = dialog.getByTestId('roster-preview');
    await expect(preview).toBeVisible();
    await expect(preview.locator('.ant-tag', { hasText: '身份证号' })).toBeVisible();
    await expect(dialog.getByTestId('roster-new')).toHaveText('12 人');

    await expect(dialog.getByTestId('roster-good-rows').locator('.ant-table-tbody tr.ant-table-row')).toHaveCount(12);
    const bad = dialog.getByTestId('roster-bad-rows').locator('.ant-table-tbody tr.ant-table-row');
    await expect(bad).toHaveCount(2);
    const rowA = bad.nth(0).locator('td');
    const rowB = bad.nth(1).locator('td');
    await expect(rowA.nth(0)).toHaveText(String(BAD_ID_ROW));
    await expect(rowA.nth(1)).toHaveText(String(badId.姓名));
    await expect(rowA.nth(2)).toContainText('身份证号');
    await expect(rowB.nth(0)).toHaveText(String(NO_NAME_ROW));
    await expect(rowB.nth(2)).toContainText('姓名');
    await expect(dialog.getByTestId('roster-warnings')).toContainText('青山县');

    // Every warning (at least the new county) is ticked before 确认导入 is offered.
    const warnings = dialog.getByTestId('roster-warning');
    await expect(warnings.first()).toBeVisible();
    await expect(dialog.getByTestId('roster-commit')).toBeDisabled();
    for (const w of await warnings.all()) await w.locator('input[type=checkbox]').click();
    await dialog.getByTestId('roster-commit').click();
    await expect(dialog.getByTestId('roster-result')).toContainText('新增 12 人');
    await dialog.getByRole('button', { name: '完成' }).click();
    await expect(page.getByTestId('cadre-count')).toHaveText('共 12 人');
    await expect(page.getByTestId('cadre-table')).toContainText(targetName);
  });
  await test.step('search by pinyin initials; the ID number is masked in the list and full on the detail', async () => {
    const initials = pinyin(targetName, { pattern: 'first', toneType: 'none', type: 'array' }).join('');
    await page.getByTestId('cadre-search').fill(initials);
    const table = page.getByTestId('cadre-table');
    const row = table.locator('.ant-table-row', { hasText: targetName }).first();
    await expect(row).toBeVisible();
    const count = page.getByTestId('cadre-count');
    await expect.poll(async () => Number(/(\d+)/.exec((await count.textContent()) ?? '')?.[1])).toBeLessThan(12);
    await expect(row).toContainText(`${targetId.slice(0, 6)}********${targetId.slice(-4)}`);
    await expect(table).not.toContainText(targetId);

    await row.click();
    await expect(page.getByTestId('cadre-title')).toHaveText(targetName);
    await expect(page.getByTestId('full-id-number')).toHaveText(targetId);
    // dates in the one display format (issue 14 finding 10): the birth date from the ID, the stamps in local time
    const born = targetId.slice(6, 14);
    const info = page.locator('.ant-descriptions');
    await expect(info).toContainText(`${born.slice(0, 4)}年${Number(born.slice(4, 6))}月${Number(born.slice(6, 8))}日`);
    await expect(info).toContainText(/登记时间\s*\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}/);
    await expect(info).not.toContainText(/\d{4}-\d{2}-\d{2}/);
  });
  await test.step('drop a PDF and a PNG on the bag, file them, preview both; a corrupt PDF is refused', async () => {
    // Back to the list by its menu.
    await page.getByRole('menuitem', { name: /干部/ }).first().click();
    await page.getByTestId('cadre-search').fill(targetId);
    await page.getByTestId('cadre-table').locator('.ant-table-row', { hasText: targetName }).first().click();
    await page.getByRole('tab', { name: '资料袋' }).click();
    const zone = page.getByTestId('bag-dropzone');
    await expect(zone.getByTestId('bag-count')).toHaveText('共 0 件材料');

    await dropFiles(zone, [
      { name: '2024年3月5日村情民情台账.pdf', mime: 'application/pdf', bytes: await samplePdf() },
      { name: '调研报告照片.png', mime: 'image/png', bytes: png(64, 48) },
    ]);
    const intake = page.getByRole('dialog', { name: /归档到/ });
    await expect(intake.locator('.ant-table-row')).toHaveCount(2);
    await expect(intake).toContainText('村情民情台账');
    await expect(intake.locator('input[value="2024年3月5日村情民情台账"]')).toBeVisible();
    await expect(intake.locator('input[value="2024-03-05"]')).toBeVisible();
    // A name without a year leaves 年度 empty: it is not filed under a guessed year.
    const photoRow = intake.locator('.ant-table-row', { hasText: '调研报告照片.png' });
    await expect(photoRow.getByTestId('intake-year')).toHaveValue('');
    await intake.getByTestId('intake-file').click();
    await expect(photoRow.getByTestId('intake-row-error')).toHaveText('未能从文件名识别年度，请填写日期或年度');
    await expect(zone.getByTestId('bag-count')).toHaveText('共 1 件材料');
    await photoRow.getByTestId('intake-year').fill('2024');
    await intake.getByTestId('intake-file').click();
    await expect(intake).toBeHidden();
    await expect(zone.getByTestId('bag-count')).toHaveText('共 2 件材料');
    await expect(zone.getByTestId('material-item')).toHaveCount(2);

    // PDF preview renders a canvas.
    await zone.getByTestId('material-file').filter({ hasText: 'PDF' }).click();
    const preview = page.getByRole('dialog').filter({ has: page.getByTestId('file-preview') });
    const canvas = preview.locator('[data-testid=pdf-preview] canvas');
    await expect(canvas).toBeVisible({ timeout: 20_000 });
    await expect(preview).toContainText('共 2 页');
    expect(await canvas.evaluate((c: HTMLCanvasElement) => c.width)).toBeGreaterThan(100);
    await preview.getByTestId('preview-close').click();
    await expect(preview).toBeHidden();

    // Image preview loads.
    await zone.getByTestId('material-file').filter({ hasText: 'PNG' }).click();
    const img = page.getByTestId('image-preview');
    await expect(img).toBeVisible();
    await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.naturalWidth)).toBe(64);
    await page.keyboard.press('Escape');
    await expect(img).toBeHidden();

    // A corrupt PDF is refused with the server's reason and nothing is filed.
    await dropFiles(zone, [
      { name: '损坏的会议记录.pdf', mime: 'application/pdf', bytes: Buffer.from('%PDF-1.7\n1 0 obj <<< broken\n%%EOF') },
    ]);
    const refused = page.getByTestId('refused-files');
    await expect(refused).toContainText('损坏的会议记录.pdf');
    const reason = (await refused.textContent())!.split('：').slice(1).join('：');
    expect(reason.length).toBeGreaterThan(3);
    await expect(intake.getByTestId('intake-file')).toBeDisabled();
    await intake.getByRole('button', { name: '取消' }).click();
    await expect(zone.getByTestId('bag-count')).toHaveText('共 2 件材料');
  });
});

test('after a restart and reload everything is still there', async ({ page, app }) => {
  await app.restart();
  await page.goto(app.url);
  await expect(page.getByText('欢迎使用 OneBag 一袋式档案')).toHaveCount(0);
  await expect(page.getByTestId('cadre-count')).toHaveText('共 12 人');
  await expect(page.getByTestId('status-bar')).toContainText('张晓梅');
  await page.getByTestId('cadre-search').fill(targetId);
  await page.getByTestId('cadre-table').locator('.ant-table-row', { hasText: targetName }).first().click();
  await expect(page.getByTestId('full-id-number')).toHaveText(targetId);
  await page.getByRole('tab', { name: '资料袋' }).click();
  await expect(page.getByTestId('bag-count')).toHaveText('共 2 件材料');
  // The bag lists materials in the archive's category order: 调研报告 before 村情民情台账.
  await expect(page.getByTestId('material-title')).toHaveText(['调研报告照片', '2024年3月5日村情民情台账']);
});
