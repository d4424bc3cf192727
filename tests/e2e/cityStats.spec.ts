/**
 * The city view (全市) in the real renderer over the real bridge: the demo county plus a second
 * county built through the core functions and marked imported, as an exchange import leaves it.
 * The table shows both counties with the imported badge, the total is their sum, and a county's
 * name opens that county's own view.
 */
import { setRules } from '../../main/core/rules/settings';
import { setCells } from '../../main/core/attendance/grid';
import { certifyMonths } from '../integration/certifyFixture';
import { createCadre } from '../../main/core/cadres/cadres';
import { addCounty, addTownship, addVillage } from '../../main/core/org/org';
import { saveProject } from '../../main/core/work/projects';
import { idCheckChar } from '../../shared/idNumber';
import {
  NO_CHECKS_TEXT,
  checkResultText,
  leaderRowCells,
  leaderTableRows,
  type CityLeader,
  type LeadersYearView,
} from '../../shared/leaders';
import { wan, type StatsResult } from '../../shared/stats';
import { dateLabel } from '../../shared/dates';
import { FULL_YEAR } from '../fixtures/testToday';
import { expect, test } from './fixtures';
import { cutTexts, invoke, noHorizontalOverflow } from './helpers';

// First run done with 载入演示数据: a copy of the prepared demo data folder (fixtures.ts).
test.use({ demoOperator: '王秀英' });

test.describe.configure({ mode: 'serial' });
// One walk with several reloads of the city view: allow a loaded machine its time per step.
test.use({ actionTimeout: 45_000 });
const ORIGIN = 'C0FF-EE12-3456-789A';

test('the city table: per county, imported marked, total their sum, a county opens; 包县督查', async ({ page, app }) => {
  test.setTimeout(300_000);

  // 北镇市, as another department's bundle would bring it: one township, two cadres, a project.
  const db = app.bridge.core.ctx.db;
  const countyId = addCounty(db, { name: '北镇市', kind: '市' }).id;
  const t = addTownship(db, { countyId, name: '广宁乡' }).id;
  const v = addVillage(db, { townshipId: t, name: '西沟村' }).id;
  const cadres = [1, 3].map((n) => {
    const first17 = `21078119800101${String(n).padStart(3, '0')}`;
    return createCadre(
      db,
      {
        name: `北镇干部${n}`,
        gender: '男',
        birthDate: '1980-01-01',
        idNumber: first17 + idCheckChar(first17),
        partyStatus: '中共党员',
        phone: null,
        unitId: null,
        level: '市级',
        postType: '村党组织第一书记',
      },
      { townshipId: t, villageId: v, start: '2024-01-01', end: null },
    ).id;
  });
  setCells(db, {
    townshipId: t,
    month: '2024-04',
    edits: Array.from({ length: 15 }, (_, i) => ({
      cadreId: cadres[0]!,
      date: `2024-04-${String(i + 1).padStart(2, '0')}`,
      code: '缺勤' as const,
    })),
  });
  saveProject(db, undefined, {
    cadreId: cadres[0]!,
    villageId: v,
    name: '西沟村冷库',
    kind: '产业发展',
    year: 2024,
    status: '在建',
    funds: [{ source: '派出单位资金', amountFen: 30_000_000 }],
    inPark: false,
    notes: null,
  });
  // That department counts rest days and has certified its 2024 registers (only certified months count).
  setRules(db, countyId, 2024, { restDaysCount: true });
  certifyMonths(
    db,
    [t],
    Array.from({ length: 12 }, (_, i) => `2024-${String(i + 1).padStart(2, '0')}`),
    '2025-01-31',
  );
  const guard = !!db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'exchange_guard'`).get();
  db.transaction(() => {
    if (guard) db.prepare('UPDATE exchange_guard SET enabled = 0 WHERE id = 1').run();
    db.prepare('UPDATE counties SET origin = ? WHERE id = ?').run(ORIGIN, countyId);
    if (guard) db.prepare('UPDATE exchange_guard SET enabled = 1 WHERE id = 1').run();
  })();
  const demoCounty = db.prepare('SELECT id, name FROM counties WHERE origin IS NULL').get() as { id: number; name: string };
  // The demo county's townships certified their 2024 registers themselves (the demo's year).

  await page.goto(app.url);
  await page.getByRole('menuitem', { name: '统计' }).click();
  await page.getByTestId('stats-year').click();
  await page.getByTitle('2024年度').click();

  const table = page.getByTestId('county-table');
  await expect(table).toBeVisible();
  await expect(page.getByTestId(`county-${demoCounty.id}`)).toHaveText(demoCounty.name);
  await expect(page.getByTestId(`county-${countyId}`)).toHaveText('北镇市');
  await expect(page.getByTestId(`imported-${countyId}`)).toContainText('导入 · C0FF-EE12…');
  await expect(page.getByTestId(`imported-${demoCounty.id}`)).toHaveCount(0);

  // Each row is that county's own figures; the total and the cards are their sum.
  const own = await invoke<StatsResult>(page, 'stats.compute', { year: 2024, countyId: demoCounty.id });
  const other = await invoke<StatsResult>(page, 'stats.compute', { year: 2024, countyId });
  expect(other.county.attendance).toEqual({ value: 23, of: 24 });
  const att = { value: own.county.attendance.value! + 23, of: own.county.attendance.of! + 24 };
  await expect(page.getByTestId(`ccell-${countyId}-attendance`)).toContainText('95.8% 23/24');
  await expect(page.getByTestId(`ccell-${demoCounty.id}-attendance`)).toContainText(
    `${own.county.attendance.value}/${own.county.attendance.of}`,
  );
  await expect(page.getByTestId('ctotal-attendance')).toContainText(`${att.value}/${att.of}`);
  await expect(page.getByTestId('card-attendance')).toContainText(`${att.value} / ${att.of} 人月`);
  await expect(page.getByTestId(`ccell-${countyId}-projects`)).toHaveText('1');
  await expect(page.getByTestId('ctotal-projects')).toHaveText(String(own.county.projects.value! + 1));
  await expect(page.getByTestId('ctotal-projectFunds')).toHaveText(wan(own.county.projectFunds.value! + 30_000_000));
  await page.screenshot({ path: '/tmp/city-stats.png' });
  const o = await noHorizontalOverflow(page);
  expect(o.scrollWidth).toBeLessThanOrEqual(o.innerWidth);

  // A figure of one county opens that county's records only.
  await page.getByTestId(`ccell-${countyId}-projects`).click();
  const drawer = page.locator('.ant-drawer');
  await expect(drawer.locator('.ant-table-row')).toHaveCount(1);
  await expect(drawer).toContainText('西沟村冷库');
  await expect(drawer).toContainText('北镇市');
  await page.keyboard.press('Escape');
  await expect(drawer.locator('.ant-table-row').first()).toBeHidden();

  // The county's name opens its own view: its townships, its total.
  await page.getByTestId(`county-${countyId}`).click();
  await expect(page.getByTestId('township-table')).toBeVisible();
  await expect(page.getByTestId('township-table')).toContainText('广宁乡');
  await expect(page.getByTestId('total-attendance')).toContainText('95.8% 23/24');
  await expect(page.getByTestId('value-projects')).toHaveText('1');
  await page.screenshot({ path: '/tmp/city-stats-county.png' });
  await page.getByTestId('back-to-city').click();
  await expect(page.getByTestId('county-table')).toBeVisible();
  await expect(page.getByTestId('ctotal-attendance')).toContainText(`${att.value}/${att.of}`);
  // Same page, the leaders of another year (it was a second test loading the app).
  await test.step('包县督查: each leader, their counties and checks from the records; a new leader and a check named', async () => {
    const year = FULL_YEAR;
    await page.getByRole('menuitem', { name: '统计' }).click();
    await page.getByTestId('stats-year').click();
    await page.getByTitle(`${year}年度`).click();
    const section = page.getByTestId('leaders-section');
    const table = page.getByTestId('leaders-table');
    await expect(table.locator('.ant-table-row').first()).toBeVisible();

    // Every row as the records give it (the demo's two leaders, 岚川县 and the imported 青石县).
    const view = await invoke<LeadersYearView>(page, 'leaders.year', { year });
    const rows = leaderTableRows(view);
    expect(rows.length).toBeGreaterThanOrEqual(4);
    expect(rows.some((r) => r.imported && r.checks.length === 0)).toBe(true);
    expect(rows.some((r) => r.checks.length > 0)).toBe(true);
    for (const r of rows) {
      const cells = leaderRowCells(r);
      await expect(page.getByTestId(`leader-count-${r.key}`)).toHaveText(cells[3]!);
      const tr = table.locator('.ant-table-row', { has: page.getByTestId(`leader-count-${r.key}`) });
      // dates in the screen's one format (issue 14 finding 10), the worksheet's ISO period turned into words
      const period = cells[2]!.replace(/\d{4}-\d{2}-\d{2}/g, (iso) => dateLabel(iso));
      for (const text of [period, ...r.checks.map((k) => dateLabel(k.date)), ...r.checks.map(checkResultText)])
        await expect(tr).toContainText(text);
      await expect(tr).not.toContainText(/\d{4}-\d{2}-\d{2}/);
    }

    // A new leader: a bad period is refused in Chinese and nothing is saved; a good one shows 本年度未录入督查记录.
    await section.getByTestId('leader-new').click();
    const dlg = page.getByRole('dialog');
    await dlg.getByLabel('姓名').fill('赵志刚');
    await dlg.getByLabel('职务').fill('市委组织部副部长');
    await dlg.getByLabel('承包县1').click();
    await page.locator('.ant-select-item-option', { hasText: '岚川县' }).click();
    await dlg.getByPlaceholder('开始日期').fill(`${year}-05-01`);
    await dlg.getByPlaceholder('开始日期').press('Enter');
    await dlg.getByPlaceholder('结束日期（空为至今）').fill(`${year}-04-01`);
    await dlg.getByPlaceholder('结束日期（空为至今）').press('Enter');
    await dlg.getByTestId('leader-save').click();
    await expect(dlg.getByTestId('leader-error')).toContainText('承包结束日期不能早于开始日期');
    expect((await invoke<CityLeader[]>(page, 'leaders.list', {})).map((l) => l.name)).not.toContain('赵志刚');
    await dlg.getByPlaceholder('结束日期（空为至今）').fill(`${year}-12-31`);
    await dlg.getByPlaceholder('结束日期（空为至今）').press('Enter');
    await dlg.getByTestId('leader-save').click();
    await expect(dlg).toBeHidden();
    const zhao = (await invoke<CityLeader[]>(page, 'leaders.list', {})).find((l) => l.name === '赵志刚')!;
    expect(zhao.contracts.map((c) => [c.county, c.start, c.end])).toEqual([['岚川县', `${year}-05-01`, `${year}-12-31`]]);
    const zhaoRow = leaderTableRows(await invoke<LeadersYearView>(page, 'leaders.year', { year })).find((r) => r.leaderId === zhao.id)!;
    await expect(page.getByTestId(`leader-count-${zhaoRow.key}`)).toHaveText(NO_CHECKS_TEXT);

    // A 市级 check recorded without a leader is listed to be named; naming it moves it to the leader's row.
    const townshipId = (
      await invoke<{ counties: Array<{ name: string; townships: Array<{ id: number }> }> }>(page, 'org.tree', {})
    ).counties.find((c) => c.name === '岚川县')!.townships[0]!.id;
    const met = await invoke<{ cadres: Array<{ cadreId: number }> }>(page, 'events.candidates', { townshipId, date: `${year}-11-18` });
    const k = await invoke<{ id: number }>(page, 'checks.save', {
      check: { townshipId, level: '市级', kind: '市级暗访', date: `${year}-11-18`, checker: '市委组织部督查组', findings: '入户走访三户' },
      results: [{ cadreId: met.cadres[0]!.cadreId, onPost: true, reason: null }],
    });
    await page.getByTitle('刷新').click();
    await section.getByTestId('leader-new').scrollIntoViewIfNeeded();
    const unlinked = page.getByTestId('unlinked-checks');
    await expect(unlinked).toContainText(`${year}年11月18日`);
    await expect(unlinked).not.toContainText(`${year}-11-18`);
    await unlinked.getByLabel(`${year}年11月18日督查的领导`).click();
    await page.locator('.ant-select-item-option', { hasText: '赵志刚' }).click();
    await expect(page.getByTestId(`leader-count-${zhaoRow.key}`)).toHaveText('1次');
    await expect(unlinked).toBeHidden();
    const named = (await invoke<LeadersYearView>(page, 'leaders.year', { year })).leaders.find((l) => l.leaderId === zhao.id)!;
    expect(named.counties[0]!.checks.map((c) => c.checkId)).toEqual([k.id]);

    await section.scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/city-leaders.png' });
    const o = await noHorizontalOverflow(page);
    expect(o.scrollWidth).toBeLessThanOrEqual(o.innerWidth);
    expect(await cutTexts(page)).toEqual([]);
  });
});
