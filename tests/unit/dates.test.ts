import { describe, expect, it } from 'vitest';
import {
  catalogueDate,
  clockOf,
  dateLabel,
  fileStampOf,
  folderStampOf,
  fromExcelSerial,
  isoDateOf,
  isoMonthOf,
  monthDayLabel,
  monthLabel,
  parseChineseDate,
  timeLabel,
  yearChoices,
  yearOptions,
} from '../../shared/dates';

describe('parseChineseDate', () => {
  it.each([
    ['2024-03-01'],
    ['2024/3/1'],
    ['2024.3.1'],
    ['2024.03.01'],
    ['2024年3月1日'],
    ['2024年03月01日'],
    ['2024 年 3 月 1 日'],
    ['20240301'],
    ['45352'],
  ])('reads %s as 2024-03-01', (s) => {
    expect(parseChineseDate(s)).toBe('2024-03-01');
  });

  it('reads Excel date cells (JS Dates at UTC midnight) and serial numbers', () => {
    expect(parseChineseDate(new Date(Date.UTC(2024, 2, 1)))).toBe('2024-03-01');
    expect(parseChineseDate(45352)).toBe('2024-03-01');
    expect(fromExcelSerial(31107)).toBe('1985-03-01');
    expect(fromExcelSerial(-5)).toBeNull();
  });

  it('reads month-only spellings (出生年月) only when allowed, as the first of the month', () => {
    for (const s of ['1985-03', '1985.3', '1985年3月', '1985/03', '198503']) {
      expect(parseChineseDate(s, { allowMonth: true }), s).toBe('1985-03-01');
    }
    expect(parseChineseDate('1985年3月')).toBeNull();
  });

  it('rejects impossible dates and text that is not a date', () => {
    expect(parseChineseDate('2023-02-29')).toBeNull();
    expect(parseChineseDate('2024-02-29')).toBe('2024-02-29');
    expect(parseChineseDate('2024-13-01')).toBeNull();
    expect(parseChineseDate('2024年3月32日')).toBeNull();
    expect(parseChineseDate('至今')).toBeNull();
    expect(parseChineseDate('')).toBeNull();
    expect(parseChineseDate(null)).toBeNull();
    expect(parseChineseDate(new Date('nonsense'))).toBeNull();
  });
});

describe('catalogueDate', () => {
  it('prints dates as archive catalogues do (YYYYMMDD), blank when unknown', () => {
    expect(catalogueDate('2024-03-01')).toBe('20240301');
    expect(catalogueDate(null)).toBe('');
  });
});

describe('display labels: one format on every page', () => {
  it('spells days, months and month-days without leading zeros; other text stays as given', () => {
    expect(dateLabel('2025-03-07')).toBe('2025年3月7日');
    expect(dateLabel('2025-12-31T08:00:00Z')).toBe('2025年12月31日');
    expect(dateLabel('未录入')).toBe('未录入');
    expect(monthLabel('2025-03')).toBe('2025年3月');
    expect(monthLabel('2025-11-30')).toBe('2025年11月');
    expect(monthDayLabel('2025-03-07')).toBe('3月7日');
  });

  it('reads a Date in local time (no UTC shift near midnight)', () => {
    const lateEvening = new Date(2025, 2, 7, 23, 59, 58);
    expect(isoDateOf(lateEvening)).toBe('2025-03-07');
    expect(isoMonthOf(lateEvening)).toBe('2025-03');
    expect(clockOf(lateEvening)).toBe('23:59');
    expect(clockOf(lateEvening, true)).toBe('23:59:58');
    expect(fileStampOf(lateEvening)).toBe('20250307-235958');
    expect(folderStampOf(lateEvening)).toBe('2025-03-07_23-59-58');
  });

  it('labels an instant in local time; leaves what is no instant alone', () => {
    const at = new Date(2025, 0, 5, 9, 4, 3);
    expect(timeLabel(at.toISOString())).toBe('2025年1月5日 09:04');
    expect(timeLabel(at.toISOString(), { seconds: true })).toBe('2025年1月5日 09:04:03');
    expect(timeLabel('2025-01-05')).toBe('2025-01-05');
    expect(timeLabel('昨天')).toBe('昨天');
  });
});

describe('year pickers: one range rule', () => {
  it('offers next year down to seven years back, newest first, and keeps a chosen year outside it', () => {
    expect(yearChoices(2026)).toEqual([2027, 2026, 2025, 2024, 2023, 2022, 2021, 2020, 2019]);
    expect(yearChoices(2026, 2012).at(-1)).toBe(2012);
    expect(yearChoices(2026, 2024)).toHaveLength(9);
    expect(yearOptions(2026)[1]).toEqual({ value: 2026, label: '2026年度' });
  });
});
