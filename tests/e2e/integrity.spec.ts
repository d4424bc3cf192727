/**
 * 检查与备份 on the demo county: the check with its findings and advice, 立即备份 and the
 * last-backup indicator, 备份到其他文件夹 with a validated path, the restore preview with the
 * exact command, and the backup interval.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures';
import { invoke } from './helpers';

// First run done with 载入演示数据: a copy of the prepared demo data folder (fixtures.ts).
test.use({ demoOperator: '王秀英' });

test.describe.configure({ mode: 'serial' });

test('check, back up, back up elsewhere, preview a restore', async ({ page, app }) => {
  test.setTimeout(120_000);
  const usb = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-usb-'));
  await page.goto(app.url);

  // never backed up: the status bar says so, in red
  const indicator = page.getByTestId('status-backup');
  await expect(indicator).toHaveText(/上次备份：从未备份/);
  await expect(indicator).toHaveCSS('color', 'rgb(207, 19, 34)');
  await indicator.click();
  await expect(page.getByRole('heading', { name: '检查与备份' })).toBeVisible();

  // a clean data directory
  await page.getByRole('button', { name: '开始检查' }).click();
  await expect(page.getByTestId('check-result')).toContainText('未发现问题', { timeout: 60_000 });

  // an unknown file in the originals folder: a warning with what to do
  const stray = path.join(app.dataDir, 'blobs', 'ab', 'ab'.repeat(31));
  fs.mkdirSync(path.dirname(stray), { recursive: true });
  fs.writeFileSync(stray, 'left over');
  await page.getByRole('button', { name: '开始检查' }).click();
  await expect(page.getByTestId('check-result')).toContainText('提醒 1 项', { timeout: 60_000 });
  const finding = page.getByTestId('finding').first();
  await expect(finding).toContainText('孤立文件');
  await expect(finding).toContainText('处理办法：');
  fs.rmSync(stray);

  // 立即备份: a row 手动 in the table, the indicator no longer red
  await page.getByRole('button', { name: '立即备份' }).click();
  const table = page.getByTestId('backups-table');
  await expect(table.getByRole('row')).toHaveCount(2); // header + one backup
  await expect(table).toContainText('手动');
  await expect(table).toContainText('20'); // cadres
  // Right after the backup it reads 刚刚 (not "0分钟前" or "1分钟前").
  await expect(indicator).toHaveText(/上次备份：刚刚/);
  await expect(indicator).not.toHaveCSS('color', 'rgb(207, 19, 34)');

  // 备份到其他文件夹: a relative path is refused in the form, a full path works
  await page.getByRole('button', { name: '备份到其他文件夹…' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('备份文件夹').fill('OneBag备份');
  await dialog.getByRole('button', { name: '开始备份' }).click();
  await expect(dialog).toContainText('请填写完整路径');
  await dialog.getByLabel('备份文件夹').fill(usb);
  await dialog.getByRole('button', { name: '开始备份' }).click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });
  const onUsb = fs.readdirSync(usb).filter((n) => n !== 'blobs');
  expect(onUsb).toHaveLength(1);
  expect(fs.existsSync(path.join(usb, onUsb[0]!, 'manifest.json'))).toBe(true);

  // restore preview of the table's backup: verified, and the exact command to copy
  await table.getByRole('button', { name: '恢复预览' }).click();
  const preview = page.getByTestId('restore-preview');
  await expect(preview.getByTestId('restore-verified')).toHaveText(/校验通过/, { timeout: 30_000 });
  const materials = app.bridge.core.ctx.db.prepare('SELECT COUNT(*) FROM materials').pluck().get() as number;
  await expect(preview).toContainText(`${materials} 份`);
  const backups = await invoke<{ backups: Array<{ dir: string }> }>(page, 'integrity.backups', {});
  await expect(preview.getByTestId('restore-command')).toContainText(
    `onebag --data "${app.dataDir}-恢复" restore "${backups.backups[0]!.dir}"`,
  );

  // the USB backup previews too, typed by hand
  await preview.getByLabel('备份文件夹路径').fill(usb);
  await preview.getByRole('button', { name: '预览并校验' }).click();
  await expect(preview.getByTestId('restore-command')).toContainText(path.join(usb, onUsb[0]!));

  // the interval: off, and it stays off
  await page.getByTestId('backup-interval').click();
  await page.getByTitle('关闭定时备份').click();
  await expect.poll(async () => (await invoke<{ backupIntervalHours: number }>(page, 'app.status', {})).backupIntervalHours).toBe(0);

  await page.getByRole('heading', { name: '检查与备份' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(os.tmpdir(), 'onebag-integrity.png') });
  await preview.screenshot({ path: path.join(os.tmpdir(), 'onebag-integrity-restore.png') });
  fs.rmSync(usb, { recursive: true, force: true });
});
