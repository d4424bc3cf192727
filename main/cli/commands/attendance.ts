import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { isMonth } from '../../../shared/attendance';
import { AppError } from '../../../shared/result';
import { commitImport, previewImport } from '../../core/attendance/import';
import { writeRegisterPdf } from '../../dossier/register/registerPdf';
import type { Db } from '../../store/db';
import { formatTable, guardArgs, UsageError, withCore, type CommandContext } from '../util';

const label = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5))}月`;

/** --township 名称 [--county 县名] → township id; a name shared by two counties needs --county. */
function findTownship(db: Db, name: string, county?: string): { id: number; name: string } {
  const rows = db
    .prepare(
      `SELECT t.id, t.name, c.name AS county FROM townships t JOIN counties c ON c.id = t.county_id
        WHERE t.name = ? AND (? IS NULL OR c.name = ?)`,
    )
    .all(name.trim(), county ?? null, county ?? null) as Array<{ id: number; name: string; county: string }>;
  if (rows.length === 0) throw new AppError('NOT_FOUND', `找不到乡镇“${name}”${county ? `（${county}）` : ''}`);
  if (rows.length > 1) {
    throw new AppError('INVALID_INPUT', `有${rows.length}个乡镇名为“${name}”（${rows.map((r) => r.county).join('、')}），请用 --county 指定县名`);
  }
  return rows[0]!;
}

function monthOption(v: string | undefined, command: string): string {
  if (!v) throw new UsageError(`${command} 需要 --month YYYY-MM`);
  if (!isMonth(v)) throw new AppError('INVALID_INPUT', `月份“${v}”格式不对，应为 YYYY-MM，如 2025-03`);
  return v;
}

/** `onebag register --township 名称 --month YYYY-MM --out FILE.pdf [--blank] [--county 县名]` */
async function registerCommand(c: CommandContext): Promise<number> {
  const { values, positionals } = guardArgs(() =>
    parseArgs({
      args: c.args,
      options: { township: { type: 'string' }, county: { type: 'string' }, month: { type: 'string' }, out: { type: 'string' }, blank: { type: 'boolean' } },
      allowPositionals: true,
      strict: true,
    }),
  );
  if (positionals.length) throw new UsageError(`register 不接受多余的参数：${positionals.join(' ')}`);
  if (!values.township) throw new UsageError('register 需要 --township 乡镇名称');
  if (!values.out) throw new UsageError('register 需要 --out 输出文件.pdf');
  const month = monthOption(values.month, 'register');
  const out = path.resolve(values.out);
  if (!fs.existsSync(path.dirname(out))) throw new AppError('NOT_FOUND', `输出文件夹不存在：${path.dirname(out)}`);
  return withCore(c.dataDir, async (core) => {
    const t = findTownship(core.ctx.db, values.township!, values.county);
    const r = await writeRegisterPdf(core.ctx.db, { townshipId: t.id, month, blank: values.blank === true }, out);
    c.out(`已生成${t.name}${label(month)}${values.blank ? '空白' : ''}考勤登记表：${out}（${r.cadres} 人，${r.pages} 页）`);
    return 0;
  });
}

/** `onebag attendance import FILE --township 名称 --month YYYY-MM [--dry-run] [--county 县名]` */
async function attendanceCommand(c: CommandContext): Promise<number> {
  const [sub, ...rest] = c.args;
  if (sub !== 'import') throw new UsageError(sub ? `attendance 没有子命令“${sub}”，可用：import` : 'attendance 需要子命令：import');
  const { values, positionals } = guardArgs(() =>
    parseArgs({
      args: rest,
      options: { township: { type: 'string' }, county: { type: 'string' }, month: { type: 'string' }, 'dry-run': { type: 'boolean' } },
      allowPositionals: true,
      strict: true,
    }),
  );
  if (positionals.length !== 1) throw new UsageError('attendance import 需要且只需要一个考勤表文件（.xlsx）');
  if (!values.township) throw new UsageError('attendance import 需要 --township 乡镇名称');
  const month = monthOption(values.month, 'attendance import');
  const file = path.resolve(positionals[0]!);
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new AppError('NOT_FOUND', `找不到文件：${file}`);
  return withCore(c.dataDir, async (core) => {
    const { db } = core.ctx;
    const t = findTownship(db, values.township!, values.county);
    const p = await previewImport(db, file, { townshipId: t.id, month });
    if (p.changes.length) {
      const rows = p.changes.map((x) => [x.cadre, x.date, x.half === '全' ? '全天' : x.half === '上' ? '上午' : '下午', x.from, x.to]);
      for (const line of formatTable(['姓名', '日期', '时段', '原为', '改为'], rows)) c.out(line);
    }
    for (const e of p.errors) c.out(`单元格 ${e.column}：${e.message}`);
    for (const u of p.unknownCadres) c.out(`第${u.row}行“${u.name}”不是${t.name}${label(month)}在任的干部，已跳过`);
    if (p.notInSheet.length) c.out(`表格中没有：${p.notInSheet.join('、')}（保持原样）`);
    const summary = `${t.name}${label(month)}：匹配 ${p.matched} 人，变更 ${p.changes.length} 处，错误 ${p.errors.length} 处，未识别姓名 ${p.unknownCadres.length} 个`;
    if (values['dry-run']) {
      c.out(`预检完成（未做任何修改）：${summary}`);
      if (p.certified) c.err('错误：该月考勤已由乡镇党委认定，导入将被拒绝；修改前须先撤销认定并说明原因');
      if (p.errors.length) c.err(`错误：表格中有 ${p.errors.length} 处无法识别（见上方列表），修改后才能导入`);
      return p.errors.length || p.certified ? 1 : 0;
    }
    const r = await commitImport(db, file, { townshipId: t.id, month });
    c.out(`导入完成：${summary}；已更新 ${r.cadres} 人共 ${r.changed} 个半天`);
    return 0;
  });
}

/** CLI commands of this feature group, merged into the command table in main/cli/run.ts. */
export const attendanceCommands: Record<string, (c: CommandContext) => Promise<number>> = {
  register: registerCommand,
  attendance: attendanceCommand,
};

/** Lines for the usage text, in the same two-column format as main/cli/run.ts. */
export const attendanceUsage: string[] = [
  '  register --township 乡镇 --month YYYY-MM --out 文件.pdf [--blank] [--county 县名]',
  '                                     打印乡镇月考勤登记表（A4 横向）；--blank 只印姓名，供手工填写',
  '  attendance import 文件.xlsx --township 乡镇 --month YYYY-MM [--dry-run] [--county 县名]',
  '                                     从乡镇考勤表导入一个月的考勤；--dry-run 只列出变更和错误，不修改',
];
