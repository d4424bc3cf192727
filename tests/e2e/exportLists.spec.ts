/**
 * 导出Excel on every list a clerk sees (issue 14, item 5), in real Chromium over the real
 * bridge on a small county seeded through the channels: each screen's download is read back
 * with exceljs and its headers compared with the headers the screen shows, its rows with the
 * records; the month grid's ARIA grid roles and arrow keys. The bridge's clock is fixed to mid-2025 while this file runs, so the pages open on the seeded year.
 */
import type { Page } from '@playwright/test';
import { fixToday } from '../../main/core/runtime/clock';
import { png } from '../fixtures/makeFiles';
import { expect, test } from './fixtures';
import { dropFiles, exported, invoke, screenHeaders } from './helpers';
import { openApp, seedSmallCounty, type SmallCounty } from './seed';

test.describe.configure({ mode: 'serial', timeout: 240_000 });

let county: SmallCounty;
let restoreToday: () => void;
test.beforeAll(() => {
  restoreToday = fixToday('2025-06-16');
});
test.afterAll(() => restoreToday());

async function open(page: Page, url: string) {
  await openApp(page, url);
}

test('seed', async ({ app }) => {
  county = await seedSmallCounty(app, 4, '2024-03-01');
  const [a, b] = county.cadres;
  await invoke(app, 'events.save', {
    event: { townshipId: a!.townshipId, kind: '重要会议', title: '镇党委扩大会', date: '2025-05-10', place: '镇政府', notes: null },
    expected: [{ cadreId: a!.id, present: false, absenceReason: '未请假' }],
  });
  const project = await invoke<{ id: number }>(app, 'work.projects.save', {
    project: {
      cadreId: b!.id,
      villageId: b!.villageId,
      name: '食用菌大棚',
      kind: '产业发展',
      year: 2025,
      status: '在建',
      funds: [],
      inPark: false,
      notes: null,
    },
  });
  await invoke(app, 'work.projects.publicise', { id: project.id, date: '2025-05-20', place: '村务公开栏' });
  await invoke(app, 'work.weak.save', { villageId: a!.villageId, listedYear: 2025, notes: null });
});

test('events, projects, weak villages, support: the screen’s columns and rows', async ({ page, app }) => {
  await open(page, app.url);
  await page.getByRole('menuitem', { name: '五必到与督查' }).click();
  await expect(page.getByTestId('event-table')).toContainText('镇党委扩大会');
  const events = await exported(page, '2025年五必到.xlsx');
  expect(events.header).toEqual(await screenHeaders(page, 'event-table'));
  expect(events.body).toEqual([
    ['2025年5月10日', county.townships[0]!.name, '重要会议', '镇党委扩大会', '镇政府', 1, 0, `1 人：${county.cadres[0]!.name}`],
  ]);

  await page.getByRole('menuitem', { name: '项目与帮扶' }).click();
  await page.getByRole('tab', { name: '项目' }).click();
  await expect(page.getByTestId('project-table')).toContainText('食用菌大棚');
  const projects = await exported(page, '2025年项目.xlsx');
  expect(projects.header).toEqual(await screenHeaders(page, 'project-table'));
  expect(projects.body).toHaveLength(1);
  expect(projects.body[0]!.slice(0, 2)).toEqual(['食用菌大棚', county.cadres[1]!.name]);
  // dates read as everywhere else on screen and in the sheet (issue 14, finding 10)
  await expect(page.getByTestId('project-table')).toContainText('2025年5月20日 村务公开栏');
  expect(projects.body[0]![7]).toBe('2025年5月20日 村务公开栏');

  await page.getByRole('tab', { name: '保障' }).click();
  await expect(page.getByTestId('support-table')).toBeVisible();
  await page.getByText('只看市级选派干部').click();
  await expect(page.getByTestId('support-table').locator('.ant-table-row')).toHaveCount(county.cadres.length);
  const support = await exported(page, '2025年补助与保障.xlsx');
  expect(support.header).toEqual(await screenHeaders(page, 'support-table'));
  expect(support.body.map((r) => r[0]).sort()).toEqual(county.cadres.map((c) => c.name).sort());

  await page.getByRole('tab', { name: '薄弱村' }).click();
  const weak = await exported(page, '集体经济薄弱村.xlsx');
  expect(weak.header).toEqual(['村', '最近收入', '状态']);
  // The state (薄弱 / 逾期N) is whatever the row shows; overdue milestones follow the server's clock.
  const state = (
    await page.locator('.ant-table-row', { hasText: county.townships[0]!.villages[0]!.name }).locator('td').nth(2).innerText()
  ).trim();
  expect(state).toMatch(/^(薄弱|逾期\d+)$/);
  expect(weak.body).toEqual([[`${county.townships[0]!.name} ${county.townships[0]!.villages[0]!.name}`, '—', state]]);

  // 村集体经济 (issue 14, finding 11): every village of the county, the year's income as typed or 未录入
  await page.getByRole('tab', { name: '村集体经济' }).click();
  await expect(page.getByTestId('income-table')).toBeVisible();
  await page.getByTestId(`income-${county.townships[0]!.villages[0]!.id}`).fill('12345.6');
  const income = await exported(page, '清河县2024年村集体经济收入.xlsx');
  expect(income.header).toEqual(await screenHeaders(page, 'income-table'));
  const typed = county.townships[0]!.villages[0]!.name;
  const villages = county.townships.flatMap((t) => t.villages.map((v) => `${t.name} ${v.name} ${v.name === typed ? 12345.6 : '未录入'}`));
  expect(income.body.map((r) => `${String(r[0])} ${String(r[1])} ${String(r[4])}`).sort()).toEqual(villages.sort());
  // Same page as the lists above (it was a second test loading the app).
  await test.step('month grid, statistics, audit log and a bag', async () => {
    const t = county.townships[0]!;
    await page.getByRole('menuitem', { name: '考勤' }).click();
    await expect(page.getByTestId('att-grid')).toBeVisible();
    // The month grid is an ARIA grid: rows and day cells are indexed, the selection is announced and arrows move it.
    const ariaGrid = page.getByRole('grid', { name: '月考勤表' });
    const cellAt = (row: number, col: number) =>
      ariaGrid.locator(`[role="row"][aria-rowindex="${row}"] [role="gridcell"][aria-colindex="${col}"]`);
    await expect(ariaGrid).toHaveAttribute('aria-colcount', String(2 + 31 + 4));
    await cellAt(3, 3).click();
    await expect(cellAt(3, 3)).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    await expect(cellAt(4, 4)).toHaveAttribute('aria-selected', 'true');
    await expect(cellAt(3, 3)).toHaveAttribute('aria-selected', 'false');
    const grid = await exported(page, `${t.name}2025年5月考勤（未认定）.xlsx`);
    expect(grid.header.slice(0, 3)).toEqual(['姓名', '村 / 职务', '1日（休）']);
    expect(grid.header[7]).toBe('6日（二）');
    expect(grid.header.slice(-4)).toEqual(['在岗', '应到', '请假', '缺勤']);
    expect(grid.header).toHaveLength(2 + 31 + 4);
    expect(grid.body.map((r) => r[0]).sort()).toEqual(
      county.cadres
        .filter((c) => c.townshipId === t.id)
        .map((c) => c.name)
        .sort(),
    );
    await page.screenshot({ path: '/tmp/clerk-att-export-1366.png' });
    const onScreen = await page.locator(`[data-testid="att-row-${String(grid.body[0]![0])}"] [data-testid="total-onpost"]`).innerText();
    expect(String(grid.body[0]![33])).toBe(onScreen.trim());

    await page.getByRole('menuitem', { name: '统计' }).click();
    await expect(page.getByTestId('township-table')).toBeVisible();
    await expect(page.getByText(/截至2025年6月16日/)).toBeVisible();
    const stats = await exported(page, '2025年度统计.xlsx');
    expect(stats.header).toEqual(await screenHeaders(page, 'township-table'));
    expect(stats.body.map((r) => r[0])).toEqual([...county.townships.map((x) => x.name), '合计']);

    await page.getByRole('menuitem', { name: '审计日志' }).click();
    const total = Number(/共 (\d+) 条/.exec(await page.getByTestId('audit-total').innerText())![1]);
    const audit = await exported(page, '审计日志.xlsx');
    expect(audit.header).toEqual(['序号', '时间', '操作员', '操作', '记录', '前后对照']);
    expect(audit.body).toHaveLength(total);

    const who = county.cadres[0]!;
    await page.getByRole('menuitem', { name: '干部' }).click();
    await page.getByTestId('cadre-table').locator('.ant-table-row', { hasText: who.name }).first().click();
    await page.getByRole('tab', { name: '资料袋' }).click();
    const zone = page.getByTestId('bag-dropzone');
    await dropFiles(zone, [{ name: '2025年3月5日村情民情台账.png', mime: 'image/png', bytes: png(64, 48) }]);
    await page
      .getByRole('dialog', { name: /归档到/ })
      .getByTestId('intake-file')
      .click();
    await expect(zone.getByTestId('bag-count')).toHaveText('共 1 件材料');
    // the bag shows the material's date as every screen does; the sheet keeps the sortable ISO date
    await expect(zone.getByTestId('material-item')).not.toContainText('2025-03-05');
    const bag = await exported(page, `${who.name}资料袋目录.xlsx`);
    expect(bag.header).toEqual(['类别', '题名', '日期', '文号', '责任者', '密级', '文件', '页数']);
    expect(bag.body).toHaveLength(1);
    expect(bag.body[0]!.slice(1, 3)).toEqual(['2025年3月5日村情民情台账', '2025-03-05']);
    await page.screenshot({ path: '/tmp/clerk-bag-export-1366.png' });
  });
});
