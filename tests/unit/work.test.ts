/** The pure rules of plans/projects (shared/work.ts), weak villages (shared/weakVillages.ts) and support (shared/support.ts). */
import { describe, expect, it } from 'vitest';
import { parseYuan, splitRevenue, yuan } from '../../shared/work';
import { clockRun, evaluateMilestones, withinYearsDue } from '../../shared/weakVillages';
import { allowanceByQuarter, monthAllowance, postedDaysInMonth, quarterLast, quarterOf, uncoveredRanges } from '../../shared/support';

const T = 7; // township
const O = 8; // another township

describe('milestone due dates', () => {
  it('"within N years" ends the day before the N-th anniversary', () => {
    expect(withinYearsDue('2024-03-01', 1)).toBe('2025-02-28');
    expect(withinYearsDue('2024-03-01', 2)).toBe('2026-02-28');
    expect(withinYearsDue('2023-03-01', 1)).toBe('2024-02-29'); // leap year
    expect(withinYearsDue('2024-01-01', 3)).toBe('2026-12-31');
  });
  it('a start on 29 February has its anniversary on 1 March of common years', () => {
    expect(withinYearsDue('2024-02-29', 1)).toBe('2025-02-28');
    expect(withinYearsDue('2024-02-29', 4)).toBe('2028-02-28');
  });
});

describe('milestone clock across postings that change', () => {
  it('moving between villages of the same township without a gap keeps the clock', () => {
    const run = clockRun(
      [
        { townshipId: T, start: '2024-03-01', end: '2024-09-30' },
        { townshipId: T, start: '2024-10-01', end: null },
      ],
      T,
      '2025-06-01',
    );
    expect(run).toEqual({ start: '2024-03-01', end: null });
  });
  it('leaving the township and coming back later starts a new clock', () => {
    const ps = [
      { townshipId: T, start: '2022-03-01', end: '2023-02-28' },
      { townshipId: O, start: '2023-03-01', end: '2023-12-31' },
      { townshipId: T, start: '2024-01-01', end: null },
    ];
    expect(clockRun(ps, T, '2025-01-01')).toEqual({ start: '2024-01-01', end: null });
    // Before the return, the old run is the latest that has started.
    expect(clockRun(ps, T, '2023-06-01')).toEqual({ start: '2022-03-01', end: '2023-02-28' });
    expect(clockRun(ps, 99, '2025-01-01')).toBeNull();
  });
  it('overlapping postings in the township join one run', () => {
    expect(
      clockRun(
        [
          { townshipId: T, start: '2024-01-01', end: '2024-12-31' },
          { townshipId: T, start: '2024-06-01', end: '2025-03-31' },
        ],
        T,
        '2026-01-01',
      ),
    ).toEqual({ start: '2024-01-01', end: '2025-03-31' });
  });
});

describe('milestone evaluation and escalation', () => {
  const run = { start: '2022-03-01', end: null };
  it('nothing is due before the first anniversary', () => {
    const m = evaluateMilestones({ run, achieved: {}, actions: [], today: '2023-02-28' });
    expect(m.map((x) => [x.kind, x.dueDate, x.state])).toEqual([
      ['发展思路', '2023-02-28', '未到期'],
      ['增收渠道', '2024-02-29', '未到期'],
      ['摘帽', '2025-02-28', '未到期'],
    ]);
    expect(m.some((x) => x.open)).toBe(false);
  });
  it('the first miss requires 约谈, the next 召回调换; a late achievement still counts as missed', () => {
    const m = evaluateMilestones({ run, achieved: { 发展思路: '2023-05-01' }, actions: [], today: '2024-03-01' });
    expect(m[0]).toMatchObject({ state: '逾期完成', requiredAction: '约谈', open: true });
    expect(m[1]).toMatchObject({ state: '已逾期', requiredAction: '召回调换', open: true });
    expect(m[2]).toMatchObject({ state: '未到期', requiredAction: null, open: false });
  });
  it('an achievement in time is 已完成 and does not escalate the later ones', () => {
    const m = evaluateMilestones({ run, achieved: { 发展思路: '2023-01-10' }, actions: [], today: '2024-03-01' });
    expect(m[0]!.state).toBe('已完成');
    expect(m[1]).toMatchObject({ state: '已逾期', requiredAction: '约谈' });
  });
  it('a recorded action closes the miss only when at least as strong as required', () => {
    // 发展思路 met with a talk; 增收渠道 (which requires a recall) with the action given.
    const after = (action: '约谈' | '召回调换') =>
      evaluateMilestones({
        run,
        achieved: {},
        actions: [
          { milestone: '发展思路', action: '约谈', date: '2023-03-10' },
          { milestone: '增收渠道', action, date: '2024-03-05' },
        ],
        today: '2024-04-01',
      });
    const weak = after('约谈');
    expect(weak[0]).toMatchObject({ open: false, actionTaken: { action: '约谈', date: '2023-03-10' } });
    expect(weak[1]).toMatchObject({ requiredAction: '召回调换', open: true });
    const strong = after('召回调换');
    expect(strong[1]).toMatchObject({ open: false, actionTaken: { action: '召回调换' } });
  });
  it('a milestone falling due after the cadre left the township is 已离任, not missed', () => {
    const m = evaluateMilestones({ run: { start: '2022-03-01', end: '2023-12-31' }, achieved: {}, actions: [], today: '2026-01-01' });
    expect(m.map((x) => x.state)).toEqual(['已逾期', '已离任', '已离任']);
    expect(m.filter((x) => x.open)).toHaveLength(1);
  });
});

describe('allowance', () => {
  it('counts posted days once even when postings overlap', () => {
    expect(
      postedDaysInMonth(
        [
          { start: '2024-03-10', end: '2024-03-20' },
          { start: '2024-03-15', end: null },
        ],
        '2024-03',
      ),
    ).toBe(22);
    expect(postedDaysInMonth([{ start: '2024-05-01', end: null }], '2024-03')).toBe(0);
  });
  it('prorates partial months by days, rounded to the fen', () => {
    expect(monthAllowance([{ start: '2024-03-01', end: null }], '2024-03')).toBe(170000);
    // 1700 × 20/31 = 1096.774… → 1096.77
    expect(monthAllowance([{ start: '2024-03-12', end: null }], '2024-03')).toBe(109677);
    // February of a leap year: 1700 × 10/29 = 586.2068… → 586.21
    expect(monthAllowance([{ start: '2024-02-20', end: null }], '2024-02')).toBe(58621);
    expect(monthAllowance([{ start: '2024-03-01', end: '2024-03-01' }], '2024-03', 310000)).toBe(10000);
  });
  it('sums quarters; a quarter is behind only after its last day', () => {
    const postings = [{ start: '2024-03-12', end: null }];
    const paid = new Map([[1, 109677]]);
    const q = allowanceByQuarter({ postings, year: 2024, paid, today: '2024-06-30' });
    expect(q.map((x) => x.owedFen)).toEqual([109677, 510000, 510000, 510000]);
    expect(q.map((x) => x.dueDate)).toEqual(['2024-03-31', '2024-06-30', '2024-09-30', '2024-12-31']);
    // Q2 ends today: due, not yet behind.
    expect(q.map((x) => x.behind)).toEqual([false, false, false, false]);
    const next = allowanceByQuarter({ postings, year: 2024, paid, today: '2024-07-01' });
    expect(next[1]).toMatchObject({ ended: true, behind: true, paidFen: 0 });
    const under = allowanceByQuarter({ postings, year: 2024, paid: new Map([[1, 109676]]), today: '2024-04-01' });
    expect(under[0]!.behind).toBe(true);
  });
  it('stops owing after the posting ends mid-quarter', () => {
    const q = allowanceByQuarter({
      postings: [{ start: '2023-01-01', end: '2024-08-15' }],
      year: 2024,
      paid: new Map(),
      today: '2025-01-01',
    });
    // July full, August 15/31 of 1700 = 822.58, September nothing.
    expect(q[2]!.owedFen).toBe(170000 + 82258);
    expect(q[3]!.owedFen).toBe(0);
    expect(q[3]!.behind).toBe(false);
  });
  it('knows quarter boundaries', () => {
    expect([quarterOf('2024-03-31'), quarterOf('2024-04-01'), quarterOf('2024-12-31')]).toEqual([1, 2, 4]);
    expect(quarterLast(2024, 1)).toBe('2024-03-31');
    expect(quarterLast(2023, 1)).toBe('2023-03-31');
  });
});

describe('insurance validity', () => {
  it('finds posted days not covered by any policy', () => {
    const gaps = uncoveredRanges(
      [{ start: '2024-03-01', end: null }],
      [
        { start: '2024-03-01', end: '2024-06-30' },
        { start: '2024-08-01', end: '2025-07-31' },
      ],
      '2024-01-01',
      '2024-12-31',
    );
    expect(gaps).toEqual([{ from: '2024-07-01', to: '2024-07-31' }]);
  });
  it('a lapsed policy leaves the rest of the period uncovered; no posting, no gap', () => {
    expect(
      uncoveredRanges([{ start: '2024-01-01', end: null }], [{ start: '2023-01-01', end: '2024-05-31' }], '2024-01-01', '2024-06-10'),
    ).toEqual([{ from: '2024-06-01', to: '2024-06-10' }]);
    expect(uncoveredRanges([{ start: '2025-01-01', end: null }], [], '2024-01-01', '2024-12-31')).toEqual([]);
  });
});

describe('park revenue split and money', () => {
  it('splits half and half by default; the two parts always add up', () => {
    expect(splitRevenue(1_000_001)).toEqual({ parkFen: 500001, villageFen: 500000 });
    expect(splitRevenue(1000, 3000)).toEqual({ parkFen: 300, villageFen: 700 });
    expect(splitRevenue(333, 3333)).toEqual({ parkFen: 111, villageFen: 222 });
  });
  it('formats fen as yuan and parses yuan to fen', () => {
    expect(yuan(170000)).toBe('1,700.00');
    expect(yuan(5)).toBe('0.05');
    expect(parseYuan('1,700.5')).toBe(170050);
    expect(parseYuan('0.07')).toBe(7);
    expect(parseYuan('1.234')).toBeNull();
    expect(parseYuan('abc')).toBeNull();
  });
});
