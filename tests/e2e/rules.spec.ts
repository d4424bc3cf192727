/**
 * 规则设置 as a clerk uses it (issue 13 item 4): the rules in force for the year with their
 * source, a refused change (Chinese message, nothing stored), a saved change that becomes the
 * year's version 1 with its note in the history, the year's 优秀 quota rule shown from the
 * scheme, and the values read back when the screen opens again. Works for whatever year the
 * screen opens on (it defaults to the clock's year).
 */
import { expect, test } from './fixtures';
import { invoke, noHorizontalOverflow, openEvaluationYear } from './helpers';
import { activateScheme, seedSmallCounty, type SmallCounty } from './seed';

let county: SmallCounty;

test('rule settings: refuse, save as a version, keep', async ({ page, app }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  // Seeded through the channels in this process: the page loads once, on the seeded county.
  county = await seedSmallCounty(app, 4, '2024-03-01');
  await page.goto(app.url);
  // A fresh start on a busy machine takes a while.
  await expect(page.getByRole('menuitem', { name: /规则设置/ })).toBeVisible({ timeout: 60_000 });
  await page.getByRole('menuitem', { name: /规则设置/ }).click();

  const screen = page.getByTestId('rules-page');
  const year = Number(((await page.getByTestId('rules-year').textContent()) ?? '').replace(/\D/g, ''));
  expect(year).toBeGreaterThan(2000);
  await activateScheme(page, county.countyId, year, 'wuping');
  await page.getByRole('menuitem', { name: /干部/ }).first().click();
  await page.getByRole('menuitem', { name: /规则设置/ }).click();

  await expect(page.getByTestId('rules-source')).toHaveText('默认设置（本县未另行设置）');
  await expect(screen.getByLabel('每月最少在岗天数')).toHaveValue('20');
  await expect(screen.getByLabel('考勤认定期限')).toHaveValue('10');
  await expect(screen.getByLabel('季度报告期限')).toHaveValue('10');
  await expect(screen.getByLabel('半年总结期限')).toHaveValue('15');
  await expect(screen.getByRole('switch', { name: '考核登记表打印组内排名' })).not.toBeChecked();
  await expect(page.getByTestId('rules-quota')).toContainText('按乡镇分配，名额 = 参评人数 × 20%，向下取整');

  // Thresholds out of order: the shared schema's Chinese message, nothing stored.
  await screen.getByLabel('不得评优秀的不在岗次数').fill('3');
  await screen.getByLabel('考勤认定期限').click();
  await page.getByTestId('rules-save').click();
  await expect(page.getByTestId('rules-error')).toContainText('督查不在岗次数门槛应依次不减');
  expect((await invoke<{ history: unknown[] }>(page, 'rules.get', { countyId: county.countyId, year })).history).toEqual([]);

  // A good change: saved as the year's first version, with the note.
  await screen.getByLabel('不得评优秀的不在岗次数').fill('1');
  await screen.getByLabel('考勤认定期限').fill('5');
  await screen.getByLabel('季度报告期限').fill('7');
  await screen.getByRole('switch', { name: '休息日计入在岗天数' }).click();
  await screen.getByRole('switch', { name: '考核登记表打印组内排名' }).click();
  await screen.getByLabel('修改说明').fill('依据县委组织部通知');
  await page.getByTestId('rules-save').click();
  await expect(page.getByText(`已保存为${year}年起施行的第1版规则`)).toBeVisible();
  await expect(page.getByTestId('rules-source')).toHaveText(`本县${year}年起施行的规则（第1版）`);
  await expect(page.getByTestId('rules-history')).toContainText('依据县委组织部通知');
  await expect(page.getByTestId('rules-history')).toContainText(`${year}年起`);
  expect(
    (await invoke<{ settings: Record<string, unknown> }>(page, 'rules.get', { countyId: county.countyId, year })).settings,
  ).toMatchObject({
    certifyDeadlineDays: 5,
    quarterDueDays: 7,
    restDaysCount: true,
    printRankOnSheet: true,
    checkAbsence: { noExcellentAt: 1, maxBasicAt: 2, incompetentAt: 3 },
  });
  const { scrollWidth, innerWidth } = await noHorizontalOverflow(page);
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
  await page.screenshot({ path: '/tmp/rules-settings.png', fullPage: true });

  // Read back when the screen opens again.
  await page.getByRole('menuitem', { name: /干部/ }).first().click();
  await expect(screen).toHaveCount(0);
  await page.getByRole('menuitem', { name: /规则设置/ }).click();
  await expect(screen.getByLabel('考勤认定期限')).toHaveValue('5');
  await expect(screen.getByRole('switch', { name: '休息日计入在岗天数' })).toBeChecked();

  // The cadre list shows 完整性 (the empty categories), not a count of materials.
  await page.getByRole('menuitem', { name: /干部/ }).first().click();
  const table = page.getByTestId('cadre-table');
  await expect(table.getByRole('columnheader', { name: '资料完整性' })).toBeVisible();
  await expect(table.getByRole('columnheader', { name: '材料数' })).toHaveCount(0);
  await expect(table.getByText('缺：调研报告、村情民情台账').first()).toBeVisible();

  // The scorer's evidence panel: which categories are empty, no item counts.
  await openEvaluationYear(page, year);
  await page.getByRole('tab', { name: '评分' }).click();
  await page.locator('input[data-r="0"][data-c="0"]').click();
  await page.keyboard.press('F2');
  const evidence = page.getByTestId('evidence-panel');
  await expect(evidence.getByTestId('evidence-bag-missing')).toHaveText(
    '尚未归档：调研报告、村情民情台账、会议记录、月考勤登记表、年度工作日志、工作汇报、工作总结',
  );
  await expect(evidence).not.toContainText(/\d+\s*件/);
  await page.screenshot({ path: '/tmp/rules-evidence.png' });
});
