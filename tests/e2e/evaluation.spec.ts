/**
 * Year-end evaluation as the county clerk does it on the demo county: a scheme from the 五评
 * template (weights checked, caps switched off, activated), one township's paper sheets typed
 * into the grid by keyboard (a refused value stays red and unsaved), the 优秀 quota pushing one
 * cadre out and saying why, finalising, and the 考核登记表 previewed.
 */
import { expect, test } from './fixtures';
import { FULL_YEAR, TEST_YEAR } from '../fixtures/testToday';
import { invoke, noHorizontalOverflow } from './helpers';

// First run done with 载入演示数据: a copy of the prepared demo data folder (fixtures.ts).
test.use({ demoOperator: '张晓梅' });

test.describe.configure({ mode: 'serial' });

/** The year the 考评 page opens on in June (the year before; from September the running year). */
// The demo finalised FULL_YEAR and opened TEST_YEAR (main/demo/demoEvaluation.ts): the year before has no scheme yet.
const YEAR = FULL_YEAR - 1;
const QUOTA = 20; // the 五评 template: 20% 优秀, quota per township

/** One paper sheet: four scores and the villagers' ballots (满意, 基本满意, 不满意, 票数), then 第三方评. */
interface Sheet {
  scores: [number, number, number, number];
  ballots: [number, number, number, number];
}
const sheet = (s: number, sat: number, basic: number): Sheet => ({ scores: [s, s, s, s], ballots: [sat, basic, 50 - sat - basic, 50] });
/** (4 × s + ballot score) ÷ 5, the ballot score = (sat + 0.6 × basic) ÷ 50 × 100. */
const totalOf = (x: Sheet) => (x.scores[0] * 4 + ((x.ballots[0] + 0.6 * x.ballots[1]) / x.ballots[3]) * 100) / 5;

test('scheme, keyboard scoring, quota, finalise, print; a differentiated scheme', async ({ page, app }) => {
  test.setTimeout(240_000);
  await page.goto(app.url);
  await expect(page.getByTestId('cadre-count')).toHaveText('共 24 人', { timeout: 60_000 });
  await page.getByRole('menuitem', { name: /考核评价/ }).click();
  await page.getByTestId('eval-year').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: `${YEAR}年度` }).click();

  // ── 方案: from the 五评 template, weights checked inline, caps off, activate ──
  await expect(page.getByText(`${YEAR}年度还没有考核方案`)).toBeVisible();
  await page.getByRole('button', { name: '从模板新建方案' }).click();
  const picker = page.getByRole('dialog', { name: /从模板新建/ });
  // check() clicks until the radio is really checked (a click during the dialog's opening animation can miss).
  await picker.getByRole('radio', { name: /“五评”方案（各20%）/ }).check();
  await picker.getByRole('button', { name: '新建草稿' }).click();
  await expect(page.getByTestId('scheme-status')).toHaveText('第1版 草稿');
  // the parts are the scheme's own (五评), not another model's name (issue 14, finding 7)
  await expect(page.getByRole('heading', { name: '考核项目与权重' })).toBeVisible();
  await expect(page.getByText(/一述两评一查/)).toHaveCount(0);
  const unitWeight = page.getByLabel('派出单位评权重');
  await unitWeight.fill('30');
  await expect(page.getByTestId('weight-sum')).toHaveText('权重合计应为100%，现为110%');
  await expect(page.getByTestId('scheme-problem')).toContainText('权重之和应为100%');
  await expect(page.getByRole('button', { name: '保存' })).toBeDisabled();
  await unitWeight.fill('20');
  await expect(page.getByTestId('weight-sum')).toHaveText('权重合计 100%');
  for (const cap of ['督查不在岗', '月在岗不足', '全年无项目', '薄弱村节点未完成']) await page.getByRole('switch', { name: cap }).click();
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('方案已保存')).toBeVisible();
  await page.getByRole('button', { name: '启用' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '启用' }).click();
  await expect(page.getByTestId('scheme-status')).toHaveText('第1版 已启用');
  await expect(page.getByTestId('scheme-version-note')).toContainText('修改后将保存为新版本');
  await expect(page.getByRole('switch', { name: '全年无项目' })).not.toBeChecked();
  expect((await noHorizontalOverflow(page)).scrollWidth).toBeLessThanOrEqual(1366);
  await page.screenshot({ path: '/tmp/e2-scheme.png' });

  // ── 评分: one township's sheets typed by keyboard ──
  await page.getByRole('tab', { name: '评分' }).click();
  const grid = page.getByTestId('score-grid');
  await expect(grid.locator('tbody tr').first()).toBeVisible();
  const township = (await page.getByTestId('score-township').textContent())!.trim();
  const names = await grid.locator('tbody tr th.ob-sg-name').allTextContents();
  const n = names.length;
  const slots = Math.floor((n * QUOTA) / 100);
  // slots + 1 cadres reach 优秀 by score, with distinct totals: the last of them is pushed out.
  const sheets: Sheet[] = names.map((_, i) => (i <= slots ? sheet(96 - 2 * i, 48 - i, 2) : sheet(80, 30, 15)));
  const pushedName = names[slots]!;

  await grid.locator('input[data-r="0"][data-c="0"]').click();
  // A refused value: red, explained, not saved.
  await page.keyboard.type('120');
  await page.keyboard.press('Tab');
  const bad = grid.locator('input[data-r="0"][data-c="0"]');
  await expect(bad).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('score-message')).toContainText('不能超过100分');
  await page.screenshot({ path: '/tmp/e2-scores-bad.png' });
  await page.keyboard.press('Shift+Tab');
  for (const s of sheets) {
    const cells = [s.scores[0], s.scores[1], s.scores[2], ...s.ballots, s.scores[3]];
    for (const v of cells) {
      await page.keyboard.type(String(v));
      await page.keyboard.press('Tab');
    }
  }
  await expect(bad).toHaveAttribute('aria-invalid', 'false');
  const row0 = page.getByTestId(`score-row-${names[0]}`);
  await expect(row0.getByTestId('ballot-score-reps')).toHaveText('98.40');
  // The evidence of the focused cadre, one keystroke away.
  await grid.locator('input[data-r="0"][data-c="1"]').click();
  await page.keyboard.press('F2');
  const evidence = page.getByTestId('evidence-panel');
  await expect(evidence).toContainText(names[0]!);
  await expect(evidence).toContainText('资料袋');
  await expect(evidence.getByTestId('evidence-open-bag')).toBeVisible();
  await page.keyboard.press('Control+s');
  await expect(page.getByText(/已保存 \d+ 项/)).toBeVisible();
  await expect(row0.getByTestId('score-total')).toHaveText(totalOf(sheets[0]!).toFixed(2));
  await expect(page.getByTestId(`score-row-${pushedName}`).getByTestId('score-total')).toHaveText(totalOf(sheets[slots]!).toFixed(2));
  expect((await noHorizontalOverflow(page)).scrollWidth).toBeLessThanOrEqual(1366);
  await page.screenshot({ path: '/tmp/e2-scores.png' });

  // The other townships' sheets arrive through the same channels (not the subject here).
  const org = await invoke<{ counties: Array<{ id: number; townships: Array<{ id: number; name: string }> }> }>(page, 'org.tree', {});
  const county = org.counties[0]!;
  for (const t of county.townships.filter((x) => x.name !== township)) {
    const g = await invoke<{ rows: Array<{ cadreId: number }> }>(page, 'evaluation.scores.grid', {
      countyId: county.id,
      year: YEAR,
      townshipId: t.id,
    });
    const cells = g.rows.flatMap((r) =>
      ['unit', 'township', 'branch', 'third'].map((component) => ({ cadreId: r.cadreId, component, indicator: null, value: 85 })),
    );
    const ballots = g.rows.map((r) => ({ cadreId: r.cadreId, satisfied: 40, basic: 10, unsatisfied: 0, ballots: 50 }));
    if (cells.length + ballots.length) await invoke(page, 'evaluation.sheet.save', { countyId: county.id, year: YEAR, cells, ballots });
  }

  // ── 结果: the quota pushes one cadre from 优秀 and says why ──
  await page.getByRole('tab', { name: '结果' }).click();
  const effects = page.getByTestId('quota-effects');
  await expect(effects).toContainText(`因优秀名额限制（${QUOTA}%）未评为优秀：${pushedName}`);
  await expect(effects).toContainText(`名额${slots}名`);
  const pushedRow = page.getByTestId('results-table').locator('tr.ob-eval-row-pushed');
  await expect(pushedRow).toHaveCount(1);
  await expect(pushedRow).toContainText(pushedName);
  await expect(pushedRow).toContainText('称职');
  await expect(page.getByTestId('results-counts')).toContainText(`优秀 ${slots}`);
  expect((await noHorizontalOverflow(page)).scrollWidth).toBeLessThanOrEqual(1366);
  await page.screenshot({ path: '/tmp/e2-results.png' });

  // ── 定稿 locks the year ──
  await page.getByTestId('results-finalise').click();
  await page.getByRole('dialog').getByRole('button', { name: '定稿' }).click();
  await expect(page.getByTestId('results-final')).toBeVisible();
  await expect(page.getByTestId('eval-final-tag')).toHaveText('已定稿');
  await page.getByRole('button', { name: '定稿记录' }).click();
  await expect(page.getByTestId('year-history')).toContainText('定稿');
  await page.keyboard.press('Escape');
  await page.getByRole('tab', { name: '评分' }).click();
  await expect(page.getByText('本年度考核已定稿，分数只能查看')).toBeVisible();
  await expect(grid.locator('input[data-r="0"][data-c="0"]')).toHaveAttribute('readonly', '');

  // ── 打印: the pushed cadre's 考核登记表 ──
  await page.getByRole('tab', { name: '打印' }).click();
  await page.getByTestId('eval-print-cadre').click();
  await page.keyboard.type(pushedName);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: pushedName }).first().click();
  await page.getByRole('button', { name: /生成考核登记表/ }).click();
  await expect(page.getByTestId('eval-print-summary')).toContainText(new RegExp(`${pushedName} ${YEAR}年度考核登记表：共 \\d+ 页`), {
    timeout: 60_000,
  });
  const canvas = page.getByTestId('pdf-preview').locator('canvas').first();
  await expect(canvas).toBeVisible({ timeout: 30_000 });
  expect((await canvas.boundingBox())!.width).toBeGreaterThan(300);
  expect((await noHorizontalOverflow(page)).scrollWidth).toBeLessThanOrEqual(1366);
  await page.screenshot({ path: '/tmp/e2-print.png' });

  // Another year's differentiated scheme, on the same page (it was a second test loading the app).
  await test.step('a differentiated scheme: each post type types its own indicators', async () => {
    await page.getByRole('menuitem', { name: /考核评价/ }).click();
    await page.getByTestId('eval-year').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: `${TEST_YEAR + 1}年度` }).click();
    // The page keeps the tab the clerk was on (打印 above): the scheme is on 方案.
    await page.getByRole('tab', { name: '方案' }).click();
    await page.getByRole('button', { name: '从模板新建方案' }).click();
    const picker = page.getByRole('dialog', { name: /从模板新建/ });
    await picker.getByRole('radio', { name: /蒲县方案（70\/20\/10）/ }).check();
    await picker.getByRole('button', { name: '新建草稿' }).click();
    // The indicator set of 第一书记 must add up to the component's full marks.
    const indicators = page.getByTestId('scheme-indicators');
    await expect(indicators).toContainText('第一书记（4项）');
    await expect(indicators.getByLabel('指标1名称')).toHaveValue('建强村党组织');
    await indicators.getByLabel('建强村党组织分值').fill('35');
    await expect(indicators).toContainText('指标分值之和应等于满分100分，现为105分');
    await expect(page.getByRole('button', { name: '启用' })).toBeDisabled();
    await indicators.getByLabel('建强村党组织分值').fill('30');
    await page.getByRole('button', { name: '启用' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '启用' }).click();
    await expect(page.getByTestId('scheme-status')).toHaveText('第1版 已启用');

    await page.getByRole('tab', { name: '评分' }).click();
    const grid = page.getByTestId('score-grid');
    await page
      .getByTestId('score-post')
      .getByText(/第一书记/)
      .click();
    await expect(grid.locator('thead')).toContainText('推进强村富民');
    await page
      .getByTestId('score-post')
      .getByText(/第一副书记/)
      .click();
    await expect(grid.locator('thead')).toContainText('统筹驻村工作');
    await expect(grid.locator('thead')).not.toContainText('推进强村富民');
    // An indicator worth 40 refuses 45.
    await grid.locator('input[data-r="0"][data-c="0"]').click();
    await page.keyboard.type('45');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('score-message')).toContainText('不能超过40分');
    await page.getByTestId('score-save').click();
    await expect(page.getByText(/数值不符合要求，已标红，未保存/)).toBeVisible();
    expect((await noHorizontalOverflow(page)).scrollWidth).toBeLessThanOrEqual(1366);
    await page.screenshot({ path: '/tmp/e2-scores-diff.png' });
  });
});
