/**
 * Fields every feature's channels share, with one message set: a record id, a county, a year,
 * a month, an ISO date (by shape, or a real calendar date), a required name with its length
 * cap, and the empty input.
 */
import { z } from 'zod';
import { isIsoDate } from '../attendance';
import '../zodChinese';

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
/** A date that exists on the calendar (2025-02-30 is refused). */
export const realIsoDate = z.string().refine(isIsoDate, '日期格式应为 YYYY-MM-DD，且须是有效日期');
export const id = z.number().int().positive();
export const county = z.number({ message: '请选择县（市、区）' }).int().positive();
export const year = z.number({ message: '请选择年度' }).int('年度应为整数').min(2000, '年度应在2000年以后').max(2100, '年度应在2100年以前');
export const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM');
export const name = (label: string, max = 50) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过${max}个字`);

export const empty = z.object({}).strict();
