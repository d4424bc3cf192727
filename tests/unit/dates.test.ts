import { describe, expect, it } from 'vitest';
import { catalogueDate, fromExcelSerial, parseChineseDate } from '../../shared/dates';

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
