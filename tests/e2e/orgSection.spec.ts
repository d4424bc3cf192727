/**
 * 规则设置 → 乡镇与村 (issue 15: org.addCounty/addTownship/addVillage used by a screen) in real
 * Chromium over the real bridge, from an empty start: a county with no roster yet is added, then a
 * township and a village by keyboard; a duplicate and a blank name are refused in Chinese and
 * change nothing; the new village is in the income table (which only knows the app's villages)
 * and each addition is in the audit log.
 */
import type { Page } from '@playwright/test';
import type { AuditPage } from '../../shared/audit';
import type { OrgTree } from '../../shared/domain';
import type { IncomeTable } from '../../shared/villageIncome';
import { expect, test } from './fixtures';
import { invoke, noHorizontalOverflow } from './helpers';

const tree = (page: Page) => invoke<OrgTree>(page, 'org.tree', {});
const places = async (page: Page) =>
  (await tree(page)).counties.map((c) => [c.name, c.kind, c.townships.map((t) => [t.name, t.villages.map((v) => v.name)])]);
const newestAudit = async (page: Page) => (await invoke<AuditPage>(page, 'audit.list', { filter: {}, limit: 1 })).rows[0]!;

test('add a county, a township and a village by hand; duplicates and blanks refused', async ({ page, app }) => {
  test.setTimeout(120_000);
  await invoke(app, 'app.setup', { mode: 'empty', operator: '张晓梅' });
  await page.goto(app.url);
  await expect(page.getByRole('menuitem', { name: /规则设置/ })).toBeVisible({ timeout: 60_000 });
  await page.getByRole('menuitem', { name: /规则设置/ }).click();

  // No roster yet: the empty page offers the county.
  await expect(page.getByText('还没有县（市、区）')).toBeVisible();
  await page.getByTestId('org-add-county').click();
  const dialog = page.locator('.ant-modal').filter({ hasText: '新增县（市、区）' });
  await dialog.getByLabel('县（市、区）名称').fill('清河区');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  const section = page.getByTestId('org-section');
  await expect(section).toContainText('清河区的乡镇与村（0个乡镇，0个村）');
  expect(await places(page)).toEqual([['清河区', '区', []]]);

  // A township by keyboard: type, Enter.
  await section.getByTestId('org-add-township-name').fill('柳河乡');
  await section.getByTestId('org-add-township-name').press('Enter');
  const row = section.getByTestId('org-townships').locator('.ant-table-row').filter({ hasText: '柳河乡' });
  await expect(row).toBeVisible();
  const township = (await tree(page)).counties[0]!.townships[0]!;
  await row.getByTestId(`org-add-village-${township.id}-name`).fill(' 东 村 ');
  await row.getByTestId(`org-add-village-${township.id}-name`).press('Enter');
  await expect(row).toContainText('东村');
  await expect(page.locator('.ant-message')).toContainText('已在柳河乡新增村“东村”');
  await expect(section).toContainText('（1个乡镇，1个村）');
  const created = await newestAudit(page);
  expect([created.entity, created.action, created.operator]).toEqual(['village', 'create', '张晓梅']);

  // The same village again, and a blank township: refused in Chinese, nothing added.
  await row.getByTestId(`org-add-village-${township.id}-name`).fill('东村');
  await row.getByTestId(`org-add-village-${township.id}`).click();
  await expect(section.getByTestId('org-error')).toHaveText('村“东村”已存在');
  await section.getByTestId('org-add-township-name').fill('  ');
  await section.getByTestId('org-add-township').click();
  await expect(section.getByTestId('org-error')).toHaveText('请填写乡镇名称');
  expect(await places(page)).toEqual([['清河区', '区', [['柳河乡', ['东村']]]]]);
  expect((await newestAudit(page)).id).toBe(created.id);

  // The village has no dispatched cadre, yet its income can now be recorded.
  const income = await invoke<IncomeTable>(page, 'villages.income.table', { countyId: township.countyId, year: 2025 });
  expect(income.rows.map((r) => [r.township, r.village, r.incomeFen])).toEqual([['柳河乡', '东村', null]]);

  await page.screenshot({ path: '/tmp/w6/org-section.png' });
  expect((await noHorizontalOverflow(page)).scrollWidth).toBeLessThanOrEqual(1366);

  // The audit log lists the three additions, newest first.
  await page.getByRole('menuitem', { name: '审计日志' }).click();
  await page.getByTestId('audit-groups').getByText('全部').click();
  const rows = page.getByTestId('audit-list').locator('.ant-table-row');
  await expect(rows.nth(0)).toContainText('东村');
  await expect(rows.nth(1)).toContainText('柳河乡');
  await expect(rows.nth(2)).toContainText('清河区');
});
