/**
 * The monthly workflow as the county clerk does it, in real Chromium over the real bridge:
 * open 柳河乡's last month, mark exceptions with the mouse and the keyboard, undo and redo,
 * certify with a scanned PDF, be refused while locked, revoke with a reason, edit, read the
 * history, and find the scan in a cadre's bag under 月考勤登记表.
 */
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { TEST_NOW } from '../fixtures/testToday';
import { makeIdNumber } from '../fixtures/makeRoster';
import { confirmCertifyWarnings, dropFiles, invoke } from './helpers';
import { countRestDaysOnPost } from './seed';

// First run done with 载入演示数据: a copy of the prepared demo data folder (fixtures.ts).
test.use({ demoOperator: '张晓梅' });

test.describe.configure({ mode: 'serial' });

const now = TEST_NOW;
const prev = new Date(now.getFullYear(), now.getMonth() - 1, 1);
const MONTH_LABEL = `${prev.getFullYear()}年${prev.getMonth() + 1}月`;
const DAYS = new Date(prev.getFullYear(), prev.getMonth() + 1, 0).getDate();
const YM = `${prev.getFullYear()}-${String(prev.getMonth() + 1).padStart(2, '0')}`;
/** History entries the demo itself left on 柳河乡's last month (its grid entered through the core). */
let demoHistory = 0;

async function scanPdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([842, 595]);
  page.drawText('Liuhe township attendance register, signed and sealed', { x: 40, y: 540, size: 16, font });
  page.drawCircle({ x: 700, y: 120, size: 50, borderColor: rgb(0.8, 0.1, 0.1), borderWidth: 3 });
  return Buffer.from(await doc.save());
}

const grid = (page: Page) => page.getByTestId('att-grid');
const rowAt = (page: Page, i: number) => grid(page).locator('tbody tr').nth(i);
const cell = (row: Locator, day: number) => row.locator(`td[data-c="${day - 1}"]`);

async function openLiuhe(page: Page, app: { url: string }) {
  await page.goto(app.url);
  await page.getByRole('menuitem', { name: '考勤' }).click();
  await page.getByTestId('att-township').click();
  await page.locator('.ant-select-item-option', { hasText: '柳河乡' }).click();
  await expect(rowAt(page, 0)).toBeVisible();
}

// Set up in this process, no page: every test below opens the app itself (issue 15).
test('seed: the demo county counts rest days', async ({ app }) => {
  // These specs exercise the grid on calendar days, with rest days counted as on post.
  countRestDaysOnPost(app);
  const { db } = app.bridge.core.ctx;
  const liuhe = db.prepare(`SELECT id FROM townships WHERE name = '柳河乡'`).pluck().get() as number;
  demoHistory = (await invoke<unknown[]>(app, 'attendance.history', { townshipId: liuhe, month: YM })).length;
  expect(demoHistory).toBeGreaterThan(0);
});

test('mark exceptions with the mouse and the keyboard, undo and redo', async ({ page, app }) => {
  await openLiuhe(page, app);
  await expect(page.getByTestId('att-month')).toHaveValue(MONTH_LABEL);
  const first = rowAt(page, 0);
  const second = rowAt(page, 1);
  await expect(first.getByTestId('total-onpost')).toHaveText(String(DAYS));
  await expect(cell(first, 3)).toHaveText('√');

  // Drag from day 3 to day 5 and type S (事假).
  const a = await cell(first, 3).boundingBox();
  const b = await cell(first, 5).boundingBox();
  await page.mouse.move(a!.x + a!.width / 2, a!.y + a!.height / 2);
  await page.mouse.down();
  await page.mouse.move(b!.x + b!.width / 2, b!.y + b!.height / 2, { steps: 4 });
  await page.mouse.up();
  await page.keyboard.press('s');
  for (const d of [3, 4, 5]) await expect(cell(first, d)).toHaveText('事');
  await expect(cell(first, 6)).toHaveText('√');
  await expect(first.getByTestId('total-onpost')).toHaveText(String(DAYS - 3));
  await expect(first.getByTestId('total-leave')).toHaveText('3');

  // Keyboard: the cursor is on day 5 of row 1; down one row, right two days, Q (缺勤).
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('q');
  await expect(cell(second, 7)).toHaveText('缺');
  await expect(second.getByTestId('total-absent')).toHaveText('1');
  await expect(second.getByTestId('total-onpost')).toHaveText(String(DAYS - 1));

  // Alt+S marks only the morning of the next day.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Alt+s');
  await expect(cell(second, 8)).toHaveAttribute('title', /上午事假，下午在岗/);
  await expect(second.getByTestId('total-onpost')).toHaveText(String(DAYS - 1.5));

  // Undo twice (the half day, then the 缺勤), redo once.
  await page.keyboard.press('Control+z');
  await expect(cell(second, 8)).toHaveText('√');
  await page.keyboard.press('Control+z');
  await expect(cell(second, 7)).toHaveText('√');
  await expect(second.getByTestId('total-absent')).toHaveText('0');
  await page.keyboard.press('Control+y');
  await expect(cell(second, 7)).toHaveText('缺');
  await expect(second.getByTestId('total-absent')).toHaveText('1');

  // Still there after reloading the page: it was saved, not just drawn.
  await openLiuhe(page, app);
  await expect(page.locator('.ant-select-dropdown')).toBeHidden();
  await expect(cell(rowAt(page, 0), 4)).toHaveText('事');
  await expect(cell(rowAt(page, 1), 7)).toHaveText('缺');
  await page.screenshot({ path: '/tmp/w1-grid.png' });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  const box = await grid(page).evaluate((el) => ({ sw: el.scrollWidth, cw: el.clientWidth }));
  expect(box.sw).toBeLessThanOrEqual(box.cw);
  // The toolbar (with the printing and import buttons) stays on one line.
  const y1 = (await page.getByTestId('att-township').boundingBox())!.y;
  const y2 = (await page.getByRole('button', { name: '考勤设置' }).boundingBox())!.y;
  expect(Math.abs(y1 - y2)).toBeLessThan(8);
});

test('certify with the scan; the locked month refuses edits; revoke, edit, and read the history', async ({ page, app }) => {
  await openLiuhe(page, app);
  await page.getByRole('button', { name: '认定本月考勤' }).click();
  const dlg = page.getByRole('dialog', { name: /认定 柳河乡/ });
  await dlg.getByLabel('乡镇党委书记姓名').fill('韩立新');
  // Each problem of the month (事假 without leave, 缺勤, short months) is confirmed one by one.
  await confirmCertifyWarnings(dlg);
  // Without the seal the server refuses and says why.
  await dropFiles(dlg.getByTestId('certify-scan'), [
    { name: '柳河乡考勤表签章扫描件.pdf', mime: 'application/pdf', bytes: await scanPdf() },
  ]);
  await expect(dlg.getByTestId('certify-scan')).toContainText('柳河乡考勤表签章扫描件.pdf');
  await dlg.getByRole('button', { name: '认定并锁定' }).click();
  await expect(dlg.getByTestId('certify-error')).toContainText('须加盖乡镇党委公章');
  await dlg.getByRole('checkbox', { name: /已加盖乡镇党委公章/ }).check();
  await dlg.getByRole('button', { name: '认定并锁定' }).click();
  await expect(dlg).toBeHidden();
  const banner = page.getByTestId('cert-banner');
  await expect(banner).toContainText('已认定并锁定');
  await expect(banner).toContainText('韩立新');
  await expect(banner).toContainText('已盖章');
  await page.screenshot({ path: '/tmp/w1-certified.png' });

  // The scan opens from the banner.
  await banner.getByTestId('show-scan').click();
  await expect(page.locator('.ob-pdf-wrap canvas').first()).toBeVisible();
  await page.keyboard.press('Escape');

  // An edit on the locked month: the server refuses, the message is shown, the cell is unchanged.
  await cell(rowAt(page, 2), 10).click();
  await page.keyboard.press('b');
  await expect(page.getByText('该月考勤已由乡镇党委认定，修改前须先撤销认定并说明原因')).toBeVisible();
  await expect(cell(rowAt(page, 2), 10)).toHaveText('√');

  // Revoke with a reason (a short one is refused first).
  await banner.getByRole('button', { name: '撤销认定' }).click();
  const rv = page.getByRole('dialog', { name: /撤销 柳河乡/ });
  await rv.getByLabel('撤销原因').fill('漏记');
  await rv.getByRole('button', { name: '撤销认定' }).click();
  await expect(rv.getByTestId('revoke-error')).toContainText('不少于4个字');
  await rv.getByLabel('撤销原因').fill('纸质表漏记一名干部的病假');
  await rv.getByRole('button', { name: '撤销认定' }).click();
  await expect(rv).toBeHidden();
  await expect(banner).toContainText('未认定');

  await cell(rowAt(page, 2), 10).click();
  await page.keyboard.press('b');
  await expect(cell(rowAt(page, 2), 10)).toHaveText('病');
  const name2 = (await rowAt(page, 2).locator('th').first().textContent())!.trim();

  await page.getByRole('button', { name: '历史记录' }).click();
  const history = page.getByTestId('history-table');
  // The demo's own entries, 6 edit calls in the first test (drag, Q, Alt+S, two undos, one redo), then certify, revoke, edit.
  await expect(history.locator('tbody tr.ant-table-row')).toHaveCount(demoHistory + 9);
  const rows = history.locator('tbody tr.ant-table-row');
  // Newest first: the edit after revocation, the revocation, the certification.
  await expect(rows.nth(0)).toContainText('修改考勤');
  await expect(rows.nth(0)).toContainText(`${name2}`);
  await expect(rows.nth(0)).toContainText('在岗→病假');
  await expect(rows.nth(1)).toContainText('撤销认定');
  await expect(rows.nth(1)).toContainText('纸质表漏记一名干部的病假');
  await expect(rows.nth(2)).toContainText('认定');
  await expect(rows.nth(2)).toContainText('韩立新');
  for (let i = 0; i < 3; i++) await expect(rows.nth(i)).toContainText('张晓梅');
  await page.screenshot({ path: '/tmp/w1-history.png' });
  await page.keyboard.press('Escape');

  // Certify again with the corrected register.
  await page.getByRole('button', { name: '认定本月考勤' }).click();
  const again = page.getByRole('dialog', { name: /认定 柳河乡/ });
  await again.getByLabel('乡镇党委书记姓名').fill('韩立新');
  await confirmCertifyWarnings(again);
  await again.getByRole('checkbox', { name: /已加盖乡镇党委公章/ }).check();
  await again
    .getByTestId('certify-scan-input')
    .setInputFiles({ name: '柳河乡考勤表签章扫描件（更正）.pdf', mimeType: 'application/pdf', buffer: await scanPdf() });
  await expect(again.getByTestId('certify-scan')).toContainText('（更正）');
  await again.getByRole('button', { name: '认定并锁定' }).click();
  await expect(banner).toContainText('已认定并锁定');
});

test('the certified scan is in a cadre bag under 月考勤登记表', async ({ page, app }) => {
  await openLiuhe(page, app);
  const name = (await rowAt(page, 0).locator('th').first().textContent())!.trim();
  await page.getByRole('menuitem', { name: '干部' }).click();
  await page.getByTestId('cadre-search').fill(name);
  await page.getByTestId('cadre-table').locator('.ant-table-row', { hasText: name }).first().click();
  await page.getByRole('tab', { name: '资料袋' }).click();
  const title = `柳河乡选派干部${MONTH_LABEL}考勤登记表（签字盖章）`;
  await expect(page.getByText(title, { exact: true })).toBeVisible();
  await expect(page.getByText(`${title}（认定已撤销）`, { exact: true })).toBeVisible();
  await page.screenshot({ path: '/tmp/w1-bag.png' });
});

test('leave: register 4 days, the county level is required, approval fills the grid', async ({ page, app }) => {
  const ym = `${prev.getFullYear()}-${String(prev.getMonth() + 1).padStart(2, '0')}`;
  await page.goto(app.url);
  await page.getByRole('menuitem', { name: '考勤' }).click();
  await page.getByTestId('att-township').click();
  await page.locator('.ant-select-item-option', { hasText: '杏林镇' }).click();
  await expect(rowAt(page, 0)).toBeVisible();
  const name = (await rowAt(page, 0).locator('th').first().textContent())!.trim();
  await page.getByText('请假登记', { exact: true }).click();
  await page.getByRole('button', { name: '登记请假' }).click();
  const dlg = page.getByRole('dialog', { name: '登记请假' });
  await dlg.getByLabel('请假干部').click();
  await page.locator('.ant-select-item-option', { hasText: name }).first().click();
  await dlg.getByLabel('开始日期').fill(`${ym}-20`);
  await dlg.getByLabel('开始日期').press('Enter');
  await dlg.getByLabel('结束日期').fill(`${ym}-23`);
  await dlg.getByLabel('结束日期').press('Enter');
  await expect(dlg.getByTestId('leave-level')).toContainText('共 4 天，须由县委组织部审批');
  await dlg.getByLabel('请假事由').fill('家中老人住院陪护');
  await dlg.getByRole('button', { name: '保存' }).click();
  await expect(dlg).toBeHidden();
  const table = page.getByTestId('leave-table');
  const row = table.locator('tr.ant-table-row', { hasText: name });
  await expect(row).toContainText('待审批');
  await expect(row).toContainText('县委组织部');
  await row.getByRole('button', { name: '批准', exact: true }).click();
  const ap = page.getByRole('dialog', { name: '批准请假' });
  await expect(ap.getByTestId('required-level')).toContainText('按本县规定须由县委组织部审批');
  await ap.getByLabel('审批人').fill('县委组织部王部长');
  await ap.getByLabel('审批层级').click();
  await page.locator('.ant-select-item-option', { hasText: '县委组织部' }).click();
  await expect(ap.getByTestId('overreach')).toHaveCount(0);
  await ap.getByRole('button', { name: '确定' }).click();
  await expect(row).toContainText('已批准');
  await expect(row).toContainText('县委组织部王部长（县委组织部）');
  await expect(row).not.toContainText('越权审批');
  await page.screenshot({ path: '/tmp/w1-leave.png' });
  await page.getByText('月考勤表', { exact: true }).click();
  for (const d of [20, 21, 22, 23]) await expect(cell(rowAt(page, 0), d)).toHaveText('事');
  await expect(rowAt(page, 0).getByTestId('total-leave')).toHaveText('4');

  // County settings: the township may approve up to 5 days from now on.
  await page.getByRole('button', { name: '考勤设置' }).click();
  const drawer = page.getByRole('dialog', { name: /考勤设置/ });
  await drawer.getByRole('spinbutton', { name: /乡镇审批天数上限/ }).fill('5');
  await drawer.getByRole('button', { name: '保存设置' }).click();
  await expect(page.getByText('考勤设置已保存')).toBeVisible();
  await expect(drawer).toContainText('国庆节');
  await page.screenshot({ path: '/tmp/w1-settings.png' });
  await page.keyboard.press('Escape');
  await page.getByText('请假登记', { exact: true }).click();
  await expect(page.getByText(/请假 5 天以内由乡镇党委审批/)).toBeVisible();
});

test('40 cadres × 31 days: one key marks the whole month, a single cell answers', async ({ page, app }) => {
  // Top 石门镇 up to 40 cadres posted for the whole month (seeded straight into the real database).
  const { db } = app.bridge.core.ctx;
  const t = db.prepare(`SELECT id FROM townships WHERE name = '石门镇'`).get() as { id: number };
  const first = `${prev.getFullYear()}-${String(prev.getMonth() + 1).padStart(2, '0')}-01`;
  const last = `${first.slice(0, 8)}${DAYS}`;
  const have = (
    db
      .prepare('SELECT COUNT(DISTINCT cadre_id) AS n FROM postings WHERE township_id = ? AND start <= ? AND ("end" IS NULL OR "end" >= ?)')
      .get(t.id, last, first) as { n: number }
  ).n;
  const at = new Date().toISOString();
  for (let i = 0; have + i < 40; i++) {
    const id = Number(
      db
        .prepare(
          `INSERT INTO cadres (name, gender, id_number, party_status, level, post_type, created_at, updated_at)
           VALUES (?, '男', ?, '中共党员', '县级', '驻村工作队员', ?, ?)`,
        )
        .run(`测试队员${String(i + 1).padStart(2, '0')}`, makeIdNumber('210726', '1990-01-01', 700 + i, true), at, at).lastInsertRowid,
    );
    db.prepare('INSERT INTO postings (cadre_id, township_id, village_id, start, "end") VALUES (?, ?, NULL, ?, NULL)').run(
      id,
      t.id,
      '2024-03-01',
    );
  }
  await page.goto(app.url);
  await page.getByRole('menuitem', { name: '考勤' }).click();
  await page.getByTestId('att-township').click();
  await page.locator('.ant-select-item-option', { hasText: '石门镇' }).click();
  await expect(grid(page).locator('tbody tr')).toHaveCount(40);

  // Select everything with click + shift-click, then one key: 1,240 cells saved and redrawn.
  await cell(rowAt(page, 0), 1).click();
  await rowAt(page, 39).scrollIntoViewIfNeeded();
  await cell(rowAt(page, 39), DAYS).click({ modifiers: ['Shift'] });
  let t0 = Date.now();
  await page.keyboard.press('g');
  await expect(cell(rowAt(page, 39), DAYS)).toHaveText('出');
  await expect(cell(rowAt(page, 0), 1)).toHaveText('出');
  const whole = Date.now() - t0;
  // 公出 counts as on post by default, so the totals stay whole.
  await expect(rowAt(page, 39).getByTestId('total-onpost')).toHaveText(String(DAYS));

  await cell(rowAt(page, 20), 15).click();
  t0 = Date.now();
  await page.keyboard.press('z');
  await expect(cell(rowAt(page, 20), 15)).toHaveText('√');
  const single = Date.now() - t0;
  console.log(`40×${DAYS} grid: whole month marked in ${whole} ms, one cell in ${single} ms`);
  // The times are printed, never asserted: a test must not fail on a busy machine (speed is
  // measured in bench/; the grid's own targets are in bench/attendance.bench.ts).

  // Twelve days 缺勤 puts a cadre below the minimum: the row is highlighted, the total in red.
  const r3 = rowAt(page, 3);
  await cell(r3, 1).click();
  await cell(r3, 12).click({ modifiers: ['Shift'] });
  await page.keyboard.press('q');
  await expect(r3.getByTestId('total-onpost')).toHaveText(String(DAYS - 12));
  await expect(r3).toHaveClass(/short/);
  await expect(r3.getByTestId('total-onpost')).toHaveCSS('color', 'rgb(180, 35, 24)');
  await expect(rowAt(page, 4)).not.toHaveClass(/short/);
  await expect(page.getByTestId('att-foot')).toContainText('1 人在岗不足');
  await page.screenshot({ path: '/tmp/w1-40.png' });
});
