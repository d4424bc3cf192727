/**
 * The statistics page on the demo county: figures from real records (attendance from the
 * demo registers; weak villages, income and projects seeded into the real SQLite file),
 * a drawn chart, drill-down to the records, township rows adding up to the total, and a
 * figure that moves after a record changes elsewhere.
 */
import { expect, test } from './fixtures';
import { invoke, noHorizontalOverflow } from './helpers';
import { certify } from '../integration/certifyFixture';
import { revokeCertification } from '../../main/core/attendance/certify';

// First run done with 载入演示数据: a copy of the prepared demo data folder (fixtures.ts).
test.use({ demoOperator: '王秀英' });

test.describe.configure({ mode: 'serial' });

// FIXME(demo year): written for the old demo (no work records, no alerts in 2024); the alert-kind
// chart no longer renders for the year it opens. Rewrite against the demo's year.
test.fixme('the county figures, their records, and a figure that follows the records', async ({ page, app }) => {
  test.setTimeout(120_000);
  await page.goto(app.url);

  const db = app.bridge.core.ctx.db;
  const villages = db
    .prepare(`SELECT v.id, v.name, t.name AS township FROM villages v JOIN townships t ON t.id = v.township_id ORDER BY t.id, v.id`)
    .all() as Array<{ id: number; name: string; township: string }>;
  const cadre = (db.prepare(`SELECT cadre_id AS id FROM postings WHERE village_id = ? LIMIT 1`).get(villages[0]!.id) as { id: number }).id;
  await page.goto(app.url);
  await page.getByRole('menuitem', { name: '统计' }).click();
  await page.getByTestId('stats-year').click();
  await page.getByTitle('2024年度').click();

  // The work figures (weak villages, income, projects) come from the demo's own records now; their
  // sums are checked against the records in tests/integration/demoWork.test.ts and the stats tests.
  // Commendations come from evaluation outcomes; the demo county has none yet.
  await expect(page.getByTestId('value-commended')).toHaveText('0');
  await expect(page.getByTestId('card-commended')).not.toContainText('考核评价功能上线后统计');

  // Attendance counts certified months only (issue 13). The demo's townships certified their 2024
  // registers; May of the cadre's township is revoked here, so it is left out until certified again.
  const row = db
    .prepare(
      `SELECT p.cadre_id AS cadreId, p.township_id AS townshipId, c.name FROM postings p JOIN cadres c ON c.id = p.cadre_id WHERE p.cadre_id = ?`,
    )
    .get(cadre) as {
    cadreId: number;
    townshipId: number;
    name: string;
  };
  revokeCertification(db, { townshipId: row.townshipId, month: '2024-05', reason: '纸质考勤表需更正' });
  await page.getByTitle('刷新').click();
  const before = await invoke<{ county: { attendance: { value: number; of: number } } }>(page, 'stats.compute', { year: 2024 });
  const a = before.county.attendance;
  expect(a.of).toBeGreaterThan(100);
  await expect(page.getByTestId('card-attendance')).toContainText(`${a.value} / ${a.of} 人月`);

  // Charts are drawn on canvases.
  await expect(page.getByTestId('chart-months-canvas').locator('canvas')).toHaveCount(1);
  await expect(page.getByTestId('chart-kinds-canvas').locator('canvas')).toHaveCount(1);

  // The township rows add up to the total shown.
  const cells = await page.locator('[data-testid^="cell-"][data-testid$="-projects"]').allTextContents();
  expect(cells.reduce((n, t) => n + Number(t), 0)).toBe(2);
  await expect(page.getByTestId('total-projects')).toHaveText('2');

  // A record changes elsewhere (15 days absent in May 2024, through the attendance API) and the
  // township certifies the month: the figure follows, one more short cadre-month.
  const edits = Array.from({ length: 15 }, (_, i) => ({
    cadreId: row.cadreId,
    date: `2024-05-${String(i + 1).padStart(2, '0')}`,
    code: '缺勤',
  }));
  await invoke(page, 'attendance.setCells', { townshipId: row.townshipId, month: '2024-05', edits });
  certify(db, row.townshipId, '2024-05', '2025-01-31');
  const after = (await invoke<{ county: { attendance: { value: number; of: number } } }>(page, 'stats.compute', { year: 2024 })).county
    .attendance;
  const added = after.of - a.of;
  expect(added).toBeGreaterThan(0);
  expect(after.value).toBe(a.value + added - 1);
  await page.getByTitle('刷新').click();
  await expect(page.getByTestId('card-attendance')).toContainText(`${after.value} / ${after.of} 人月`);

  // Drill down: the attendance figure lists the cadre-months, the short one first.
  await page.getByTestId('card-attendance').click();
  const drawer = page.locator('.ant-drawer');
  await expect(drawer.getByTestId('drill-summary')).toContainText(`共 ${after.of} 人月，达标 ${after.value} 人月`);
  // Short months are listed first; the cadre's May is among them, with its 缺勤.
  await expect(drawer.locator('.ant-table-row').first()).toContainText('未达标');
  const may = drawer.locator('.ant-table-row', { hasText: row.name }).filter({ hasText: '2024年5月' });
  await expect(may).toContainText('未达标');
  await expect(may).toContainText('缺勤');
  await page.screenshot({ path: '/tmp/w7-stats-drill.png' });
  await page.keyboard.press('Escape');
  await expect(drawer.locator('.ant-table-row').first()).toBeHidden();

  // A township cell opens that township's records only, and each record opens where it is kept.
  await page.locator('[data-testid^="cell-"][data-testid$="-projects"]', { hasText: '1' }).first().click();
  await expect(drawer.locator('.ant-table-row')).toHaveCount(1);
  await expect(drawer).toContainText('香菇大棚');
  await page.screenshot({ path: '/tmp/w7-stats-drill2.png' });
  await drawer.getByTestId('drill-open').click();
  await expect(page.getByRole('menuitem', { name: /项目/ })).toHaveClass(/selected/);
  await page.getByRole('menuitem', { name: '统计' }).click();
  await page.getByTestId('stats-year').click();
  await page.getByTitle('2024年度').click();
  await expect(page.getByTestId('card-attendance')).toContainText(`${after.value} / ${after.of} 人月`);

  await page.screenshot({ path: '/tmp/w7-stats.png' });
  // The total row sits under the township rows, reachable at 1366×768.
  await page.getByTestId('total-projects').scrollIntoViewIfNeeded();
  await expect(page.getByTestId('total-projects')).toBeInViewport();
  await page.screenshot({ path: '/tmp/w7-stats-bottom.png' });
  const o = await noHorizontalOverflow(page);
  expect(o.scrollWidth).toBeLessThanOrEqual(o.innerWidth);
});
