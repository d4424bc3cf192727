/** The score grid's model (pure): columns from a scheme, cell checks, ballot maths, the save batch. */
import { describe, expect, it } from 'vitest';
import type { GridColumn, GridRow } from '../../../shared/evaluation';
import {
  ballotScore,
  ballotsOf,
  buildBatch,
  cellError,
  cellId,
  draftErrors,
  entryGroups,
  round2,
  storedText,
  type EntryCol,
} from './scoreModel';

// 蒲县-like: a differentiated component (two indicators), a villagers' ballot component, a whole one
const COLUMNS: GridColumn[] = [
  { component: 'target', componentLabel: '乡镇目标考核', indicator: 'party', label: '建强村党组织', max: 30, source: 'score' },
  { component: 'target', componentLabel: '乡镇目标考核', indicator: 'rich', label: '推进强村富民', max: 40, source: 'score' },
  { component: 'vote', componentLabel: '群众匿名投票', indicator: null, label: '群众匿名投票', max: 100, source: 'ballots' },
  { component: 'county', componentLabel: '县级核查', indicator: null, label: '县级核查', max: 100, source: 'score' },
];
const FACTORS = { satisfied: 1, basic: 0.6, unsatisfied: 0 };

function row(over: Partial<GridRow> = {}): GridRow {
  return {
    cadreId: 7,
    name: '王建国',
    townshipId: 1,
    township: '柳河乡',
    village: '东村',
    postType: '村党组织第一书记',
    values: {},
    ballots: {},
    componentScores: {},
    total: null,
    ...over,
  };
}

const groups = entryGroups(COLUMNS, { target: 70, vote: 100, county: 100 });
const col = (id: string): EntryCol => groups.flatMap((g) => g.cols).find((c) => c.id === id)!;

describe('entryGroups', () => {
  it('lays out one group per component; a ballot component gets four count columns', () => {
    expect(groups.map((g) => [g.component, g.cols.map((c) => c.id), g.ballots, g.scale])).toEqual([
      ['target', ['target.party', 'target.rich'], false, 70],
      ['vote', ['vote#satisfied', 'vote#basic', 'vote#unsatisfied', 'vote#ballots'], true, 100],
      ['county', ['county'], false, 100],
    ]);
    expect(groups[1]!.cols.map((c) => c.label)).toEqual(['满意', '基本满意', '不满意', '票数']);
    // a whole component's single column is labelled with its full mark
    expect(col('county').label).toBe('得分/100');
  });
});

describe('cell checks', () => {
  it('accepts numbers up to the column maximum with at most two decimals; empty clears', () => {
    expect(cellError('', col('target.party'))).toBeNull();
    expect(cellError('29.75', col('target.party'))).toBeNull();
    expect(cellError('30', col('target.party'))).toBeNull();
    expect(cellError('30.01', col('target.party'))).toBe('“乡镇目标考核·建强村党组织”不能超过30分');
    expect(cellError('28.125', col('target.party'))).toBe('“乡镇目标考核·建强村党组织”应填写数字，最多两位小数');
    expect(cellError('八十', col('county'))).toBe('“县级核查”应填写数字，最多两位小数');
  });
  it('wants whole ballot counts', () => {
    expect(cellError('12', col('vote#ballots'))).toBeNull();
    expect(cellError('12.5', col('vote#ballots'))).toBe('“群众匿名投票·票数”应填写整数票数');
    expect(cellError('100001', col('vote#ballots'))).toBe('“群众匿名投票·票数”票数过大');
  });
});

describe('ballots', () => {
  it('needs all four counts, whole, non-zero ballots, and no more answers than ballots', () => {
    expect(ballotsOf({ satisfied: '', basic: ' ', unsatisfied: '', ballots: '' })).toEqual({ empty: true });
    expect(ballotsOf({ satisfied: '3', basic: '', unsatisfied: '', ballots: '5' })).toEqual({ error: '请填写基本满意、不满意票数' });
    expect(ballotsOf({ satisfied: '3', basic: '1', unsatisfied: '0', ballots: '0' })).toEqual({ error: '票数不能为0' });
    expect(ballotsOf({ satisfied: '3', basic: '2', unsatisfied: '1', ballots: '5' })).toEqual({
      error: '满意、基本满意、不满意之和（6）超过了票数（5）',
    });
    expect(ballotsOf({ satisfied: '30', basic: '8', unsatisfied: '2', ballots: '42' })).toEqual({
      ballots: { satisfied: 30, basic: 8, unsatisfied: 2, ballots: 42 },
    });
  });
  it('scores Σ count × factor ÷ ballots × scale, rounded half up to two decimals', () => {
    // (30 + 8 × 0.6) / 42 × 100 = 82.857… → 82.86; blank or invalid ballots count 0
    expect(ballotScore({ satisfied: 30, basic: 8, unsatisfied: 2, ballots: 42 }, FACTORS, 100)).toBe(82.86);
    expect(ballotScore({ satisfied: 1, basic: 0, unsatisfied: 0, ballots: 8 }, FACTORS, 20)).toBe(2.5);
    expect(ballotScore({ satisfied: 0, basic: 0, unsatisfied: 0, ballots: 0 }, FACTORS, 100)).toBe(0);
    expect(round2(1.005)).toBe(1.01);
    expect(round2(2.675)).toBe(2.68);
  });
});

describe('drafts and the save batch', () => {
  const stored = row({
    values: { 'target.party': 25, county: 90 },
    ballots: { vote: { satisfied: 10, basic: 2, unsatisfied: 0, ballots: 12 } },
  });

  it('shows stored values as text', () => {
    expect(storedText(stored, col('target.party'))).toBe('25');
    expect(storedText(stored, col('target.rich'))).toBe('');
    expect(storedText(stored, col('vote#ballots'))).toBe('12');
  });

  it('names the cadre in each refusal and puts a ballot problem on the 票数 cell', () => {
    const drafts = { [cellId(7, 'target.rich')]: '41', [cellId(7, 'vote#satisfied')]: '13' };
    expect(draftErrors([stored], groups, drafts)).toEqual({
      [cellId(7, 'target.rich')]: '王建国：“乡镇目标考核·推进强村富民”不能超过40分',
      [cellId(7, 'vote#ballots')]: '王建国：群众匿名投票满意、基本满意、不满意之和（15）超过了票数（12）',
    });
    // clearing every stored count is refused: ballots cannot be un-entered by blanking
    const cleared = Object.fromEntries(['satisfied', 'basic', 'unsatisfied', 'ballots'].map((f) => [cellId(7, `vote#${f}`), '']));
    expect(draftErrors([stored], groups, cleared)[cellId(7, 'vote#ballots')]).toBe('王建国：群众匿名投票票数不能清空，请填写实际票数');
  });

  it('sends only valid changes: new and cleared scores, changed ballots; refused cells stay', () => {
    const drafts = {
      [cellId(7, 'target.party')]: '25', // typed back to the stored value: settled, not sent
      [cellId(7, 'target.rich')]: ' 36.5 ',
      [cellId(7, 'county')]: '', // cleared
      [cellId(7, 'vote#basic')]: '1',
    };
    const errors = draftErrors([stored], groups, drafts);
    expect(errors).toEqual({});
    const b = buildBatch([stored], groups, drafts, errors);
    expect(b.cells).toEqual([
      { cadreId: 7, component: 'target', indicator: 'rich', value: 36.5 },
      { cadreId: 7, component: 'county', indicator: null, value: null },
    ]);
    expect(b.ballots).toEqual([{ cadreId: 7, component: 'vote', satisfied: 10, basic: 1, unsatisfied: 0, ballots: 12 }]);
    expect(b.settled.sort()).toEqual(Object.keys(drafts).sort());
    expect(b.refused).toBe(0);

    const bad = { [cellId(7, 'target.rich')]: '99', [cellId(7, 'vote#ballots')]: '5' };
    const refused = buildBatch([stored], groups, bad, draftErrors([stored], groups, bad));
    expect(refused).toEqual({ cells: [], ballots: [], settled: [], refused: 2 });
  });
});
