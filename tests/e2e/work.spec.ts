/**
 * 项目与帮扶 on demo data: add a project for a cadre, see the 项目未公示 alert, publicise it and
 * see the alert clear; then each tab at 1366×768 (plans with an item, a weak village with
 * supporters, support with a payment).
 */
import type { Page } from '@playwright/test';
import type { Alert } from '../../shared/alerts';
import { dateLabel } from '../../shared/dates';
import type { WeakVillage } from '../../shared/weakVillages';
import type { Plan } from '../../shared/work';
import { expect, test, type AppHandle } from './fixtures';
import { TEST_YEAR } from '../fixtures/testToday';
import { invoke, noHorizontalOverflow } from './helpers';

// First run done with 载入演示数据: a copy of the prepared demo data folder (fixtures.ts).
test.use({ demoOperator: '组织部李干事' });

test.describe.configure({ mode: 'serial' });

const YEAR = TEST_YEAR;
const SHOTS = process.env.ONEBAG_SHOTS_DIR ?? '/tmp/w6';

const unpublicisedAlerts = async (page: Page) =>
  (await invoke<Alert[]>(page, 'alerts.list', { year: YEAR })).filter((a) => a.kind === '项目未公示');

/** Picks an option of an antd Select by typing into it. */
async function pick(page: Page, combobox: ReturnType<Page['getByRole']>, text: string) {
  await combobox.click();
  await combobox.fill(text);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first().click();
}

/** Opens 项目与帮扶 once the shell is up (a fresh start on a loaded machine can take a while). */
async function openWork(page: Page) {
  const item = page.getByRole('menuitem', { name: '项目与帮扶' });
  await expect(item).toBeVisible({ timeout: 60_000 });
  await item.click();
}

let cadreName = '';

test('add a project, see the 项目未公示 alert clear; then plans, weak villages and support', async ({ page, app }) => {
  test.setTimeout(300_000);
  await page.goto(app.url);
  await expect(page.getByTestId('cadre-count')).toContainText('共 24 人', { timeout: 60_000 });
  const cadres = await invoke<Array<{ name: string; village: string | null }>>(page, 'cadres.list', {});
  cadreName = cadres.find((c) => c.village)!.name;
  expect(await unpublicisedAlerts(page)).toEqual([]);

  await page.getByRole('menuitem', { name: '项目与帮扶' }).click();
  await expect(page.getByRole('tab', { name: '项目' })).toHaveAttribute('aria-selected', 'true');
  await page.getByTestId('new-project').click();
  const dialog = page.locator('.ant-modal').filter({ hasText: '新增乡村振兴项目' });
  await pick(page, dialog.getByRole('combobox').first(), cadreName);
  // The village defaults to the cadre's own.
  await expect(dialog.locator('.ant-form-item').filter({ hasText: '项目所在村' })).not.toContainText('选择村');
  await dialog.getByTestId('project-name').fill('食用菌种植大棚');
  await dialog.locator('.ant-form-item').filter({ hasText: '派出单位资金' }).locator('input').fill('200000');
  await dialog.locator('.ant-form-item').filter({ hasText: '财政衔接资金' }).locator('input').fill('350000.5');
  await expect(dialog).toContainText('总投资 550,000.50 元');
  await page.screenshot({ path: `${SHOTS}/work-project-form.png` });
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();

  const row = page.getByTestId('project-table').locator('tr').filter({ hasText: '食用菌种植大棚' });
  await expect(row).toContainText(cadreName);
  await expect(row).toContainText('550,000.50');
  await expect(row).toContainText('200,000.00');
  await expect(row.getByText('未公示')).toBeVisible();

  const raised = await unpublicisedAlerts(page);
  expect(raised).toHaveLength(1);
  expect(raised[0]!.message).toBe(
    `${cadreName}的${YEAR}年项目“食用菌种植大棚”（${raised[0]!.message.match(/（(.+)）/)![1]}）尚未在村公示栏公示`,
  );
  expect(raised[0]!.link).toMatchObject({ view: 'work', tab: 'projects' });
  await page.screenshot({ path: `${SHOTS}/work-projects.png` });

  await row.getByRole('button', { name: '公示' }).click();
  const pub = page.locator('.ant-modal').filter({ hasText: '登记公示' });
  // A blank place is refused in Chinese and nothing changes.
  await pub.getByTestId('publicise-place').fill('');
  await pub.getByRole('button', { name: '登记公示' }).click();
  await expect(pub.getByTestId('publicise-error')).toHaveText('请填写公示地点');
  expect(await unpublicisedAlerts(page)).toHaveLength(1);
  await pub.getByTestId('publicise-place').fill('村务公开栏');
  await pub.getByRole('button', { name: '登记公示' }).click();
  await expect(pub).toBeHidden();
  await expect(row).toContainText('村务公开栏');
  await expect(row.getByText('未公示')).toHaveCount(0);
  expect(await unpublicisedAlerts(page)).toEqual([]);

  // Survives a restart.
  await app.restart();
  await page.reload();
  await openWork(page);
  await expect(page.getByTestId('project-table')).toContainText('村务公开栏');
  expect(await noHorizontalOverflow(page)).toMatchObject({ scrollWidth: 1366 });

  // The next steps walk the other tabs in the same page (they were separate tests, each loading the app).
  await test.step("plans: next year's annual plan with an item, beside the demo's plans", () => plansStep(page));
  await test.step('weak villages and support tabs at 1366×768', () => weakAndSupportStep(page, app));
});

async function plansStep(page: Page) {
  const cadre = (await invoke<Array<{ id: number; name: string }>>(page, 'cadres.list', {})).find((c) => c.name === cadreName)!;
  const plans = () => invoke<Plan[]>(page, 'work.plans.list', { cadreId: cadre.id });
  const before = await plans();
  // The demo planned the cadre's years up to this one; the clerk starts next year's plan.
  const next = YEAR + 1;
  expect(before.some((p) => p.kind === '年度计划' && p.startYear === YEAR)).toBe(true);
  expect(before.some((p) => p.startYear === next)).toBe(false);

  await openWork(page);
  await page.getByRole('tab', { name: '规划计划' }).click();
  await pick(page, page.getByRole('combobox').first(), cadreName);
  const cards = page.locator('.ant-card');
  await expect(cards).toHaveCount(before.length);
  for (const p of before) await expect(cards.filter({ hasText: p.title })).toContainText(`${p.items.length} 条`);

  // This year's plan exists: a second one is refused in Chinese and nothing changes.
  await page.getByTestId('plan-new').click();
  await expect(page.getByText(`${cadreName}已有${YEAR}年度工作计划，请直接修改`)).toBeVisible();
  expect(await plans()).toHaveLength(before.length);

  await page
    .locator('.ant-select')
    .filter({ hasText: `${YEAR}年度` })
    .click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: `${next}年度` })
    .click();
  await page.getByTestId('plan-new').click();
  const title = `${cadreName}${next}年度工作计划`;
  const card = cards.filter({ hasText: title });
  await expect(card).toContainText('0 条，已完成 0 条');
  await expect(cards).toHaveCount(before.length + 1);
  await card.getByRole('button', { name: '添加条目' }).click();
  await card.getByRole('button', { name: '保存' }).click();
  await expect(card.getByText('第1条：请填写目标')).toBeVisible();
  await card.locator('textarea').first().fill('建成食用菌大棚10座');
  await card.locator('textarea').nth(1).fill('争取派出单位资金，组建合作社');
  await card.getByRole('button', { name: '保存' }).click();
  await expect(card.getByText('第1条：请填写目标')).toBeHidden();
  await expect(card.getByTestId('plan-save')).toBeDisabled();
  await expect(card).toContainText('1 条，已完成 0 条');
  await expect
    .poll(async () => (await plans()).find((p) => p.title === title)?.items.map((i) => [i.goal, i.measures]))
    .toEqual([['建成食用菌大棚10座', '争取派出单位资金，组建合作社']]);
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/work-plans.png` });
  expect(await noHorizontalOverflow(page)).toMatchObject({ scrollWidth: 1366 });
}

async function weakAndSupportStep(page: Page, app: AppHandle) {
  // A village of the own county not yet listed, with a first secretary posted there now, and another
  // cadre of the same township to assign by hand.
  const { db } = app.bridge.core.ctx;
  const village = db
    .prepare(
      `SELECT v.id, v.name, t.id AS townshipId, t.name AS township FROM villages v JOIN townships t ON t.id = v.township_id
         JOIN counties c ON c.id = t.county_id
        WHERE c.origin IS NULL AND v.id NOT IN (SELECT village_id FROM weak_villages)
          AND EXISTS (SELECT 1 FROM postings p WHERE p.village_id = v.id AND p."end" IS NULL)
        ORDER BY v.id LIMIT 1`,
    )
    .get() as { id: number; name: string; townshipId: number; township: string };
  const helper = db
    .prepare(
      `SELECT c.id, c.name FROM cadres c JOIN postings p ON p.cadre_id = c.id
        WHERE p.township_id = ? AND p."end" IS NULL AND (p.village_id IS NULL OR p.village_id <> ?) ORDER BY c.id LIMIT 1`,
    )
    .get(village.townshipId, village.id) as { id: number; name: string };

  await openWork(page);
  await page.getByRole('tab', { name: '薄弱村' }).click();
  await page.getByRole('button', { name: '列为薄弱村' }).click();
  const add = page.locator('.ant-modal').filter({ hasText: '列为集体经济薄弱村' });
  await pick(page, add.getByRole('combobox').first(), `${village.township} ${village.name}`);
  await add.getByRole('button', { name: '保存' }).click();
  await expect(add).toBeHidden();
  await expect(page.getByText('村集体经济收入')).toBeVisible();
  // The village's own secretary supports it by posting, without a pick.
  const [listed] = await invoke<WeakVillage[]>(page, 'work.weak.list', { villageId: village.id });
  const posted = listed!.supporters.filter((s) => s.byPosting);
  expect(posted.length).toBeGreaterThan(0);
  for (const s of posted) await expect(page.getByTestId('weak-posted-supporters')).toContainText(s.name);

  await page.getByTestId('weak-supporters').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: helper.name }).click();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByText('包扶干部已保存')).toBeVisible();
  // Each supporter's card shows the clock the records give, as a Chinese date.
  const [supported] = await invoke<WeakVillage[]>(page, 'work.weak.list', { villageId: village.id });
  expect(supported!.supporters.map((s) => s.cadreId)).toContain(helper.id);
  for (const s of supported!.supporters) {
    const card = page
      .locator('.ant-card')
      .filter({ hasText: `${s.name}（${s.postType}）` })
      .last();
    await expect(card).toContainText(s.clockStart ? `自${dateLabel(s.clockStart)}起算` : '未在本乡镇任职');
  }
  expect(supported!.supporters.some((s) => s.clockStart)).toBe(true);
  await expect(page.locator('.ob-scroll-pane').last()).not.toContainText(/\d{4}-\d{2}-\d{2}/);
  await page.screenshot({ path: `${SHOTS}/work-weak.png` });
  expect(await noHorizontalOverflow(page)).toMatchObject({ scrollWidth: 1366 });

  await page.getByRole('tab', { name: '保障' }).click();
  const table = page.getByTestId('support-table');
  await expect(table.locator('tr.ant-table-row').first()).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/work-support.png` });
  const first = table.locator('tr.ant-table-row').first();
  await first.getByRole('button', { name: '发放' }).click();
  const pay = page.locator('.ant-modal').filter({ hasText: '登记补助发放' });
  await pay.locator('.ant-form-item').filter({ hasText: '本次发放金额' }).locator('input').fill('99999');
  await pay.getByRole('button', { name: '保存' }).click();
  await expect(pay.getByTestId('support-error')).toContainText('本次最多可发');
  await page.screenshot({ path: `${SHOTS}/work-support-pay.png` });
  expect(await noHorizontalOverflow(page)).toMatchObject({ scrollWidth: 1366 });
}
