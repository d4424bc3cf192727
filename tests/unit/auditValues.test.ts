/** The audit log's recorded values in words: calendar days and months as every page shows them. */
import { describe, expect, it } from 'vitest';
import { changeLines, diffFields } from '../../shared/audit';
import { valueText } from '../../shared/auditValues';

describe('audit values', () => {
  it('shows a stored day and month in Chinese, the way pages and printed sheets do', () => {
    expect(valueText('certified_on', '2024-04-09')).toBe('2024年4月9日');
    expect(valueText('month', '2024-03')).toBe('2024年3月');
    // an instant keeps its time of day
    expect(valueText('revoked_at', '2024-03-05T06:07:00Z')).toMatch(/^2024年3月5日 \d{2}:07$/);
  });

  it('leaves text that only looks like a date as written', () => {
    for (const v of ['2024-13', '2024-02-30x', '2024-00-01', '第2024-03号', '2024-3-5']) expect(valueText('notes', v)).toBe(v);
  });

  it('words the drawer rows and the printed change lines alike', () => {
    const before = { month: '2024-03', certified_on: '2024-04-09', revoke_reason: null };
    const after = { ...before, revoke_reason: '第三周考勤登记有误' };
    const rows = diffFields(before, after, { entity: 'attendance_certification' });
    expect(rows.find((r) => r.field === 'certified_on')!.after).toBe('2024年4月9日');
    expect(rows.find((r) => r.field === 'month')!.before).toBe('2024年3月');
    const created = changeLines(undefined, before).join('');
    expect(created).toContain('2024年4月9日');
    expect(created).not.toMatch(/\d{4}-\d{2}/);
  });
});
