/**
 * Batch output in browser mode (issue 14 item 4): a small county's year-end batch, then 下载压缩包
 * streams the volumes and the 案卷目录 as one zip, read back here (names, CRCs, each entry a PDF
 * whose bytes equal the file the batch wrote). Seeded through the channels, no demo.
 */
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { expect, test } from './fixtures';
import { openApp, seedSmallCounty } from './seed';

test('a finished county batch downloads as one zip in browser mode', async ({ page, app }) => {
  test.setTimeout(180_000);
  // Seeded through the channels in this process: the page loads once, on the seeded county.
  await seedSmallCounty(app, 2, '2024-03-01');
  await openApp(page, app.url);
  await page.getByRole('menuitem', { name: /档案打印/ }).click();
  await page.getByRole('tab', { name: '全县年度批量生成' }).click();
  await page.getByLabel('批量年度').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '2024年度' }).click();
  const outDir = path.join(app.dataDir, 'year-end');
  await page.getByLabel('输出文件夹').fill(outDir);
  // no zip before a batch has run
  await expect(page.getByTestId('batch-download-zip')).toHaveCount(0);
  await page.getByRole('button', { name: /开始生成/ }).click();
  const status = page.getByTestId('batch-status');
  await expect(status).toContainText('已完成', { timeout: 120_000 });
  // browser mode: no folder to open, a zip to download
  await expect(page.getByTestId('batch-open-folder')).toHaveCount(0);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('batch-download-zip').click()]);
  expect(download.suggestedFilename()).toBe('year-end.zip');
  const saved = path.join(app.dataDir, 'dl.zip');
  await download.saveAs(saved);

  const onDisk = fs
    .readdirSync(outDir)
    .filter((f) => f.endsWith('.pdf'))
    .sort();
  expect(onDisk).toHaveLength(3); // two volumes and the catalogue
  const zip = await JSZip.loadAsync(fs.readFileSync(saved), { checkCRC32: true });
  expect(Object.keys(zip.files).sort()).toEqual(onDisk);
  expect(onDisk.some((f) => f.endsWith('案卷目录.pdf'))).toBe(true);
  for (const name of onDisk) {
    const bytes = Buffer.from(await zip.file(name)!.async('uint8array'));
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.equals(fs.readFileSync(path.join(outDir, name)))).toBe(true);
  }
  await page.screenshot({ path: '/tmp/clerkui-batch-zip.png' });
});
