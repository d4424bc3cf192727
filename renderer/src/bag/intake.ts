import type { MaterialCategory, StagedFile } from '../../../shared/domain';

/** One row of the intake table: a material to be filed, made of one or more staged files. */
export interface IntakeRow {
  key: string;
  files: StagedFile[];
  category: MaterialCategory;
  title: string;
  date: string | null;
  error?: string;
  /** What was read from the first page of a file whose name said little (shown under the title). */
  pageHint?: string;
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

/**
 * A file name that says little about the document (a scanner's or camera's counter, no Chinese
 * words, no date): its first page is read for better suggestions.
 */
export function nameSaysLittle(name: string): boolean {
  const base = name.replace(/\.[A-Za-z0-9]{1,5}$/, '');
  const han = (base.match(/\p{Script=Han}/gu) ?? []).length;
  return han < 4 || /^(img|dsc|scan|mmexport|微信图片|扫描件?|新建|文档|未命名)/iu.test(base);
}

/** Fills what the clerk has not changed yet (title and date still as suggested from the name) from the page's text. */
export function applyPageSuggestion(row: IntakeRow, fromName: { title: string; date: string | null }, s: { title: string | null; date: string | null; docNumber: string | null }): IntakeRow {
  return {
    ...row,
    title: s.title && row.title === fromName.title ? s.title : row.title,
    date: s.date && row.date === fromName.date ? s.date : row.date,
    pageHint: [s.docNumber ? `文号 ${s.docNumber}` : null, s.title || s.date ? '已按原件首页文字填写' : null].filter(Boolean).join('，') || undefined,
  };
}
