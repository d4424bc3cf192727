/** Channels for the year-end evaluation (年度考核). Merged into `channels` in shared/api.ts. */
import { z } from 'zod';
import { isIsoDate } from '../attendance';
import { POST_TYPES } from '../domain';
import {
  COMPONENT_SOURCES,
  GRADES,
  OUTCOME_KINDS,
  QUOTA_GROUPS,
  QUOTA_ROUNDINGS,
  TEMPLATE_KEYS,
  type Evidence,
  type EvaluationResults,
  type GridRow,
  type Outcome,
  type PrintedPdf,
  type Scheme,
  type SchemeSummary,
  type SchemeTemplate,
  type ScoreGrid,
  type YearLogEntry,
  type YearState,
} from '../evaluation';
import { id, year } from './fields';

const countyYear = z.object({ countyId: id, year });
const key = (label: string) =>
  z
    .string()
    .trim()
    .min(1, `请填写${label}代码`)
    .max(30, `${label}代码不能超过30个字符`)
    .regex(/^[A-Za-z0-9_-]+$/, `${label}代码只能由字母、数字、下划线组成`);
const label = (what: string, max = 30) => z.string().trim().min(1, `请填写${what}`).max(max, `${what}不能超过${max}个字`);
const twoDecimals = (n: number) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6;
const grade = z.enum(GRADES, { message: `请选择等次：${GRADES.join('、')}` });

export const indicatorSchema = z.object({
  key: key('指标'),
  label: label('指标名称'),
  points: z.number({ message: '请填写指标分值' }).int('指标分值应为整数').min(1, '指标分值至少为1').max(1000, '指标分值不能超过1000'),
});

export const componentSchema = z.object({
  key: key('考核项目'),
  label: label('考核项目名称'),
  weight: z.number({ message: '请填写权重' }).int('权重应为整数百分比').min(1, '权重至少为1%').max(100, '权重不能超过100%'),
  scale: z.number({ message: '请填写满分' }).int('满分应为整数').min(1, '满分至少为1').max(1000, '满分不能超过1000'),
  source: z.enum(COMPONENT_SOURCES, { message: '请选择评分方式' }),
  indicators: z.partialRecord(z.enum(POST_TYPES), z.array(indicatorSchema).max(30, '每类岗位的指标不能超过30项')).default({}),
});

const capWithGrade = z.object({ enabled: z.boolean(), maxGrade: grade });

/** Structural checks only; the cross-field rules (weights sum to 100, …) are in shared/evaluation/validate.ts. */
export const schemeBodySchema = z.object({
  name: label('方案名称', 60),
  components: z.array(componentSchema).min(1, '至少需要一个考核项目').max(10, '考核项目不能超过10个'),
  thresholds: z.object({
    excellent: z.number().min(0).max(100),
    competent: z.number().min(0).max(100),
    basic: z.number().min(0).max(100),
  }),
  excellentQuota: z.number({ message: '请填写优秀比例' }).min(0, '优秀比例不能为负数').max(100, '优秀比例不能超过100%'),
  quotaGroup: z.enum(QUOTA_GROUPS, { message: '请选择优秀名额的分组方式' }),
  quotaRounding: z.enum(QUOTA_ROUNDINGS, { message: '请选择优秀名额的取整方式：向下取整、四舍五入或向上取整' }).default('floor'),
  quotaMinGroupSize: z
    .number({ message: '评优秀的最少参评人数应为数字' })
    .int('评优秀的最少参评人数应为整数')
    .min(1, '评优秀的最少参评人数至少为1人')
    .max(100, '评优秀的最少参评人数不能超过100人')
    .default(1),
  caps: z.object({
    checkAbsences: z.object({ enabled: z.boolean() }),
    monthsShort: capWithGrade.extend({ atLeast: z.number().int().min(1, '月数至少为1').max(12, '月数不能超过12') }),
    noProject: capWithGrade,
    weakMilestone: capWithGrade,
  }),
  ballotFactors: z.object({
    satisfied: z.number().min(0).max(1).refine(twoDecimals, '系数最多两位小数'),
    basic: z.number().min(0).max(1).refine(twoDecimals, '系数最多两位小数'),
    unsatisfied: z.number().min(0).max(1).refine(twoDecimals, '系数最多两位小数'),
  }),
});

const score = z
  .number({ message: '分数应为数字' })
  .min(0, '分数不能为负数')
  .max(1000, '分数不能超过1000')
  .refine(twoDecimals, '分数最多保留两位小数');
const count = (what: string) =>
  z
    .number({ message: `请填写${what}` })
    .int(`${what}应为整数`)
    .min(0, `${what}不能为负数`)
    .max(100000, `${what}过大`);

export const scoreCellSchema = z.object({
  cadreId: id,
  component: key('考核项目'),
  indicator: key('指标').nullable(),
  value: score.nullable(),
});

export const ballotsInputSchema = countyYear.extend({
  cadreId: id,
  /** The ballots component; defaults to the scheme's first 'ballots' component. */
  component: key('考核项目').optional(),
  satisfied: count('满意票数'),
  basic: count('基本满意票数'),
  unsatisfied: count('不满意票数'),
  ballots: count('总票数'),
});

export const outcomeInputSchema = z.object({
  id: id.optional(),
  cadreId: id,
  year,
  kind: z.enum(OUTCOME_KINDS, { message: `请选择结果运用类别：${OUTCOME_KINDS.join('、')}` }),
  date: z.string().refine(isIsoDate, '日期格式应为 YYYY-MM-DD，且须是有效日期'),
  note: z.string().trim().max(500, '说明不能超过500字').default(''),
});

const scope = countyYear.extend({ townshipId: id.optional(), postType: z.enum(POST_TYPES).optional() });

export const evaluationChannels = {
  /** Every version of the county's schemes for the year, newest first. */
  'evaluation.schemes.list': { input: countyYear, output: null as unknown as SchemeSummary[] },
  'evaluation.schemes.templates': { input: z.object({}).strict(), output: null as unknown as SchemeTemplate[] },
  /** A new draft (next version number) from a template. */
  'evaluation.schemes.createFromTemplate': {
    input: countyYear.extend({ template: z.enum(TEMPLATE_KEYS, { message: '请选择方案模板' }) }),
    output: null as unknown as Scheme,
  },
  'evaluation.schemes.get': { input: z.object({ id }), output: null as unknown as Scheme },
  /** Edits a draft in place; editing an active or superseded scheme creates a new draft version. */
  'evaluation.schemes.saveDraft': { input: z.object({ id, body: schemeBodySchema }), output: null as unknown as Scheme },
  /** Draft → active; the previous active version becomes superseded. Refused while the year is finalised. */
  'evaluation.schemes.activate': { input: z.object({ id }), output: null as unknown as Scheme },

  /** Cadres × components/indicators with current values, under the active scheme. */
  'evaluation.scores.grid': { input: scope, output: null as unknown as ScoreGrid },
  /** What the score screen saves at once: typed scores and ballots in ONE transaction (all or nothing). */
  'evaluation.sheet.save': {
    input: countyYear
      .extend({
        cells: z.array(scoreCellSchema).max(5000, '一次最多保存5000个分数'),
        ballots: z.array(ballotsInputSchema.omit({ countyId: true, year: true })).max(2000, '一次最多保存2000人的票数'),
      })
      .refine((x) => x.cells.length + x.ballots.length > 0, { message: '没有要保存的分数' }),
    output: null as unknown as { saved: number; rows: GridRow[] },
  },

  /** Live results under the active scheme, or the stored snapshot once finalised. */
  'evaluation.results.compute': { input: scope, output: null as unknown as EvaluationResults },
  /** Locks the year. Refused while scores are missing unless `incompleteReason` says why it must be finalised anyway. */
  'evaluation.results.finalise': {
    input: countyYear.extend({
      incompleteReason: z.string().trim().min(5, '请写明分数未录全仍要定稿的原因（至少5个字）').max(500, '原因不能超过500字').optional(),
    }),
    output: null as unknown as YearState,
  },
  'evaluation.results.reopen': {
    input: countyYear.extend({ reason: z.string().trim().min(2, '请填写重新打开的原因').max(500, '原因不能超过500字') }),
    output: null as unknown as YearState,
  },
  'evaluation.results.state': { input: countyYear, output: null as unknown as YearState },
  'evaluation.results.history': { input: countyYear, output: null as unknown as YearLogEntry[] },

  'evaluation.outcomes.list': { input: z.object({ year, countyId: id.optional() }), output: null as unknown as Outcome[] },
  'evaluation.outcomes.save': { input: outcomeInputSchema, output: null as unknown as Outcome },
  'evaluation.outcomes.remove': { input: z.object({ id }), output: null as unknown as { removed: true } },

  /** The records beside the score sheet: attendance, checks, alerts, projects, bag. */
  'evaluation.evidence': { input: z.object({ cadreId: id, year }), output: null as unknown as Evidence },

  /** 考核登记表 of one cadre (A4 portrait), stored in the blob store. */
  'evaluation.print.sheet': { input: z.object({ cadreId: id, year }), output: null as unknown as PrintedPdf },
  /** County results table (A4 landscape). */
  'evaluation.print.countyTable': { input: countyYear, output: null as unknown as PrintedPdf },
} as const;
