/** Channels of 审计日志. Merged into `channels` in shared/api.ts. */
import { z } from 'zod';
import { INSPECTOR_KIND_KEYS, type AuditEntry, type AuditPage, type ChainStatus } from '../audit';
import type { PrintedPdf } from '../evaluation';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

export const auditFilterSchema = z
  .object({
    kinds: z
      .array(z.enum(INSPECTOR_KIND_KEYS as [string, ...string[]], { message: '未知的事件类别' }))
      .max(20)
      .optional(),
    entity: z.string().trim().max(40).optional(),
    operator: z.string().trim().max(50).optional(),
    from: date.optional(),
    to: date.optional(),
    text: z.string().max(100).optional(),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: '开始日期不能晚于结束日期', path: ['to'] });

export const auditChannels = {
  /** Entries newest first, filtered; `before` is the cursor from the previous page. */
  'audit.list': {
    input: z.object({
      filter: auditFilterSchema,
      before: z.number().int().positive().optional(),
      limit: z.number().int().min(1).max(500).optional(),
    }),
    output: null as unknown as AuditPage,
  },
  /** One entry with its before/after. */
  'audit.get': { input: z.object({ id: z.number().int().positive() }), output: null as unknown as AuditEntry },
  /** Walks the hash chain: intact, or the entry from which it no longer holds. */
  'audit.verify': { input: z.object({}), output: null as unknown as ChainStatus },
  /** Operators that appear in the log. */
  'audit.operators': { input: z.object({}), output: null as unknown as string[] },
  /** The filtered entries as a PDF (stored like other prints, for the preview). */
  'audit.print': { input: z.object({ filter: auditFilterSchema }), output: null as unknown as PrintedPdf & { entries: number } },
} as const;
