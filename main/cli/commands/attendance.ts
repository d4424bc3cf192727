import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/result';
import { commitImport, previewImport } from '../../core/attendance/import';
import { writeRegisterPdf } from '../../dossier/register/registerPdf';
import { UsageError, withCore, type CommandContext, type CommandTable } from '../util';
import { boolFlag, parseFlags, textFlag } from '../flags';
import { printTable } from '../print';
import { certifyCommand } from './certify';
import { monthOption } from './townshipArgs';
import { findTownship } from '../../core/lookup';
import { monthLabel } from '../../../shared/dates';

/** `onebag register --township 名称 --month YYYY-MM --out FILE.pdf [--blank] [--county 县名]` */
async function registerCommand(c: CommandContext): Promise<number> {
  const { values, positionals } = parseFlags(c.args, {
    township: textFlag,
    county: textFlag,
    month: textFlag,
    out: textFlag,
    blank: boolFlag,
  });
  if (positionals.length) throw new UsageError(`register 不接受多余的参数：${positionals.join(' ')}`);
  if (!values.township) throw new UsageError('register 需要 --township 乡镇名称');
  if (!values.out) throw new UsageError('register 需要 --out 输出文件.pdf');
  const month = monthOption(values.month, 'register');
  const out = path.resolve(values.out);
  if (!fs.existsSync(path.dirname(out))) throw new AppError('NOT_FOUND', `输出文件夹不存在：${path.dirname(out)}`);
  return withCore(c.dataDir, async (core) => {
    const t = findTownship(core.ctx.db, values.township!, values.county);
    const r = await writeRegisterPdf(core.ctx.db, { townshipId: t.id, month, blank: values.blank === true }, out);
    c.out(`已生成${t.name}${monthLabel(month)}${values.blank ? '空白' : ''}考勤登记表：${out}（${r.cadres} 人，${r.pages} 页）`);
    return 0;
  });
}

/** `onebag attendance import FILE --township 名称 --month YYYY-MM [--dry-run] [--county 县名]` */
async function attendanceCommand(c: CommandContext): Promise<number> {
  const [sub, ...rest] = c.args;
  if (sub === 'certify') return certifyCommand(c, rest);
  if (sub !== 'import')
    throw new UsageError(sub ? `attendance 没有子命令“${sub}”，可用：import、certify` : 'attendance 需要子命令：import 或 certify');
  const { values, positionals } = parseFlags(rest, { township: textFlag, county: textFlag, month: textFlag, 'dry-run': boolFlag });
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
      printTable(c, ['姓名', '日期', '时段', '原为', '改为'], rows);
    }
    for (const e of p.errors) c.out(`单元格 ${e.column}：${e.message}`);
    for (const u of p.unknownCadres) c.out(`第${u.row}行“${u.name}”不是${t.name}${monthLabel(month)}在任的干部，已跳过`);
    if (p.notInSheet.length) c.out(`表格中没有：${p.notInSheet.join('、')}（保持原样）`);
    const summary = `${t.name}${monthLabel(month)}：匹配 ${p.matched} 人，变更 ${p.changes.length} 处，错误 ${p.errors.length} 处，未识别姓名 ${p.unknownCadres.length} 个`;
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

export const attendanceCommands: CommandTable = {
  register: registerCommand,
  attendance: attendanceCommand,
};

/** Lines for the usage text, in the same two-column format as main/cli/run.ts. */
export const attendanceUsage: string[] = [
  '  register --township 乡镇 --month YYYY-MM --out 文件.pdf [--blank] [--county 县名]',
  '                                     打印乡镇月考勤登记表（A4 横向）；--blank 只印姓名，供手工填写',
  '  attendance import 文件.xlsx --township 乡镇 --month YYYY-MM [--dry-run] [--county 县名]',
  '                                     从乡镇考勤表导入一个月的考勤；--dry-run 只列出变更和错误，不修改',
  '  attendance certify (--cadre 干部编号|--township 乡镇) --month YYYY-MM --by 书记 --scan 扫描件 --sealed',
  '                    [--on YYYY-MM-DD] [--confirm-all --note 说明] [--county 县名]',
  '                                     乡镇党委书记签字认定一个月的考勤；先列出须确认的问题，未确认的拒绝认定',
];
