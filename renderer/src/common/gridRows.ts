/** A grid answer (attendance month, score sheet) with the rows a save returned put in place. */
export function withRows<R extends { cadreId: number }, G extends { rows: R[] }>(grid: G, changed: readonly R[]): G {
  if (changed.length === 0) return grid;
  const byId = new Map(changed.map((r) => [r.cadreId, r]));
  return { ...grid, rows: grid.rows.map((r) => byId.get(r.cadreId) ?? r) };
}
