/** Work log and report rules: kinds, typed dates, quarter/half-year boundaries, periods owed, due dates, status; import splitting. */
import { describe, expect, it } from 'vitest';
import { headerColumns, splitParagraphs, splitRows } from '../../main/core/worklog/importParse';
import {
  defaultDueDate,
  guessKind,
  halfOf,
  kindFromText,
  parseTypedDate,
  periodFromCode,
  periodLabel,
  periodsOwed,
  quarterOf,
  reportStatus,
} from '../../shared/worklog';

describe('kinds', () => {
  it('takes the Chinese word, its first character or the pinyin letter', () => {
    expect(kindFromText('走访')).toBe('走访');
    expect(kindFromText('帮')).toBe('帮扶');
    expect(kindFromText('h')).toBe('会议');
    expect(kindFromText('X')).toBe('项目');
    expect(kindFromText('q')).toBe('其他');
    expect(kindFromText('旅游')).toBeNull();
    expect(kindFromText('')).toBeNull();
  });
  it('guesses from the earliest word in free text', () => {
    expect(guessKind('入户走访低保户王大爷')).toBe('走访');
    expect(guessKind('召开村两委会议研究帮扶项目')).toBe('会议');
    expect(guessKind('慰问困难党员')).toBe('帮扶');
    expect(guessKind('到产业园对接招商')).toBe('项目');
    expect(guessKind('整理档案')).toBe('其他');
  });
});

describe('typed dates', () => {
  it.each([
    ['2025-03-05', '2025-03-05'],
    ['2025.3.5', '2025-03-05'],
    ['2025年3月5日', '2025-03-05'],
    ['20250305', '2025-03-05'],
    ['3.5', '2025-03-05'],
    ['3-5', '2025-03-05'],
    ['0305', '2025-03-05'],
    ['3月5日', '2025-03-05'],
    ['12/31', '2025-12-31'],
  ])('%s → %s', (typed, iso) => expect(parseTypedDate(typed, 2025)).toBe(iso));
  it('refuses impossible dates', () => {
    expect(parseTypedDate('2.30', 2025)).toBeNull();
    expect(parseTypedDate('2.29', 2025)).toBeNull();
    expect(parseTypedDate('2.29', 2024)).toBe('2024-02-29');
    expect(parseTypedDate('1332', 2025)).toBeNull();
    expect(parseTypedDate('昨天', 2025)).toBeNull();
  });
});

describe('quarters and half-years', () => {
  it('puts boundary days in the right period', () => {
    expect(quarterOf('2025-03-31').code).toBe('2025-Q1');
    expect(quarterOf('2025-04-01').code).toBe('2025-Q2');
    expect(quarterOf('2025-06-30')).toEqual({ kind: '季度报告', code: '2025-Q2', start: '2025-04-01', end: '2025-06-30' });
    expect(quarterOf('2025-07-01').code).toBe('2025-Q3');
    expect(quarterOf('2025-12-31').end).toBe('2025-12-31');
    expect(halfOf('2025-06-30').code).toBe('2025-H1');
    expect(halfOf('2025-07-01')).toEqual({ kind: '半年总结', code: '2025-H2', start: '2025-07-01', end: '2025-12-31' });
    expect(periodFromCode('2024-Q1')!.end).toBe('2024-03-31');
    expect(periodFromCode('2024-H2')!.start).toBe('2024-07-01');
    expect(periodFromCode('2024-Q5')).toBeNull();
    expect(periodLabel('2025-Q3')).toBe('2025年第三季度');
    expect(periodLabel('2025-H1')).toBe('2025年上半年');
  });
  it('defaults due dates to 10 days after a quarter and 15 after a half-year, across the year end', () => {
    expect(defaultDueDate(quarterOf('2025-02-01'))).toBe('2025-04-10');
    expect(defaultDueDate(quarterOf('2025-11-01'))).toBe('2026-01-10');
    expect(defaultDueDate(halfOf('2025-02-01'))).toBe('2025-07-15');
    expect(defaultDueDate(halfOf('2025-08-01'))).toBe('2026-01-15');
    expect(defaultDueDate(quarterOf('2025-02-01'), { quarterDueDays: 5, halfDueDays: 20 })).toBe('2025-04-05');
    expect(defaultDueDate(quarterOf('2024-02-01'), { quarterDueDays: 0, halfDueDays: 0 })).toBe('2024-03-31');
  });
  it('owes every period a posting overlaps by a day, once across changed postings', () => {
    const codes = (s: Array<{ start: string; end: string | null }>, y: number) => periodsOwed(s, y).map((p) => p.code);
    expect(codes([{ start: '2024-03-01', end: null }], 2024)).toEqual(['2024-Q1', '2024-Q2', '2024-H1', '2024-Q3', '2024-Q4', '2024-H2']);
    expect(codes([{ start: '2024-03-31', end: null }], 2024)).toContain('2024-Q1');
    expect(codes([{ start: '2024-04-01', end: null }], 2024)).toEqual(['2024-Q2', '2024-H1', '2024-Q3', '2024-Q4', '2024-H2']);
    expect(codes([{ start: '2023-01-01', end: '2025-06-30' }], 2025)).toEqual(['2025-Q1', '2025-Q2', '2025-H1']);
    expect(codes([{ start: '2023-01-01', end: '2025-07-01' }], 2025)).toEqual(['2025-Q1', '2025-Q2', '2025-H1', '2025-Q3', '2025-H2']);
    // Moved on 2025-05-10: both postings overlap Q2, which is still owed once.
    expect(
      codes(
        [
          { start: '2024-01-01', end: '2025-05-09' },
          { start: '2025-05-10', end: null },
        ],
        2025,
      ),
    ).toEqual(['2025-Q1', '2025-Q2', '2025-H1', '2025-Q3', '2025-Q4', '2025-H2']);
    expect(codes([{ start: '2026-01-01', end: null }], 2025)).toEqual([]);
  });
  it('is 待提交 until the due day ends, then 逾期; submitted late counts the days', () => {
    expect(reportStatus('2025-04-10', null, '2025-04-10')).toEqual({ status: '待提交', lateDays: 0 });
    expect(reportStatus('2025-04-10', null, '2025-04-11')).toEqual({ status: '逾期', lateDays: 1 });
    expect(reportStatus('2025-04-10', null, '2025-05-10')).toEqual({ status: '逾期', lateDays: 30 });
    expect(reportStatus('2025-04-10', '2025-04-08', '2025-06-01')).toEqual({ status: '已提交', lateDays: 0 });
    expect(reportStatus('2025-04-10', '2025-04-13', '2025-06-01')).toEqual({ status: '已提交', lateDays: 3 });
  });
});

describe('splitting a Word log', () => {
  it('starts an entry at each dated paragraph and keeps the following paragraphs with it', () => {
    const r = splitParagraphs(
      [
        '2025年民情日记',
        '3月5日（星期三）晴 入户走访低保户王大爷，了解春耕准备情况。',
        '地点：石门村三组  走访对象：王大爷、李二婶',
        '困难：缺少化肥。下步打算：联系农资站。',
        '2025-03-06 召开村两委会议，研究集体经济项目。',
        '会后整理会议纪要。',
        '3.7 随手记',
        '3月32日 写错的日期',
      ],
      2024,
    );
    expect(r.problems).toEqual([]);
    expect(r.entries).toHaveLength(3);
    const [a, b, c] = r.entries;
    expect(a).toMatchObject({ where: '第2段', date: '2025-03-05', kind: '走访', place: '石门村三组', persons: '王大爷、李二婶' });
    expect(a!.situation).toBe('入户走访低保户王大爷，了解春耕准备情况。');
    expect(a!.difficulties).toBe('缺少化肥。');
    expect(a!.followUp).toBe('联系农资站。');
    // 3.7 is not a date at a paragraph start (could be a numbered heading): it stays with the entry before.
    expect(b).toMatchObject({
      date: '2025-03-06',
      kind: '会议',
      situation: '召开村两委会议，研究集体经济项目。\n会后整理会议纪要。\n3.7 随手记',
    });
    expect(c).toMatchObject({ date: null, where: '第8段' });
    expect(c!.errors[0]).toMatch(/不是有效日期/);
  });
  it('reports text before the first date and rolls a year-less log into January', () => {
    const r = splitParagraphs(
      ['本人驻村以来认真履职，以下为部分记录，请组织审阅并提出宝贵意见，谢谢各位领导的关心和支持。', '12月30日 走访', '1月2日 慰问困难户'],
      2024,
    );
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]!.where).toBe('第1段');
    expect(r.entries.map((e) => e.date)).toEqual(['2024-12-30', '2025-01-02']);
    expect(r.entries[1]!.kind).toBe('帮扶');
  });
});

describe('splitting a spreadsheet log', () => {
  it('matches headers by name in any order', () => {
    expect([...headerColumns(['情况', '日期', '走访对象'])!.entries()]).toEqual([
      ['situation', 0],
      ['date', 1],
      ['persons', 2],
    ]);
    expect(headerColumns(['姓名', '电话'])).toBeNull();
    expect(headerColumns(['日期'])).toBeNull();
  });
  it('reads rows under the header and flags bad ones', () => {
    const r = splitRows(
      [
        ['张三2025年工作日志'],
        ['下步打算', '日期', '类型', '情况'],
        ['联系农资站', new Date(Date.UTC(2025, 2, 5)), '走访', '入户走访'],
        [null, '3.6', '', '村两委会议'],
        [null, null, null, null],
        [null, '某天', '旅游', '去了县城'],
      ],
      2025,
      (i) => `第${i + 1}行`,
    );
    expect(r.problems).toEqual([]);
    expect(r.entries).toHaveLength(3);
    expect(r.entries[0]).toMatchObject({ where: '第3行', date: '2025-03-05', kind: '走访', followUp: '联系农资站' });
    expect(r.entries[1]).toMatchObject({ date: '2025-03-06', kind: '会议' });
    expect(r.entries[2]!.errors).toEqual(['日期“某天”无法识别']);
    expect(r.entries[2]!.warnings[0]).toMatch(/类型“旅游”无法识别/);
  });
  it('names a missing header', () => {
    expect(splitRows([['a', 'b']], 2025, String).problems[0]!.message).toMatch(/未找到表头/);
  });
});
