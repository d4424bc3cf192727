import type { Rule } from 'antd/es/form';
import type { z } from 'zod';

/** An antd Form rule validating one field with a shared zod schema (messages are Chinese already). */
export function zodRule(schema: z.ZodType, transform?: (v: unknown) => unknown): Rule {
  return {
    validator: async (_rule, value: unknown) => {
      const r = schema.safeParse(transform ? transform(value) : value);
      if (!r.success) throw new Error(r.error.issues[0]?.message ?? '输入有误');
    },
  };
}

/** Empty strings become null for nullable optional fields. */
export const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : (v ?? null));
