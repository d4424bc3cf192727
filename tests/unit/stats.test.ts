/** The pure rules of the figures: shares, money, totals that are sums, unknown stays unknown. */
import { describe, expect, it } from 'vitest';
import { endedMonths } from '../../main/core/stats/attendanceFacts';
import { FIGURE_KEYS, emptyFigures, figureText, percent, sumFigures, wan, type FigureKey } from '../../shared/stats';

describe('figure text', () => {
  it('shows shares as a percentage with one decimal, — when nothing is due or unknown', () => {
    expect(percent({ value: 231, of: 240 })).toBe('96.3%');
    expect(percent({ value: 2, of: 3 })).toBe('66.7%');
    expect(percent({ value: 0, of: 0 })).toBe('—');
    expect(percent({ value: null, of: null })).toBe('—');
    expect(figureText('attendance', { value: 40, of: 40 })).toBe('100.0%');
  });

  it('shows money (fen) in 万元 and counts as they are', () => {
    expect(wan(45_000_050)).toBe('45');
    expect(wan(3_568_000_00)).toBe('356.8');
    expect(wan(123_456)).toBe('0.12');
    expect(figureText('projectFunds', { value: 65_000_000 })).toBe('65');
    expect(figureText('projects', { value: 0 })).toBe('0');
    expect(figureText('projects', { value: null })).toBe('—');
  });
});

describe('county totals', () => {
  const none = new Set<FigureKey>();
  it('are the sums of the township rows, numerators and denominators alike', () => {
    const a = emptyFigures(none);
    const b = emptyFigures(none);
    a.attendance = { value: 25, of: 26 };
    b.attendance = { value: 14, of: 15 };
    a.projectFunds = { value: 35_000_050 };
    b.projectFunds = { value: 3_000_000 };
    const t = sumFigures([a, b], none);
    expect(t.attendance).toEqual({ value: 39, of: 41 });
    expect(t.projectFunds).toEqual({ value: 38_000_050 });
    expect(t.commended).toEqual({ value: 0 });
  });

  it('keep a figure without records unknown (null), never 0', () => {
    const missing = new Set<FigureKey>(['projects', 'reportsOnTime']);
    const t = sumFigures([emptyFigures(missing), emptyFigures(missing)], missing);
    expect(t.projects.value).toBeNull();
    expect(t.reportsOnTime).toEqual({ value: null, of: null });
    expect(t.attendance).toEqual({ value: 0, of: 0 });
    expect(FIGURE_KEYS.filter((k) => t[k].value === null)).toEqual(['projects', 'reportsOnTime']);
  });
});

describe('months counted', () => {
  it('are the months of the year that ended before today', () => {
    expect(endedMonths(2024, '2024-06-30')).toEqual(['2024-01', '2024-02', '2024-03', '2024-04', '2024-05']);
    expect(endedMonths(2024, '2024-07-01')).toHaveLength(6);
    expect(endedMonths(2024, '2024-01-31')).toEqual([]);
    expect(endedMonths(2024, '2025-01-01')).toHaveLength(12);
  });
});
