/** Small helpers shared by the UI specs: real DataTransfer drops and file bytes, downloaded sheets. */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { expect, type Locator, type Page } from '@playwright/test';
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import { dispatch } from '../../main/core/runtime/dispatch';
import type { AppHandle } from './fixtures';

export interface DropFile {
  name: string;
  mime: string;
  bytes: Buffer;
}

/** Dispatches dragenter/dragover/drop with a DataTransfer built in the page from the bytes. */
export async function dropFiles(target: Locator, files: DropFile[]): Promise<void> {
  const payload = files.map((f) => ({ name: f.name, mime: f.mime, b64: f.bytes.toString('base64') }));
  await target.evaluate((el, list) => {
    const dt = new DataTransfer();
    for (const f of list) {
      const bin = atob(f.b64);
      const u8 = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) u8[i] = bin.charCodeAt(i);
      dt.items.add(new File([u8], f.name, { type: f.mime }));
    }
    for (const type of ['dragenter', 'dragover', 'drop']) {
      el.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt }));
    }
  }, payload);
}

/** A real two-page PDF with text in a standard (non-embedded) font and a filled box. */
export async function samplePdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= 2; i++) {
    const page = doc.addPage([595, 842]);
    page.drawRectangle({ x: 60, y: 600, width: 300, height: 120, color: rgb(0.55, 0.11, 0.09) });
    page.drawText(`OneBag sample page ${i}`, { x: 60, y: 560, size: 24, font });
  }
  return Buffer.from(await doc.save());
}

/** Opens 考核评价 on the year (a fresh browser context remembers none). */
export async function openEvaluationYear(page: Page, year: number): Promise<void> {
  await page.getByRole('menuitem', { name: /考核评价/ }).click();
  await page.getByTestId('eval-year').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: `${year}年度` }).click();
}

/** Completes the first-run screen. */
export async function firstRun(page: Page, operator: string, mode: 'empty' | 'demo'): Promise<void> {
  await page.getByLabel('操作员姓名').fill(operator);
  await page.getByRole('radio', { name: mode === 'demo' ? /载入演示数据/ : /从空白开始/ }).check();
  await page.getByRole('button', { name: '开始使用' }).click();
}

export async function noHorizontalOverflow(page: Page): Promise<{ scrollWidth: number; innerWidth: number }> {
  return page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
}

/**
 * What the screen cuts (issue 14: nothing cut at 1366×768): year boxes whose 2026年度 does not fit
 * (shown as "2026…"), and table cells whose date (2026年10月23日) breaks over two lines.
 */
export async function cutTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const years = [...document.querySelectorAll<HTMLElement>('.ant-select-content[title$="年度"]')]
      .filter((e) => e.scrollWidth > e.clientWidth)
      .map((e) => `年度框 ${e.title}`);
    const dates = [...document.querySelectorAll<HTMLElement>('td')]
      .filter((td) => {
        if (!/^\d{4}年\d{1,2}月\d{1,2}日$/.test(td.innerText.trim())) return false;
        // the lines its text occupies (the text's own boxes, not the blocks around it)
        const tops = new Set<number>();
        const walker = document.createTreeWalker(td, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const range = document.createRange();
          range.selectNodeContents(n);
          for (const r of range.getClientRects()) tops.add(Math.round(r.top));
        }
        return tops.size > 1;
      })
      .map((td) => `日期 ${td.innerText.trim()}`);
    return [...years, ...dates];
  });
}

/**
 * Calls a channel and throws the Chinese message on refusal. With a page: through the page's own
 * `window.onebag`, as the renderer does. With the app handle: the same dispatch the bridge's
 * /api/invoke runs (main/bridge/server.ts), in this process, so seeding needs no page load.
 */
export async function invoke<T>(target: Page | AppHandle, channel: string, input: unknown): Promise<T> {
  const r = (
    'bridge' in target
      ? JSON.parse(JSON.stringify(await dispatch(target.bridge.core.handlers, channel, input, target.dataDir)))
      : await target.evaluate(
          ([c, i]) => (window as unknown as { onebag: { invoke: (c: string, i: unknown) => Promise<unknown> } }).onebag.invoke(c, i),
          [channel, input] as const,
        )
  ) as { ok: boolean; value?: T; error?: { message: string } };
  if (!r.ok) throw new Error(`${channel}: ${r.error?.message}`);
  return r.value as T;
}

/** In the 认定 dialog: waits for the month's check, then confirms every warning (with a note where one is required). */
export async function confirmCertifyWarnings(dialog: Locator): Promise<void> {
  await dialog.getByTestId('certify-checked').waitFor({ state: 'attached', timeout: 30_000 });
  const warnings = dialog.getByTestId('certify-warnings');
  if ((await warnings.count()) === 0) return;
  const boxes = warnings.getByRole('checkbox');
  for (let i = 0; i < (await boxes.count()); i++) await boxes.nth(i).check();
  const notes = warnings.getByPlaceholder('说明原因（必填）');
  for (let i = 0; i < (await notes.count()); i++) await notes.nth(i).fill('经核实，情况属实');
}

/** Clicks the page's (only visible) 导出Excel and reads the downloaded workbook's first sheet. */
export async function exported(page: Page, fileName: string) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsx').click()]);
  expect(download.suggestedFilename()).toBe(fileName);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(await download.path()) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const rows: unknown[][] = [];
  ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
  return { name: ws.name, header: rows[0]!.map(String), body: rows.slice(1) };
}

/** The header texts of the visible antd table, without the action column and empty headers. */
export async function screenHeaders(page: Page, testId: string): Promise<string[]> {
  const texts = await page.locator(`[data-testid="${testId}"] thead th`).allInnerTexts();
  return texts.map((t) => t.trim()).filter((t) => t !== '' && t !== '操作');
}
