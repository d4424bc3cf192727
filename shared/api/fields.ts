/**
 * Fields the first feature's channels share (app, org, cadres, roster, staging, bag, search):
 * a record id, an ISO date, a required name with its length cap, and the empty input.
 */
import { z } from 'zod';
import '../zodChinese';

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
export const id = z.number().int().positive();
export const name = (label: string, max = 50) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过${max}个字`);

export const empty = z.object({}).strict();
