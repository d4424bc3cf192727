/** Channels for the county's quarterly 调度 and report routing. Merged into `channels` in shared/api.ts. */
import { z } from 'zod';
import { RECIPIENT_KINDS, type QuarterSummary, type ReportRoute, type SchedulingQuarter } from '../scheduling';
import { id, realIsoDate as isoDate, county, year } from './fields';

const quarter = z.number({ message: '请选择季度' }).int().min(1, '季度应为1至4').max(4, '季度应为1至4');
const text = (label: string, max: number) => z.string().trim().max(max, `${label}不能超过${max}个字`);

export const meetingSchema = z.object({
  countyId: county,
  year,
  quarter,
  meetingDate: isoDate,
  place: text('会议地点', 100).default(''),
  chairedBy: text('主持人', 100).default(''),
  problems: text('存在的问题', 4000).default(''),
  nextSteps: text('下一步工作计划', 4000).default(''),
  progress: z
    .array(
      z.object({
        cadreId: id,
        progress: text('工作进展', 2000).min(1, '请填写工作进展'),
        problems: text('存在的问题', 2000).default(''),
        nextSteps: text('下一步计划', 2000).default(''),
      }),
    )
    .max(2000),
});

export const routeSchema = z.object({
  cadreId: id,
  kind: z.enum(['季度报告', '半年总结'], { message: '请选择报告类型' }),
  period: z.string().regex(/^\d{4}-[QH][1-4]$/, '报告期应为如 2025-Q1 或 2025-H1'),
  recipientKind: z.enum(RECIPIENT_KINDS, { message: '请选择报送对象：派出单位或上一级党委' }),
  recipient: text('接收单位', 100).min(1, '请填写接收单位'),
  sentOn: isoDate,
});

export const schedulingChannels = {
  /** The county's four quarters of a year: held, missing (ended without 调度) or not yet ended. */
  'scheduling.year': { input: z.object({ countyId: county, year }), output: null as unknown as QuarterSummary[] },
  /** One quarter: the meeting (if held) and every cadre posted in the county then, with progress and reports. */
  'scheduling.quarter': { input: z.object({ countyId: county, year, quarter }), output: null as unknown as SchedulingQuarter },
  /** Records (or replaces) the quarter's 调度会 with the cadres' progress, in one transaction. */
  'scheduling.save': { input: meetingSchema, output: null as unknown as SchedulingQuarter },
  /** Records where a submitted report was sent (派出单位 / 上一级党委), replacing that recipient's record. */
  'scheduling.routeReport': { input: routeSchema, output: null as unknown as ReportRoute[] },
} as const;
