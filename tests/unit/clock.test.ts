import { afterEach, describe, expect, it } from 'vitest';
import { fixToday, localToday, now, useRealClock } from '../../main/core/runtime/clock';
import { isoDateOf } from '../../shared/dates';

afterEach(() => useRealClock());

describe('the injected clock', () => {
  it('is the PC clock by default', () => {
    const before = isoDateOf(new Date());
    const t = localToday();
    expect([before, isoDateOf(new Date())]).toContain(t);
  });

  it('a fixed today is today and keeps the real time of day', () => {
    fixToday('2027-01-05');
    expect(localToday()).toBe('2027-01-05');
    const n = now();
    expect([n.getFullYear(), n.getMonth(), n.getDate()]).toEqual([2027, 0, 5]);
    expect(Math.abs(n.getHours() * 60 + n.getMinutes() - (new Date().getHours() * 60 + new Date().getMinutes()))).toBeLessThanOrEqual(1);
  });

  it('undo restores the clock before; a date that does not exist is refused', () => {
    const undo = fixToday('2026-06-15');
    const inner = fixToday('2026-12-31');
    expect(localToday()).toBe('2026-12-31');
    inner();
    expect(localToday()).toBe('2026-06-15');
    undo();
    expect(localToday()).toBe(isoDateOf(new Date()));
    expect(() => fixToday('2026-02-30')).toThrow(/not a calendar date/);
    expect(() => fixToday('2026-6-1')).toThrow(/not a calendar date/);
  });
});
