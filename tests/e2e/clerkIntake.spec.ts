/**
 * Intake and roster import as a clerk does them (issue 14, items 6 and 7), in real Chromium over
 * the real bridge on a small county seeded through the channels (no demo load): 批量归档 files
 * for several cadres in one table, the cadre, year, date and 责任者 suggested, the same file twice
 * warned and filed only when confirmed; the roster preview lists its rows and asks, one tick per
 * warning, before creating a village, a second 第一书记 or a defaulted 政治面貌.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures';
import { samplePdf } from './helpers';
import { png } from '../fixtures/makeFiles';
import { makeIdNumber, writeRosterXlsx, type RosterRow } from '../fixtures/makeRoster';
import { openApp, seedSmallCounty, type SmallCounty } from './seed';

test.describe.configure({ mode: 'serial', timeout: 180_000 });

let county: SmallCounty;
const shots = path.join(__dirname, '..', '..', 'test-results', 'clerk-intake');

test('seed a small county', async ({ app }) => {
  county = await seedSmallCounty(app, 3, '2024-03-01');
  expect(county.cadres.map((c) => c.name)).toEqual(['王建国', '李秀英', '张伟']);
});

test('批量归档: files for three cadres in one table, a duplicate filed only when confirmed', async ({ page, app }) => {
  await openApp(page, app.url);
  await page.getByRole('menuitem', { name: /资料袋/ }).click();
  const photo = png(80, 60);
  await page.getByTestId('batch-file-input').setInputFiles([
    { name: '王建国2025年第三季度驻村工作汇报.pdf', mimeType: 'application/pdf', buffer: await samplePdf() },
    { name: '李秀英 2025年3月工作日志.png', mimeType: 'image/png', buffer: photo },
    { name: '村委会议照片.png', mimeType: 'image/png', buffer: photo },
  ]);
  const dialog = page.getByRole('dialog', { name: '批量归档到多名干部的资料袋' });
  const rows = dialog.locator('.ant-table-tbody tr.ant-table-row');
  await expect(rows).toHaveCount(3);
  const [report, log, meeting] = [rows.nth(0), rows.nth(1), rows.nth(2)];
  await expect(report.getByTestId('intake-cadre')).toContainText('王建国');
  await expect(report.locator('input[value="2025-09-30"]')).toBeVisible();
  await expect(report.getByTestId('intake-year')).toHaveValue('2025');
  await expect(report.getByTestId('intake-responsible')).toHaveValue('王建国（县农业农村局）');
  await expect(log.getByTestId('intake-cadre')).toContainText('李秀英');
  await expect(log.locator('input[value="2025-03-31"]')).toBeVisible();
  await expect(meeting.getByTestId('intake-cadre')).toContainText('选择干部');
  await expect(meeting.getByTestId('intake-year')).toHaveValue('');
  await expect(meeting.getByTestId('intake-duplicate')).toContainText(
    '「村委会议照片.png」与本次添加的「李秀英 2025年3月工作日志.png」内容相同',
  );
  fs.mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: path.join(shots, 'batch-1366.png') });

  // 归档 files the two good rows; the third stays with its reason in Chinese.
  await dialog.getByTestId('intake-file').click();
  await expect(rows).toHaveCount(1);
  const left = rows.first();
  await expect(left.getByTestId('intake-row-error')).toHaveText('请选择干部');
  // The photo it repeats is filed now: the warning names it.
  await expect(left.getByTestId('intake-duplicate')).toContainText('与「李秀英 2025年3月工作日志」（李秀英，本次已归档）内容相同');
  await left.getByTestId('intake-cadre').click();
  await page.locator('.ant-select-item-option', { hasText: '张伟' }).click();
  await expect(left.getByTestId('intake-responsible')).toHaveValue('张伟（县农业农村局）');
  await left.getByTestId('intake-year').fill('2025');
  await dialog.getByTestId('intake-file').click();
  await expect(left.getByTestId('intake-row-error')).toHaveText('内容与已有材料相同；如确需再次归档，请勾选“仍然归档”');
  await left.getByTestId('intake-duplicate-confirm').click();
  await dialog.getByTestId('intake-file').click();
  await expect(dialog).toBeHidden();

  const { db } = app.bridge.core.ctx;
  const filed = db
    .prepare('SELECT c.name, m.title, m.date, m.year, m.responsible FROM materials m JOIN cadres c ON c.id = m.cadre_id ORDER BY m.id')
    .all();
  expect(filed).toEqual([
    { name: '王建国', title: '王建国2025年第三季度驻村工作汇报', date: '2025-09-30', year: 2025, responsible: '王建国（县农业农村局）' },
    { name: '李秀英', title: '李秀英 2025年3月工作日志', date: '2025-03-31', year: 2025, responsible: '李秀英（县农业农村局）' },
    { name: '张伟', title: '村委会议照片', date: null, year: 2025, responsible: '张伟（县农业农村局）' },
  ]);
  // Same page, the list by its menu (it was a second test loading the app).
  await test.step('roster preview lists the rows and asks before a new village, a second 第一书记 and a defaulted 政治面貌', async () => {
    // 王建国 is 第一书记 of 柳河乡 东村 (seeded); the sheet brings another, and a new village.
    const headers = ['姓名', '身份证号', '任职类型', '县(市、区)', '乡镇', '村', '任职开始', '政治面貌'];
    const rows = [
      {
        姓名: '马晓东',
        身份证号: makeIdNumber('130702', '1990-05-06', 7, true),
        任职类型: '第一书记',
        '县(市、区)': '清河县',
        乡镇: '柳河乡',
        村: '东村',
        任职开始: '2025-04-01',
        政治面貌: '中共党员',
      },
      {
        姓名: '高丽娟',
        身份证号: makeIdNumber('130702', '1992-08-09', 8, false),
        任职类型: '驻村工作队员',
        '县(市、区)': '清河县',
        乡镇: '石桥镇',
        村: '新庄村',
        任职开始: '2025-04-01',
        政治面貌: null,
      },
    ] as unknown as RosterRow[];
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-clerk-roster-')), '补充花名册.xlsx');
    await writeRosterXlsx(file, rows, [], { headers });
    await page.getByRole('menuitem', { name: '干部' }).click();

    await page.getByRole('button', { name: '导入花名册' }).first().click();
    const dialog = page.getByRole('dialog', { name: '导入花名册' });
    await dialog.locator('input[type=file]').setInputFiles(file);
    const good = dialog.getByTestId('roster-good-rows').locator('.ant-table-tbody tr.ant-table-row');
    await expect(good).toHaveCount(2);
    await expect(good.nth(0)).toContainText('马晓东');
    await expect(good.nth(0)).toContainText('1990年5月6日');
    await expect(good.nth(1)).toContainText('中共党员（未填）');
    await expect(dialog.getByTestId('roster-derived')).toContainText('性别');
    await expect(dialog.getByTestId('roster-derived')).toContainText('出生年月');
    await expect(dialog.getByTestId('roster-absent')).not.toContainText('出生年月');

    const warnings = dialog.getByTestId('roster-warning');
    await expect(warnings).toHaveCount(3);
    await expect(warnings.nth(0)).toContainText('清河县 / 石桥镇 / 新庄村');
    await expect(warnings.nth(1)).toContainText('将同时有 2 名第一书记：王建国（已在任）、马晓东（第2行）');
    await expect(warnings.nth(2)).toContainText('第3行未填写政治面貌，将记为“中共党员”');
    await page.screenshot({ path: path.join(shots, 'roster-1366.png') });
    const commit = dialog.getByTestId('roster-commit');
    for (let i = 0; i < 3; i++) {
      await expect(commit).toBeDisabled();
      await expect(commit).toContainText(`请先确认 ${3 - i} 条提示`);
      await warnings.nth(i).locator('input[type=checkbox]').click();
    }
    await expect(commit).toBeEnabled();
    await commit.click();
    await expect(dialog.getByTestId('roster-result')).toContainText('新增 2 人');
    const { db } = app.bridge.core.ctx;
    expect(db.prepare(`SELECT name FROM villages WHERE name = '新庄村'`).pluck().all()).toEqual(['新庄村']);
  });
});
