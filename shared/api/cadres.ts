/** Cadres and their postings: the input schemas and the channels. Merged into `channels` in shared/api.ts. */
import { z } from 'zod';
import { CADRE_LEVELS, GENDERS, PARTY_STATUSES, POST_TYPES, type CadreDetail, type CadreListRow } from '../domain';
import { checkIdNumber } from '../idNumber';
import { id, isoDate, name } from './fields';

export const idNumberSchema = z
  .string({ error: '请填写身份证号' })
  .trim()
  .superRefine((v, ctx) => {
    const r = checkIdNumber(v);
    if (!r.valid) ctx.addIssue({ code: 'custom', message: r.reason });
  })
  .transform((v) => v.toUpperCase());

export const postingInputSchema = z
  .object({
    townshipId: id,
    villageId: id.nullable(),
    start: isoDate,
    end: isoDate.nullable(),
  })
  .refine((p) => p.end === null || p.end >= p.start, { message: '任职结束日期不能早于开始日期', path: ['end'] });

export const cadreInputSchema = z.object({
  name: name('姓名', 30),
  gender: z.enum(GENDERS, { message: '请选择性别' }),
  birthDate: isoDate.nullable(),
  idNumber: idNumberSchema,
  partyStatus: z.enum(PARTY_STATUSES, { message: '请选择政治面貌' }),
  phone: z
    .string()
    .trim()
    .regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})$/, '联系电话应为11位手机号或带区号的固定电话')
    .nullable(),
  unitId: id.nullable(),
  level: z.enum(CADRE_LEVELS, { message: '请选择选派层级' }),
  postType: z.enum(POST_TYPES, { message: '请选择任职类型' }),
});
export type CadreInput = z.infer<typeof cadreInputSchema>;

export const cadreChannels = {
  'cadres.list': {
    input: z.object({
      query: z.string().max(50).optional(),
      countyId: id.optional(),
      townshipId: id.optional(),
      postType: z.enum(POST_TYPES).optional(),
    }),
    output: null as unknown as CadreListRow[],
  },
  'cadres.get': { input: z.object({ id }), output: null as unknown as CadreDetail },
  'cadres.create': {
    input: z.object({ cadre: cadreInputSchema, posting: postingInputSchema.nullable() }),
    output: null as unknown as CadreDetail,
  },
  'cadres.update': { input: z.object({ id, cadre: cadreInputSchema }), output: null as unknown as CadreDetail },
  /** Deletes a cadre with their bag records (originals stay in the blob store). */
  'cadres.remove': { input: z.object({ id }), output: null as unknown as { removed: true } },
  /** Moves a cadre: closes the current posting the day before `start` and opens a new one. */
  'cadres.addPosting': {
    input: z.object({ cadreId: id, posting: postingInputSchema }),
    output: null as unknown as CadreDetail,
  },
} as const;
