/** withRows (pure): the rows a save returned replace their old selves, in place and only them. */
import { describe, expect, it } from 'vitest';
import { clampCell, withRows } from './gridRows';

const grid = {
  month: '2025-03',
  rows: [
    { cadreId: 3, name: '王建国', onPost: 20 },
    { cadreId: 5, name: '李春梅', onPost: 18 },
    { cadreId: 9, name: '张伟', onPost: 22 },
  ],
};

describe('clampCell', () => {
  it('keeps a cell inside the grid, stopping at each edge', () => {
    expect(clampCell({ r: 5, c: -1 }, 2, 3)).toEqual({ r: 1, c: 0 });
    expect(clampCell({ r: -2, c: 7 }, 2, 3)).toEqual({ r: 0, c: 2 });
    expect(clampCell({ r: 1, c: 1 }, 2, 3)).toEqual({ r: 1, c: 1 });
  });
});

describe('withRows', () => {
  it('replaces the changed rows by cadre, keeping order and the other rows', () => {
    const next = withRows(grid, [{ cadreId: 9, name: '张伟', onPost: 21 }]);
    expect(next.rows.map((r) => [r.cadreId, r.onPost])).toEqual([
      [3, 20],
      [5, 18],
      [9, 21],
    ]);
    expect(next.rows[0]).toBe(grid.rows[0]);
    expect(next.month).toBe('2025-03');
    // the grid held before is not changed
    expect(grid.rows[2]!.onPost).toBe(22);
  });
  it('ignores a returned row the grid does not show, and returns the same grid when nothing changed', () => {
    expect(withRows(grid, [{ cadreId: 77, name: '外县干部', onPost: 1 }]).rows).toEqual(grid.rows);
    expect(withRows(grid, [] as typeof grid.rows)).toBe(grid);
  });
});
