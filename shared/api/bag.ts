/** The bag: materials with their originals, and the originals' URLs. Merged into `channels` in shared/api.ts. */
import { z } from 'zod';
import { MATERIAL_CATEGORIES, SECRECY_LEVELS, type Material } from '../domain';
import { SHA256_RE } from '../blobLayout';
import { id, isoDate, name } from './fields';

export const materialInputSchema = z.object({
  category: z.enum(MATERIAL_CATEGORIES, { message: '请选择材料类别' }),
  title: name('题名', 200),
  date: isoDate.nullable(),
  year: z.number().int().min(2000, '年度应在2000年以后').max(2100),
  responsible: z.string().trim().max(100).nullable(),
  docNumber: z.string().trim().max(100).nullable(),
  secrecy: z.enum(SECRECY_LEVELS),
  notes: z.string().max(5000).nullable(),
});
export type MaterialInput = z.infer<typeof materialInputSchema>;

export const bagChannels = {
  'bag.list': {
    input: z.object({ cadreId: id, year: z.number().int().optional() }),
    output: null as unknown as Material[],
  },
  /** Files the staged attachments as one material in one transaction. */
  'bag.add': {
    input: z.object({ cadreId: id, material: materialInputSchema, files: z.array(z.string()).min(1, '请至少添加一个文件') }),
    output: null as unknown as Material,
  },
  'bag.update': { input: z.object({ id, material: materialInputSchema }), output: null as unknown as Material },
  'bag.remove': { input: z.object({ id }), output: null as unknown as { removed: true } },
  /** URL the renderer can load the original from (app:// in Electron, loopback in the bridge). */
  'files.url': {
    input: z.object({ sha256: z.string().regex(SHA256_RE) }),
    output: null as unknown as { url: string; mime: string },
  },
  'files.openExternal': {
    input: z.object({ sha256: z.string().regex(SHA256_RE) }),
    output: null as unknown as { opened: true },
  },
} as const;
