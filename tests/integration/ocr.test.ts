/**
 * Offline OCR end to end on real files: scans and image-only PDFs filed into a real data folder
 * are queued by the database itself, read by the real worker thread (PP-OCRv4 through ONNX
 * Runtime), stored per page and found by the bag's search and by the CLI.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore, type OpenCore } from '../../main/api/open';
import { startOcrQueue } from '../../main/api/ocrQueue';
import { isPaused, markRunning, ocrStatus, queueExisting, setPaused } from '../../main/core/ocr/queue';
import { searchMaterialsAndPages } from '../../main/core/ocr/search';
import { renderIndexPages } from '../../main/exchange/indexHtml';
import { OcrPool } from '../../main/ocr/pool';
import { characterErrorRate, imageOnlyPdf, SAMPLE_LINES, scanOf, typesetPdf } from '../fixtures/ocrPages';
import { fileOriginal, materialInput } from '../fixtures/bagFolder';
import { onebagHere } from '../fixtures/cliHere';
import { addOcrCadre } from '../fixtures/ocrCadre';

const SLOW = 300_000;
const HOST = { kind: 'cli' as const, blobUrl: (s: string) => `blob:${s}` };
let dir: string;
let core: OpenCore;
let cadreId: number;
let countyId: number;
/** One worker (models loaded once) for the queues of this file; the CLI starts its own. */
const pool = new OcrPool();

/** A scanned or typed 工作汇报 of 30 September 2025, filed for the cadre. */
const file = (name: string, bytes: Buffer, title: string) =>
  fileOriginal(core, dir, cadreId, name, bytes, materialInput({ category: '工作汇报', title, date: '2025-09-30', year: 2025 }));

const pagesOf = (sha256: string) =>
  core.ctx.db
    .prepare('SELECT page, source, rotation, engine, model, confidence, ms, text FROM ocr_pages WHERE sha256 = ? ORDER BY page')
    .all(sha256) as Array<{
    page: number;
    source: string;
    rotation: number;
    engine: string;
    model: string;
    confidence: number | null;
    ms: number;
    text: string;
  }>;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-ocr-'));
  core = openCore({ dataDir: path.join(dir, 'data'), host: HOST });
  ({ countyId, cadreId } = addOcrCadre(core.ctx.db));
});

afterAll(async () => {
  await pool.close();
  core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('OCR of the bag', () => {
  it(
    'queues every filed scan, reads it in the worker and finds its words with page and source',
    async () => {
      const text = SAMPLE_LINES.join('\n');
      const scan = await scanOf(await typesetPdf(SAMPLE_LINES), { dpi: 200, jpegQuality: 70, skew: 0.6, noise: 0.01 });
      const scanned = await file('季度汇报扫描件.pdf', await imageOnlyPdf(scan), '第三季度驻村工作汇报');
      const typed = await file(
        '电子版.pdf',
        await typesetPdf(['村集体经济发展规划（电子版）', '发展村集体经济是乡村振兴的重要抓手']),
        '集体经济规划',
      );

      // The database queued both as they were filed. (A sideways scan is read in ocrTextLayer.test.ts.)
      expect(ocrStatus(core.ctx.db).pending).toBe(2);
      const runner = startOcrQueue(core, { background: false, pool });
      await runner.drain();
      if (process.platform === 'linux') {
        // the OCR process runs at the lowest priority, this (UI) process at normal
        const nice = (pid: number) => Number(fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[16]);
        expect(pool.pid).not.toBeNull();
        expect(nice(process.pid)).toBe(0);
        expect(nice(pool.pid!)).toBe(19);
      }
      await runner.stop();
      expect(ocrStatus(core.ctx.db)).toMatchObject({ pending: 0, done: 2, failed: 0 });

      const [scanPage] = pagesOf(scanned.files[0]!.sha256);
      expect(scanPage).toMatchObject({ page: 1, source: 'ocr', engine: 'PaddleOCR/onnxruntime', rotation: 0 });
      expect(scanPage!.confidence).toBeGreaterThan(0.8);
      expect(characterErrorRate(text, scanPage!.text)).toBeLessThanOrEqual(0.05);
      expect(scanPage!.text).toContain('〔2025〕12号');

      const [typedPage] = pagesOf(typed.files[0]!.sha256);
      expect(typedPage).toMatchObject({ source: 'pdf-text', engine: 'PDFium' });
      expect(typedPage!.text).toContain('村集体经济发展规划');

      // A word that is only in the scans' pixels, not in any title.
      const hits = searchMaterialsAndPages(core.ctx.db, '走访农户', 50);
      expect(hits.map((h) => h.title)).toEqual(['第三季度驻村工作汇报']);
      const hit = hits.find((h) => h.id === scanned.id)!;
      expect(hit.pageHits).toEqual([expect.objectContaining({ page: 1, source: 'ocr', sha256: scanned.files[0]!.sha256 })]);
      expect(hit.pageHits![0]!.snippet).toContain('走访农户');
      expect(searchMaterialsAndPages(core.ctx.db, '乡村振兴', 50).map((h) => h.title)).toEqual(['集体经济规划']);

      // The bundle's static cadre page carries the pages' text for the browser's find.
      const pages: Array<{ path: string; html: string }> = [];
      renderIndexPages(
        core.ctx.db,
        {
          countyId: countyId,
          year: 2025,
          producer: { departmentName: '岚川县委组织部', fingerprint: 'TEST', createdAt: '2025-12-01T00:00:00Z' },
          dossierPath: () => null,
          originalPath: (sha) => `originals/${sha}`,
        },
        (p) => pages.push(p),
      );
      const cadrePageHtml = pages.find((p) => p.path.startsWith('cadres/'))!.html;
      expect(cadrePageHtml).toContain('<details class="page-text">');
      expect(cadrePageHtml).toContain('原件文字（含识别文字，可能有误，以原件为准）');
      expect(cadrePageHtml).toContain('走访农户');
    },
    SLOW,
  );

  it(
    'reads a two-column scan in reading order',
    async () => {
      const left = ['左栏第一行驻村工作', '左栏第二行走访农户', '左栏第三行产业发展'];
      const right = ['右栏第一行集体经济', '右栏第二行基层党建', '右栏第三行乡风文明'];
      const scan = await scanOf(await typesetPdf([], { columns: [left, right] }), { dpi: 200 });
      const m = await file('两栏.png', scan, '两栏排版的简报');
      const runner = startOcrQueue(core, { background: false, pool });
      await runner.drain();
      await runner.stop();
      const [page] = pagesOf(m.files[0]!.sha256);
      const lines = page!.text.split('\n');
      const order = [...left, ...right].map((l) => lines.findIndex((x) => characterErrorRate(l, x) <= 0.2));
      expect(order.every((i) => i >= 0)).toBe(true);
      expect(order).toEqual([...order].sort((a, b) => a - b));
    },
    SLOW,
  );

  it(
    'keeps its queue across a restart and honours the pause switch',
    async () => {
      const m = await file('规划.pdf', await typesetPdf(['驻村工作队年度计划', '一是抓党建促发展']), '年度计划');
      const sha = m.files[0]!.sha256;
      // A crash while reading leaves the row 'running'.
      markRunning(core.ctx.db, sha, 1);
      core.close();
      core = openCore({ dataDir: path.join(dir, 'data'), host: HOST });
      setPaused(core.ctx.db, true);
      const background = startOcrQueue(core, { background: true, pool });
      await new Promise((r) => setTimeout(r, 1500));
      // Requeued at start, but paused: nothing read.
      expect(ocrStatus(core.ctx.db)).toMatchObject({ paused: true, pending: 1, running: 0 });
      setPaused(core.ctx.db, false);
      expect(isPaused(core.ctx.db)).toBe(false);
      for (let i = 0; i < 300 && pagesOf(sha).length === 0; i++) await new Promise((r) => setTimeout(r, 200));
      await background.stop();
      expect(pagesOf(sha)).toEqual([expect.objectContaining({ source: 'pdf-text', text: expect.stringContaining('驻村工作队年度计划') })]);
      // 全部识别 queues nothing new when everything was read.
      expect(queueExisting(core.ctx.db)).toBe(0);
    },
    SLOW,
  );

  it(
    'offers the same through the CLI: onebag ocr --wait and onebag search',
    async () => {
      await file(
        '会议记录扫描.png',
        await scanOf(await typesetPdf(['村两委会议记录', '研究决定修建喆嘉桥一座']), { dpi: 150 }),
        '村两委会议记录',
      );
      core.close();
      const data = path.join(dir, 'data');
      const ocr = await onebagHere(data, ['ocr', '--wait']);
      expect(ocr.stderr).not.toMatch(/Error|at .*\.ts/);
      expect(ocr.code).toBe(0);
      expect(ocr.stdout).toMatch(/识别完成：已识别 \d+ 个文件，失败 0 个/);
      const found = await onebagHere(data, ['search', '修建', '--json']);
      expect(found.code).toBe(0);
      const json = JSON.parse(found.stdout) as Array<{
        title: string;
        pages: Array<{ page: number; source: string; snippet: string; file: string }>;
      }>;
      expect(json).toEqual([
        expect.objectContaining({
          title: '村两委会议记录',
          pages: [expect.objectContaining({ page: 1, source: 'ocr', file: '会议记录扫描.png' })],
        }),
      ]);
      const table = await onebagHere(data, ['search', '修建']);
      expect(table.stdout).toContain('[识别文字]');
      expect(table.stdout).toContain('第1页');
      core = openCore({ dataDir: data, host: HOST });
    },
    SLOW,
  );
});
