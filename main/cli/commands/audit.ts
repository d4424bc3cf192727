/**
 * `onebag audit [--inspector] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--operator 姓名] [--text 文字]
 * [--limit N] [--json] [--print 文件.pdf]`: the audit log, newest first, with the chain status;
 * --inspector keeps the events an inspector looks for first (考勤认定/撤销、考核定档/重新打开、导入).
 */
import path from 'node:path';
import { INSPECTOR_KIND_KEYS, type AuditRow } from '../../../shared/audit';
import { verifyChain } from '../../core/audit/chain';
import { listAudit, type AuditFilter } from '../../core/audit/query';
import { chainText, describeFilter, writeAuditPdf } from '../../dossier/auditPrint/auditPdf';
import { UsageError, withCore, type CommandContext, type CommandTable } from '../util';
import { boolFlag, parseFlagsOnly, textFlag } from '../flags';
import { printJson, printTable } from '../print';
import { timeLabel } from '../../../shared/dates';

/** One entry of `onebag audit --json` (stable English keys). */
export type AuditJsonRow = Omit<AuditRow, 'hasChange'>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

async function auditCommand(c: CommandContext): Promise<number> {
  const values = parseFlagsOnly('audit', c.args, {
    inspector: boolFlag,
    from: textFlag,
    to: textFlag,
    operator: textFlag,
    text: textFlag,
    limit: textFlag,
    json: boolFlag,
    print: textFlag,
  });
  for (const k of ['from', 'to'] as const) {
    const v = values[k];
    if (v !== undefined && (!DATE.test(v) || Number.isNaN(new Date(`${v}T00:00:00`).getTime())))
      throw new UsageError(`--${k} 日期格式应为 YYYY-MM-DD：${v}`);
  }
  if (values.from && values.to && values.from > values.to) throw new UsageError('--from 不能晚于 --to');
  const limit = values.limit === undefined ? 100 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 5000) throw new UsageError('--limit 应为1至5000之间的整数');
  if (values.print !== undefined && !values.print.toLowerCase().endsWith('.pdf')) throw new UsageError('--print 应为 .pdf 文件');
  const filter: AuditFilter = {
    kinds: values.inspector ? INSPECTOR_KIND_KEYS : undefined,
    from: values.from,
    to: values.to,
    operator: values.operator?.trim() || undefined,
    text: values.text,
  };
  return withCore(c.dataDir, async (core) => {
    const { db } = core.ctx;
    if (values.print !== undefined) {
      const out = path.resolve(values.print);
      const r = await writeAuditPdf(db, filter, out);
      c.out(`已生成：${out}（审计日志 ${r.entries} 条，共 ${r.pages} 页）`);
      return 0;
    }
    const page = listAudit(db, { ...filter, limit });
    const status = verifyChain(db);
    if (values.json) {
      const rows: AuditJsonRow[] = page.rows.map(({ hasChange: _, ...row }) => row);
      printJson(c, rows);
    } else {
      c.out(
        `审计日志（${describeFilter(filter)}）：共 ${page.total} 条${page.total > page.rows.length ? `，显示最近 ${page.rows.length} 条（--limit 可调整）` : ''}`,
      );
      if (page.rows.length > 0) {
        const body = page.rows.map((r) => [String(r.id), timeLabel(r.at), r.operator ?? '—', r.what, r.record]);
        printTable(c, ['序号', '时间', '操作员', '操作', '记录'], body);
      }
      c.out(chainText(status));
    }
    if (!status.ok) c.err(`警告：${status.message}。请运行 onebag check 查看处理办法`);
    return 0;
  });
}

export const auditCommands: CommandTable = { audit: auditCommand };

/** Lines for the usage text, in the same two-column format as main/cli/run.ts. */
export const auditUsage: string[] = [
  '  audit [--inspector] [--from 日期] [--to 日期] [--operator 姓名] [--text 文字] [--limit N] [--json] [--print 文件.pdf]',
  '                                     审计日志（最新在前）；--inspector 只列考勤认定、考核定档、数据导入等事件',
];
