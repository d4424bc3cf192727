/**
 * Editing the scheme's row lists (考核项目, 指标): keys that never repeat, one row patched, one
 * row removed, the sum the clerk is checked against. Pure: no React.
 */

/**
 * A key no row of the list uses: `prefix` and the first free number from the list's length + 1.
 * Scores are stored against it, so a key is never reused or changed later.
 */
export function freshKey(list: readonly { key: string }[], prefix: string): string {
  for (let n = list.length + 1; ; n++) if (!list.some((x) => x.key === `${prefix}${n}`)) return `${prefix}${n}`;
}

/** The list with row `i` patched; the others are the same objects. */
export const patchAt = <T>(list: readonly T[], i: number, patch: Partial<T>): T[] => list.map((x, j) => (j === i ? { ...x, ...patch } : x));

/** The list without row `i`. */
export const removeAt = <T>(list: readonly T[], i: number): T[] => list.filter((_, j) => j !== i);

/** Sum of a number field over the rows; an unset (0/NaN from an emptied box) counts 0. */
export const sumOf = <T>(list: readonly T[], value: (x: T) => number): number => list.reduce((s, x) => s + (value(x) || 0), 0);
