/** A cell of a cadre grid: row and column, both counted from 0. */
export interface CellPos {
  r: number;
  c: number;
}

/** The cell nearest to `p` inside a grid of `rows` × `cols` (arrow keys stop at the edges). */
export function clampCell(p: CellPos, rows: number, cols: number): CellPos {
  return { r: Math.max(0, Math.min(rows - 1, p.r)), c: Math.max(0, Math.min(cols - 1, p.c)) };
}

/** A grid answer (attendance month, score sheet) with the rows a save returned put in place. */
export function withRows<R extends { cadreId: number }, G extends { rows: R[] }>(grid: G, changed: readonly R[]): G {
  if (changed.length === 0) return grid;
  const byId = new Map(changed.map((r) => [r.cadreId, r]));
  return { ...grid, rows: grid.rows.map((r) => byId.get(r.cadreId) ?? r) };
}
