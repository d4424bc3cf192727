/**
 * A PDF whose OpenAction JavaScript would show an alert and change the page title is filed, shown in
 * the bag with the warning tag 含脚本, and previewed by pdf.js with scripting off: no dialog, the
 * title unchanged, the pdf.js scripting bundle never requested; the bridge serves it only as a download.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pdfWithContent } from '../adversarial/intakeFiles';
import { fileOriginal, materialInput } from '../fixtures/bagFolder';
import { expect, test } from './fixtures';
import { openApp, seedOneCadre } from './seed';

test('a PDF with OpenAction JavaScript is flagged and never runs in the preview', async ({ page, app }) => {
  test.setTimeout(120_000);
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));

  // Seeded through the channels in this process: the page loads once, on the seeded archive.
  const cadre = await seedOneCadre(app, '王脚本');

  const js = "app.alert('脚本已运行'); this.document.title = 'pwned';";
  const pdf = pdfWithContent(Buffer.from('0 0 1 rg 72 72 200 200 re f'), '', '/OpenAction 5 0 R', [
    `<< /S /JavaScript /JS (${js.replace(/[()\\]/g, '\\$&')}) >>`,
  ]);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-e2e-js-'));
  const m = await fileOriginal(
    app.bridge.core,
    dir,
    cadre.id,
    '带脚本的通知.pdf',
    pdf,
    materialInput({ title: '带脚本的通知', date: '2025-03-01', year: 2025 }),
  );
  fs.rmSync(dir, { recursive: true, force: true });
  expect(m.files[0]!.flags).toEqual(['script']);

  // The shell first: a cold start on a loaded machine can take longer than one click's timeout.
  await openApp(page, app.url);
  const title = await page.title();
  await page.getByRole('menuitem', { name: '干部' }).click();
  await page.getByText('王脚本', { exact: true }).first().click();
  await page.getByRole('tab', { name: '资料袋' }).click();
  await expect(page.getByTestId('file-flag')).toHaveText('含脚本');
  await page
    .getByTestId('material-item')
    .first()
    .screenshot({ path: path.join(os.tmpdir(), 'onebag-active-pdf-tag.png') });

  await page.getByTestId('material-file').first().click();
  await expect(page.getByTestId('pdf-preview').locator('canvas')).toBeVisible({ timeout: 30_000 });
  await page.waitForTimeout(1_000); // an OpenAction would have run by now
  expect(dialogs).toEqual([]);
  expect(await page.title()).toBe(title);
  expect(requests.filter((u) => /scripting|sandbox/i.test(u))).toEqual([]);

  // Opened directly (a new tab), the bridge hands it over as a download, never to the browser's PDF viewer.
  const blob = await page.request.get(`${app.url}/blob/${m.files[0]!.sha256}`);
  expect(blob.headers()['content-disposition']).toBe('attachment');
  expect(blob.headers()['content-security-policy']).toBe('sandbox');
});
