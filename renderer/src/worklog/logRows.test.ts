/** The work-log table's rows (pure): typed dates and kinds, what a save sends, spreadsheet paste. */
import { describe, expect, it } from 'vitest';
import { applyPaste, blankRow, cellProblem, isBlank, normalizeCell, parsePasted, rowsToSave, type DraftRow } from './logRows';

const YEAR = 2025;

function draft(cells: Partial<DraftRow['cells']>, over: Partial<DraftRow> = {}): DraftRow {
  const r = blankRow();
  return { ...r, cells: { ...r.cells, ...cells }, dirty: true, ...over };
}

describe('cells', () => {
  it('shows dates and kinds normalised once left, with the year of the log', () => {
    expect(normalizeCell('date', '3.5', YEAR)).toBe('2025-03-05');
    expect(normalizeCell('date', '0305', YEAR)).toBe('2025-03-05');
    expect(normalizeCell('date', '2024年12月1日', YEAR)).toBe('2024-12-01');
    expect(normalizeCell('kind', 'z', YEAR)).toBe('走访');
    expect(normalizeCell('kind', 'B', YEAR)).toBe('帮扶');
    expect(normalizeCell('place', ' 村部 ', YEAR)).toBe(' 村部 ');
    // what cannot be read stays as typed, and is flagged
    expect(normalizeCell('date', '2.30', YEAR)).toBe('2.30');
    expect(cellProblem('date', '2.30', YEAR)).toBe('日期无法识别');
    expect(cellProblem('kind', '开会吧', YEAR)).toBe('类型应为走访、帮扶、会议、项目、其他');
    expect(cellProblem('date', '', YEAR)).toBe('');
  });
});

describe('rowsToSave', () => {
  it('sends non-blank drafts and edited saved entries; a missing kind is 其他', () => {
    const saved = draft({ date: '2025-03-01', kind: '会议' }, { id: 4, dirty: false });
    const edited = draft({ date: '2025-03-02', kind: '走访', situation: '改过' }, { id: 5 });
    const fresh = draft({ date: '3.9', situation: '了解灌溉需求' });
    const blank = blankRow();
    expect(isBlank(blank)).toBe(true);
    const { rows, source } = rowsToSave([saved, edited, fresh, blank], YEAR);
    expect(source).toEqual([edited, fresh]);
    expect(rows).toEqual([
      { id: 5, date: '2025-03-02', kind: '走访', place: '', persons: '', situation: '改过', difficulties: '', followUp: '', files: [] },
      { date: '2025-03-09', kind: '其他', place: '', persons: '', situation: '了解灌溉需求', difficulties: '', followUp: '', files: [] },
    ]);
  });
  it('a saved entry with a new file waiting is sent even if no text changed', () => {
    const r = draft({ date: '2025-03-01' }, { id: 9, dirty: false, pending: [{ token: 't1', name: '照片.jpg' }] });
    expect(rowsToSave([r], YEAR).rows[0]!.files).toEqual(['t1']);
  });
});

describe('paste from a spreadsheet', () => {
  it('splits rows and tabs, keeps quoted line breaks and quotes, drops empty lines', () => {
    expect(parsePasted('3.5\tz\t村部\r\n\r\n3.6\tb\t"一组\n二组"\t"说""好"""\n')).toEqual([
      ['3.5', 'z', '村部'],
      ['3.6', 'b', '一组\n二组', '说"好"'],
    ]);
  });
  it('fills from the focused cell rightwards, normalising, and adds rows as needed', () => {
    const start = [blankRow()];
    const next = applyPaste(start, 0, 'date', parsePasted('3.5\tz\t村部\n3.6\th\t镇政府'), YEAR);
    expect(next).toHaveLength(2);
    expect(next.map((r) => [r.cells.date, r.cells.kind, r.cells.place, r.dirty])).toEqual([
      ['2025-03-05', '走访', '村部', true],
      ['2025-03-06', '会议', '镇政府', true],
    ]);
    // cells past the last column are dropped, the original rows are not mutated
    const wide = applyPaste(start, 0, 'difficulties', [['缺水', '修渠', '多余']], YEAR);
    expect([wide[0]!.cells.difficulties, wide[0]!.cells.followUp]).toEqual(['缺水', '修渠']);
    expect(start[0]!.cells.difficulties).toBe('');
  });
});
