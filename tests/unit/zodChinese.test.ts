import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { channels } from '../../shared/api';
import { chineseZodMessage } from '../../shared/zodChinese';

/** English words a clerk must never read; format hints like YYYY-MM-DD and file types are allowed. */
const ENGLISH = /\b(?!YYYY|MM|DD|PDF|Excel|xlsx|csv|ID)[A-Za-z]{3,}\b/;

/** Inputs a careless or hostile caller might send to any channel. */
const BAD_INPUTS: unknown[] = [{}, { id: 'x', year: 'abc', name: 7, cadreId: -1, items: 'no' }, [], 'text', 42];

describe('Chinese zod messages', () => {
  it('an empty 新增干部 form names the missing field in Chinese', () => {
    const r = channels['cadres.create'].input.safeParse({ cadre: {}, posting: null });
    expect(r.success).toBe(false);
    const messages = r.error!.issues.map((i) => i.message);
    expect(messages[0]).toBe('请填写姓名');
    expect(messages).toContain('请填写身份证号');
    expect(messages).toContain('请选择性别');
    for (const m of messages) expect(m).not.toMatch(ENGLISH);
  });

  it('no channel answers bad input with zod English', () => {
    let checked = 0;
    for (const [name, spec] of Object.entries(channels)) {
      for (const input of BAD_INPUTS) {
        const r = (spec.input as z.ZodType).safeParse(input);
        if (r.success) continue;
        for (const issue of r.error.issues) {
          checked++;
          expect(issue.message, `${name} ${JSON.stringify(input)}`).not.toMatch(ENGLISH);
          expect(issue.message).not.toBe('');
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('schemas outside the contract get the map too, with numbers and sizes', () => {
    const s = z.object({ year: z.number().int().min(2000), title: z.string().max(3), kind: z.enum(['a', 'b']) });
    const r = s.safeParse({ year: 1999, title: 'abcd', kind: 'c' });
    expect(r.error!.issues.map((i) => i.message)).toEqual([
      '年度：不能小于2000',
      '题名：不能超过3个字',
      '类型：不是可选的值，请从列表中选择',
    ]);
    expect(chineseZodMessage({ code: 'invalid_type', expected: 'number', input: 'x', path: ['weird'] })).toBe('应为数字');
  });
});
