/**
 * 审计日志 in the real renderer over the real bridge: inspector quick filters, the entry's
 * before/after drawer by keyboard, the chain badge (also after tampering through a second
 * connection), the print preview, and the 当前操作员 prompt on a later start.
 */
import Database from 'better-sqlite3';
import path from 'node:path';
import { certificationWarnings } from '../../main/core/attendance/certifyChecks';
import { certifyMonth, revokeCertification } from '../../main/core/attendance/certify';
import { audit } from '../../main/core/audit/log';
import { storeGeneratedPdf } from '../../main/core/blobs/rows';
import { expect, test } from './fixtures';
import { TEST_NOW, TEST_TODAY } from '../fixtures/testToday';
import { noHorizontalOverflow, samplePdf } from './helpers';
import { dateLabel, monthLabel } from '../../shared/dates';

// First run done with 载入演示数据: a copy of the prepared demo data folder (fixtures.ts).
test.use({ demoOperator: '张晓梅' });

test.describe.configure({ mode: 'serial' });

const lastMonth = () => {
  const d = new Date(TEST_NOW);
  d.setDate(1);
  d.setMonth(d.getMonth() - 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
};

test('inspector events are one click away, with before/after and the chain status', async ({ page, app }) => {
  test.setTimeout(300_000);
  await page.goto(app.url);
  await expect(page.getByTestId('status-bar')).toContainText('张晓梅', { timeout: 60_000 });

  // A township secretary certifies last month, the county revokes it, and it is certified again.
  const { db } = app.bridge.core.ctx;
  const town = db.prepare('SELECT id, name FROM townships ORDER BY id LIMIT 1').get() as { id: number; name: string };
  const scan = await storeGeneratedPdf(db, app.bridge.core.blobs, await samplePdf(), 2);
  const month = lastMonth();
  const today = TEST_TODAY;
  // Each warning of the month is confirmed, as the secretary does in the dialog.
  const confirmations = certificationWarnings(db, town.id, month, today).map((w) => ({
    key: w.key,
    ...(w.needsNote ? { note: '经核实' } : {}),
  }));
  const input = {
    townshipId: town.id,
    month,
    secretaryName: '王建军',
    certifiedOn: today,
    sealApplied: true,
    scanSha256: scan.sha256,
    confirmations,
    today,
  };
  certifyMonth(db, input);
  revokeCertification(db, { townshipId: town.id, month, reason: '第三周考勤登记有误，需更正' });
  certifyMonth(db, { ...input, secretaryName: '王建军' });

  // The demo's own year of certifications is in the log too: these three are the newest.
  const certEvents = db
    .prepare("SELECT COUNT(*) FROM audit_log WHERE entity = 'attendance_certification' AND action IN ('create', 'certify')")
    .pluck()
    .get() as number;
  // The 考勤认定 group: certifications and revocations.
  const certEntries = () =>
    db
      .prepare(
        "SELECT COUNT(*) FROM audit_log WHERE entity = 'attendance_certification' AND action IN ('create', 'certify', 'update', 'revoke')",
      )
      .pluck()
      .get() as number;
  await page.getByRole('menuitem', { name: '审计日志' }).click();
  await expect(page.getByTestId('audit-chain')).toHaveText('完整');
  await page.getByTestId('audit-groups').getByText('考勤认定').click();
  await expect(page.getByTestId('audit-total')).toHaveText(`共 ${certEntries()} 条`);
  expect(certEvents).toBeGreaterThan(3);
  const rows = page.getByTestId('audit-list').locator('.ant-table-row');
  await expect(rows.nth(2)).toBeVisible();
  await expect(rows.nth(0)).toContainText('考勤认定');
  await expect(rows.nth(1)).toContainText('撤销考勤认定');
  await expect(rows.nth(1)).toContainText(town.name);
  await expect(rows.nth(1)).toContainText('张晓梅');

  // Keyboard: focus the revocation row, Enter opens the drawer with the field-by-field diff.
  await rows.nth(1).focus();
  await page.keyboard.press('Enter');
  const drawer = page.getByTestId('audit-drawer');
  await expect(drawer).toBeVisible();
  const diff = drawer.getByTestId('audit-diff');
  await expect(diff.locator('tr', { hasText: '撤销原因' })).toContainText('第三周考勤登记有误，需更正');
  await expect(diff.locator('tr', { hasText: '撤销原因' })).toContainText('（空）');
  // Chinese labels and values: no column names, no hashes, 是/否 for flags
  await expect(diff.locator('tr', { hasText: '已盖章' })).toContainText('是');
  await expect(diff.locator('tr', { hasText: '认定扫描件' })).toBeVisible();
  await expect(drawer.getByTestId('audit-diff')).not.toContainText(/[a-z]+_[a-z]+|[0-9a-f]{64}/);
  // Days and months as every page writes them, never ISO
  await expect(diff.locator('tr', { hasText: '月份' })).toContainText(monthLabel(month));
  await expect(diff.locator('tr', { hasText: '认定日期' })).toContainText(dateLabel(today));
  await expect(diff).not.toContainText(/\d{4}-\d{2}/);
  expect((await noHorizontalOverflow(page)).scrollWidth).toBeLessThanOrEqual(1366);
  await page.screenshot({ path: '/tmp/audit-drawer.png' });
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();

  // 考核定稿: the demo county finalised its full year; the list holds exactly the log's entries.
  const finalised = db
    .prepare(
      `SELECT id, json_extract(detail, '$.county') AS county, json_extract(detail, '$.year') AS year FROM audit_log
       WHERE entity = 'eval_year' AND action IN ('finalise', 'reopen') ORDER BY id DESC`,
    )
    .all() as Array<{ id: number; county: string; year: number }>;
  expect(finalised.length).toBeGreaterThan(0);
  await page.getByTestId('audit-groups').getByText('考核定稿').click();
  await expect(page.getByTestId('audit-total')).toHaveText(`共 ${finalised.length} 条`);
  await expect(rows).toHaveCount(finalised.length);
  await expect(rows.first()).toContainText('考核定档');
  await expect(rows.first()).toContainText(`${finalised[0]!.county} ${finalised[0]!.year}年度`);
  // 全部 lists the demo's setup too.
  await page.getByTestId('audit-groups').getByText('全部').click();
  await expect(rows.first()).toBeVisible();
  expect(await rows.count()).toBeGreaterThan(3);
  // Records by their names (issue 14 finding 4): the demo's last entries, its 督查 and 包县领导, never 督查 第136号
  await expect(page.getByTestId('audit-list')).toContainText(/新增市委组织部包县领导\s*(王建国|李红梅)/);
  await expect(page.getByTestId('audit-list')).toContainText(/新增督查\s*\S+ \d{4}年\d{1,2}月\d{1,2}日/);
  await expect(page.getByTestId('audit-list')).not.toContainText(/第\d+号/);
  // and the leader's contract periods in the drawer in the one date format
  await rows.filter({ hasText: '新增市委组织部包县领导' }).first().click();
  await expect(drawer).toContainText(/\d{4}年\d{1,2}月\d{1,2}日 至/);
  await expect(drawer).not.toContainText(/\d{4}-\d{2}-\d{2}/);
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();

  // Record types by name (never 新增signing_key), detail keys by label (never bundleId, cadreIds)
  const cadreIds = (db.prepare('SELECT id FROM cadres ORDER BY id LIMIT 2').all() as Array<{ id: number }>).map((c) => c.id);
  audit(db, 'create', 'signing_key', null, { fingerprint: 'AB12CD34' });
  audit(db, 'export', 'bundle', null, { bundleId: 'b-1', cadreIds });
  await page
    .getByRole('button', { name: '刷新' })
    .click()
    .catch(() => undefined);
  await page.getByTestId('audit-groups').getByText('考勤认定').click();
  await page.getByTestId('audit-groups').getByText('全部').click();
  await expect(rows.nth(1)).toContainText('新增本机签名密钥');
  await expect(page.getByTestId('audit-list')).not.toContainText(/signing_key|bundleId|cadreIds/);
  await rows.nth(0).focus();
  await page.keyboard.press('Enter');
  await expect(drawer).toContainText('导出数据包');
  await expect(drawer).toContainText('干部');
  await expect(drawer).not.toContainText(/bundleId|cadreIds/);
  await page.keyboard.press('Escape');

  // Dates are typed as people write them; a wrong one is marked, in Chinese
  const fromBox = page.getByLabel('开始日期');
  await fromBox.fill('2099年1月1日');
  await expect(page.getByText('没有符合条件的记录')).toBeVisible();
  await fromBox.fill('1/2/abc');
  await expect(fromBox).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('日期格式不对')).toBeVisible();
  await fromBox.fill('');
  await expect(rows.first()).toBeVisible();

  // Print the certification events: a preview of the generated PDF.
  await page.getByTestId('audit-groups').getByText('考勤认定').click();
  await expect(rows.nth(2)).toBeVisible();
  await page.getByRole('button', { name: '打印' }).click();
  // The demo's year of certifications makes a PDF of several pages: on a loaded machine that takes a while.
  await expect(page.getByTestId('audit-print-summary')).toHaveText(new RegExp(`^共 ${certEntries()} 条记录，\\d+ 页$`), {
    timeout: 60_000,
  });
  await expect(page.getByTestId('pdf-preview').locator('canvas').first()).toBeVisible({ timeout: 20_000 });
  await page.screenshot({ path: '/tmp/audit-print.png' });
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('audit-print-summary')).toBeHidden();
  await page.screenshot({ path: '/tmp/audit-page.png' });
  // Same page: leave the log and come back, which checks the chain again (it was a second test loading the app).
  await test.step('an entry changed behind the app shows on the chain badge', async () => {
    const other = new Database(path.join(app.dataDir, 'onebag.sqlite'));
    try {
      other.exec('DROP TRIGGER audit_log_no_update');
      other.prepare("UPDATE audit_log SET operator = '某人' WHERE id = 3").run();
    } finally {
      other.close();
    }
    await page.getByRole('menuitem', { name: '干部' }).click();
    await page.getByRole('menuitem', { name: '审计日志' }).click();
    await expect(page.getByTestId('audit-chain')).toHaveText('第3条起被改动');
  });
});

test('a later start asks for the operator; Enter keeps the name, a new name signs the changes', async ({ page, app }) => {
  test.setTimeout(180_000);
  await app.restart({ askOperator: true });
  await page.goto(app.url);
  const prompt = page.getByRole('dialog', { name: '当前操作员' });
  await expect(prompt).toBeVisible({ timeout: 60_000 });
  await expect(prompt.getByLabel('当前操作员')).toHaveValue('张晓梅');
  await page.screenshot({ path: '/tmp/audit-operator.png' });
  await page.keyboard.press('Enter');
  await expect(prompt).toBeHidden();
  await expect(page.getByTestId('status-bar')).toContainText('张晓梅');

  // A reload in the same run does not ask again.
  await page.reload();
  await expect(page.getByTestId('status-bar')).toContainText('张晓梅', { timeout: 60_000 });
  await expect(page.getByRole('dialog', { name: '当前操作员' })).toHaveCount(0);

  await app.restart({ askOperator: true });
  await page.goto(app.url);
  await expect(page.getByRole('textbox', { name: '当前操作员' })).toBeVisible({ timeout: 60_000 });
  await page.getByRole('textbox', { name: '当前操作员' }).fill('李建国');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('status-bar')).toContainText('李建国', { timeout: 60_000 });
  const { db } = app.bridge.core.ctx;
  const town = db.prepare('SELECT id FROM townships ORDER BY id LIMIT 1').get() as { id: number };
  // the month before last, which the demo certified (last month is not yet due)
  const [y, m] = lastMonth().split('-').map(Number) as [number, number];
  const certified = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
  revokeCertification(db, { townshipId: town.id, month: certified, reason: '乡镇重新核对后再认定' });
  await page.getByRole('menuitem', { name: '审计日志' }).click();
  await page.getByTestId('audit-groups').getByText('考勤认定').click();
  await expect(page.getByTestId('audit-list').locator('.ant-table-row').first()).toContainText('李建国');
});
