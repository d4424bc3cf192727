import type { MaterialCategory, StagedFile } from '../../../shared/domain';
import { suggestResponsible } from '../../../shared/intakeCadre';
import { suggestPeriodDate } from '../../../shared/periodDate';

export { guessCadre, suggestResponsible } from '../../../shared/intakeCadre';

/** One row of the intake table: a material to be filed, made of one or more staged files. */
export interface IntakeRow {
  key: string;
  files: StagedFile[];
  /** Whose bag it goes to; null until chosen (batch intake). */
  cadreId: number | null;
  category: MaterialCategory;
  title: string;
  date: string | null;
  /** The year it is filed under: the date's year, or the year the name speaks of; null until given. */
  year: number | null;
  /** 责任者, suggested from the cadre's posting. */
  responsible: string;
  /** The clerk ticked 仍然归档 for a file whose content is already filed. */
  duplicateConfirmed?: boolean;
  error?: string;
  /** What was read from the first page of a file whose name said little (shown under the title). */
  pageHint?: string;
}

/** How far a run over the files has come (reading them in, or filing them). */
export interface IntakeProgress {
  done: number;
  total: number;
  current: string | null;
}

export interface RefusedFile {
  name: string;
  reason: string;
}

export const rowFromStaged = (f: StagedFile, defaults: { cadreId: number | null; responsible: string }): IntakeRow => ({
  key: f.token,
  files: [f],
  cadreId: defaults.cadreId,
  category: f.suggestion.category,
  title: f.suggestion.title,
  date: f.suggestion.date,
  year: f.suggestion.date ? Number(f.suggestion.date.slice(0, 4)) : f.suggestion.year,
  responsible: defaults.responsible,
});

/** 责任者 for a cadre's own bag: from the 派出单位, or the village of the current posting. */
export function responsibleOf(c: {
  name: string;
  unitName: string | null;
  postings: ReadonlyArray<{ villageName: string | null; townshipName: string; end: string | null }>;
}): string {
  const current = c.postings.find((p) => p.end === null) ?? c.postings[c.postings.length - 1];
  return suggestResponsible({
    name: c.name,
    unitName: c.unitName,
    village: current?.villageName ?? null,
    township: current?.townshipName ?? null,
  });
}

/** Why a file of the row may not need filing: the same content already filed, or earlier in this intake. */
export function duplicateNote(row: IntakeRow, rows: readonly IntakeRow[]): string | null {
  const notes: string[] = [];
  for (const f of row.files) {
    if (f.duplicateOf) notes.push(`「${f.name}」与${f.duplicateOf}内容相同`);
    const earlier = rows
      .slice(0, rows.indexOf(row))
      .flatMap((r) => r.files)
      .find((o) => o.sha256 === f.sha256);
    if (earlier) notes.push(`「${f.name}」与本次添加的「${earlier.name}」内容相同`);
  }
  return notes.length ? notes.join('；') : null;
}

/** What stops a row from being filed, in Chinese, or null. */
export function rowProblem(row: IntakeRow, rows: readonly IntakeRow[]): string | null {
  if (row.cadreId === null) return '请选择干部';
  if (!row.title.trim()) return '请填写题名';
  if (row.year === null) return '未能从文件名识别年度，请填写日期或年度';
  if (!row.duplicateConfirmed && duplicateNote(row, rows)) return '内容与已有材料相同；如确需再次归档，请勾选“仍然归档”';
  return null;
}

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

/**
 * Fills what the clerk has not changed yet (title and date still as suggested from the name) from
 * the page's text; without a 落款 date, the period its title speaks of ("2025年第三季度…" → 2025-09-30).
 */
export function applyPageSuggestion(
  row: IntakeRow,
  fromName: { title: string; date: string | null; year: number | null },
  s: { title: string | null; date: string | null; docNumber: string | null },
): IntakeRow {
  const period = s.title ? suggestPeriodDate(s.title) : null;
  const pageDate = s.date ?? period?.date ?? null;
  const pageYear = pageDate ? Number(pageDate.slice(0, 4)) : (period?.year ?? null);
  const dateUntouched = row.date === fromName.date;
  const yearUntouched = row.year === (fromName.date ? Number(fromName.date.slice(0, 4)) : fromName.year);
  return {
    ...row,
    title: s.title && row.title === fromName.title ? s.title : row.title,
    date: pageDate && dateUntouched ? pageDate : row.date,
    year: pageYear && dateUntouched && yearUntouched ? pageYear : row.year,
    pageHint:
      [s.docNumber ? `文号 ${s.docNumber}` : null, s.title || s.date ? '已按原件首页文字填写' : null].filter(Boolean).join('，') ||
      undefined,
  };
}
