/**
 * One 预警 view for every kind, on demo data: add a project through the work.* channels, see its
 * 项目未公示 alert beside the attendance and report alerts, click it and land on 项目与帮扶 with
 * the project selected; an overdue report (报告逾期) lands on the cadre's reports tab.
 */
import { ALERT_KINDS, type Alert } from '../../shared/alerts';
import { expect, test } from './fixtures';
import { TEST_YEAR } from '../fixtures/testToday';
import { cutTexts, invoke, noHorizontalOverflow } from './helpers';

// First run done with 载入演示数据: a copy of the prepared demo data folder (fixtures.ts).
test.use({ demoOperator: '组织部李干事' });

test.describe.configure({ mode: 'serial' });

const YEAR = TEST_YEAR;
const SHOTS = process.env.ONEBAG_SHOTS_DIR ?? '/tmp/alerts-all';
const PROJECT = '高标准蔬菜大棚';

let cadreName = '';

test('a new project’s 项目未公示 alert is listed with every kind and opens 项目与帮扶', async ({ page, app }) => {
  test.setTimeout(180_000);
  await page.goto(app.url);
  await expect(page.getByTestId('cadre-count')).toContainText('共 24 人', { timeout: 60_000 });

  const cadres = await invoke<Array<{ id: number; name: string; village: string | null }>>(page, 'cadres.list', {});
  const cadre = cadres.find((c) => c.village)!;
  cadreName = cadre.name;
  const detail = await invoke<{ postings: Array<{ villageId: number | null; end: string | null }> }>(page, 'cadres.get', { id: cadre.id });
  const villageId = detail.postings.find((p) => p.villageId && p.end === null)!.villageId!;
  const before = await invoke<Alert[]>(page, 'alerts.list', { year: YEAR });
  expect(before.filter((a) => a.kind === '项目未公示')).toEqual([]);
  const project = await invoke<{ id: number }>(page, 'work.projects.save', {
    project: {
      cadreId: cadre.id,
      villageId,
      name: PROJECT,
      kind: '产业发展',
      year: YEAR,
      status: '在建',
      funds: [],
      inPark: false,
      notes: null,
    },
  });

  // The one alerts list now holds the work alert, linked to the project.
  const after = await invoke<Alert[]>(page, 'alerts.list', { year: YEAR });
  const mine = after.filter((a) => a.kind === '项目未公示');
  expect(mine).toHaveLength(1);
  expect(mine[0]).toMatchObject({ cadreName, link: { view: 'work', tab: 'projects', cadreId: cadre.id, projectId: project.id } });

  await page.getByRole('menuitem', { name: '预警' }).click();
  const counts = page.getByTestId('alert-counts');
  // Every kind has its chip, zero or not.
  for (const k of ALERT_KINDS) await expect(counts.getByText(k, { exact: false }).first()).toBeVisible();
  await expect(counts).toContainText('项目未公示 1');
  await expect(page.getByTestId('alert-total')).toContainText(`${YEAR}年共 ${after.length} 条`);
  const group = page.getByTestId('alert-group-项目未公示');
  await expect(group).toContainText(`${cadreName}的${YEAR}年项目“${PROJECT}”`);
  await expect(group).toContainText('尚未在村公示栏公示');
  await page.screenshot({ path: `${SHOTS}/alerts-all.png` });
  expect((await noHorizontalOverflow(page)).scrollWidth).toBeLessThanOrEqual(1366);
  expect(await cutTexts(page)).toEqual([]);

  // The kind filter lists the new kinds too: pick 项目未公示 only.
  await counts.getByText('项目未公示').click();
  await expect(page.getByTestId('alert-list').locator('section')).toHaveCount(1);
  await expect(group).toBeVisible();

  // Click through: 项目与帮扶, the 项目 tab, the project's row selected.
  await group.locator('.ant-table-row').first().click();
  await expect(page.getByRole('tab', { name: '项目', exact: true })).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('.ant-menu-item-selected')).toContainText('项目与帮扶');
  const row = page.getByTestId('project-table').locator('.ant-table-row', { hasText: PROJECT });
  await expect(row).toBeVisible();
  await expect(row).toHaveClass(/ant-table-row-selected/);
  await page.screenshot({ path: `${SHOTS}/landed-project.png` });
  // Same page: 预警 by its menu loads the list again (it was a second test loading the app).
  await test.step('an overdue report (报告逾期) opens the cadre’s reports tab', async () => {
    // The demo's reports are all in; one cadre's first-quarter report is taken back out, so on the
    // suite's today (early June) it is overdue (from 11 April on).
    const { db } = app.bridge.core.ctx;
    db.prepare(
      `DELETE FROM report_submissions WHERE kind = '季度报告' AND period = ? AND cadre_id = (
       SELECT MIN(cadre_id) FROM report_submissions WHERE kind = '季度报告' AND period = ?)`,
    ).run(`${YEAR}-Q1`, `${YEAR}-Q1`);
    const reports = (await invoke<Alert[]>(page, 'alerts.list', { year: YEAR })).filter((a) => a.kind === '报告逾期');
    expect(reports.length).toBeGreaterThan(0);
    await page.getByRole('menuitem', { name: '预警' }).click();
    const group = page.getByTestId('alert-group-报告逾期');
    await expect(group).toContainText('未报送');
    const first = group.locator('.ant-table-row').first();
    const who = (await first.locator('td').nth(2).innerText()).trim();
    await first.click();
    await expect(page.locator('.ant-menu-item-selected')).toContainText('工作记录');
    await expect(page.getByRole('tab', { name: '季度报告与半年总结' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByTestId('worklog-cadre-picker')).toContainText(who);
    // Back in 预警 the project alert is still there; nothing else was touched.
    await page.getByRole('menuitem', { name: '预警' }).click();
    await expect(page.getByTestId('alert-group-项目未公示')).toContainText(cadreName || PROJECT);
  });
});
