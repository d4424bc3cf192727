/**
 * Channels for plans, projects, weak villages and support (项目与帮扶). Merged into `channels` in
 * shared/api.ts. Money crosses IPC as integer fen; files arrive as staging tokens.
 */
import { z } from 'zod';
import { FUND_SOURCES, PLAN_ITEM_STATUSES, PLAN_KINDS, PROJECT_KINDS, PROJECT_STATUSES, type Plan, type Project } from '../work';
import { MILESTONE_KINDS, WEAK_ACTIONS, type VillageIncome, type WeakVillage } from '../weakVillages';
import { type AllowancePayment, type InsurancePolicy, type QuarterAllowance, type DateRange, type UnitPledge } from '../support';
import { id, realIsoDate as isoDate, year } from './fields';

const text = (label: string, max: number) => z.string().trim().max(max, `${label}不能超过${max}个字`);
const required = (label: string, max: number) => text(label, max).min(1, `请填写${label}`);
const optionalText = (label: string, max: number) =>
  text(label, max)
    .nullable()
    .optional()
    .transform((v) => (v ? v : null));
/** Up to 100 million yuan, in fen. */
const fen = (label: string) =>
  z
    .number({ message: `请填写${label}` })
    .int(`${label}最多保留两位小数`)
    .min(0, `${label}不能为负数`)
    .max(100_000_000_00, `${label}不能超过1亿元`);
const tokens = z
  .array(z.string().min(1))
  .max(20, '一次最多上传20个文件')
  .refine((t) => new Set(t).size === t.length, { message: '同一个文件被重复添加' });

export const planItemSchema = z.object({
  goal: required('目标', 300),
  measures: text('措施', 1000).default(''),
  deadline: isoDate.nullable(),
  responsible: text('责任人', 100).default(''),
  status: z.enum(PLAN_ITEM_STATUSES, { message: `请选择状态：${PLAN_ITEM_STATUSES.join('、')}` }),
});

export const planSaveSchema = z.object({
  id: id.optional(),
  cadreId: id,
  kind: z.enum(PLAN_KINDS, { message: '请选择三年规划或年度计划' }),
  startYear: year,
  title: required('规划名称', 100),
  materialId: id.nullable(),
  items: z.array(planItemSchema).max(200, '条目不能超过200条'),
});
export type PlanSaveInput = z.output<typeof planSaveSchema>;

export const projectInputSchema = z.object({
  cadreId: id,
  villageId: z.number({ message: '请选择项目所在村' }).int().positive(),
  name: required('项目名称', 100),
  kind: z.enum(PROJECT_KINDS, { message: `请选择项目类别：${PROJECT_KINDS.join('、')}` }),
  year,
  status: z.enum(PROJECT_STATUSES, { message: `请选择项目状态：${PROJECT_STATUSES.join('、')}` }),
  funds: z
    .array(z.object({ source: z.enum(FUND_SOURCES, { message: '请选择资金来源' }), amountFen: fen('资金金额') }))
    .max(FUND_SOURCES.length),
  inPark: z.boolean(),
  notes: optionalText('备注', 2000),
});
export type ProjectInput = z.output<typeof projectInputSchema>;

export const projectFilterSchema = z.object({
  year: year.optional(),
  countyId: id.optional(),
  townshipId: id.optional(),
  cadreId: id.optional(),
  kind: z.enum(PROJECT_KINDS).optional(),
  /** true: only never publicised; false: only publicised. */
  unpublicised: z.boolean().optional(),
});
export type ProjectFilter = z.output<typeof projectFilterSchema>;

export const weakVillageSchema = z.object({
  villageId: z.number({ message: '请选择村' }).int().positive(),
  listedYear: year,
  notes: optionalText('备注', 2000),
});

export const milestoneSchema = z.object({
  villageId: id,
  kind: z.enum(MILESTONE_KINDS, { message: '请选择节点' }),
  date: isoDate,
  description: required('情况说明', 1000),
  /** New evidence files (staging tokens), added to those already filed. */
  evidenceTokens: tokens.default([]),
});

export const weakActionSchema = z.object({
  villageId: id,
  cadreId: id,
  milestone: z.enum(MILESTONE_KINDS, { message: '请选择节点' }),
  action: z.enum(WEAK_ACTIONS, { message: '请选择处理方式：约谈或召回调换' }),
  date: isoDate,
  by: required('处理单位或人员', 100),
  notes: optionalText('处理情况', 2000),
});

export const paymentSchema = z.object({
  cadreId: id,
  year,
  quarter: z.number({ message: '请选择季度' }).int().min(1, '季度应为1至4').max(4, '季度应为1至4'),
  amountFen: fen('发放金额').refine((v) => v > 0, '发放金额应大于0'),
  paidOn: isoDate,
  notes: optionalText('备注', 500),
});

export const policySchema = z
  .object({
    id: id.optional(),
    cadreId: id,
    insurer: required('承保公司', 100),
    policyNo: optionalText('保单号', 60),
    coverFen: fen('保险金额').refine((v) => v > 0, '保险金额应大于0'),
    start: isoDate,
    end: isoDate,
  })
  .refine((p) => p.end >= p.start, { message: '保险止期不能早于起期', path: ['end'] });

export const pledgeSchema = z.object({
  cadreId: id,
  year,
  responsibility: text('捆绑责任', 1000).default(''),
  projects: text('捆绑项目', 1000).default(''),
  fundsFen: fen('捆绑资金'),
  notes: optionalText('备注', 1000),
});

/** One cadre's support in a year, as the 保障 tab shows it (allowance and insurance: 市级 only). */
export interface SupportRow {
  cadreId: number;
  name: string;
  level: string;
  cityLevel: boolean;
  township: string | null;
  village: string | null;
  unitName: string | null;
  quarters: QuarterAllowance[];
  owedFen: number;
  paidFen: number;
  payments: AllowancePayment[];
  policies: InsurancePolicy[];
  /** Posted days of the year up to today without insurance. */
  uncovered: DateRange[];
  pledge: UnitPledge | null;
}

export interface SupportOverview {
  year: number;
  allowanceMonthlyFen: number;
  rows: SupportRow[];
}

const yearScope = z.object({ year, countyId: id.optional() });

export const workChannels = {
  // --- plans ---
  'work.plans.list': { input: z.object({ cadreId: id }), output: null as unknown as Plan[] },
  /** Creates or replaces a plan with all its items in one transaction. */
  'work.plans.save': { input: planSaveSchema, output: null as unknown as Plan },
  'work.plans.remove': { input: z.object({ id }), output: null as unknown as { removed: true } },

  // --- projects ---
  'work.projects.list': { input: projectFilterSchema, output: null as unknown as Project[] },
  'work.projects.save': { input: z.object({ id: id.optional(), project: projectInputSchema }), output: null as unknown as Project },
  /** Records the date and place the project was publicised (在村公示栏公示). */
  'work.projects.publicise': {
    input: z.object({ id, date: isoDate, place: required('公示地点', 100) }),
    output: null as unknown as Project,
  },
  /** A park project's revenue for a year and the 飞地 split; revenueFen null removes the year. */
  'work.projects.setRevenue': {
    input: z.object({
      id,
      year,
      revenueFen: fen('收益').nullable(),
      parkShareBp: z.number().int().min(0, '园区分成比例应在0%至100%之间').max(10000, '园区分成比例应在0%至100%之间').default(5000),
    }),
    output: null as unknown as Project,
  },
  'work.projects.remove': { input: z.object({ id }), output: null as unknown as { removed: true } },

  // --- weak villages ---
  'work.weak.list': {
    input: z.object({ countyId: id.optional(), townshipId: id.optional(), villageId: id.optional() }),
    output: null as unknown as WeakVillage[],
  },
  /** Lists a village as weak (or updates its listing). */
  'work.weak.save': { input: weakVillageSchema, output: null as unknown as WeakVillage },
  'work.weak.remove': { input: z.object({ villageId: id }), output: null as unknown as { removed: true } },
  /** A village's collective income for a year (any village, listed or not); null removes the year. */
  'work.weak.setIncome': {
    input: z.object({ villageId: id, year, incomeFen: fen('集体经济收入').nullable() }),
    output: null as unknown as VillageIncome,
  },
  'work.weak.setSupporters': {
    input: z.object({ villageId: id, cadreIds: z.array(id).max(50) }),
    output: null as unknown as WeakVillage,
  },
  'work.weak.setMilestone': { input: milestoneSchema, output: null as unknown as WeakVillage },
  'work.weak.clearMilestone': {
    input: z.object({ villageId: id, kind: z.enum(MILESTONE_KINDS) }),
    output: null as unknown as WeakVillage,
  },
  /** Records 约谈 / 召回调换 taken for a missed milestone (记录在案). */
  'work.weak.recordAction': { input: weakActionSchema, output: null as unknown as WeakVillage },
  /** Names the successor of a cadre recalled by 召回调换: posts them to the vacated place from `start`. */
  'work.weak.appointSuccessor': {
    input: z.object({ villageId: id, actionId: id, cadreId: z.number({ message: '请选择接任干部' }).int().positive(), start: isoDate }),
    output: null as unknown as WeakVillage,
  },

  // --- support ---
  'work.support.overview': { input: yearScope, output: null as unknown as SupportOverview },
  'work.support.setAllowanceStandard': {
    input: z.object({ monthlyFen: fen('每月补助标准').refine((v) => v > 0, '每月补助标准应大于0') }),
    output: null as unknown as { monthlyFen: number },
  },
  'work.support.addPayment': { input: paymentSchema, output: null as unknown as AllowancePayment },
  'work.support.removePayment': { input: z.object({ id }), output: null as unknown as { removed: true } },
  'work.support.savePolicy': { input: policySchema, output: null as unknown as InsurancePolicy },
  'work.support.removePolicy': { input: z.object({ id }), output: null as unknown as { removed: true } },
  'work.support.savePledge': { input: pledgeSchema, output: null as unknown as UnitPledge },

  // --- alerts ---
  /** Work alerts of a year (see main/core/work/alerts.ts), same shape as alerts.list. */
} as const;
