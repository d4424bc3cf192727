import fs from 'node:fs';
import path from 'node:path';
import type { BatchCadreResult } from '../../../shared/api/dossier';
import { AppError } from '../../../shared/result';
import { JobRunner } from '../../dossier/batch/jobs';
import { UsageError, withCore, type CommandContext, type CommandTable } from '../util';
import { boolFlag, parseFlagsOnly, textFlag } from '../flags';
import { countyByName, findCadreByIdNumber } from '../../core/lookup';

/**
 * `onebag dossier --cadre ID_NUMBER --year Y|term --out FILE.pdf [--pdfa]` and
 * `onebag dossier --county 名称 --year Y --out DIR [--pdfa]`. Both run in the dossier worker thread.
 */
async function dossierCommand(c: CommandContext): Promise<number> {
  const values = parseFlagsOnly('dossier', c.args, { cadre: textFlag, county: textFlag, year: textFlag, out: textFlag, pdfa: boolFlag });
  if (!values.cadre === !values.county) throw new UsageError('dossier 需要 --cadre 身份证号 或 --county 县名（二选一）');
  if (!values.year) throw new UsageError('dossier 需要 --year 年度（单人还可用 term 表示整个任期）');
  if (!values.out) throw new UsageError(values.cadre ? 'dossier 需要 --out 输出文件.pdf' : 'dossier 需要 --out 输出文件夹');
  const term = values.year === 'term' && !!values.cadre;
  if (!term && !/^\d{4}$/.test(values.year)) throw new UsageError(`年度“${values.year}”无效，应为四位数字${values.cadre ? '或 term' : ''}`);
  const year = term ? ('term' as const) : Number(values.year);
  const out = path.resolve(values.out);

  return withCore(c.dataDir, async (core) => {
    const runner = new JobRunner({ dataDir: c.dataDir });
    try {
      if (values.cadre) {
        if (!out.toLowerCase().endsWith('.pdf')) throw new UsageError('--out 应为 .pdf 文件');
        const cadre = findCadreByIdNumber(core.ctx.db, values.cadre);
        fs.mkdirSync(path.dirname(out), { recursive: true });
        const g = await runner.generate({ cadreId: cadre.id, year, outPath: out, pdfa: values.pdfa });
        c.out(`已生成：${out}`);
        c.out(`${cadre.name}（档号 ${g.archiveCode}）：${g.items.length} 件，共 ${g.pages} 页`);
        // characters that will print as boxes: on stderr, before the other notes
        for (const w of g.missingGlyphs) c.err(`警告：${w}`);
        report(
          c,
          g.warnings.filter((w) => !g.missingGlyphs.includes(w)),
        );
        if (values.pdfa) c.out(g.pdfa ? '已按 PDF/A-1b 输出（附入的原件以页面图像并入）' : '未标注为 PDF/A：原因见上方提示');
        return 0;
      }
      const county = countyByName(core.ctx.db, values.county!);
      let shown = 0;
      c.out(`正在生成 ${county.name}${year}年度档案……`);
      const { done } = runner.startBatch({ countyId: county.id, year: year as number, outDir: out, pdfa: values.pdfa }, (st) => {
        shown = printResults(c, st.results, shown);
      });
      const s = await done;
      shown = printResults(c, s.results, shown);
      if (s.state === 'failed') throw new AppError('INVALID_INPUT', s.error ?? '生成失败');
      const failed = s.results.filter((r) => r.error);
      const warned = s.results.filter((r) => r.warnings.length);
      c.out(`完成：${s.results.length - failed.length}/${s.total} 人，共 ${s.pages} 页，输出到 ${s.outDir}`);
      if (s.catalogue) c.out(`案卷目录：${s.catalogue}`);
      if (values.pdfa) {
        const notA = s.results.filter((r) => !r.error && !r.pdfa);
        c.out(
          notA.length
            ? `未标注为 PDF/A 的档案 ${notA.length} 份：${notA.map((r) => r.name).join('、')}（原因见提示）`
            : '全部档案已按 PDF/A-1b 输出',
        );
      }
      if (warned.length) c.out(`有提示的档案 ${warned.length} 份（含无法读取的原件），详见上文`);
      if (failed.length) {
        c.err(`生成失败 ${failed.length} 人：${failed.map((f) => `${f.name}（${f.error}）`).join('；')}`);
        return 1;
      }
      return 0;
    } finally {
      await runner.close();
    }
  });
}

function printResults(c: CommandContext, results: BatchCadreResult[], shown: number): number {
  for (const r of results.slice(shown)) {
    if (r.error) c.err(`[${shown + 1}] ${r.name}：生成失败，${r.error}`);
    else c.out(`[${shown + 1}] ${r.name}：${r.pages} 页 → ${path.basename(r.file!)}`);
    for (const w of r.warnings) c.out(`    提示：${w}`);
    shown++;
  }
  return shown;
}

function report(c: CommandContext, warnings: string[]): void {
  if (warnings.length === 0) return;
  c.out(`提示 ${warnings.length} 条：`);
  for (const w of warnings) c.out(`  ${w}`);
}

export const dossierCommands: CommandTable = { dossier: dossierCommand };

export const dossierUsage: string[] = [
  '  dossier --cadre 身份证号 --year 年度|term --out 文件.pdf [--pdfa]',
  '                                     生成一名干部的工作实绩档案（term 为整个任期）',
  '  dossier --county 县名 --year 年度 --out 文件夹 [--pdfa]',
  '                                     批量生成全县年度档案（每人一份 PDF，另附案卷目录）',
];
