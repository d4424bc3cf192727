/**
 * Issue 11 B in the UI: a 工作汇报 filed in the bag is linked to the quarter it answers and shown
 * on the material as 待确认; the clerk confirms it there (the report list follows), then undoes
 * the link (the period is no longer submitted; the material stays in the bag).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileOriginal, materialInput } from '../fixtures/bagFolder';
import { expect, test } from './fixtures';
import { invoke, samplePdf } from './helpers';
import { seedOneCadre } from './seed';

test('confirm a report linked at intake on the material, then undo the link there', async ({ page, app }) => {
  test.setTimeout(120_000);
  // Seeded in this process through the channels; the page loads once, on the seeded county.
  const cadre = await seedOneCadre(app, '王汇报');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-e2e-report-'));
  await fileOriginal(
    app.bridge.core,
    dir,
    cadre.id,
    '一季度汇报.pdf',
    await samplePdf(),
    materialInput({ category: '工作汇报', title: '2024年第一季度驻村工作汇报', date: '2024-04-03', responsible: '王汇报' }),
  );
  fs.rmSync(dir, { recursive: true, force: true });

  await page.goto(app.url);
  await page.getByRole('menuitem', { name: '干部' }).click();
  await page.getByText('王汇报', { exact: true }).first().click();
  await page.getByRole('tab', { name: '资料袋' }).click();
  const link = page.getByTestId('report-link');
  await expect(link).toContainText('2024年第一季度报告（待确认）');
  await page
    .getByTestId('material-item')
    .first()
    .screenshot({ path: path.join(os.tmpdir(), 'onebag-report-link-to-confirm.png') });
  await page.getByTestId('report-link-confirm').click();
  await expect(link).toContainText('2024年第一季度报告（已确认）');
  await expect(page.getByTestId('report-link-confirm')).toHaveCount(0);

  const rows = await invoke<Array<{ period: string; status: string; linkToConfirm: boolean }>>(page, 'reports.list', {
    cadreId: cadre.id,
    year: 2024,
  });
  expect(rows.find((r) => r.period === '2024-Q1')).toMatchObject({ status: '已提交', linkToConfirm: false });

  // undo from the material: the period is no longer submitted, the material stays
  await page.getByTestId('report-link-undo').click();
  await page.getByRole('button', { name: '取消关联' }).last().click();
  await expect(link).toHaveCount(0);
  await expect(page.getByTestId('material-title')).toHaveText('2024年第一季度驻村工作汇报');
  const after = await invoke<Array<{ period: string; status: string }>>(page, 'reports.list', { cadreId: cadre.id, year: 2024 });
  expect(after.find((r) => r.period === '2024-Q1')!.status).not.toBe('已提交');
  await page.screenshot({ path: path.join(os.tmpdir(), 'onebag-report-link-undone.png') });
});
