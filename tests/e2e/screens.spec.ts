/**
 * Screenshots of the main screens at 1366×768 and 1920×1080 into .reports/screens/, and a
 * check that the document never scrolls sideways.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { png } from '../fixtures/makeFiles';
import { makeRosterRows, writeRosterXlsx } from '../fixtures/makeRoster';
import type { OnebagWindowApi } from '../../shared/window';
import { expect, test } from './fixtures';
import { noHorizontalOverflow, samplePdf } from './helpers';

test.describe.configure({ mode: 'serial' });

const OUT = path.resolve(__dirname, '../../.reports/screens');
const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];
type W = { onebag: OnebagWindowApi };

/** Seeds through the same window.onebag the UI uses: setup, a 60-row roster, two materials. */
async function seed(page: Page): Promise<void> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-screens-')), 'roster.xlsx');
  await writeRosterXlsx(file, makeRosterRows(60, { seed: 11 }));
  const files = [
    { name: '2024年4月村情民情台账.pdf', b64: (await samplePdf()).toString('base64') },
    { name: '2024-05-12 村两委会议记录.png', b64: png(120, 90).toString('base64') },
  ];
  await page.evaluate(
    async ({ roster, files }) => {
      const ob = (window as unknown as W).onebag;
      const must = async <T>(p: Promise<{ ok: boolean; value?: T; error?: { message: string } }>) => {
        const r = await p;
        if (!r.ok) throw new Error(r.error!.message);
        return r.value as T;
      };
      const stage = async (name: string, b64: string, purpose: 'roster' | 'attachment', cadreId?: number) => {
        const { token } = await must(ob.invoke('staging.begin', { name, size: atob(b64).length }));
        await must(ob.invoke('staging.chunk', { token, data: b64 }));
        await must(ob.invoke('staging.end', cadreId ? { token, purpose, cadreId } : { token, purpose }));
        return token;
      };
      await must(ob.invoke('app.setup', { mode: 'empty', operator: '王秀英' }));
      const t = await stage('roster.xlsx', roster, 'roster');
      const pv = await must(ob.invoke('roster.preview', { token: t }));
      await must(ob.invoke('roster.commit', { token: t, confirmed: pv.warnings.map((w) => w.key) }));
      const list = await must(ob.invoke('cadres.list', {}));
      const id = list[0]!.id;
      for (const f of files) {
        const tok = await stage(f.name, f.b64, 'attachment', id);
        const add = ob.invoke('bag.add', {
          cadreId: id,
          material: {
            category: f.name.includes('会议') ? '会议记录' : '村情民情台账',
            title: f.name.replace(/\.\w+$/, ''),
            date: f.name.includes('会议') ? '2024-05-12' : null,
            year: 2024,
            responsible: null,
            docNumber: f.name.includes('会议') ? '村委〔2024〕3号' : null,
            secrecy: '公开',
            notes: null,
          },
          files: [tok],
        });
        // Filing is main's job; a slow or missing handler must not stop the screenshots.
        await Promise.race([add, new Promise((r) => setTimeout(r, 8000))]);
      }
    },
    { roster: fs.readFileSync(file).toString('base64'), files },
  );
}

/** The e2e config emulates reduced motion (no animations), so a screen is still when it is shot. */
async function shoot(page: Page, name: string, size: { width: number; height: number }) {
  await page.screenshot({ path: path.join(OUT, `${name}-${size.width}x${size.height}.png`) });
  const { scrollWidth, innerWidth } = await noHorizontalOverflow(page);
  expect(scrollWidth, `${name} at ${size.width}×${size.height} overflows horizontally`).toBeLessThanOrEqual(innerWidth);
}

test('seed data', async ({ page, app }) => {
  fs.mkdirSync(OUT, { recursive: true });
  await page.goto(app.url);
  await expect(page.getByText('欢迎使用 OneBag 一袋式档案')).toBeVisible();
  await shoot(page, '0-welcome', SIZES[0]!);
  await seed(page);
});

for (const size of SIZES) {
  test(`screens at ${size.width}×${size.height}`, async ({ page, app }) => {
    await page.setViewportSize(size);
    await page.goto(app.url);
    await expect(page.getByTestId('cadre-count')).toHaveText('共 60 人');
    await shoot(page, '1-cadre-list', size);

    await page.getByTestId('cadre-table').locator('.ant-table-row').first().click();
    await expect(page.getByTestId('full-id-number')).toBeVisible();
    await shoot(page, '2-cadre-detail', size);

    await page.getByRole('tab', { name: '资料袋' }).click();
    await expect(page.getByTestId('bag-dropzone')).toBeVisible();
    await shoot(page, '3-bag', size);

    await page.getByRole('button', { name: '编辑' }).first().click();
    await expect(page.getByRole('button', { name: '保存' })).toBeVisible();
    await shoot(page, '4-cadre-form', size);
    await page.keyboard.press('Escape');

    await page.keyboard.press('Control+i');
    const dialog = page.getByRole('dialog', { name: '导入花名册' });
    await expect(dialog).toBeVisible();
    await shoot(page, '5-import-dialog', size);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-screens-')), 'roster2.xlsx');
    const bad = makeRosterRows(2, { seed: 12, idOffset: 900 });
    bad[0]!.身份证号 = '13070219900101123';
    bad[1]!.姓名 = null;
    await writeRosterXlsx(file, makeRosterRows(8, { seed: 13, idOffset: 700, county: '白河县' }), bad);
    await dialog.locator('input[type=file]').setInputFiles(file);
    await expect(dialog.getByTestId('roster-preview')).toBeVisible();
    await shoot(page, '6-import-preview', size);
    await dialog.getByRole('button', { name: '取消' }).click();

    await page.keyboard.press('Control+k');
    await page.getByTestId('global-search-input').fill('w');
    // The hits (or the empty note) once the debounced search has answered.
    await expect(page.getByTestId('global-search-results').locator('.ob-search-item, .ant-empty').first()).toBeVisible();
    await shoot(page, '7-global-search', size);
    // a material's date in the one display format (issue 14 finding 10)
    await page.getByTestId('global-search-input').fill('村两委');
    const sub = page.getByTestId('global-search-results').locator('.ob-search-item .ob-muted').first();
    await expect(sub).toContainText('会议记录 · 2024年5月12日');
    await page.keyboard.press('Escape');
  });
}
