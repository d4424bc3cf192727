/** The month grid's pure rules: pasted words and letters, a block or one value over a selection, posted days only. */
import { describe, expect, it } from 'vitest';
import type { GridRow } from '../../../shared/api/attendance';
import type { DayCell, DayInfo } from '../../../shared/attendance';
import { dayTitle, editsForRect, editsFromPaste, holidayNotes, lastMonth, parseToken, rectOf } from './gridModel';

const days: DayInfo[] = [1, 2, 3].map((d) => ({ date: `2025-03-0${d}`, day: d, weekday: (5 + d) % 7, weekend: false, rest: false }));

function gridRow(cadreId: number, cells: DayCell[]): GridRow {
  return {
    cadreId,
    name: `干部${cadreId}`,
    postType: '村党组织第一书记',
    village: '东村',
    postings: [],
    cells,
    shown: cells,
    counts: { onPost: 0, required: 0, leave: 0, absent: 0 },
  } as unknown as GridRow;
}
const on: DayCell = ['在岗', '在岗'];
const off: DayCell = ['未到任', '未到任'];
// cadre 2 arrived on day 2
const rows = [gridRow(1, [on, on, on]), gridRow(2, [off, on, on])];

describe('parseToken', () => {
  it('reads code letters, Chinese words and blank/√ as 在岗', () => {
    expect(parseToken('S')).toBe('事假');
    expect(parseToken('b')).toBe('病假');
    expect(parseToken('')).toBe('在岗');
    expect(parseToken(' √ ')).toBe('在岗');
    expect(parseToken('出差')).toBe('公出');
    expect(parseToken('旷工')).toBe('缺勤');
    expect(parseToken('x')).toBe('缺勤');
    expect(parseToken('会议')).toBe('公假');
    expect(parseToken('产')).toBe('婚丧产假');
    // 未到任 is the posting's business, never typed
    expect(parseToken('W')).toBeNull();
    expect(parseToken('休息')).toBeNull();
  });
});

describe('selection and edits', () => {
  it('orders the rectangle whichever way it was dragged', () => {
    expect(rectOf({ anchor: { r: 1, c: 2 }, focus: { r: 0, c: 0 } })).toEqual({ r0: 0, r1: 1, c0: 0, c1: 2 });
  });

  it('skips days before the posting began', () => {
    const edits = editsForRect(rows, days, { r0: 0, r1: 1, c0: 0, c1: 1 }, '事假');
    expect(edits.map((e) => `${e.cadreId}:${e.date}`)).toEqual(['1:2025-03-01', '1:2025-03-02', '2:2025-03-02']);
    expect(edits.every((e) => e.code === '事假' && e.half === '全')).toBe(true);
  });

  it('one pasted value fills the selection; a block lands at its top-left and is clipped', () => {
    const one = editsFromPaste('病\n', rows, days, { r0: 0, r1: 0, c0: 0, c1: 2 });
    expect('edits' in one && one.edits.map((e) => e.code)).toEqual(['病假', '病假', '病假']);

    const block = editsFromPaste('S\tQ\tG\r\nZ\t公出\tB\n', rows, days, { r0: 0, r1: 0, c0: 1, c1: 1 });
    expect('edits' in block && block.edits.map((e) => `${e.cadreId}:${e.date.slice(-2)}:${e.code}`)).toEqual([
      '1:02:事假',
      '1:03:缺勤',
      '2:02:在岗',
      '2:03:公出',
    ]);
  });

  it('refuses a block with an unknown word and says what it can read', () => {
    const r = editsFromPaste('S\t出门', rows, days, { r0: 0, r1: 0, c0: 0, c1: 0 });
    expect('error' in r && r.error).toMatch(/^无法识别“出门”。可粘贴：/);
  });
});

describe('labels', () => {
  it('names holiday spans and make-up workdays', () => {
    const d: DayInfo[] = [
      { date: '2025-10-01', day: 1, weekday: 3, weekend: false, holiday: '国庆节', rest: true },
      { date: '2025-10-02', day: 2, weekday: 4, weekend: false, holiday: '国庆节', rest: true },
      { date: '2025-10-03', day: 3, weekday: 5, weekend: false, holiday: '国庆节', rest: true },
      { date: '2025-10-11', day: 11, weekday: 6, weekend: true, workday: true, workdayFor: '国庆节', rest: false },
    ];
    expect(holidayNotes(d)).toEqual(['国庆节放假：1日—3日', '国庆节调休上班：11日']);
    expect(d.map(dayTitle)).toEqual(['国庆节', '国庆节', '国庆节', '国庆节调休上班']);
    expect(dayTitle(days[0]!)).toBeUndefined();
  });
  it('the month a clerk usually records is the one before the given day, across a year end', () => {
    expect(lastMonth(new Date(2026, 0, 15))).toBe('2025-12');
    expect(lastMonth(new Date(2025, 6, 31))).toBe('2025-06');
  });
});
