/**
 * The intake table's model (pure): rows from staged files, duplicate notes, what stops a row,
 * merging rows into one material, and the first page's text filling what the clerk left alone.
 */
import { describe, expect, it } from 'vitest';
import type { StagedFile } from '../../../shared/domain';
import { applyPageSuggestion, duplicateNote, mergeRows, nameSaysLittle, rowFromStaged, rowProblem, type IntakeRow } from './intake';

function staged(token: string, name: string, over: Partial<StagedFile> = {}): StagedFile {
  return {
    token,
    name,
    size: 1000,
    kind: 'pdf',
    pageCount: 1,
    sha256: `sha-${token}`,
    duplicateOf: null,
    suggestion: { category: '调研报告', title: name.replace(/\.pdf$/, ''), date: null, year: null },
    ...over,
  };
}
const WANG = { cadreId: 7, responsible: '市农业农村局' };

describe('rowFromStaged', () => {
  it('takes the suggestion from the name; the year follows the date, else the year the name speaks of', () => {
    const dated = staged('t1', '2025-03-05 东村调研报告.pdf', {
      suggestion: { category: '调研报告', title: '东村调研报告', date: '2025-03-05', year: 2024 },
    });
    expect(rowFromStaged(dated, WANG)).toEqual({
      key: 't1',
      files: [dated],
      cadreId: 7,
      category: '调研报告',
      title: '东村调研报告',
      date: '2025-03-05',
      year: 2025,
      responsible: '市农业农村局',
    });
    const yearOnly = staged('t2', '2024年工作总结.pdf', {
      suggestion: { category: '工作总结', title: '2024年工作总结', date: null, year: 2024 },
    });
    expect(rowFromStaged(yearOnly, { cadreId: null, responsible: '' })).toMatchObject({ cadreId: null, date: null, year: 2024 });
  });
});

describe('duplicates and problems', () => {
  const a = rowFromStaged(
    staged('a', '东村调研报告.pdf', { suggestion: { category: '调研报告', title: '东村调研报告', date: null, year: 2025 } }),
    WANG,
  );
  const b = rowFromStaged(
    staged('b', '东村调研报告(1).pdf', {
      sha256: 'sha-a',
      suggestion: { category: '调研报告', title: '东村调研报告(1)', date: null, year: 2025 },
    }),
    WANG,
  );
  const filed = rowFromStaged(
    staged('c', '会议记录.pdf', {
      duplicateOf: '「三月会议记录」（王建国）',
      suggestion: { category: '会议记录', title: '会议记录', date: null, year: 2025 },
    }),
    WANG,
  );

  it('names a file already filed, and a later row holding a file added earlier in this intake', () => {
    const rows = [a, b, filed];
    expect(duplicateNote(a, rows)).toBeNull();
    expect(duplicateNote(b, rows)).toBe('「东村调研报告(1).pdf」与本次添加的「东村调研报告.pdf」内容相同');
    expect(duplicateNote(filed, rows)).toBe('「会议记录.pdf」与「三月会议记录」（王建国）内容相同');
  });

  it('says in Chinese what stops a row, in the order the clerk fixes them; 仍然归档 lets a duplicate through', () => {
    const rows = [a, b];
    expect(rowProblem(a, rows)).toBeNull();
    expect(rowProblem({ ...a, cadreId: null }, rows)).toBe('请选择干部');
    expect(rowProblem({ ...a, title: '  ' }, rows)).toBe('请填写题名');
    expect(rowProblem({ ...a, year: null }, rows)).toBe('未能从文件名识别年度，请填写日期或年度');
    expect(rowProblem(b, rows)).toBe('内容与已有材料相同；如确需再次归档，请勾选“仍然归档”');
    expect(rowProblem({ ...b, duplicateConfirmed: true }, [a, { ...b, duplicateConfirmed: true }])).toBeNull();
  });

  it('merges the selected rows into the first in table order, keeping every file and clearing its error', () => {
    const rows: IntakeRow[] = [{ ...a, error: '请填写题名' }, b, filed];
    const merged = mergeRows(rows, ['c', 'a']);
    expect(merged.map((r) => [r.key, r.files.map((f) => f.token), r.error])).toEqual([
      ['a', ['a', 'c'], undefined],
      ['b', ['b'], undefined],
    ]);
    // fewer than two chosen: nothing to merge
    expect(mergeRows(rows, ['b'])).toBe(rows);
  });
});

describe('reading the first page', () => {
  it('reads a page when the name is a counter or has few Chinese words', () => {
    expect(nameSaysLittle('IMG_20250305_1012.jpg')).toBe(true);
    expect(nameSaysLittle('微信图片_20250305.png')).toBe(true);
    expect(nameSaysLittle('扫描件3.pdf')).toBe(true);
    expect(nameSaysLittle('东村.pdf')).toBe(true);
    expect(nameSaysLittle('东村产业发展调研报告.pdf')).toBe(false);
  });

  const fromName = { title: 'IMG_0012', date: null, year: null };
  const row: IntakeRow = { ...rowFromStaged(staged('p', 'IMG_0012.jpg'), WANG), title: 'IMG_0012', year: null };

  it('fills title, date and year from the page when the clerk has not changed them', () => {
    const out = applyPageSuggestion(row, fromName, {
      title: '关于东村产业发展的调研报告',
      date: '2025-06-18',
      docNumber: '柳组发〔2025〕3号',
    });
    expect(out).toMatchObject({ title: '关于东村产业发展的调研报告', date: '2025-06-18', year: 2025 });
    expect(out.pageHint).toBe('文号 柳组发〔2025〕3号，已按原件首页文字填写');
  });

  it('without a 落款 date takes the period the title speaks of', () => {
    const out = applyPageSuggestion(row, fromName, { title: '2025年第三季度工作汇报', date: null, docNumber: null });
    expect(out).toMatchObject({ title: '2025年第三季度工作汇报', date: '2025-09-30', year: 2025 });
  });

  it('keeps what the clerk typed, and says nothing when the page gave nothing', () => {
    const typed = { ...row, title: '东村调研报告', date: '2025-03-01', year: 2025 };
    const out = applyPageSuggestion(typed, fromName, { title: '关于东村产业发展的调研报告', date: '2025-06-18', docNumber: null });
    expect(out).toMatchObject({ title: '东村调研报告', date: '2025-03-01', year: 2025, pageHint: '已按原件首页文字填写' });
    expect(applyPageSuggestion(row, fromName, { title: null, date: null, docNumber: null })).toEqual({ ...row, pageHint: undefined });
  });
});
