/**
 * `onebag settings rules [--county 名称] [--year 年度] [--选项 值…] [--note 说明] [--json]`:
 * shows the rules in force for a county and year (where they come from, the year's 优秀 quota
 * rule); with setting flags it stores a new version effective from that year, through the same
 * handler (and zod schema, Chinese messages) as the rules screen.
 */
import { describeRules, rulesSourceText, type RuleSettings, type RulesView } from '../../../shared/rules';
import { AppError } from '../../../shared/result';
import { countyByName, onlyOwnCounty } from '../../core/lookup';
import { UsageError, withCore, type CommandContext } from '../util';
import { boolFlag, parseFlags, textFlag } from '../flags';
import { printJson } from '../print';
import { localToday } from '../../core/runtime/clock';

type NumberKey = 'monthlyMinimum' | 'leaveTownshipMaxDays' | 'certifyDeadlineDays' | 'quarterDueDays' | 'halfDueDays' | 'annualPlanDueDays';
type BoolKey = 'gongchuCountsOnPost' | 'restDaysCount' | 'printRankOnSheet';
type CheckKey = keyof RuleSettings['checkAbsence'];

/** Flag → setting, with the Chinese name used in error messages. */
const NUMBER_FLAGS: Record<string, { key: NumberKey; label: string }> = {
  'monthly-minimum': { key: 'monthlyMinimum', label: '每月最少在岗天数' },
  'leave-township-max-days': { key: 'leaveTownshipMaxDays', label: '乡镇审批请假天数上限' },
  'certify-deadline-days': { key: 'certifyDeadlineDays', label: '考勤认定期限' },
  'quarter-due-days': { key: 'quarterDueDays', label: '季度报告期限' },
  'half-due-days': { key: 'halfDueDays', label: '半年总结期限' },
  'plan-due-days': { key: 'annualPlanDueDays', label: '年度计划制订期限' },
};
const CHECK_FLAGS: Record<string, { key: CheckKey; label: string }> = {
  'check-no-excellent': { key: 'noExcellentAt', label: '不得评优秀的督查不在岗次数' },
  'check-max-basic': { key: 'maxBasicAt', label: '最高评基本称职的督查不在岗次数' },
  'check-incompetent': { key: 'incompetentAt', label: '评为不称职的督查不在岗次数' },
};
const BOOL_FLAGS: Record<string, { key: BoolKey; label: string }> = {
  'gongchu-counts': { key: 'gongchuCountsOnPost', label: '公出计入在岗天数' },
  'rest-days-count': { key: 'restDaysCount', label: '休息日计入在岗天数' },
  'print-rank': { key: 'printRankOnSheet', label: '考核登记表打印组内排名' },
};
const YES = new Set(['yes', 'y', 'true', 'on', '1', '是']);
const NO = new Set(['no', 'n', 'false', 'off', '0', '否']);

function parseNumber(raw: string, label: string): number {
  const v = Number(raw.trim());
  if (raw.trim() === '' || !Number.isFinite(v)) throw new AppError('INVALID_INPUT', `${label}应为数字，收到“${raw}”`);
  return v;
}

function parseBool(raw: string, label: string): boolean {
  const v = raw.trim().toLowerCase();
  if (YES.has(v)) return true;
  if (NO.has(v)) return false;
  throw new AppError('INVALID_INPUT', `${label}应为 yes（是）或 no（否），收到“${raw}”`);
}

/** The setting flags given, as a patch (check-absence thresholds merged by the caller). */
function patchFrom(values: Record<string, string | boolean | undefined>): {
  patch: Partial<RuleSettings>;
  check: Partial<RuleSettings['checkAbsence']>;
} {
  const patch: Partial<RuleSettings> = {};
  const check: Partial<RuleSettings['checkAbsence']> = {};
  for (const [flag, f] of Object.entries(NUMBER_FLAGS)) {
    const v = values[flag];
    if (typeof v === 'string') patch[f.key] = parseNumber(v, f.label);
  }
  for (const [flag, f] of Object.entries(CHECK_FLAGS)) {
    const v = values[flag];
    if (typeof v === 'string') check[f.key] = parseNumber(v, f.label);
  }
  for (const [flag, f] of Object.entries(BOOL_FLAGS)) {
    const v = values[flag];
    if (typeof v === 'string') patch[f.key] = parseBool(v, f.label);
  }
  return { patch, check };
}

function printView(c: CommandContext, v: RulesView): void {
  c.out(`${v.county}${v.year}年度执行的规则：${rulesSourceText(v)}`);
  for (const line of describeRules(v.settings)) c.out(`  ${line.label}：${line.value}`);
  c.out(
    v.quota
      ? `  优秀名额（考核方案“${v.quota.schemeName}”第${v.quota.schemeVersion}版）：${v.quota.text}`
      : `  优秀名额：${v.year}年度尚未启用考核方案（比例、取整和最少人数在考核方案中设置）`,
  );
  if (v.history.length > 0) {
    c.out('历次设置：');
    for (const h of v.history)
      c.out(`  ${h.effectiveYear}年起 第${h.version}版　${h.createdAt.slice(0, 10)}　${h.operator ?? '—'}${h.note ? `　${h.note}` : ''}`);
  }
}

export async function ruleSettingsCommand(c: CommandContext): Promise<number> {
  const options: Record<string, { type: 'string' | 'boolean' }> = {
    county: textFlag,
    year: textFlag,
    note: textFlag,
    json: boolFlag,
  };
  for (const flag of [...Object.keys(NUMBER_FLAGS), ...Object.keys(CHECK_FLAGS), ...Object.keys(BOOL_FLAGS)]) options[flag] = textFlag;
  const { values, positionals } = parseFlags(c.args, options);
  if (positionals[0] !== 'rules' || positionals.length !== 1)
    throw new UsageError('用法：settings rules [--county 县名] [--year 年度] [选项…]');
  const vals = values as Record<string, string | boolean | undefined>;
  const year = typeof vals.year === 'string' ? Number(vals.year) : Number(localToday().slice(0, 4));
  if (!Number.isInteger(year) || year < 2000 || year > 2100)
    throw new AppError('INVALID_INPUT', `年度应为2000至2100之间的整数，收到“${String(vals.year)}”`);
  const { patch, check } = patchFrom(vals);

  return withCore(c.dataDir, async (core) => {
    const { db } = core.ctx;
    const countyId = typeof vals.county === 'string' ? countyByName(db, vals.county).id : onlyOwnCounty(db);
    let view = (await core.handlers['rules.get']({ countyId, year })) as RulesView;
    if (Object.keys(patch).length > 0 || Object.keys(check).length > 0) {
      const full: Partial<RuleSettings> = {
        ...patch,
        ...(Object.keys(check).length > 0 ? { checkAbsence: { ...view.settings.checkAbsence, ...check } } : {}),
      };
      view = (await core.handlers['rules.set']({
        countyId,
        year,
        patch: full,
        note: typeof vals.note === 'string' ? vals.note : null,
      })) as RulesView;
      if (!vals.json) c.out(`规则设置已保存：${year}年起施行（第${view.version ?? 1}版）。`);
    }
    if (vals.json) return printJson(c, view);
    printView(c, view);
    return 0;
  });
}

export const ruleSettingsUsage: string[] = [
  '  settings rules [--county 县名] [--year 年度] [--monthly-minimum 天] [--gongchu-counts yes|no]',
  '                 [--rest-days-count yes|no] [--leave-township-max-days 天] [--certify-deadline-days 天]',
  '                 [--check-no-excellent 次] [--check-max-basic 次] [--check-incompetent 次]',
  '                 [--quarter-due-days 天] [--half-due-days 天] [--plan-due-days 天] [--print-rank yes|no]',
  '                 [--note 说明] [--json]',
  '                                     查看或修改某县某年度起施行的规则（修改即保存为新版本）',
];
