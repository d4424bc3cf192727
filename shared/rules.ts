/**
 * The county's rule settings (规则设置): every threshold the code reads that local practice may
 * change, kept per county and per year. A save stores a new version with the year it takes
 * effect from (versioned like the evaluation schemes); the rules in force for a year are the
 * newest version whose effective year is not after it. Without any version the county's
 * older single-row settings (考勤设置, 报告期限) and then the defaults apply.
 *
 * The 优秀 quota (percentage, rounding, minimum group size) belongs to the year's evaluation
 * scheme (shared/evaluation.ts), which is versioned the same way; the rules screen shows it.
 * Pure: no node:*, no DOM.
 */
import { z } from 'zod';
import { attendanceSettingsSchema, DEFAULT_ATTENDANCE_SETTINGS, type AttendanceSettings } from './attendance';
import { DEFAULT_REPORT_SETTINGS, type ReportSettings } from './worklog';

export interface RuleSettings extends AttendanceSettings, ReportSettings {
  /**
   * The year's 年度工作计划 is due this many days after the year starts (or after the cadre's
   * posting starts, if later); past it a cadre without one is alerted. Not from the source.
   */
  annualPlanDueDays: number;
  /** Print the rank within the quota group on the 考核登记表 (personnel-file form). Off by default. */
  printRankOnSheet: boolean;
}

export const DEFAULT_RULE_SETTINGS: RuleSettings = {
  ...DEFAULT_ATTENDANCE_SETTINGS,
  ...DEFAULT_REPORT_SETTINGS,
  annualPlanDueDays: 30,
  printRankOnSheet: false,
};

const dueDays = (label: string) =>
  z
    .number({ message: `${label}应为数字` })
    .int(`${label}应为整数天`)
    .min(0, `${label}不能为负数`)
    .max(90, `${label}不能超过90天`);

export const ruleSettingsSchema = attendanceSettingsSchema.extend({
  quarterDueDays: dueDays('季度报告期限'),
  halfDueDays: dueDays('半年总结期限'),
  annualPlanDueDays: dueDays('年度计划制订期限'),
  printRankOnSheet: z.boolean({ message: '请选择考核登记表是否打印组内排名' }),
});
export const ruleSettingsPatchSchema = ruleSettingsSchema.partial();

/** Where the rules in force come from. */
export type RuleSource = 'default' | 'county' | 'version';

export interface RulesInForce {
  countyId: number;
  /** The year asked about. */
  year: number;
  settings: RuleSettings;
  source: RuleSource;
  /** The version in force (source 'version'), else null. */
  effectiveYear: number | null;
  version: number | null;
}

export interface RuleVersion {
  id: number;
  countyId: number;
  effectiveYear: number;
  version: number;
  settings: RuleSettings;
  note: string | null;
  operator: string | null;
  createdAt: string;
}

/** The quota part of the year's scheme, shown beside the rules (read-only there). */
export interface QuotaInForce {
  schemeId: number;
  schemeVersion: number;
  schemeName: string;
  /** The rule in words, as the printed evaluation states it. */
  text: string;
}

export interface RulesView extends RulesInForce {
  county: string;
  /** Every stored version of the county, newest effective year and version first. */
  history: RuleVersion[];
  quota: QuotaInForce | null;
}

/** The rules in words, one line each, for the screen, the CLI and the printed evaluation. */
export function describeRules(s: RuleSettings): Array<{ key: keyof RuleSettings; label: string; value: string }> {
  const c = s.checkAbsence;
  return [
    { key: 'monthlyMinimum', label: '每月最少在岗天数', value: `${s.monthlyMinimum}天` },
    { key: 'gongchuCountsOnPost', label: '公出计入在岗天数', value: s.gongchuCountsOnPost ? '计入' : '不计入' },
    {
      key: 'restDaysCount',
      label: '休息日（周末、节假日）',
      value: s.restDaysCount ? '按在岗计算（吃住在村）' : '不计入；登记为在岗或公出的休息日才计入，休息日缺勤不算缺勤',
    },
    { key: 'leaveTownshipMaxDays', label: '乡镇党委审批请假上限', value: `${s.leaveTownshipMaxDays}天（超过由县委组织部审批）` },
    { key: 'certifyDeadlineDays', label: '月考勤认定期限', value: `月末后${s.certifyDeadlineDays}天内` },
    {
      key: 'checkAbsence',
      label: '督查不在岗限制等次',
      value: `${c.noExcellentAt}次不得评优秀，${c.maxBasicAt}次最高评基本称职，${c.incompetentAt}次评为不称职`,
    },
    { key: 'quarterDueDays', label: '季度报告期限', value: `季度结束后${s.quarterDueDays}天内` },
    { key: 'halfDueDays', label: '半年总结期限', value: `半年结束后${s.halfDueDays}天内` },
    { key: 'annualPlanDueDays', label: '年度工作计划制订期限', value: `年初（年中到任的自到任日）起${s.annualPlanDueDays}天内` },
    { key: 'printRankOnSheet', label: '考核登记表打印组内排名', value: s.printRankOnSheet ? '打印' : '不打印' },
  ];
}

/** Where the rules came from, in words: "2025年起施行（第2版）" or "默认规定". */
export function rulesSourceText(r: Pick<RulesInForce, 'source' | 'effectiveYear' | 'version'>): string {
  if (r.source === 'version') return `本县${r.effectiveYear}年起施行的规则（第${r.version}版）`;
  if (r.source === 'county') return '本县考勤与报告设置';
  return '默认设置（本县未另行设置）';
}
