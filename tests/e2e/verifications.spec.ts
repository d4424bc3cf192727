/**
 * 登记核查 in the real renderer over the real bridge, on a small seeded county (no demo): a
 * county check finds a cadre away on a day the township's certified register shows 在岗; the
 * township's register shows the open 核查; the 核查 screen lists it with the check, the
 * certified day and the secretary, filters by state, and concludes it 属实 with the action on
 * the secretary, which revokes the month and leads back to the register. Then a 4-day leave
 * approved by the township (the level chosen in the dialog) is marked 越权审批 and alerted.
 */
import { certificationWarnings } from '../../main/core/attendance/certifyChecks';
import { certifyMonth } from '../../main/core/attendance/certify';
import { storeGeneratedPdf } from '../../main/core/blobs/rows';
import { expect, test } from './fixtures';
import { invoke, samplePdf } from './helpers';
import { openApp, seedSmallCounty, type SmallCounty } from './seed';

test.describe.configure({ mode: 'serial' });

const MONTH = '2024-05';
const TODAY = '2024-06-20';
let county: SmallCounty;

test('seed: a certified May and a county check that contradicts it', async ({ app }) => {
  test.setTimeout(120_000);
  county = await seedSmallCounty(app, 2);
  const { db } = app.bridge.core.ctx;
  const town = county.townships[0]!;
  const scan = await storeGeneratedPdf(db, app.bridge.core.blobs, await samplePdf(), 2);
  const confirmations = certificationWarnings(db, town.id, MONTH, TODAY).map((w) => ({
    key: w.key,
    ...(w.needsNote ? { note: '经核实' } : {}),
  }));
  certifyMonth(db, {
    townshipId: town.id,
    month: MONTH,
    secretaryName: '赵书记',
    certifiedOn: '2024-06-03',
    sealApplied: true,
    scanSha256: scan.sha256,
    confirmations,
    today: TODAY,
  });
  const away = county.cadres[0]!;
  expect(away.townshipId).toBe(town.id);
  await invoke(app, 'checks.save', {
    check: { townshipId: town.id, level: '县级', kind: '县级抽查', date: '2024-05-14', checker: '县委组织部督查组', findings: '' },
    results: [{ cadreId: away.id, onPost: false, reason: '外出未请假' }],
  });
});

test('the register shows the open 核查; the 核查 screen concludes it 属实 and the month is revoked; leave records the approving level', async ({
  page,
  app,
}) => {
  test.setTimeout(120_000);
  await openApp(page, app.url);
  const town = county.townships[0]!;
  const away = county.cadres[0]!;

  // The township's register: the open 核查 stands above it.
  await page.getByRole('menuitem', { name: '考勤' }).click();
  await page.getByTestId('att-township').click();
  await page.locator('.ant-select-item-option', { hasText: town.name }).click();
  const banner = page.getByTestId('open-verifications');
  await expect(banner).toContainText('1起考勤登记不实待核查');
  await expect(banner).toContainText(`${away.name}2024年5月14日（赵书记认定为在岗）`);
  await banner.getByRole('button', { name: '去核查' }).click();

  // The 核查 screen opens on the 核查's year (2024).
  await expect(page.getByRole('tab', { name: '登记核查', selected: true })).toBeVisible();
  const table = page.getByTestId('verification-table');
  const row = table.locator('tbody tr.ant-table-row').first();
  await expect(row).toContainText('待核查');
  await expect(row).toContainText(away.name);
  await expect(row).toContainText('县级抽查（县级，县委组织部督查组）');
  await expect(row).toContainText('2024年5月考勤表记为在岗');
  await expect(row).toContainText('赵书记 2024年6月3日认定');

  // Filter by state: none 属实 yet, one 待核查.
  await page.getByTestId('verification-state').click();
  await page.locator('.ant-select-item-option', { hasText: '属实' }).first().click();
  await expect(table).toContainText('2024年没有属实考勤登记不实核查');
  await page.getByTestId('verification-state').click();
  await page.locator('.ant-select-item-option', { hasText: '待核查' }).click();
  await expect(row).toContainText('待核查');

  // Conclude: 属实 needs the action on the secretary (said in Chinese before anything is sent).
  await row.getByRole('button', { name: '办结' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('conclude-finding')).toContainText('发现' + away.name + '不在岗');
  await dialog.getByLabel('核查说明').fill('经谈话和走访，当日确未在岗');
  await dialog.getByText('属实（登记不实）').click();
  await dialog
    .getByRole('button', { name: '办 结' })
    .or(dialog.getByRole('button', { name: '办结' }))
    .click();
  await expect(dialog).toContainText('须填写对签字认定的乡镇党委书记的处理');
  await dialog.getByLabel('对签字认定的赵书记的处理').fill('对赵书记诫勉谈话');
  await expect(dialog).toContainText('办结后将撤销柳河乡2024年5月考勤的认定');
  await page.screenshot({ path: test.info().outputPath('conclude.png') });
  await dialog
    .getByRole('button', { name: '办 结' })
    .or(dialog.getByRole('button', { name: '办结' }))
    .click();
  await expect(dialog).toBeHidden();

  // The list: the filter shows nothing open; 属实 with the action; the notice leads to the register.
  await expect(page.getByTestId('revoked-notice')).toContainText('柳河乡2024年5月考勤的认定已撤销');
  await expect(table).toContainText('2024年没有待核查考勤登记不实核查');
  await page.getByTestId('verification-state').click();
  await page.locator('.ant-select-item-option', { hasText: '属实' }).first().click();
  await expect(row).toContainText('对赵书记诫勉谈话');
  await expect(row).toContainText('（已撤销）');
  await page.screenshot({ path: test.info().outputPath('verifications.png') });
  const stored = await invoke<Array<{ outcome: string; certificationActive: boolean }>>(page, 'verifications.list', { year: 2024 });
  expect(stored).toMatchObject([{ outcome: '属实', certificationActive: false }]);

  await page.getByTestId('revoked-notice').getByRole('button', { name: '前往考勤表' }).click();
  await expect(page.getByTestId('att-month')).toHaveValue('2024年5月');
  await expect(page.getByTestId('open-verifications')).toHaveCount(0);

  // The grid's marks add up to its totals: the county does not count rest days, so the
  // weekends and the May Day holiday show 休, never √, and 在岗 is the number of √.
  const gridRow = page.getByTestId(`att-row-${away.name}`);
  const marks = await gridRow
    .locator('td.ob-att-cell')
    .evaluateAll((tds) => tds.map((td) => Array.from(td.querySelectorAll('span')).map((s) => s.textContent ?? '')));
  expect(marks).toHaveLength(31);
  const days = (m: string) => marks.reduce((n, c) => n + c.filter((x) => x === m).length / c.length, 0);
  expect(days('休')).toBeGreaterThan(0);
  await expect(gridRow.getByTestId('total-onpost')).toHaveText(String(days('√')));
  expect(marks[4]).toEqual(['休']); // Sunday 5 May, a holiday
  expect(marks[10]).toEqual(['√']); // Saturday 11 May, a make-up workday

  // The month is open again. Leave of 4 days needs 县委组织部; the township approves it: the
  // dialog says 越权审批, the list marks it, and the alert names the level that approved.
  await invoke(page, 'attendance.leave.add', {
    cadreId: away.id,
    type: '事假',
    start: '2024-05-20',
    startHalf: '上',
    end: '2024-05-23',
    endHalf: '下',
    reason: '家中老人住院陪护',
  });
  await page.getByText('请假登记', { exact: true }).click();
  const leave = page.getByTestId('leave-table').locator('tr.ant-table-row', { hasText: away.name });
  await expect(leave).toContainText('待审批');
  await leave.getByRole('button', { name: '批准', exact: true }).click();
  const ap = page.getByRole('dialog', { name: '批准请假' });
  await expect(ap.getByTestId('required-level')).toContainText('按本县规定须由县委组织部审批');
  await ap.getByLabel('审批人').fill('赵书记');
  await ap.getByRole('button', { name: '确定' }).click();
  await expect(ap).toContainText('请选择实际审批的层级');
  await ap.getByLabel('审批层级').click();
  await page.locator('.ant-select-item-option', { hasText: '乡镇党委' }).click();
  await expect(ap.getByTestId('overreach')).toContainText('由乡镇党委批准属越权审批');
  await ap.getByRole('button', { name: '确定' }).click();
  await expect(ap).toBeHidden();
  await expect(leave).toContainText('赵书记（乡镇党委）');
  await expect(leave).toContainText('越权审批');
  await page.screenshot({ path: test.info().outputPath('leave.png') });
  const alerts = await invoke<Array<{ kind: string; cadreName?: string; message: string }>>(page, 'alerts.list', { year: 2024 });
  const overreach = alerts.filter((a) => a.kind === '请假越权审批');
  expect(overreach).toHaveLength(1);
  expect(overreach[0]).toMatchObject({ cadreName: away.name });
  expect(overreach[0]!.message).toContain('实由乡镇党委（赵书记）批准');
});
