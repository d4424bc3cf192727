import { describe, expect, it } from 'vitest';
import { parseTypedDate, parseTypedMonth, retypesShownValue } from '../../shared/typedDate';

describe('typed months and dates', () => {
  it.each(['2025-03', '2025-3', '2025年3月', '2025年03月', '202503', '2025.3', '2025/03', '２０２５年３月', ' 2025 - 03 '])(
    'month %s is March 2025',
    (t) => expect(parseTypedMonth(t)).toBe('2025-03'),
  );
  it.each(['2025', '2025-13', '2025年0月', '20251', '2025-03-01', 'abc', '', '1899-12'])('month %s is refused', (t) =>
    expect(parseTypedMonth(t)).toBeNull(),
  );
  it.each(['2025-03-05', '2025/3/5', '2025.3.5', '2025年3月5日', '2025年03月05号', '20250305'])('date %s is 5 March 2025', (t) =>
    expect(parseTypedDate(t)).toBe('2025-03-05'),
  );
  it.each(['2025-02-30', '2025', '45000', '2025-03', '2025年3月', '3/5/2025'])('date %s is refused', (t) =>
    expect(parseTypedDate(t)).toBeNull(),
  );
  // Retyping the month already shown: the picker sees no change, so the box rewrites the text itself.
  it.each(['2025-03', '2025年3月', '202503', '2025.3'])('month %s retypes the shown 2025-03', (t) =>
    expect(retypesShownValue(t, '2025-03', 'month')).toBe(true),
  );
  it.each([
    ['2025-04', '2025-03'],
    ['2025', '2025-03'],
    ['2025-03', null],
  ] as const)('month %s does not retype %s', (t, shown) => expect(retypesShownValue(t, shown, 'month')).toBe(false));
  it('a date box compares whole dates', () => {
    expect(retypesShownValue('2025.3.5', '2025-03-05', 'date')).toBe(true);
    expect(retypesShownValue('2025.3.6', '2025-03-05', 'date')).toBe(false);
    expect(retypesShownValue('2025-03', '2025-03-05', 'date')).toBe(false);
  });
});
