/**
 * Property: the halves the register shows (registerHalves) and the totals beside them
 * (countMonth) cannot disagree — 在岗 days are the 在岗 halves shown, absences the 缺勤 halves
 * shown, rest the 休 halves — and an unmarked rest half never shows 在岗 unless the county
 * counts rest days.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ATTENDANCE_SETTINGS, countMonth, registerHalves, type DayCell } from '../../shared/attendance';
import { monthArb } from '../fixtures/monthArb';

describe('register halves and totals', () => {
  it('the totals are the shown halves added up, and an unmarked rest half never shows 在岗', () => {
    fc.assert(
      fc.property(monthArb, (m) => {
        const settings = { ...DEFAULT_ATTENDANCE_SETTINGS, restDaysCount: m.restDaysCount, gongchuCountsOnPost: m.gongchuCountsOnPost };
        const shown = registerHalves(m.cells as DayCell[], settings, m);
        const c = countMonth(m.cells as DayCell[], settings, m);
        const halves = (h: string) => shown.flat().filter((x) => x === h).length / 2;
        expect(c.onPost).toBe(halves('在岗') + (m.gongchuCountsOnPost ? halves('公出') : 0));
        expect(c.absent).toBe(halves('缺勤'));
        expect(c.rest).toBe(halves('rest'));
        expect(c.future).toBe(halves('future'));
        expect(c.leave).toBe(halves('事假') + halves('病假') + halves('公假') + halves('婚丧产假'));
        shown.forEach((day, i) =>
          day.forEach((h, j) => {
            if (h === '在岗' && m.rest[i] && !m.restDaysCount) expect(m.marked[i]![j as 0 | 1]).toBe(true);
            if (m.restDaysCount) expect(h).not.toBe('rest');
          }),
        );
      }),
    );
  });
});
