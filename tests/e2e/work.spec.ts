/**
 * 项目与帮扶 on demo data: add a project for a cadre, see the 项目未公示 alert, publicise it and
 * see the alert clear; then each tab at 1366×768 (plans with an item, a weak village with
 * supporters, support with a payment).
 */
import type { Page } from '@playwright/test';
import type { Alert } from '../../shared/alerts';
import { expect, test } from './fixtures';
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

let cadreName = '';

test('add a project, see the 项目未公示 alert, publicise it, see the alert clear', async ({ page, app }) => {
  test.setTimeout(180_000);
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
  await page.getByRole('menuitem', { name: '项目与帮扶' }).click();
  await expect(page.getByTestId('project-table')).toContainText('村务公开栏');
  expect(await noHorizontalOverflow(page)).toMatchObject({ scrollWidth: 1366 });
});

// FIXME(demo year): the demo now plans every cadre's years, so the plan editor holds several
// plans and this walk must pick its own; rewrite against the demo's plans.
test.fixme('plans: a new annual plan with an item', async ({ page, app }) => {
  await page.goto(app.url);
  await page.getByRole('menuitem', { name: '项目与帮扶' }).click();
  await page.getByRole('tab', { name: '规划计划' }).click();
  await pick(page, page.getByRole('combobox').first(), cadreName);
  await page.getByTestId('plan-new').click();
  await expect(page.getByText(`${cadreName}${YEAR}年度工作计划`)).toBeVisible();
  await page.getByRole('button', { name: '添加条目' }).click();
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('第1条：请填写目标')).toBeVisible();
  await page.locator('textarea').first().fill('建成食用菌大棚10座');
  await page.locator('textarea').nth(1).fill('争取派出单位资金，组建合作社');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('1 条，已完成 0 条')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/work-plans.png` });
  expect(await noHorizontalOverflow(page)).toMatchObject({ scrollWidth: 1366 });
});

// FIXME(demo year): the demo's weak villages now have supporters bound to postings; the first
// supporter option this walk picks no longer shows the posting clock. Rewrite against the demo.
test.fixme('weak villages and support tabs at 1366×768', async ({ page, app }) => {
  await page.goto(app.url);
  await page.getByRole('menuitem', { name: '项目与帮扶' }).click();
  await page.getByRole('tab', { name: '薄弱村' }).click();
  await page.getByRole('button', { name: '列为薄弱村' }).click();
  const add = page.locator('.ant-modal').filter({ hasText: '列为集体经济薄弱村' });
  await add.getByRole('combobox').first().click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
  await add.getByRole('button', { name: '保存' }).click();
  await expect(add).toBeHidden();
  await expect(page.getByText('村集体经济收入')).toBeVisible();
  await page.getByTestId('weak-supporters').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByText(/自 \d{4}-\d{2}-\d{2} 起算/)).toBeVisible();
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
});
