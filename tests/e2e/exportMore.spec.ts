/**
 * The lists that gained 导出Excel last (季度调度, 表彰与提拔, 请假登记, 工作日志), read back with exceljs
 * against the screen's headers and a visible row; and where the review-copy banner shows: only
 * where records of the imported county are on screen. The statistics page keeps its county on
 * return. Real Chromium over the real bridge, on a small county seeded through the channels plus
 * a second county marked imported the way an exchange import leaves it. The bridge's clock is
 * fixed to mid-2025 while this file runs, so the pages open on the seeded year.
 */
import type { Page } from '@playwright/test';
import { fixToday } from '../../main/core/runtime/clock';
import { certifyMonths } from '../integration/certifyFixture';
import { expect, test } from './fixtures';
import { exported, invoke, openEvaluationYear, screenHeaders } from './helpers';
import { openApp, seedSmallCounty, type SmallCounty } from './seed';

test.describe.configure({ mode: 'serial', timeout: 240_000 });

const ORIGIN = 'B1B1-C2C2-D3D3-E4E4';
let county: SmallCounty;
let copy: { countyId: number; cadre: string };
let restoreToday: () => void;
test.beforeAll(() => {
  restoreToday = fixToday('2025-06-16');
});
test.afterAll(() => restoreToday());

/** The texts of a visible table row's cells (without the action column), as the clerk reads them. */
async function rowTexts(page: Page, testId: string, hasText: string, cells: number): Promise<string[]> {
  const row = page.locator(`[data-testid="${testId}"] .ant-table-row`, { hasText });
  const texts = await row.locator('td').allInnerTexts();
  return texts.slice(0, cells).map((t) => t.trim());
}

const banner = (page: Page) => page.getByTestId('readonly-banner');

test('seed: an own county with a quarter, an outcome, leave and a log; an imported county', async ({ app }) => {
  county = await seedSmallCounty(app, 4, '2024-03-01');
  const [a, b] = county.cadres;
  await invoke(app, 'scheduling.save', {
    countyId: county.countyId,
    year: 2025,
    quarter: 1,
    meetingDate: '2025-04-08',
    place: '县委组织部会议室',
    chairedBy: '县委组织部',
    progress: [{ cadreId: a!.id, progress: '完成春耕备耕走访', problems: '灌溉水源不足', nextSteps: '争取水利项目' }],
  });
  await invoke(app, 'evaluation.outcomes.save', {
    cadreId: b!.id,
    year: 2025,
    kind: '表彰',
    date: '2025-05-20',
    note: '市级优秀第一书记',
  });
  await invoke(app, 'attendance.leave.add', {
    cadreId: a!.id,
    type: '事假',
    start: '2025-05-12',
    startHalf: '上',
    end: '2025-05-12',
    endHalf: '下',
    reason: '家中有事',
  });
  await invoke(app, 'worklog.save', {
    cadreId: a!.id,
    rows: [{ date: '2025-03-05', kind: '走访', place: '东村', persons: '张大爷', situation: '了解春耕备耕情况' }],
  });

  // Two certified months of one township: the statistics share counts them, the other months are 未认定.
  certifyMonths(app.bridge.core.ctx.db, [county.townships[0]!.id], ['2025-03', '2025-04'], '2025-06-16');

  // 青石县, as another department's bundle leaves it: its rows, then marked imported (read-only).
  const { id: countyId } = await invoke<{ id: number }>(app, 'org.addCounty', { name: '青石县', kind: '县' });
  const { id: townshipId } = await invoke<{ id: number }>(app, 'org.addTownship', { countyId, name: '青石镇' });
  const { id: villageId } = await invoke<{ id: number }>(app, 'org.addVillage', { townshipId, name: '石门村' });
  await invoke(app, 'cadres.create', {
    cadre: {
      name: '青石干部',
      gender: '男',
      birthDate: null,
      idNumber: '130702198505050019',
      partyStatus: '中共党员',
      phone: null,
      unitId: null,
      level: '县级',
      postType: '村党组织第一书记',
    },
    posting: { townshipId, villageId, start: '2024-03-01', end: null },
  });
  const db = app.bridge.core.ctx.db;
  const guard = !!db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'exchange_guard'`).get();
  db.transaction(() => {
    if (guard) db.prepare('UPDATE exchange_guard SET enabled = 0 WHERE id = 1').run();
    db.prepare('UPDATE counties SET origin = ? WHERE id = ?').run(ORIGIN, countyId);
    if (guard) db.prepare('UPDATE exchange_guard SET enabled = 1 WHERE id = 1').run();
  })();
  copy = { countyId, cadre: '青石干部' };
});

test('季度调度, 表彰与提拔, 请假登记 and 工作日志 export what the screen shows', async ({ page, app }) => {
  await openApp(page, app.url);
  const [a, b] = county.cadres;
  const t0 = county.townships[0]!;

  await page.getByRole('menuitem', { name: '项目与帮扶' }).click();
  await page.getByRole('tab', { name: '季度调度' }).click();
  await page.getByTestId('quarter-1').click();
  await expect(page.getByTestId(`progress-${a!.id}-progress`)).toHaveValue('完成春耕备耕走访');
  // a progress typed but not yet saved is exported as it reads
  await page.getByTestId(`progress-${b!.id}-progress`).fill('走访脱贫户');
  const scheduling = await exported(page, '清河县2025年第一季度工作调度.xlsx');
  expect(scheduling.name).toBe('2025年第一季度工作调度');
  expect(scheduling.header).toEqual(await screenHeaders(page, 'scheduling-table'));
  expect(scheduling.header).toEqual(['干部', '工作进展', '存在的问题', '下一步计划', '工作报告及报送']);
  const schedRow = (name: string) => scheduling.body.find((r) => String(r[0]).startsWith(name))!;
  expect(schedRow(a!.name)).toEqual([
    `${a!.name} ${t0.name} ${t0.villages[0]!.name}`,
    '完成春耕备耕走访',
    '灌溉水源不足',
    '争取水利项目',
    '本季度报告未提交',
  ]);
  expect(schedRow(b!.name)[1]).toBe('走访脱贫户');
  expect(scheduling.body).toHaveLength(county.cadres.length);
  await page.screenshot({ path: '/tmp/excel-scheduling-1366.png' });

  await openEvaluationYear(page, 2025);
  await page.getByRole('tab', { name: '表彰与提拔' }).click();
  await expect(page.getByTestId('outcome-table')).toContainText('市级优秀第一书记');
  const outcomes = await exported(page, '2025年度表彰与提拔.xlsx');
  expect(outcomes.name).toBe('2025年度表彰与提拔');
  expect(outcomes.header).toEqual(await screenHeaders(page, 'outcome-table'));
  expect(outcomes.body).toEqual([await rowTexts(page, 'outcome-table', b!.name, outcomes.header.length)]);
  expect(outcomes.body[0]![3]).toBe('2025年5月20日');
  await page.screenshot({ path: '/tmp/excel-outcomes-1366.png' });

  await page.getByRole('menuitem', { name: '考勤' }).click();
  await page.getByText('请假登记', { exact: true }).click();
  await expect(page.getByTestId('leave-table')).toContainText('家中有事');
  // the grid's own export gives way to the leave list's
  await expect(page.getByTestId('export-xlsx')).toHaveCount(1);
  const leave = await exported(page, `${t0.name}2025年5月请假登记.xlsx`);
  expect(leave.header).toEqual(await screenHeaders(page, 'leave-table'));
  expect(leave.body.map((r) => r.map(String))).toEqual([await rowTexts(page, 'leave-table', a!.name, leave.header.length)]);
  await page.screenshot({ path: '/tmp/excel-leave-1366.png' });

  await page.getByRole('menuitem', { name: '工作记录' }).click();
  await page.getByTestId('worklog-cadre-picker').click();
  await page.keyboard.type(a!.name);
  await page.locator('.ant-select-item-option', { hasText: a!.name }).first().click();
  await expect(page.getByLabel('第1行情况')).toHaveValue('了解春耕备耕情况');
  const log = await exported(page, `${a!.name}2025年工作日志.xlsx`);
  const logHeaders = (await page.locator('[data-testid="worklog-table"] thead th').allInnerTexts()).map((x) => x.trim()).filter(Boolean);
  expect(log.header).toEqual(logHeaders);
  expect(log.body).toHaveLength(1);
  const shown = await Promise.all(['日期', '类型', '地点', '走访对象', '情况'].map((h) => page.getByLabel(`第1行${h}`).inputValue()));
  expect(log.body[0]!.slice(0, 6)).toEqual([1, ...shown]);
  await page.screenshot({ path: '/tmp/excel-worklog-1366.png' });
  // Same page as the exports above (it was a second test loading the app); back to the list by its menu.
  await test.step('the review-copy banner shows only where imported records are on screen; statistics keep the county', async () => {
    await page.getByRole('menuitem', { name: '干部' }).click();
    // The cadre list shows the imported county's cadre: the banner names the copy.
    await expect(page.getByTestId('cadre-table')).toContainText(copy.cadre);
    await expect(banner(page)).toContainText('青石县：评审副本（只读）');

    // The own county's quarter: no banner; the imported county's: the banner.
    await page.getByRole('menuitem', { name: '项目与帮扶' }).click();
    await page.getByRole('tab', { name: '季度调度' }).click();
    await expect(page.getByRole('button', { name: '保存调度会' })).toBeVisible();
    await expect(banner(page)).toHaveCount(0);
    await page.getByLabel('县（市、区）').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '青石县' }).click();
    await expect(page.getByText('青石县 2025年', { exact: false }).first()).toBeVisible();
    await expect(banner(page)).toContainText('青石县');
    // its export stays usable on the read-only copy
    await expect(page.getByTestId('export-xlsx')).toBeEnabled();

    // 考勤 of an own township: no banner.
    await page.getByRole('menuitem', { name: '考勤' }).click();
    await expect(page.getByTestId('att-grid')).toBeVisible();
    await expect(banner(page)).toHaveCount(0);

    // Statistics open on the city (both counties on screen), then the own county: no banner.
    await page.getByRole('menuitem', { name: '统计' }).click();
    await expect(page.getByTestId('county-table')).toBeVisible();
    await expect(banner(page)).toContainText('青石县');
    await page.getByTestId('stats-county').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '清河县' }).click();
    await expect(page.getByTestId('township-table')).toBeVisible();
    await expect(banner(page)).toHaveCount(0);
    // Uncertified months are said under the share, not squeezed beside it.
    await expect(page.getByTestId('note-attendance')).toContainText(/\d+个人月考勤未经乡镇党委认定（未认定），不计入达标率/);
    await expect(page.getByTestId('value-attendance')).toHaveText(/^\d+\.\d%$/);
    await page.screenshot({ path: '/tmp/excel-stats-1366.png' });

    // Leaving and coming back keeps the county.
    await page.getByRole('menuitem', { name: '考勤' }).click();
    await expect(page.getByTestId('att-grid')).toBeVisible();
    await page.getByRole('menuitem', { name: '统计' }).click();
    await expect(page.getByTestId('township-table')).toBeVisible();
    await expect(page.getByTestId('stats-county')).toContainText('清河县');
    await expect(page.getByTestId('back-to-city')).toBeVisible();

    // The same screens at 1920×1080, looked at by the author.
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.screenshot({ path: '/tmp/excel-stats-1920.png' });
    await page.getByRole('menuitem', { name: '项目与帮扶' }).click();
    await page.getByRole('tab', { name: '季度调度' }).click();
    await expect(page.getByTestId('scheduling-table')).toBeVisible();
    await page.screenshot({ path: '/tmp/excel-scheduling-1920.png' });
    await page.getByRole('menuitem', { name: /考核评价/ }).click();
    await page.getByRole('tab', { name: '表彰与提拔' }).click();
    await expect(page.getByTestId('outcome-table')).toBeVisible();
    await page.screenshot({ path: '/tmp/excel-outcomes-1920.png' });
    // 考核评价 keeps its county too: the imported one picked, another page, back on it.
    await page.getByLabel('县（市、区）').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '青石县' }).click();
    await expect(banner(page)).toContainText('青石县');
    await page.getByRole('menuitem', { name: '统计' }).click();
    await expect(page.getByTestId('township-table')).toBeVisible();
    await page.getByRole('menuitem', { name: /考核评价/ }).click();
    await expect(page.getByTestId('outcome-table')).toBeVisible();
    await expect(page.locator('.ob-page-title')).toContainText('青石县');
    await expect(banner(page)).toContainText('青石县');
    await page.getByRole('menuitem', { name: '考勤' }).click();
    await page.getByText('请假登记', { exact: true }).click();
    await expect(page.getByTestId('leave-table')).toBeVisible();
    await page.screenshot({ path: '/tmp/excel-leave-1920.png' });
  });
});
