/**
 * The first-run choice 载入演示数据 for real (the other specs copy the prepared demo folder):
 * the screen shows the load's progress, counted over all its steps, then the county's 20 cadres.
 */
import { expect, test } from './fixtures';
import { firstRun } from './helpers';

test('first run with demo data shows its progress, then lists 20 cadres', async ({ page, app }) => {
  test.setTimeout(240_000); // the one spec that loads the demo itself: slow while the cores are busy
  await page.goto(app.url);
  // the choice says what the list will hold: 20 of the county and the neighbour's 4 (24 below)
  await expect(page.getByText('一个示例县，20 名干部及其材料；另附邻县的评审副本（4 名干部）')).toBeVisible();
  await firstRun(page, '李建国', 'demo');
  // Any step with its count (materials, attendance months, the second county): the load is quick now.
  await expect(page.getByTestId('demo-progress')).toContainText(/正在\S+（\d+\/\d+）/, {
    timeout: 30_000,
  });
  await expect(page.getByTestId('cadre-count')).toHaveText('共 24 人', { timeout: 180_000 });
  await expect(page.getByTestId('cadre-table').locator('.ant-table-row').first()).toBeVisible();
  await expect(page.getByText(/初始化完成。下一步/)).toBeVisible();
  await expect(page.getByTestId('status-counts')).toContainText('干部 24 人');
});
