/**
 * `onebag reports --cadre 身份证号 [--year 年度] [--confirm 期次] [--unlink 期次] [--json]`: the
 * 季度报告/半年总结 a cadre owes in a year with their status; --confirm confirms a report linked
 * when it was filed in the bag (待确认), --unlink withdraws a period's submission (the material
 * stays in the bag). Both go through the same handlers as the app, so they are audited alike.
 */
import type { ReportRow } from '../../../shared/worklog';
import { UsageError, withCore, type CommandContext, type CommandTable } from '../util';
import { findCadreByIdNumber } from '../../core/lookup';
import { boolFlag, parseFlagsOnly, textFlag, yearOption } from '../flags';
import { printJson, printTable } from '../print';
import { localToday } from '../../core/runtime/clock';

const PERIOD_RE = /^\d{4}-(Q[1-4]|H[12])$/;

function statusText(r: ReportRow): string {
  if (r.status === '已提交') return `${r.lateDays ? `已提交（迟${r.lateDays}天）` : '已提交'}${r.linkToConfirm ? '，待确认' : ''}`;
  if (r.status === '逾期') return `逾期${r.lateDays}天`;
  return '待提交';
}

async function reportsCommand(c: CommandContext): Promise<number> {
  const values = parseFlagsOnly('reports', c.args, {
    cadre: textFlag,
    year: textFlag,
    confirm: textFlag,
    unlink: textFlag,
    json: boolFlag,
  });
  if (!values.cadre) throw new UsageError('请用 --cadre 指定干部的身份证号');
  if (values.confirm !== undefined && values.unlink !== undefined) throw new UsageError('--confirm 与 --unlink 不能同时使用');
  const period = values.confirm ?? values.unlink;
  if (period !== undefined && !PERIOD_RE.test(period)) throw new UsageError(`报告期次格式应为 2025-Q1 或 2025-H1：${period}`);
  const yearText = values.year ?? period?.slice(0, 4) ?? localToday().slice(0, 4);
  const year = yearOption(yearText);
  if (period !== undefined && period.slice(0, 4) !== yearText) throw new UsageError(`期次 ${period} 不在 ${yearText} 年度`);
  return withCore(c.dataDir, async (core) => {
    const cadre = findCadreByIdNumber(core.ctx.db, values.cadre!);
    if (values.confirm !== undefined) {
      const r = await core.handlers['reports.confirmLink']({ cadreId: cadre.id, period: values.confirm });
      c.out(`已确认：${cadre.name}${r.periodLabel}${r.kind}为《${r.materialTitle}》`);
    } else if (values.unlink !== undefined) {
      await core.handlers['reports.unsubmit']({ cadreId: cadre.id, period: values.unlink });
      c.out(`已取消：${cadre.name}${values.unlink}的报告关联（材料仍在档案袋中）`);
    }
    const rows = await core.handlers['reports.list']({ cadreId: cadre.id, year });
    if (values.json) return printJson(c, rows);
    if (rows.length === 0) {
      c.out(`${cadre.name}${year}年不在任职期内，无需报送`);
      return 0;
    }
    const head = ['期次', '代码', '类别', '报送期限', '状态', '报送材料'];
    const body = rows.map((r) => [
      r.periodLabel,
      r.period,
      r.kind,
      r.dueDate,
      statusText(r),
      r.materialTitle ? `《${r.materialTitle}》` : '—',
    ]);
    printTable(c, head, body);
    return 0;
  });
}

export const reportCommands: CommandTable = { reports: reportsCommand };

/** Lines for the usage text, in the same two-column format as main/cli/run.ts. */
export const reportUsage: string[] = [
  '  reports --cadre 身份证号 [--year 年度] [--confirm 期次] [--unlink 期次] [--json]',
  '                                     列出季度报告与半年总结；--confirm 确认归档时自动关联的报告，--unlink 取消关联',
];
