/**
 * The bundle's static pages as an evaluator without OneBag opens them: written with real
 * originals and dossier PDFs into a folder, opened over file:// in Chromium. Nothing is
 * fetched from anywhere else, links lead to the cadre's page and to files that exist, and
 * the pages read at 1366 wide and print without the navigation.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { resolveFontFile } from '../../main/dossier/fonts';
import { buildIndexPages } from '../../main/exchange/indexHtml';
import { BlobStore } from '../../main/files/blobStore';
import { openDatabase, type Db } from '../../main/store/db';
import { maskIdNumber } from '../../shared/idNumber';
import { copySetUpDemo } from '../fixtures/demoFolder';
import { ownCountyIds } from '../../main/core/lookup';

let tmp: string;
let out: string;
let db: Db;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-bundle-pages-'));
  const dataDir = path.join(tmp, 'data');
  out = path.join(tmp, '交换包 内容');
  // The demo county: a copy of the run's prepared demo data folder (tests/fixtures/demoFolder.ts),
  // the one with first run done that the other specs copy: the run builds one demo, not two.
  await copySetUpDemo(dataDir);
  db = openDatabase(dataDir);
  const blobs = new BlobStore(dataDir);
  const countyId = ownCountyIds(db)[0]!;
  const names = new Map(
    (db.prepare('SELECT id, name, id_number AS idn FROM cadres').all() as Array<{ id: number; name: string; idn: string }>).map((r) => [
      r.id,
      `${r.name}-${r.idn.slice(-4)}`,
    ]),
  );
  const samplePdf = db.prepare(`SELECT sha256 FROM blobs WHERE mime = 'application/pdf' LIMIT 1`).pluck().get() as string;
  const written = new Set<string>();
  const put = (rel: string, from: string) => {
    if (written.has(rel)) return;
    written.add(rel);
    fs.mkdirSync(path.dirname(path.join(out, rel)), { recursive: true });
    fs.copyFileSync(from, path.join(out, rel));
  };
  const pages = buildIndexPages(db, {
    countyId,
    year: 2024,
    producer: { departmentName: '中共岚川县委组织部', fingerprint: 'A1B2-C3D4-E5F6-0718', createdAt: new Date().toISOString() },
    // A real PDF stands in for each printed dossier.
    dossierPath: (id) => {
      const rel = `dossiers/${names.get(id)}.pdf`;
      put(rel, blobs.pathOf(samplePdf));
      return rel;
    },
    originalPath: (sha, mime) => {
      const rel = `originals/${sha.slice(0, 2)}/${sha}.${mime === 'application/pdf' ? 'pdf' : mime.split('/')[1]}`;
      put(rel, blobs.pathOf(sha));
      return rel;
    },
    // The bundle's own font, as the exporter ships it: this machine has no Chinese system font.
    fontPath: 'assets/NotoSansSC-Regular.ttf',
  });
  put('assets/NotoSansSC-Regular.ttf', resolveFontFile('sans'));
  for (const p of pages) {
    fs.mkdirSync(path.dirname(path.join(out, p.path)), { recursive: true });
    fs.writeFileSync(path.join(out, p.path), p.html, 'utf8');
  }
});

test.afterAll(() => {
  db?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** Chinese text is drawn with the bundle's font (loaded from the folder) — no boxes without system fonts. */
const fontLoaded = (page: Page) =>
  page.evaluate(async () => {
    await document.fonts.ready;
    return (
      [...document.fonts].some((f) => f.family.replace(/"/g, '') === 'OneBag Sans' && f.status === 'loaded') &&
      document.fonts.check('14px "OneBag Sans"', '岚川县')
    );
  });

test('index.html opens from disk, leads to a cadre page and to files that exist', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(pathToFileURL(path.join(out, 'index.html')).href);
  await expect(page.locator('h1')).toHaveText('岚川县 2024年度选派干部一袋式实绩档案');
  await expect(page.locator('body')).toContainText('A1B2-C3D4-E5F6-0718');
  await expect(page.locator('body')).toContainText('onebag verify 文件名.onebag');
  await expect.poll(() => fontLoaded(page)).toBe(true);
  const rows = page.locator('tbody tr');
  expect(await rows.count()).toBeGreaterThan(20); // the info table's rows and 20 cadres
  await page.screenshot({ path: '/tmp/city-bundle-index.png', fullPage: true });
  const fit = await page.evaluate(() => ({ w: document.documentElement.scrollWidth, inner: window.innerWidth }));
  expect(fit.w).toBeLessThanOrEqual(fit.inner);

  // Every link on the page points at a file in the folder.
  for (const href of await page.locator('a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href))) {
    expect(href.startsWith('file://'), href).toBe(true);
    expect(fs.existsSync(fileURLToPath(href)), href).toBe(true);
  }

  // The second cadre: name → page with masked ID, postings, attendance, the bag.
  const cadre = db
    .prepare(`SELECT id, name, id_number AS idn FROM cadres WHERE name = ?`)
    .get(await page.locator('tbody tr td:nth-child(2) a').nth(1).innerText()) as {
    id: number;
    name: string;
    idn: string;
  };
  await page.locator('tbody tr td:nth-child(2) a').nth(1).click();
  await expect(page).toHaveURL(/\/cadres\/2\.html$/);
  await expect(page.locator('h1')).toContainText(cadre.name);
  const body = page.locator('body');
  await expect(body).toContainText(maskIdNumber(cadre.idn));
  await expect(body).not.toContainText(cadre.idn);
  await expect.poll(() => fontLoaded(page)).toBe(true);
  for (const h of ['基本情况', '任职经历', '2024年考勤', '2024年资料袋', '2024年度考核结果'])
    await expect(page.getByRole('heading', { name: h })).toBeVisible();
  await expect(page.locator('table').nth(2)).toContainText('12月');
  for (const href of await page.locator('a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href))) {
    expect(fs.existsSync(fileURLToPath(href)), href).toBe(true);
  }
  await page.screenshot({ path: '/tmp/city-bundle-cadre.png', fullPage: true });

  // Printing hides the navigation.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('nav')).toBeHidden();
  await page.emulateMedia({ media: 'screen' });
  await page.getByRole('link', { name: '← 返回干部名册' }).click();
  await expect(page).toHaveURL(/\/index\.html$/);

  expect(requests.filter((u) => !u.startsWith('file://'))).toEqual([]);
});
