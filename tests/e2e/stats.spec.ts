/**
 * The statistics page on the demo county's full year: figures from its records (attendance from
 * the certified registers, projects, commendations from the finalised evaluation),
 * a drawn chart, drill-down to the records, township rows adding up to the total, and a
 * figure that moves after a record changes elsewhere.
 */
import { expect, test } from './fixtures';
import { invoke, noHorizontalOverflow } from './helpers';
import { certify } from '../integration/certifyFixture';
import { revokeCertification } from '../../main/core/attendance/certify';
import { FULL_YEAR, TEST_TODAY } from '../fixtures/testToday';
import { dateLabel } from '../../shared/dates';

// First run done with 载入演示数据: a copy of the prepared demo data folder (fixtures.ts).
test.use({ demoOperator: '王秀英' });

test.describe.configure({ mode: 'serial' });

test('the county figures, their records, and a figure that follows the records', async ({ page, app }) => {
  test.setTimeout(180_000);
  const YEAR = FULL_YEAR;
  const MAY = `${YEAR}-05`;
  const db = app.bridge.core.ctx.db;
  // The demo's own county (the other one is an imported review copy for the city view).
  const county = db.prepare('SELECT id, name FROM counties WHERE origin IS NULL').get() as { id: number; name: string };
  // A cadre posted to a village of the own county through May of the demo's full year.
  const row = db
    .prepare(
      `SELECT p.cadre_id AS cadreId, p.township_id AS townshipId, c.name FROM postings p JOIN cadres c ON c.id = p.cadre_id
         JOIN townships t ON t.id = p.township_id JOIN counties k ON k.id = t.county_id
        WHERE k.origin IS NULL AND p.village_id IS NOT NULL AND p.start <= ? AND (p."end" IS NULL OR p."end" >= ?)
        ORDER BY p.township_id, p.village_id LIMIT 1`,
    )
    .get(`${MAY}-01`, `${MAY}-31`) as { cadreId: number; townshipId: number; name: string };
  type Figures = {
    county: Record<string, { value: number; of?: number }>;
    townships: Array<{ townshipId: number; figures: Record<string, { value: number }> }>;
  };
  const compute = () => invoke<Figures>(page, 'stats.compute', { year: YEAR, countyId: county.id });
  const drill = (input: Record<string, unknown>) =>
    invoke<{ summary: string; records: Array<{ cadreId: number | null; text: string; counted: boolean; when: string | null }> }>(
      page,
      'stats.drill',
      { year: YEAR, countyId: county.id, ...input },
    );

  /** With a second (imported) county the page opens on the city; the clerk picks the own county. */
  const chooseCounty = async () => {
    await page.getByTestId('stats-county').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: county.name }).click();
    await expect(page.getByText(`${county.name} · 截至${dateLabel(TEST_TODAY)}`)).toBeVisible();
  };

  await page.goto(app.url);
  await expect(page.getByRole('menuitem', { name: '统计' })).toBeVisible({ timeout: 60_000 });
  // The demo certified the full year: the cadre's May is in the figure as its township certified it.
  const certified = (await compute()).county.attendance!;
  const mayBefore = (await drill({ figure: 'attendance', townshipId: row.townshipId, month: MAY })).records.find(
    (r) => r.cadreId === row.cadreId,
  )!;
  expect(mayBefore).toBeDefined();

  await page.getByRole('menuitem', { name: '统计' }).click();
  await page.getByTestId('stats-year').click();
  await page.getByTitle(`${YEAR}年度`).click();
  await chooseCounty();

  // Commendations come from the evaluation outcomes the demo recorded for its finalised year.
  const commended = db
    .prepare(
      `SELECT COUNT(DISTINCT o.cadre_id) FROM eval_outcomes o WHERE o.kind = '表彰' AND o.year = ? AND EXISTS (
         SELECT 1 FROM postings p JOIN townships t ON t.id = p.township_id JOIN counties k ON k.id = t.county_id
          WHERE p.cadre_id = o.cadre_id AND k.origin IS NULL)`,
    )
    .pluck()
    .get(YEAR) as number;
  await expect(page.getByTestId('value-commended')).toHaveText(String(commended));
  await expect(page.getByTestId('card-commended')).not.toContainText('考核评价功能上线后统计');

  // Attendance counts certified months only (issue 13): May of the cadre's township is revoked
  // here, so it is left out until certified again.
  revokeCertification(db, { townshipId: row.townshipId, month: MAY, reason: '纸质考勤表需更正' });
  await page.getByTitle('刷新').click();
  const before = await compute();
  const a = before.county.attendance!;
  expect(a.of).toBeLessThan(certified.of!);
  await expect(page.getByTestId('card-attendance')).toContainText(`${a.value} / ${a.of} 人月`);

  // Charts are drawn on canvases: the months' compliance and the demo's projects by kind.
  await expect(page.getByTestId('chart-months-canvas').locator('canvas')).toHaveCount(1);
  await expect(page.getByTestId('chart-kinds-canvas').locator('canvas')).toHaveCount(1);

  // The township rows add up to the total shown, which is the number of project records.
  const projects = (await drill({ figure: 'projects' })).records.filter((r) => r.counted).length;
  expect(projects).toBeGreaterThan(0);
  const cells = await page.locator('[data-testid^="cell-"][data-testid$="-projects"]').allTextContents();
  expect(cells.reduce((n, t) => n + Number(t), 0)).toBe(projects);
  await expect(page.getByTestId('total-projects')).toHaveText(String(projects));

  // A record changes elsewhere (15 days absent in May, through the attendance API) and the
  // township certifies the month again: the figure follows, the cadre's May is now short.
  const edits = Array.from({ length: 15 }, (_, i) => ({
    cadreId: row.cadreId,
    date: `${MAY}-${String(i + 1).padStart(2, '0')}`,
    code: '缺勤',
  }));
  await invoke(page, 'attendance.setCells', { townshipId: row.townshipId, month: MAY, edits });
  certify(db, row.townshipId, MAY, TEST_TODAY);
  const after = (await compute()).county.attendance!;
  expect(after.of).toBe(certified.of);
  expect(after.value).toBe(certified.value - (mayBefore.counted ? 1 : 0));
  await page.getByTitle('刷新').click();
  await expect(page.getByTestId('card-attendance')).toContainText(`${after.value} / ${after.of} 人月`);

  // Drill down: the attendance figure lists the cadre-months, the short ones first.
  await page.getByTestId('card-attendance').click();
  const drawer = page.locator('.ant-drawer');
  await expect(drawer.getByTestId('drill-summary')).toContainText(`共 ${after.of} 人月，达标 ${after.value} 人月`);
  await expect(drawer.locator('.ant-table-row').first()).toContainText('未达标');
  const may = drawer.locator('.ant-table-row', { hasText: row.name }).filter({ hasText: `${YEAR}年5月` });
  await expect(may).toContainText('未达标');
  await expect(may).toContainText('缺勤');
  await page.screenshot({ path: '/tmp/w7-stats-drill.png' });
  await page.keyboard.press('Escape');
  await expect(drawer.locator('.ant-table-row').first()).toBeHidden();

  // A township cell opens that township's records only, and each record opens where it is kept.
  const town = before.townships.find((t) => t.figures.projects!.value > 0)!;
  const townProjects = (await drill({ figure: 'projects', townshipId: town.townshipId })).records;
  await page.getByTestId(`cell-${town.townshipId}-projects`).click();
  await expect(drawer.locator('.ant-table-row')).toHaveCount(townProjects.length);
  await expect(drawer.locator('.ant-table-row').first()).toContainText(townProjects[0]!.text);
  await page.screenshot({ path: '/tmp/w7-stats-drill2.png' });
  await drawer.getByTestId('drill-open').first().click();
  await expect(page.getByRole('menuitem', { name: /项目/ })).toHaveClass(/selected/);
  await page.getByRole('menuitem', { name: '统计' }).click();
  // Back on 统计, the year and county chosen before are kept: nothing to pick again.
  await expect(page.getByTestId('stats-year')).toContainText(`${YEAR}年度`);
  await expect(page.getByText(`${county.name} · 截至${dateLabel(TEST_TODAY)}`)).toBeVisible();
  await expect(page.getByTestId('card-attendance')).toContainText(`${after.value} / ${after.of} 人月`);

  await page.screenshot({ path: '/tmp/w7-stats.png' });
  // The total row sits under the township rows, reachable at 1366×768.
  await page.getByTestId('total-projects').scrollIntoViewIfNeeded();
  await expect(page.getByTestId('total-projects')).toBeInViewport();
  await page.screenshot({ path: '/tmp/w7-stats-bottom.png' });
  const o = await noHorizontalOverflow(page);
  expect(o.scrollWidth).toBeLessThanOrEqual(o.innerWidth);
});
