/**
 * A county's year-end files: one PDF per cadre named `<档号> <姓名>.pdf`, then the county's
 * 案卷目录 of the volumes. 档号 are the stored archive numbers (main/core/archive/numbers.ts): a
 * rerun or a roster change renumbers nothing. Each dossier is written to a temp name and renamed
 * when complete, so a failed or cancelled cadre never leaves a partial file. An original that
 * cannot be printed never fails a cadre (the volume carries a replacement page and a 备考表 line:
 * compose.ts); only a real failure (database, disk, a bug) does, and it is recorded while the run
 * goes on. The 案卷目录 lists the volumes actually written — its count is theirs — and names the
 * failures below the table. Cancel is honoured between cadres.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BatchCadreResult, DossierSettings } from '../../../shared/api/dossier';
import { AppError } from '../../../shared/result';
import type { MonthGrid } from '../../../shared/api/attendance';
import type { NumberAssigner } from '../../core/archive/numbers';
import type { BlobPaths } from '../fromDb/context';
import { generateDossier } from '../fromDb/generate';
import type { ReadonlyDb } from '../../core/dossierReads/readers';
import { countyCadres, countyNameOrNull } from '../../core/dossierReads/readers';
import { catalogueTitle, writeCountyCatalogue, type VolumeEntry } from './catalogue';
import { localToday } from '../../core/runtime/clock';

export interface BatchProgress {
  total: number;
  done: number;
  pages: number;
  current: string | null;
  result?: BatchCadreResult;
}

export interface BatchOutcome {
  cancelled: boolean;
  results: BatchCadreResult[];
  catalogue: string | null;
}

export async function runCountyBatch(
  db: ReadonlyDb,
  blobs: BlobPaths,
  opts: { countyId: number; year: number; outDir: string; pdfa?: boolean; numbers: NumberAssigner },
  settings: DossierSettings,
  hooks: { progress(p: BatchProgress): void; cancelled(): boolean },
): Promise<BatchOutcome> {
  const name = countyNameOrNull(db, opts.countyId);
  const county = name === null ? null : { name };
  if (!county) throw new AppError('NOT_FOUND', '所选县（市、区）不存在，请刷新后重试');
  const list = countyCadres(db, opts.countyId, `${opts.year}-01-01`, `${opts.year}-12-31`);
  if (list.length === 0) throw new AppError('INVALID_INPUT', `${county.name}${opts.year}年度没有在任的选派干部，无需生成档案`);
  fs.mkdirSync(opts.outDir, { recursive: true });
  const grids = new Map<string, MonthGrid>();
  const results: BatchCadreResult[] = [];
  const volumes: VolumeEntry[] = [];
  let pages = 0;
  let cancelled = false;
  for (const [i, c] of list.entries()) {
    if (hooks.cancelled()) {
      cancelled = true;
      break;
    }
    hooks.progress({ total: list.length, done: i, pages, current: c.name });
    const tmp = path.join(opts.outDir, `.onebag-${process.pid}-${i}.pdf.part`);
    let result: BatchCadreResult;
    try {
      const g = await generateDossier(db, blobs, { cadreId: c.cadreId, year: opts.year, grids, numbers: opts.numbers }, settings, tmp, {
        pdfa: opts.pdfa,
      });
      const file = path.join(opts.outDir, g.fileName);
      fs.renameSync(tmp, file);
      pages += g.pages;
      volumes.push({
        archiveCode: g.archiveCode,
        title: `${c.name}${opts.year}年度选派干部工作实绩档案（${c.township}${c.village ?? ''}）`,
        dateRange: g.dateRange,
        items: g.items.length,
        pages: g.numberedPages,
        retention: settings.retention,
        remark: g.remarks.length ? `备考表有${g.remarks.length}条说明` : '',
      });
      result = {
        cadreId: c.cadreId,
        name: c.name,
        archiveCode: g.archiveCode,
        file,
        pages: g.pages,
        warnings: g.warnings,
        remarks: g.remarks,
        pdfa: g.pdfa,
        error: null,
      };
    } catch (e) {
      fs.rmSync(tmp, { force: true });
      const msg = e instanceof AppError ? e.message : `生成失败：${(e as Error)?.message ?? String(e)}`;
      result = {
        cadreId: c.cadreId,
        name: c.name,
        archiveCode: '',
        file: null,
        pages: 0,
        warnings: [],
        remarks: [],
        pdfa: false,
        error: msg,
      };
    }
    results.push(result);
    hooks.progress({ total: list.length, done: i + 1, pages, current: null, result });
  }
  let catalogue: string | null = null;
  if (!cancelled) {
    catalogue = path.join(opts.outDir, `${catalogueTitle(county.name, opts.year)}.pdf`);
    const tmp = `${catalogue}.part`;
    try {
      const head = {
        county: county.name,
        year: opts.year,
        compiler: settings.compiler,
        checker: settings.checker,
        date: localToday(),
        checkDate: settings.checkDate,
      };
      const failed = results.filter((r) => r.error).map((r) => ({ name: r.name, error: r.error! }));
      await writeCountyCatalogue(tmp, head, volumes, failed, { body: settings.bodyFont });
      fs.renameSync(tmp, catalogue);
    } catch (e) {
      fs.rmSync(tmp, { force: true });
      throw e;
    }
  }
  return { cancelled, results, catalogue };
}
