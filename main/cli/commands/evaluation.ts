/**
 * `onebag evaluation --county 名称 --year Y [--json] [--out FILE.pdf]`: the county's year-end
 * evaluation results (finalised snapshot, or live under the active scheme), as a table, as
 * JSON, or as the A4 landscape results table PDF. `--cadre 身份证号 --year Y --out FILE.pdf`
 * prints one cadre's 考核登记表 for the personnel file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/result';
import { computeResults } from '../../core/evaluation/results';
import { writeFileDurablySync } from '../../files/durableFiles';
import { countyTablePdf } from '../../dossier/evaluation/countyTable';
import { evaluationSheetPdf } from '../../dossier/evaluation/sheetPdf';
import { UsageError, withCore, type CommandContext, type CommandTable } from '../util';
import { boolFlag, parseFlagsOnly, textFlag, yearOption } from '../flags';
import { printJson, printTableOrXlsx } from '../print';
import { countyByName, findCadreByIdNumber } from '../../core/lookup';

/** One row of `onebag evaluation --json` (stable English keys). */
export interface EvaluationJsonRow {
  name: string;
  idNumber: string;
  township: string;
  postType: string;
  total: number | null;
  grade: string | null;
  rank: number | null;
  caps: string[];
  quotaNote: string | null;
}

const two = (n: number | null) => (n === null ? '—' : n.toFixed(2));

/** Writes through a temp file, so a failed run leaves no half PDF. */
function writePdf(out: string, pdf: Buffer): void {
  fs.mkdirSync(path.dirname(out), { recursive: true });
  writeFileDurablySync(out, pdf);
}

async function evaluationCommand(c: CommandContext): Promise<number> {
  const values = parseFlagsOnly('evaluation', c.args, {
    county: textFlag,
    cadre: textFlag,
    year: textFlag,
    json: boolFlag,
    xlsx: textFlag,
    out: textFlag,
  });
  if (!values.county === !values.cadre) throw new UsageError('evaluation 需要 --county 县名，或 --cadre 身份证号（二选一）');
  if (!values.year) throw new UsageError('evaluation 需要 --year 年度');
  const year = yearOption(values.year);
  if (values.out !== undefined && !values.out.toLowerCase().endsWith('.pdf')) throw new UsageError('--out 应为 .pdf 文件');
  if (values.cadre) {
    if (!values.out || values.json) throw new UsageError('evaluation --cadre 需要 --out 输出文件.pdf（不支持 --json）');
    const idNumber = values.cadre;
    const out = path.resolve(values.out);
    return withCore(c.dataDir, async (core) => {
      const cadre = findCadreByIdNumber(core.ctx.db, idNumber);
      const r = await evaluationSheetPdf(core.ctx.db, cadre.id, year);
      writePdf(out, r.pdf);
      c.out(`已生成：${out}（${r.name}${year}年度考核登记表，共${r.pages}页${r.finalised ? '' : '，尚未定档'}）`);
      return 0;
    });
  }
  const countyName = (values.county ?? '').trim();
  return withCore(c.dataDir, async (core) => {
    const { db } = core.ctx;
    const county = countyByName(db, countyName);
    const res = computeResults(db, { countyId: county.id, year });
    if (!res.scheme) throw new AppError('INVALID_INPUT', `${county.name}${year}年度尚未启用考核方案，请先在“考核评价”中选择模板并启用`);
    if (values.out) {
      const out = path.resolve(values.out);
      const r = await countyTablePdf(db, county.id, year);
      writePdf(out, r.pdf);
      if (!values.json) c.out(`已生成：${out}（${r.rows}人，共${r.pages}页）`);
    }
    if (values.json) {
      const rows: EvaluationJsonRow[] = res.rows.map((r) => ({
        name: r.name,
        idNumber: r.idNumber,
        township: r.township,
        postType: r.postType,
        total: r.total,
        grade: r.grade,
        rank: r.rank,
        caps: r.caps.map((x) => x.reason),
        quotaNote: r.quotaNote,
      }));
      return printJson(c, rows);
    }
    if (values.out) return 0;
    const s = res.scheme;
    c.out(`${county.name}${year}年度考核结果（${s.name}，第${s.version}版，${res.finalised ? '已定档' : '未定档'}）`);
    c.out('');
    const head = ['姓名', '乡镇', '岗位', '综合得分', '排名', '等次', '说明'];
    const body = res.rows.map((r) => [
      r.name,
      r.township,
      r.postType,
      two(r.total),
      r.rank === null ? '—' : String(r.rank),
      r.grade ?? '—',
      [
        ...r.caps.map((x) => x.reason),
        ...(r.quotaNote ? [r.quotaNote] : []),
        ...(r.missing.length ? [`未录：${r.missing.join('、')}`] : []),
      ].join('；'),
    ]);
    if (await printTableOrXlsx(c, values.xlsx, { name: `${year}年度考核结果`, numeric: [3, 4] }, head, body)) return 0;
    c.out('');
    const n = res.counts;
    c.out(
      `优秀${n['优秀']}人，称职${n['称职']}人，基本称职${n['基本称职']}人，不称职${n['不称职']}人${res.incomplete ? `，分数未录全${res.incomplete}人` : ''}`,
    );
    return 0;
  });
}

export const evaluationCommands: CommandTable = { evaluation: evaluationCommand };

/** Lines for the usage text, in the same two-column format as main/cli/run.ts. */
export const evaluationUsage: string[] = [
  '  evaluation --county 县名 --year 年度 [--json] [--out 文件.pdf] [--xlsx 文件.xlsx]',
  '                                     年度考核结果：综合得分、组内排名、等次、限制情形与优秀名额说明；--out 输出A4横向汇总表',
  '  evaluation --cadre 身份证号 --year 年度 --out 文件.pdf',
  '                                     打印一名干部的年度考核登记表（A4，可单独归入干部人事档案）',
];
