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

  it("words the days inside a leader's contract periods", () => {
    expect(valueText('contracts', '岚川县 2024-03-01 至 2025-06-30；青石县 2025-07-01 至今')).toBe(
      '岚川县 2024年3月1日 至 2025年6月30日；青石县 2025年7月1日 至今',
    );
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

  // A 考核结果 row keeps a snapshot of the result as JSON text, with the ids of the county that
  // finalised it: an imported row's are the source county's, which no import translates.
  it('names the cadre in a stored result snapshot by the snapshot itself, never by a local id', () => {
    const snapshot = JSON.stringify({ cadreId: 34, name: '周文', townshipId: 5, township: '广宁乡', total: 9012, grade: '优秀' });
    // this archive's own cadre 34 and township 5 are other records altogether
    const names = { 'cadre:34': '李四', 'township:5': '本县某镇' };
    const text = valueText('row', snapshot, names);
    expect(text).toContain('周文');
    expect(text).toContain('广宁乡');
    expect(text).not.toContain('李四');
    expect(text).not.toContain('本县某镇');
    expect(text).not.toMatch(/编号34|编号5\b/);
    // an id with no name beside it is given as the record's own number, not looked up
    expect(valueText('detail', JSON.stringify({ cadreIds: [34, 35] }), names)).toBe('干部 记录中的编号34、35');
    // the same ids outside a snapshot are this archive's, and read as its names
    expect(valueText('cadre_id', 34, names)).toBe('李四');
  });

  it("reads an imported row's key in its source's numbers", () => {
    expect(valueText('key', 'C0C0-AAAA-1111-2222#5 / 2025 / C0C0-AAAA-1111-2222#34')).toBe('来源编号5 / 2025 / 来源编号34');
    expect(valueText('key', 'target.govern')).toBe('target.govern');
  });
});
