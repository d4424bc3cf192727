import { parseArgs } from 'node:util';
import { ALERT_KINDS, SEVERITY_LABELS, type Alert } from '../../../shared/alerts';
import { allAlerts } from '../../core/alerts/all';
import { localToday } from '../../core/attendance/common';
import { formatTable, guardArgs, UsageError, withCore, type CommandContext } from '../util';
import { writeTableXlsx } from '../xlsxOut';
import { countyByName, idNumbersById } from '../../core/lookup';

/** Stable JSON shape of `onebag alerts --json` (English keys; full ID number, as `cadres --json`). */
export interface AlertJson {
  kind: Alert['kind'];
  severity: Alert['severity'];
  cadre: string | null;
  idNumber: string | null;
  township: string;
  month: string | null;
  date: string | null;
  message: string;
}

/** `onebag alerts [--year Y] [--county 名称] [--json]` */
async function alertsCommand(c: CommandContext): Promise<number> {
  const { values, positionals } = guardArgs(() =>
    parseArgs({
      args: c.args,
      options: { year: { type: 'string' }, county: { type: 'string' }, json: { type: 'boolean' }, xlsx: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    }),
  );
  if (positionals.length > 0) throw new UsageError(`alerts 命令不接受参数：${positionals.join(' ')}`);
  const year = values.year === undefined ? Number(localToday().slice(0, 4)) : Number(values.year);
  if (!/^\d{4}$/.test(values.year ?? String(year)) || year < 2000 || year > 2100) {
    throw new UsageError(`年度应为2000至2100之间的四位数字：${values.year}`);
  }
  return withCore(c.dataDir, async (core) => {
    const { db } = core.ctx;
    const countyId = values.county === undefined ? undefined : countyByName(db, values.county).id;
    const alerts = allAlerts(db, countyId === undefined ? { year } : { year, countyId });
    const ids = idNumbersById(db);
    const out: AlertJson[] = alerts.map((a) => ({
      kind: a.kind,
      severity: a.severity,
      cadre: a.cadreName ?? null,
      idNumber: a.cadreId === undefined ? null : (ids.get(a.cadreId) ?? null),
      township: a.township,
      month: a.month ?? (a.date ? a.date.slice(0, 7) : null),
      date: a.date ?? null,
      message: a.message,
    }));
    if (values.json) {
      c.out(JSON.stringify(out, null, 2));
      return 0;
    }
    if (out.length === 0) {
      c.out(`${year}年度没有预警`);
      return 0;
    }
    const counts = ALERT_KINDS.map((k) => [k, out.filter((a) => a.kind === k).length] as const).filter(([, n]) => n > 0);
    c.out(`${year}年度预警共 ${out.length} 条：${counts.map(([k, n]) => `${k} ${n}`).join('，')}`);
    c.out('');
    const head = ['类别', '程度', '乡镇', '干部', '日期/月份', '说明'];
    const body = out.map((a) => [a.kind, SEVERITY_LABELS[a.severity], a.township, a.cadre ?? '', a.date ?? a.month ?? '', a.message]);
    if (values.xlsx) {
      c.out(`已导出 ${body.length} 行到 ${await writeTableXlsx(values.xlsx, `${year}年度预警`, head, body)}`);
      return 0;
    }
    for (const line of formatTable(head, body)) c.out(line);
    return 0;
  });
}

/** CLI commands of this feature group, merged into the command table in main/cli/run.ts. */
export const alertsCommands: Record<string, (c: CommandContext) => Promise<number>> = { alerts: alertsCommand };

/** Lines for the usage text, in the same two-column format as main/cli/run.ts. */
export const alertsUsage: string[] = [
  '  alerts [--year 年度] [--county 县名] [--json] [--xlsx 文件.xlsx]',
  '                                     列出预警：考勤、五必到与督查、请假、报告逾期、项目与帮扶',
];
