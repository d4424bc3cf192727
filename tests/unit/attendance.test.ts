import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ATTENDANCE_CODES,
  ATTENDANCE_CODE_INFO,
  DEFAULT_ATTENDANCE_SETTINGS,
  applyExceptions,
  attendanceSettingsSchema,
  codeFromKey,
  countMonth,
  daysInMonth,
  defaultMonthRow,
  holidayCalendar,
  monthDays,
  postingDaysInMonth,
  postingRangeInMonth,
  requiredDays,
  weekdayOf,
  type DayCell,
  type EditableCode,
} from '../../shared/attendance';
import { leaveApprovalLevel, leaveDays } from '../../shared/leave';
import { DEFAULT_HOLIDAYS } from '../../shared/holidays';

const S = DEFAULT_ATTENDANCE_SETTINGS;
const full = (month: string) => defaultMonthRow(month, [{ start: '2020-01-01', end: null }]);

describe('calendar', () => {
  it('knows month lengths, leap years included', () => {
    expect(daysInMonth('2024-02')).toBe(29);
    expect(daysInMonth('2025-02')).toBe(28);
    expect(daysInMonth('2000-02')).toBe(29);
    expect(daysInMonth('2100-02')).toBe(28);
    expect(daysInMonth('2025-01')).toBe(31);
    expect(daysInMonth('2025-04')).toBe(30);
    expect(daysInMonth('2025-12')).toBe(31);
  });
  it('computes weekdays', () => {
    expect(weekdayOf('2025-01-01')).toBe(3);
    expect(weekdayOf('2024-02-29')).toBe(4);
    expect(weekdayOf('1970-01-01')).toBe(4);
  });
  it('has distinct keyboard letters', () => {
    const keys = ATTENDANCE_CODES.map((c) => ATTENDANCE_CODE_INFO[c].key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(codeFromKey('g')).toBe('公出');
    expect(codeFromKey('W')).toBeUndefined();
  });
});

describe('postings and the default row', () => {
  it('intersects a posting with a month at both boundaries', () => {
    expect(postingRangeInMonth({ start: '2025-03-10', end: null }, '2025-03')).toEqual({ from: '2025-03-10', to: '2025-03-31' });
    expect(postingRangeInMonth({ start: '2024-01-01', end: '2025-03-01' }, '2025-03')).toEqual({ from: '2025-03-01', to: '2025-03-01' });
    expect(postingRangeInMonth({ start: '2025-03-31', end: null }, '2025-03')).toEqual({ from: '2025-03-31', to: '2025-03-31' });
    expect(postingRangeInMonth({ start: '2025-04-01', end: null }, '2025-03')).toBeNull();
    expect(postingRangeInMonth({ start: '2024-01-01', end: '2025-02-28' }, '2025-03')).toBeNull();
    expect(postingDaysInMonth({ start: '2025-03-10', end: '2025-03-20' }, '2025-03')).toBe(11);
    expect(postingDaysInMonth({ start: '2024-01-01', end: null }, '2024-02')).toBe(29);
    expect(postingDaysInMonth({ start: '2024-01-01', end: null }, '2025-02')).toBe(28);
  });
  it('fills 在岗 inside and 未到任 outside the posting', () => {
    const row = defaultMonthRow('2025-06', [{ start: '2025-06-16', end: null }]);
    expect(row).toHaveLength(30);
    expect(row[14]).toEqual(['未到任', '未到任']);
    expect(row[15]).toEqual(['在岗', '在岗']);
    const ended = defaultMonthRow('2025-06', [{ start: '2023-01-01', end: '2025-06-10' }]);
    expect(ended[9]).toEqual(['在岗', '在岗']);
    expect(ended[10]).toEqual(['未到任', '未到任']);
  });
  it('lays exceptions over defaults but never inside 未到任', () => {
    const row = applyExceptions(defaultMonthRow('2025-06', [{ start: '2025-06-10', end: null }]), '2025-06', [
      { date: '2025-06-12', half: '下', code: '事假' },
      { date: '2025-06-12', half: '全', code: '公出' },
      { date: '2025-06-05', half: '全', code: '缺勤' },
    ]);
    expect(row[11]).toEqual(['公出', '事假']);
    expect(row[4]).toEqual(['未到任', '未到任']);
  });
});

describe('countMonth', () => {
  it('counts a full month on post', () => {
    const c = countMonth(full('2025-03'), S);
    expect(c).toMatchObject({ daysInMonth: 31, postedDays: 31, onPost: 31, required: 20, meetsMinimum: true, shortBy: 0 });
  });
  it('counts half-day leave exactly', () => {
    const row = full('2025-03');
    row[4] = ['在岗', '事假'];
    row[5] = ['事假', '事假'];
    row[6] = ['病假', '在岗'];
    const c = countMonth(row, S);
    expect(c.onPost).toBe(29);
    expect(c.leaveByType.事假).toBe(1.5);
    expect(c.leaveByType.病假).toBe(0.5);
    expect(c.leave).toBe(2);
  });
  it('counts 公出 as on post only when the county says so', () => {
    const row = full('2025-04');
    for (let i = 0; i < 12; i++) row[i] = ['公出', '公出'];
    row[12] = ['公出', '在岗'];
    const on = countMonth(row, { ...S, gongchuCountsOnPost: true });
    const off = countMonth(row, { ...S, gongchuCountsOnPost: false });
    expect(on.onPost).toBe(30);
    expect(on.gongchu).toBe(12.5);
    expect(off.onPost).toBe(17.5);
    expect(off.meetsMinimum).toBe(false);
    expect(off.shortBy).toBe(2.5);
    expect(off.absent).toBe(0);
  });
  it('flags a month under the minimum', () => {
    const row = full('2025-04');
    for (let i = 0; i < 11; i++) row[i] = ['缺勤', '缺勤'];
    const c = countMonth(row, S);
    expect(c.onPost).toBe(19);
    expect(c.absent).toBe(11);
    expect(c).toMatchObject({ required: 20, meetsMinimum: false, shortBy: 1 });
    expect(countMonth(row, { ...S, monthlyMinimum: 18 }).meetsMinimum).toBe(true);
  });
  it('prorates the minimum for a posting starting mid-month (rounded up)', () => {
    const row = defaultMonthRow('2025-06', [{ start: '2025-06-16', end: null }]);
    const c = countMonth(row, S);
    expect(c).toMatchObject({ postedDays: 15, notPosted: 15, onPost: 15, required: 10, meetsMinimum: true });
    for (let i = 15; i < 21; i++) row[i] = ['事假', '事假'];
    expect(countMonth(row, S)).toMatchObject({ onPost: 9, required: 10, meetsMinimum: false, shortBy: 1 });
  });
  it('prorates for a posting ending mid-month', () => {
    const row = defaultMonthRow('2025-01', [{ start: '2023-01-01', end: '2025-01-10' }]);
    expect(countMonth(row, S)).toMatchObject({ postedDays: 10, required: 7, onPost: 10, meetsMinimum: true });
  });
  it('uses the month length in leap and common Februaries', () => {
    const p = [{ start: '2020-01-15', end: null }];
    expect(countMonth(defaultMonthRow('2024-02', p), S)).toMatchObject({ daysInMonth: 29, onPost: 29, required: 20 });
    expect(countMonth(defaultMonthRow('2025-02', p), S)).toMatchObject({ daysInMonth: 28, onPost: 28, required: 20 });
    // From 15 February: 15 of 29 days in 2024 → ceil(10.34) = 11; 14 of 28 in 2025 → 10.
    expect(countMonth(defaultMonthRow('2024-02', [{ start: '2024-02-15', end: null }]), S).required).toBe(11);
    expect(countMonth(defaultMonthRow('2025-02', [{ start: '2025-02-15', end: null }]), S).required).toBe(10);
  });
  it('requires nothing of a month without posted days and never more than posted', () => {
    expect(requiredDays(0, 30, 20)).toBe(0);
    expect(requiredDays(1, 30, 20)).toBe(1);
    expect(requiredDays(30, 30, 20)).toBe(20);
    expect(requiredDays(28, 28, 31)).toBe(28);
    expect(countMonth(defaultMonthRow('2025-06', []), S)).toMatchObject({ postedDays: 0, required: 0, meetsMinimum: true });
  });

  const editable = fc.constantFrom<EditableCode>('在岗', '公出', '事假', '病假', '公假', '婚丧产假', '缺勤');
  const monthArb = fc
    .record({ y: fc.integer({ min: 2000, max: 2040 }), m: fc.integer({ min: 1, max: 12 }) })
    .map(({ y, m }) => `${y}-${String(m).padStart(2, '0')}`);

  it('property: marking one more half/day 缺勤 never increases onPost', () => {
    fc.assert(
      fc.property(
        monthArb,
        fc.array(fc.tuple(editable, editable), { minLength: 31, maxLength: 31 }),
        fc.integer({ min: 0, max: 30 }),
        fc.constantFrom<'全' | '上' | '下'>('全', '上', '下'),
        fc.boolean(),
        (month, codes, dayIdx, half, gongchu) => {
          const settings = { ...S, gongchuCountsOnPost: gongchu };
          const base = full(month).map((_, i): DayCell => codes[i]!);
          const i = dayIdx % base.length;
          const next = base.slice();
          const [am, pm] = next[i]!;
          next[i] = half === '全' ? ['缺勤', '缺勤'] : half === '上' ? ['缺勤', pm] : [am, '缺勤'];
          const a = countMonth(base, settings);
          const b = countMonth(next, settings);
          expect(b.onPost).toBeLessThanOrEqual(a.onPost);
          expect(b.absent).toBeGreaterThanOrEqual(a.absent);
          expect(b.onPost + b.absent + b.leave + (gongchu ? 0 : b.gongchu)).toBe(b.postedDays);
        },
      ),
    );
  });
});

describe('leave', () => {
  it('counts days with half days', () => {
    expect(leaveDays('2025-03-05', '上', '2025-03-05', '下')).toBe(1);
    expect(leaveDays('2025-03-05', '下', '2025-03-05', '下')).toBe(0.5);
    expect(leaveDays('2025-03-05', '上', '2025-03-05', '上')).toBe(0.5);
    expect(leaveDays('2025-03-03', '下', '2025-03-05', '上')).toBe(2);
    expect(leaveDays('2024-02-28', '上', '2024-03-01', '下')).toBe(3);
    expect(leaveDays('2025-02-28', '上', '2025-03-01', '下')).toBe(2);
    expect(leaveDays('2025-03-05', '下', '2025-03-05', '上')).toBeNull();
    expect(leaveDays('2025-03-06', '上', '2025-03-05', '下')).toBeNull();
  });
  it('picks the approval level from the county threshold', () => {
    expect(leaveApprovalLevel(0.5, S)).toBe('乡镇党委');
    expect(leaveApprovalLevel(3, S)).toBe('乡镇党委');
    expect(leaveApprovalLevel(3.5, S)).toBe('县委组织部');
    expect(leaveApprovalLevel(5, S)).toBe('县委组织部');
    const five = { ...S, leaveTownshipMaxDays: 5 };
    expect(leaveApprovalLevel(3.5, five)).toBe('乡镇党委');
    expect(leaveApprovalLevel(5, five)).toBe('乡镇党委');
    expect(leaveApprovalLevel(5.5, five)).toBe('县委组织部');
  });
  it('validates settings with Chinese messages', () => {
    expect(attendanceSettingsSchema.safeParse(S).success).toBe(true);
    const bad = attendanceSettingsSchema.safeParse({ ...S, monthlyMinimum: 40 });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe('每月最少在岗天数不能超过31天');
    expect(attendanceSettingsSchema.safeParse({ ...S, leaveTownshipMaxDays: 3.3 }).success).toBe(false);
  });
});

describe('holiday calendar', () => {
  const cal = holidayCalendar(DEFAULT_HOLIDAYS);
  it('seeds 2024–2026 with make-up workdays on weekends only', () => {
    for (const y of [2024, 2025, 2026]) expect(DEFAULT_HOLIDAYS.some((h) => h.date.startsWith(`${y}-10-01`))).toBe(true);
    for (const h of DEFAULT_HOLIDAYS.filter((d) => d.kind === 'workday')) expect([0, 6]).toContain(weekdayOf(h.date));
    expect(new Set(DEFAULT_HOLIDAYS.map((h) => h.date)).size).toBe(DEFAULT_HOLIDAYS.length);
    expect(cal.get('2025-01-28')?.name).toBe('春节');
  });
  it('describes the days of a month', () => {
    const days = monthDays('2025-02', cal);
    expect(days).toHaveLength(28);
    expect(days[0]).toMatchObject({ date: '2025-02-01', weekday: 6, weekend: true, holiday: '春节', rest: true });
    expect(days[7]).toMatchObject({ date: '2025-02-08', weekend: true, workday: true, workdayFor: '春节', rest: false });
    expect(days[9]).toMatchObject({ date: '2025-02-10', weekend: false, rest: false });
    expect(days[9]?.holiday).toBeUndefined();
  });
});
