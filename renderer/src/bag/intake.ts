import type { MaterialCategory, StagedFile } from '../../../shared/domain';

/** One row of the intake table: a material to be filed, made of one or more staged files. */
export interface IntakeRow {
  key: string;
  files: StagedFile[];
  category: MaterialCategory;
  title: string;
  date: string | null;
  error?: string;
}

export interface RefusedFile {
  name: string;
  reason: string;
}

export const rowFromStaged = (f: StagedFile): IntakeRow => ({
  key: f.token,
  files: [f],
  category: f.suggestion.category,
  title: f.suggestion.title,
  date: f.suggestion.date,
});

/** Merges the selected rows into the first of them (in table order). */
export function mergeRows(rows: IntakeRow[], keys: string[]): IntakeRow[] {
  const chosen = rows.filter((r) => keys.includes(r.key));
  if (chosen.length < 2) return rows;
  const [first, ...rest] = chosen;
  const merged: IntakeRow = { ...first!, files: chosen.flatMap((r) => r.files), error: undefined };
  const restKeys = new Set(rest.map((r) => r.key));
  return rows.filter((r) => !restKeys.has(r.key)).map((r) => (r.key === merged.key ? merged : r));
}
