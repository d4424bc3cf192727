/**
 * Five must-attends, checks and alerts as the clerk uses them on the demo county: record a
 * meeting with one cadre absent, record a county spot check finding a cadre off post, open 预警,
 * see both, and click through to the record.
 */
import { expect, test } from './fixtures';
import { noHorizontalOverflow } from './helpers';

// First run done with 载入演示数据: a copy of the prepared demo data folder (fixtures.ts).
test.use({ demoOperator: '李建国' });

test.describe.configure({ mode: 'serial' });

test('meeting and spot check recorded, their alerts open the records, a fix clears one', async ({ page, app }) => {
  test.setTimeout(240_000);
  await page.goto(app.url);
  await expect(page.getByTestId('cadre-count')).toHaveText('共 24 人', { timeout: 45_000 });
  await page.getByRole('menuitem', { name: '五必到与督查' }).click();
  // The demo's quarterly 五必到 events are listed (main/demo/demoAttendance.ts).
  await expect(page.getByTestId('event-table').locator('.ant-table-row').first()).toBeVisible();
  await page.getByRole('button', { name: '登记五必到事项' }).click();
  const dialog = page.getByRole('dialog', { name: '登记五必到事项' });
  await dialog.getByLabel('乡镇').click();
  await page.locator('.ant-select-item-option', { hasText: '石门镇' }).click();
  await dialog.getByLabel('事项名称').fill('冬季防火工作部署会');
  await dialog.getByLabel('地点').fill('石门镇政府三楼会议室');
  const cadres = dialog.getByTestId('event-cadres');
  await expect(cadres.getByText('杨帆')).toBeVisible();
  // Everyone is expected and present by default; the clerk marks the exception.
  await expect(dialog.getByTestId('event-tally')).toHaveText(/应到 \d+ 人，缺席 0 人/);
  await cadres.locator('.ant-table-row', { hasText: '杨帆' }).getByText('缺', { exact: true }).click();
  // An absence needs its reason: refused in Chinese, the dialog stays open.
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByText('请填写杨帆缺席的原因')).toBeVisible();
  await dialog.getByLabel('杨帆缺席原因').fill('外出未请假');
  await expect(dialog.getByTestId('event-tally')).toHaveText(/缺席 1 人/);
  await page.screenshot({ path: '/tmp/w3/event-dialog.png' });
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByTestId('event-table').locator('.ant-table-row', { hasText: '冬季防火工作部署会' });
  await expect(row).toContainText('石门镇');
  await expect(row).toContainText('1 人：杨帆');
  await page.screenshot({ path: '/tmp/w3/events-list.png' });
  expect((await noHorizontalOverflow(page)).scrollWidth).toBeLessThanOrEqual(1366);
  // The same page walks on (each step was a test loading the app again).
  await test.step('record a county spot check finding a cadre not on post, with the cap it implies', async () => {
    await page.getByRole('menuitem', { name: '五必到与督查' }).click();
    await page.getByRole('tab', { name: /督查/ }).click();
    await page.getByRole('button', { name: '登记督查' }).click();
    const dialog = page.getByRole('dialog', { name: '登记督查' });
    await dialog.getByLabel('乡镇').click();
    await page.locator('.ant-select-item-option', { hasText: '石门镇' }).click();
    await dialog.getByLabel('督查人 / 督查组').fill('县委组织部督查组');
    await dialog.getByLabel('督查发现').fill('抽查石门镇选派干部在岗情况，赵国庆不在岗');
    const cadres = dialog.getByTestId('check-cadres');
    await expect(cadres.getByText('赵国庆')).toBeVisible();
    const zhao = cadres.locator('.ant-table-row', { hasText: '赵国庆' });
    await expect(zhao.getByText('不限')).toBeVisible();
    await zhao.getByText('不在岗', { exact: true }).click();
    await dialog.getByLabel('赵国庆原因').fill('回县城办事未请假');
    // The year's count with this check and the grade cap under the county's rule.
    await expect(zhao).toContainText('1 次');
    await expect(zhao.getByText('不得评优')).toBeVisible();
    await page.screenshot({ path: '/tmp/w3/check-dialog.png' });
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(dialog).toBeHidden();
    const row = page.getByTestId('check-table').locator('.ant-table-row').first();
    await expect(row).toContainText('县级抽查');
    await expect(row).toContainText('1 人：赵国庆');
  });
  // Same page.
  await test.step('alerts show both absences and open the record they come from', async () => {
    await page.getByRole('menuitem', { name: '预警' }).click();
    const list = page.getByTestId('alert-list');
    const events = page.getByTestId('alert-group-五必到缺席');
    const checks = page.getByTestId('alert-group-督查不在岗');
    await expect(events).toContainText('杨帆缺席');
    await expect(events).toContainText('冬季防火工作部署会');
    await expect(events).toContainText('外出未请假');
    await expect(checks).toContainText('赵国庆在');
    await expect(checks).toContainText('不得评为优秀');
    // Old months are not hidden: the demo's uncertified months of this year are listed too.
    await expect(page.getByTestId('alert-counts')).toContainText('五必到缺席 1');
    // the demo's open 核查 case has its own 督查不在岗
    await expect(page.getByTestId('alert-counts')).toContainText(/督查不在岗 [1-9]/);
    await page.screenshot({ path: '/tmp/w3/alerts.png' });
    expect((await noHorizontalOverflow(page)).scrollWidth).toBeLessThanOrEqual(1366);

    // Filter by kind.
    await page.getByTestId('alert-counts').getByText('督查不在岗').click();
    await expect(events).toBeHidden();
    await expect(list.locator('section')).toHaveCount(1);

    // Click through to the check: the 督查 tab with the record open.
    await checks.locator('.ant-table-row').first().click();
    const dialog = page.getByRole('dialog', { name: '督查记录' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByLabel('督查人 / 督查组')).toHaveValue('县委组织部督查组');
    await expect(dialog.getByLabel('赵国庆原因')).toHaveValue('回县城办事未请假');
    await expect(page.getByRole('tab', { name: /督查/, selected: true })).toBeVisible();
    await page.screenshot({ path: '/tmp/w3/landed-check.png' });
    await dialog.getByRole('button', { name: '取消' }).click();

    // And the five-must alert lands on the event.
    await page.getByRole('menuitem', { name: '预警' }).click();
    await page.getByTestId('alert-group-五必到缺席').locator('.ant-table-row').first().click();
    const ev = page.getByRole('dialog', { name: '五必到事项' });
    await expect(ev.getByLabel('事项名称')).toHaveValue('冬季防火工作部署会');
    await expect(ev.getByLabel('杨帆缺席原因')).toHaveValue('外出未请假');
  });
  // Same page: the event the alert opened above is fixed in that dialog.
  await test.step('fixing the record clears the alert', async () => {
    const ev = page.getByRole('dialog', { name: '五必到事项' });
    const cadres = ev.getByTestId('event-cadres');
    await expect(cadres.getByText('杨帆')).toBeVisible();
    await cadres.locator('.ant-table-row', { hasText: '杨帆' }).getByText('到', { exact: true }).click();
    await ev.getByRole('button', { name: '保存' }).click();
    await expect(ev).toBeHidden();
    await page.getByRole('menuitem', { name: '预警' }).click();
    await expect(page.getByTestId('alert-counts')).toContainText('五必到缺席 0');
    await expect(page.getByTestId('alert-group-五必到缺席')).toHaveCount(0);
    await expect(page.getByTestId('alert-group-督查不在岗')).toBeVisible();
  });
});
