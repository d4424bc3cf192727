import { expect, test } from './fixtures';
import { firstRun } from './helpers';

test('first run with demo data lists 20 cadres', async ({ page, app }) => {
  await page.goto(app.url);
  await firstRun(page, '李建国', 'demo');
  await expect(page.getByTestId('cadre-count')).toHaveText('共 20 人', { timeout: 45_000 });
  await expect(page.getByTestId('cadre-table').locator('.ant-table-row').first()).toBeVisible();
  await expect(page.getByText(/初始化完成。下一步/)).toBeVisible();
  await expect(page.getByTestId('status-counts')).toContainText('干部 20 人');
});
