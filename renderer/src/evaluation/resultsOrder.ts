/** The order of the 结果 table (pure): what a clerk reads first is each group's ranking. */
import type { ResultRow } from '../../../shared/evaluation';

/** Groups in the order they first appear, each by rank; rows without a total (unscored) at the end. */
export function sortResults(rows: readonly ResultRow[]): ResultRow[] {
  const groupOrder = new Map<string, number>();
  for (const x of rows) if (!groupOrder.has(x.group)) groupOrder.set(x.group, groupOrder.size);
  return [...rows].sort((a, b) => {
    const ua = a.total === null ? 1 : 0;
    const ub = b.total === null ? 1 : 0;
    if (ua !== ub) return ua - ub;
    const g = groupOrder.get(a.group)! - groupOrder.get(b.group)!;
    if (g !== 0) return g;
    return (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER);
  });
}
