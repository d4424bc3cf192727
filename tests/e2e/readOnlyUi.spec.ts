/**
 * Review copies in the real renderer over the real bridge: the demo county marked imported (as an
 * exchange import leaves it) next to an own county built through the core functions. On the
 * imported county's records the UI offers no change (disabled with 「评审副本，只读」, no drop
 * zone, a grid that ignores keys), while viewing and previewing stay; the own county stays editable.
 */
import type { Page } from '@playwright/test';
import type { MonthGridView } from '../../shared/api/attendance';
import type { CadreListRow } from '../../shared/domain';
import { createCadre } from '../../main/core/cadres/cadres';
import { addCounty, addTownship } from '../../main/core/org/org';
import { idCheckChar } from '../../shared/idNumber';
import { expect, test } from './fixtures';
import { invoke } from './helpers';

// First run done with 载入演示数据: a copy of the prepared demo data folder (fixtures.ts).
test.use({ demoOperator: '李建国' });

test.describe.configure({ mode: 'serial' });
const ORIGIN = 'AB12-CD34-EF56-7890';
const OWN_CADRE = '本县干部甲';

let imported: { name: string; county: string; townshipId: number; township: string };

async function openCadre(page: Page, name: string) {
  await page.getByRole('menuitem', { name: '干部' }).click();
  await page.getByText(name, { exact: true }).first().click();
  await expect(page.getByTestId('cadre-title')).toHaveText(name);
}

test('seed: the demo county as an imported review copy, plus an own county', async ({ app }) => {
  test.setTimeout(180_000);

  const db = app.bridge.core.ctx.db;
  const demo = db.prepare('SELECT id, name FROM counties WHERE origin IS NULL').get() as { id: number; name: string };
  const own = addCounty(db, { name: '本县', kind: '县' }).id;
  const t = addTownship(db, { countyId: own, name: '东岗镇' }).id;
  const first17 = '21078119850101001';
  createCadre(
    db,
    {
      name: OWN_CADRE,
      gender: '女',
      birthDate: '1985-01-01',
      idNumber: first17 + idCheckChar(first17),
      partyStatus: '中共党员',
      phone: null,
      unitId: null,
      level: '县级',
      postType: '村党组织第一书记',
    },
    { townshipId: t, villageId: null, start: '2024-01-01', end: null },
  );
  const guard = !!db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'exchange_guard'`).get();
  db.transaction(() => {
    if (guard) db.prepare('UPDATE exchange_guard SET enabled = 0 WHERE id = 1').run();
    db.prepare('UPDATE counties SET origin = ? WHERE id = ?').run(ORIGIN, demo.id);
    if (guard) db.prepare('UPDATE exchange_guard SET enabled = 1 WHERE id = 1').run();
  })();

  const rows = await invoke<CadreListRow[]>(app, 'cadres.list', {});
  const withBag = rows.find((r) => r.county === demo.name && r.materialCount > 0 && r.township);
  expect(withBag).toBeDefined();
  const tw = db.prepare('SELECT id, name FROM townships WHERE county_id = ? AND name = ?').get(demo.id, withBag!.township) as {
    id: number;
    name: string;
  };
  imported = { name: withBag!.name, county: demo.name, townshipId: tw.id, township: tw.name };
});

// One page walks the three screens (they were three tests, each loading the app). The grid comes
// first: its check that no message shows must not see the bag's 「评审副本，只读」 notice.
test('review copy: the grid ignores clicks and keys; an imported cadre is read-only; an own cadre is editable', async ({ page, app }) => {
  test.setTimeout(180_000);
  await page.goto(app.url);
  await test.step('the attendance grid of an imported township ignores clicks and keys', async () => {
    await page.getByRole('menuitem', { name: '考勤' }).click();
    await page.getByTestId('att-township').click();
    await page.locator('.ant-select-item-option', { hasText: imported.township }).click();
    const grid = page.getByTestId('att-grid');
    const row = grid.locator('tbody tr').first();
    await expect(row).toBeVisible();
    await expect(page.getByTestId('att-readonly')).toContainText('评审副本，只读');
    await expect(page.getByRole('button', { name: '认定本月考勤' })).toHaveCount(0);
    await expect(page.getByTestId('attendance-import-open')).toBeDisabled();

    const month = (await page.getByTestId('att-month').inputValue()).replace(
      /^(\d{4})年(\d{1,2})月$/,
      (_, y: string, m: string) => `${y}-${m.padStart(2, '0')}`,
    );
    const before = await invoke<MonthGridView>(page, 'attendance.grid', { townshipId: imported.townshipId, month });
    const cell = row.locator('td[data-c="2"]');
    const text = await cell.textContent();
    await cell.click();
    await page.keyboard.press('q');
    await page.keyboard.press('Delete');
    await cell.click({ button: 'right' });
    await expect(page.locator('.ant-dropdown-menu')).toHaveCount(0);
    await expect(cell).toHaveText(text ?? '');
    const after = await invoke<MonthGridView>(page, 'attendance.grid', { townshipId: imported.townshipId, month });
    expect(after.rows).toEqual(before.rows);
    // No refusal message either: nothing was sent.
    await expect(page.locator('.ant-message-notice, .ant-notification-notice')).toHaveCount(0);
    await page.screenshot({ path: '/tmp/readonly-attendance.png' });

    await page.getByText('请假登记').click();
    await expect(page.getByRole('button', { name: '登记请假' })).toBeDisabled();
  });
  await test.step('a cadre of the imported county: no edit, move or delete; the bag only lists and previews', async () => {
    await openCadre(page, imported.name);

    const title = page.locator('.ob-page-title');
    for (const label of ['编辑', '调动', '删除']) {
      await expect(title.getByRole('button', { name: label })).toBeDisabled();
    }
    await page.getByTestId('readonly-hint').first().hover();
    await expect(page.getByRole('tooltip')).toHaveText('评审副本，只读');
    // A click on the disabled button opens no form.
    await title.getByRole('button', { name: '编辑' }).click({ force: true });
    await expect(page.locator('.ant-drawer-open')).toHaveCount(0);
    await page.screenshot({ path: '/tmp/readonly-cadre.png' });

    await page.getByRole('tab', { name: '资料袋' }).click();
    await expect(page.getByTestId('bag-readonly')).toBeVisible();
    await expect(page.getByTestId('bag-dropzone')).toHaveCount(0);
    await expect(page.getByRole('button', { name: '添加材料' })).toBeDisabled();
    await expect(page.getByTestId('material-item').first()).toBeVisible();
    await expect(page.getByTestId('material-item').getByRole('button', { name: /编辑|删除/ })).toHaveCount(0);
    // Ctrl+O (add material) does nothing on a review copy.
    const chooser = page.waitForEvent('filechooser', { timeout: 1_000 }).then(
      () => true,
      () => false,
    );
    await page.keyboard.press('Control+o');
    expect(await chooser).toBe(false);
    await expect(page.locator('.ant-message-notice')).toHaveText('评审副本，只读');
    await page.screenshot({ path: '/tmp/readonly-bag.png' });

    // Previewing an original stays available.
    await page.getByTestId('material-file').first().click();
    const shown = page.locator('.ant-modal-title').filter({ visible: true });
    await expect(shown).toHaveCount(1);
    await expect(shown).toContainText('.');
    await expect(shown).not.toContainText('编辑材料');
    await page.keyboard.press('Escape');
  });
  await test.step('a cadre of the own county stays editable', async () => {
    await openCadre(page, OWN_CADRE);
    await expect(page.getByTestId('readonly-hint')).toHaveCount(0);
    await page.locator('.ob-page-title').getByRole('button', { name: '编辑' }).click();
    await expect(page.locator('.ant-drawer-title')).toHaveText(`编辑干部信息 — ${OWN_CADRE}`);
    await page.keyboard.press('Escape');
    await page.getByRole('tab', { name: '资料袋' }).click();
    await expect(page.getByTestId('bag-dropzone')).toBeVisible();
    await expect(page.getByRole('button', { name: '添加材料' })).toBeEnabled();
  });
});
