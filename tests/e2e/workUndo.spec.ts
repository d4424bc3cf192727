/**
 * Undoing a wrong entry in 项目与帮扶 (issue 15: no channel used only by tests), in real Chromium
 * over the real bridge on a small county seeded through the channels (no demo load): a weak
 * village's milestone cleared and a listing removed, an allowance payment and an insurance
 * policy deleted. Each asks first, naming the record; cancelling changes nothing; confirming
 * removes the row and the audit log shows it. A listing with 约谈 on record is refused in
 * Chinese. Years are explicit; the bridge lives on the suite's fixed today.
 */
import type { Page } from '@playwright/test';
import type { AuditPage } from '../../shared/audit';
import type { SupportOverview } from '../../shared/api/work';
import type { WeakVillage } from '../../shared/weakVillages';
import { expect, test, type AppHandle } from './fixtures';
import { TEST_YEAR } from '../fixtures/testToday';
import { makeIdNumber } from '../fixtures/makeRoster';
import { invoke } from './helpers';
import { openApp, seedSmallCounty, type SmallCounty } from './seed';

test.describe.configure({ mode: 'serial', timeout: 180_000 });

const SHOTS = process.env.ONEBAG_SHOTS_DIR ?? '/tmp/w6';
let county: SmallCounty;
let cityCadre = 0;

const weak = (target: Page | AppHandle) => invoke<WeakVillage[]>(target, 'work.weak.list', {});
const support = (page: Page) => invoke<SupportOverview>(page, 'work.support.overview', { year: TEST_YEAR });
const newestAudit = async (page: Page) => (await invoke<AuditPage>(page, 'audit.list', { filter: {}, limit: 1 })).rows[0]!;
const confirmBox = (page: Page) => page.locator('.ant-modal-confirm');
const listed = (page: Page) => page.getByTestId('weak-list').locator('.ant-table-row');

async function openTab(page: Page, url: string, tab: string) {
  await openApp(page, url);
  await page.getByRole('menuitem', { name: '项目与帮扶' }).click();
  await page.getByRole('tab', { name: tab }).click();
}

test('seed a small county with weak villages, a payment and a policy', async ({ app }) => {
  county = await seedSmallCounty(app, 2, '2024-03-01');
  const [east, west] = county.townships[0]!.villages;
  const city = await invoke<{ id: number }>(app, 'cadres.create', {
    cadre: {
      name: '周海涛',
      gender: '男',
      birthDate: null,
      idNumber: makeIdNumber('130702', '1985-04-04', 31, true),
      partyStatus: '中共党员',
      phone: null,
      unitId: null,
      level: '市级',
      postType: '驻村工作队员',
    },
    posting: { townshipId: county.townships[0]!.id, villageId: west!.id, start: '2024-03-01', end: null },
  });
  cityCadre = city.id;
  // 东村: listed in 2024, its first secretary missed the first milestone and was talked to (约谈).
  await invoke(app, 'work.weak.save', { villageId: east!.id, listedYear: 2024, notes: null });
  const m = (await weak(app))[0]!.supporters[0]!.milestones.find((x) => x.requiredAction === '约谈')!;
  const next = new Date(`${m.dueDate}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  await invoke(app, 'work.weak.recordAction', {
    villageId: east!.id,
    cadreId: county.cadres[0]!.id,
    milestone: m.kind,
    action: '约谈',
    date: next.toISOString().slice(0, 10),
    by: '县委组织部',
    notes: null,
  });
  // 西村: listed this year with a milestone, both entered by mistake.
  await invoke(app, 'work.weak.save', { villageId: west!.id, listedYear: TEST_YEAR, notes: null });
  await invoke(app, 'work.weak.setMilestone', {
    villageId: west!.id,
    kind: '发展思路',
    date: `${TEST_YEAR}-05-01`,
    description: '发展林下养鸡',
    evidenceTokens: [],
  });
  await invoke(app, 'work.support.addPayment', {
    cadreId: city.id,
    year: TEST_YEAR,
    quarter: 1,
    amountFen: 100_000,
    paidOn: `${TEST_YEAR}-04-10`,
    notes: null,
  });
  await invoke(app, 'work.support.savePolicy', {
    cadreId: city.id,
    insurer: '人保财险',
    policyNo: 'PA-2026-17',
    coverFen: 50_000_000,
    start: `${TEST_YEAR}-01-01`,
    end: `${TEST_YEAR}-12-31`,
  });
});

test('weak village: clear a milestone and remove a listing, by keyboard and mouse; cancel changes nothing', async ({ page, app }) => {
  const west = county.townships[0]!.villages[1]!;
  await openTab(page, app.url, '薄弱村');
  await listed(page).filter({ hasText: '柳河乡 西村' }).click();

  // Clear the milestone by keyboard: Enter opens the question, Esc cancels, Enter confirms.
  const clear = page.getByTestId('milestone-clear-发展思路');
  await clear.focus();
  await page.keyboard.press('Enter');
  await expect(confirmBox(page)).toContainText(`清除柳河乡西村的“发展思路”节点（${TEST_YEAR}年5月1日）？`);
  await page.screenshot({ path: `${SHOTS}/work-undo-milestone.png` });
  await page.keyboard.press('Escape');
  await expect(confirmBox(page)).toBeHidden();
  expect((await weak(page)).find((w) => w.villageId === west.id)!.milestones.map((m) => m.kind)).toEqual(['发展思路']);
  await clear.focus();
  await page.keyboard.press('Enter');
  await expect(confirmBox(page)).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(confirmBox(page)).toBeHidden();
  await expect(page.getByTestId('milestone-clear-发展思路')).toHaveCount(0);
  expect((await weak(page)).find((w) => w.villageId === west.id)!.milestones).toEqual([]);
  const cleared = await newestAudit(page);
  expect([cleared.entity, cleared.action, cleared.operator]).toEqual(['weak_milestone', 'delete', '张晓梅']);

  // Remove the listing: cancel first, then 移出.
  await page.getByTestId('weak-remove').click();
  await expect(confirmBox(page)).toContainText('将柳河乡西村移出集体经济薄弱村名单？');
  await confirmBox(page).getByRole('button', { name: '取消' }).click();
  await expect(confirmBox(page)).toBeHidden();
  expect((await weak(page)).map((w) => w.village).sort()).toEqual(['东村', '西村']);
  await page.getByTestId('weak-remove').click();
  await confirmBox(page).getByRole('button', { name: '移出' }).click();
  await expect(listed(page).filter({ hasText: '柳河乡 西村' })).toHaveCount(0);
  expect((await weak(page)).map((w) => w.village)).toEqual(['东村']);

  // 东村 has 约谈 on record: refused in Chinese, still listed.
  await listed(page).filter({ hasText: '柳河乡 东村' }).click();
  await page.getByTestId('weak-remove').click();
  await confirmBox(page).getByRole('button', { name: '移出' }).click();
  await expect(page.locator('.ant-notification')).toContainText('柳河乡东村已有1条约谈或召回调换记录，记录在案，不能移出薄弱村名单');
  await expect(listed(page).filter({ hasText: '柳河乡 东村' })).toHaveCount(1);
  expect((await weak(page)).map((w) => w.village)).toEqual(['东村']);

  // The audit log shows the removal, newest first.
  await page.getByRole('menuitem', { name: '审计日志' }).click();
  await page.getByTestId('audit-groups').getByText('全部').click();
  const first = page.getByTestId('audit-list').locator('.ant-table-row').first();
  await expect(first).toContainText('删除');
  await expect(first).toContainText('薄弱村');
  await expect(first).toContainText('张晓梅');
  const removed = await newestAudit(page);
  expect([removed.entity, removed.action, removed.entityId]).toEqual(['weak_village', 'delete', west.id]);
  // Same page, 保障 by its menu and tab (it was a second test loading the app).
  await test.step('support: delete a payment and a policy; cancel changes nothing', async () => {
    const mine = async () => (await support(page)).rows.find((r) => r.cadreId === cityCadre)!;
    await page.getByRole('menuitem', { name: '项目与帮扶' }).click();
    await page.getByRole('tab', { name: '保障' }).click();
    const row = page.getByTestId('support-table').locator('.ant-table-row').filter({ hasText: '周海涛' });

    await row.getByRole('button', { name: '发放' }).click();
    const dialog = page.locator('.ant-modal').filter({ hasText: '登记补助发放' });
    await expect(dialog.getByTestId('payment-list')).toContainText(`第1季度 1,000.00 元，${TEST_YEAR}年4月10日发放`);
    await dialog.getByTestId('payment-list').getByRole('button', { name: '删除' }).click();
    await expect(confirmBox(page)).toContainText(
      `删除周海涛${TEST_YEAR}年第1季度的补助发放记录（1,000.00元，${TEST_YEAR}年4月10日发放）？`,
    );
    await page.screenshot({ path: `${SHOTS}/work-undo-payment.png` });
    await confirmBox(page).getByRole('button', { name: '取消' }).click();
    await expect(confirmBox(page)).toBeHidden();
    expect((await mine()).payments).toHaveLength(1);
    await dialog.getByTestId('payment-list').getByRole('button', { name: '删除' }).click();
    await confirmBox(page).getByRole('button', { name: '删除' }).click();
    await expect(dialog).toBeHidden();
    expect((await mine()).payments).toEqual([]);
    const paid = await newestAudit(page);
    expect([paid.entity, paid.action]).toEqual(['allowance_payment', 'delete']);

    // The policy, by keyboard.
    await row.getByRole('button', { name: '保险' }).click();
    const policy = page.locator('.ant-modal').filter({ hasText: '登记意外伤害保险' });
    const remove = policy.getByTestId('policy-list').getByRole('button', { name: '删除' });
    await expect(policy.getByTestId('policy-list')).toContainText('人保财险 PA-2026-17');
    await remove.focus();
    await page.keyboard.press('Enter');
    await expect(confirmBox(page)).toContainText(`删除周海涛的保单“人保财险 PA-2026-17”（${TEST_YEAR}年1月1日至${TEST_YEAR}年12月31日）？`);
    await page.keyboard.press('Escape');
    await expect(confirmBox(page)).toBeHidden();
    expect((await mine()).policies).toHaveLength(1);
    await remove.focus();
    await page.keyboard.press('Enter');
    await expect(confirmBox(page)).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(policy).toBeHidden();
    expect((await mine()).policies).toEqual([]);

    await page.getByRole('menuitem', { name: '审计日志' }).click();
    await page.getByTestId('audit-groups').getByText('全部').click();
    const rows = page.getByTestId('audit-list').locator('.ant-table-row');
    await expect(rows.first()).toContainText('删除');
    await expect(rows.first()).toContainText('保险');
    await expect(rows.nth(1)).toContainText('补助发放');
    const newest = await newestAudit(page);
    expect([newest.entity, newest.action]).toEqual(['insurance_policy', 'delete']);
  });
});
