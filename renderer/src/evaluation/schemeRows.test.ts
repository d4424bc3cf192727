/** The scheme row-list model (pure): fresh keys, patch/remove by index, checked sums. */
import { describe, expect, it } from 'vitest';
import { freshKey, patchAt, removeAt, sumOf } from './schemeRows';

describe('freshKey', () => {
  it('starts after the list length and skips keys in use, whatever their order', () => {
    expect(freshKey([], 'c')).toBe('c1');
    expect(freshKey([{ key: 'c1' }, { key: 'c2' }], 'c')).toBe('c3');
    // c2 was deleted earlier and c3 is taken: the new row gets c4, never a key scores may still hold
    expect(freshKey([{ key: 'c1' }, { key: 'c3' }], 'c')).toBe('c4');
    expect(freshKey([{ key: 'i3' }, { key: 'i4' }, { key: 'c5' }], 'i')).toBe('i5');
  });
});

describe('patchAt / removeAt', () => {
  const list = [
    { key: 'i1', label: '建强村党组织', points: 30 },
    { key: 'i2', label: '推进强村富民', points: 40 },
  ];
  it('patches one row and leaves the others (and the input) as they were', () => {
    const next = patchAt(list, 1, { points: 45 });
    expect(next).toEqual([list[0], { key: 'i2', label: '推进强村富民', points: 45 }]);
    expect(next[0]).toBe(list[0]);
    expect(list[1]!.points).toBe(40);
  });
  it('removes one row by index', () => {
    expect(removeAt(list, 0)).toEqual([list[1]]);
    expect(removeAt(list, 5)).toEqual(list);
  });
});

describe('sumOf', () => {
  it('adds the field, an emptied box (NaN) counting 0', () => {
    expect(sumOf([{ w: 40 }, { w: 35.5 }, { w: Number.NaN }], (x) => x.w)).toBe(75.5);
    expect(sumOf([], (x: { w: number }) => x.w)).toBe(0);
  });
});
