import { ALERT_KINDS, SEVERITY_LABELS, type Alert } from '../../../shared/alerts';
import { allAlerts } from '../../core/alerts/all';
import { withCore, type CommandContext, type CommandTable } from '../util';
import { boolFlag, parseFlagsOnly, textFlag, yearOption } from '../flags';
import { printJson, printTableOrXlsx } from '../print';
import { countyByName, idNumbersById } from '../../core/lookup';
import { localToday } from '../../core/runtime/clock';

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
  const values = parseFlagsOnly('alerts', c.args, { year: textFlag, county: textFlag, json: boolFlag, xlsx: textFlag });
  const year = yearOption(values.year ?? localToday().slice(0, 4));
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
    if (values.json) return printJson(c, out);
    if (out.length === 0) {
      c.out(`${year}年度没有预警`);
      return 0;
    }
    const counts = ALERT_KINDS.map((k) => [k, out.filter((a) => a.kind === k).length] as const).filter(([, n]) => n > 0);
    c.out(`${year}年度预警共 ${out.length} 条：${counts.map(([k, n]) => `${k} ${n}`).join('，')}`);
    c.out('');
    const head = ['类别', '程度', '乡镇', '干部', '日期/月份', '说明'];
    const body = out.map((a) => [a.kind, SEVERITY_LABELS[a.severity], a.township, a.cadre ?? '', a.date ?? a.month ?? '', a.message]);
    await printTableOrXlsx(c, values.xlsx, { name: `${year}年度预警` }, head, body);
    return 0;
  });
}

export const alertsCommands: CommandTable = { alerts: alertsCommand };

/** Lines for the usage text, in the same two-column format as main/cli/run.ts. */
export const alertsUsage: string[] = [
  '  alerts [--year 年度] [--county 县名] [--json] [--xlsx 文件.xlsx]',
  '                                     列出预警：考勤、五必到与督查、请假、报告逾期、项目与帮扶',
];
