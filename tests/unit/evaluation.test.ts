/**
 * The evaluation rules (shared/evaluation/*): weighting and the rounding rule (exact, half-up
 * to 2 decimals once), the ballots formula, differentiated indicator sets, caps, the 优秀
 * quota with its floor and its tie rule, scheme validation, and — property-based — that a
 * cadre's grade never improves when one of their scores goes down.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CheckAbsenceThresholds } from '../../shared/attendance';
import type { PostType } from '../../shared/domain';
import { GRADES, type CapFacts, type SchemeBody } from '../../shared/evaluation';
import { QUOTA_TIE_RULE, capsFor, evaluateCounty, quotaRuleText, quotaSlots, type EngineCadre } from '../../shared/evaluation/results';
import { gradeOf, gridColumns, scoreCadre } from '../../shared/evaluation/scoring';
import { templateBody } from '../../shared/evaluation/templates';
import { schemeProblem } from '../../shared/evaluation/validate';
import { formatHundredths } from '../../shared/evaluation/exact';

const CHECK: CheckAbsenceThresholds = { noExcellentAt: 1, maxBasicAt: 2, incompetentAt: 3 };
const CLEAN: CapFacts = { checkAbsences: 0, monthsShort: 0, projects: 1, missedMilestones: 0 };
const FS: PostType = '村党组织第一书记';

/** A scheme of whole components (no indicators) with the given [weight, scale] pairs. */
function plain(parts: Array<[number, number]>, quota = 20): SchemeBody {
  const b = templateBody('wuping');
  b.components = parts.map(([weight, scale], i) => ({ key: `c${i}`, label: `项目${i}`, weight, scale, source: 'score', indicators: {} }));
  b.excellentQuota = quota;
  b.quotaGroup = 'county';
  return b;
}

const cadre = (cadreId: number, values: Record<string, number>, facts: CapFacts = CLEAN, group = 'g'): EngineCadre => ({
  cadreId,
  postType: FS,
  group,
  groupLabel: '全县',
  values,
  ballots: {},
  facts,
});

describe('weighting and rounding', () => {
  it('weights each component by score ÷ scale × weight', () => {
    // 蒲县-like 70/20/10 with scales 100/20/10: 80 → 56, 15/20 → 15, 9/10 → 9 = 80.00
    const s = scoreCadre(
      plain([
        [70, 100],
        [20, 20],
        [10, 10],
      ]),
      FS,
      { c0: 80, c1: 15, c2: 9 },
      {},
    );
    expect(s.total).toBe(8000);
    expect(s.components).toEqual({ c0: 8000, c1: 1500, c2: 900 });
  });

  it('computes exactly and rounds once, half-up: x.xx5 goes up, and no float drift', () => {
    // 1/3 weights: 3 components of scale 3, weight 33/33/34 — 1 point each = 33/3+33/3+34/3 = 33.333… → 33.33
    expect(
      scoreCadre(
        plain([
          [33, 3],
          [33, 3],
          [34, 3],
        ]),
        FS,
        { c0: 1, c1: 1, c2: 1 },
        {},
      ).total,
    ).toBe(3333);
    // Two components weighted half and half, each on a 100-point scale.
    const halves = (c0: number, c1: number) =>
      scoreCadre(
        plain([
          [50, 100],
          [50, 100],
        ]),
        FS,
        { c0, c1 },
        {},
      ).total;
    // 0.01 × 50/100 = 0.005 exactly → half-up to 0.01 (float 0.005 would round to 0.00 or 0.01 by luck)
    expect(halves(0.01, 0)).toBe(1);
    // 88.89 × 0.5 + 90.00 × 0.5 = 89.445 → 89.45 (floats give 89.44499…)
    expect(halves(88.89, 90)).toBe(8945);
    // 0.1 + 0.2 style: 70.1 × 0.7 + 80.2 × 0.3 = 49.07 + 24.06 = 73.13 exactly
    expect(
      scoreCadre(
        plain([
          [70, 100],
          [30, 100],
        ]),
        FS,
        { c0: 70.1, c1: 80.2 },
        {},
      ).total,
    ).toBe(7313);
    expect(formatHundredths(8945)).toBe('89.45');
    expect(formatHundredths(1)).toBe('0.01');
  });

  it('leaves the total empty and names what is missing while a component is not entered', () => {
    const s = scoreCadre(
      plain([
        [50, 100],
        [50, 100],
      ]),
      FS,
      { c0: 90 },
      {},
    );
    expect(s.total).toBeNull();
    expect(s.missing).toEqual(['项目1']);
  });

  it('grades on the rounded total against the thresholds (≥ 90 / 75 / 60)', () => {
    const t = { excellent: 90, competent: 75, basic: 60 };
    expect([9000, 8999, 7500, 7499, 6000, 5999].map((h) => gradeOf(h, t))).toEqual([
      '优秀',
      '称职',
      '称职',
      '基本称职',
      '基本称职',
      '不称职',
    ]);
    // 89.995 rounds to 90.00 → 优秀: ties and thresholds compare the rounded total
    const r = evaluateCounty(
      plain(
        [
          [50, 100],
          [50, 100],
        ],
        100,
      ),
      [cadre(1, { c0: 89.99, c1: 90 })],
      CHECK,
    );
    expect(r.rows[0]!.total).toBe(9000);
    expect(r.rows[0]!.grade).toBe('优秀');
  });
});

describe("villagers' ballots", () => {
  it('turns counts into (满意×1 + 基本满意×0.6 + 不满意×0) ÷ ballots × scale, blank ballots counting 0', () => {
    const b = templateBody('puxian'); // 70 target (indicators), 20 vote (ballots), 10 county check
    const values = { 'target.party': 30, 'target.income': 30, 'target.govern': 20, 'target.serve': 20, county: 100 };
    // 60 satisfied, 30 basic, 5 unsatisfied, 5 blank of 100: (60 + 18) / 100 = 78% of 100 → 78.00
    const s = scoreCadre(b, FS, values, { vote: { satisfied: 60, basic: 30, unsatisfied: 5, ballots: 100 } });
    expect(s.components.vote).toBe(7800);
    expect(s.total).toBe(7000 + 1560 + 1000);
    // factors are scheme settings
    b.ballotFactors = { satisfied: 1, basic: 0.5, unsatisfied: 0 };
    expect(scoreCadre(b, FS, values, { vote: { satisfied: 60, basic: 30, unsatisfied: 5, ballots: 100 } }).components.vote).toBe(7500);
    // 2 of 3 satisfied = 66.666…% → 66.67 shown, exact in the total: 70 + 20 × 2/3 + 10 = 93.333… → 93.33
    const t = scoreCadre(templateBody('puxian'), FS, values, { vote: { satisfied: 2, basic: 0, unsatisfied: 1, ballots: 3 } });
    expect(t.components.vote).toBe(6667);
    expect(t.total).toBe(9333);
  });
});

describe('differentiated indicator sets', () => {
  it('gives each post type its own columns whose points sum to the scale', () => {
    const b = templateBody('villagers30');
    const fs = gridColumns(b, '村党组织第一书记').filter((c) => c.component === 'org');
    const dep = gridColumns(b, '乡镇党委第一副书记').filter((c) => c.component === 'org');
    expect(fs.map((c) => c.label)).toEqual(['建强村党组织', '推进强村富民', '提升治理水平', '为民办事服务']);
    expect(dep.map((c) => c.label)).toEqual(['抓党建促乡村振兴', '统筹驻村工作', '协调项目资金']);
    expect(fs.reduce((s, c) => s + c.max, 0)).toBe(100);
    expect(dep.reduce((s, c) => s + c.max, 0)).toBe(100);
  });

  it('scores a post on its own set only: the same values mean different totals', () => {
    const b = templateBody('villagers30');
    const v = { report: 80, verify: 80, 'org.party': 30, 'org.income': 30, 'org.govern': 20, 'org.serve': 20 };
    const ballots = { villagers: { satisfied: 80, basic: 0, unsatisfied: 20, ballots: 100 } };
    expect(scoreCadre(b, '村党组织第一书记', v, ballots).total).toBe(1600 + 3000 + 2400 + 1600);
    const dep = scoreCadre(b, '乡镇党委第一副书记', v, ballots);
    expect(dep.total).toBeNull();
    expect(dep.missing).toEqual(['组织评议·抓党建促乡村振兴', '组织评议·统筹驻村工作', '组织评议·协调项目资金']);
  });

  it('refuses a scheme whose indicator points do not add up to the scale, or whose weights are not 100', () => {
    const b = templateBody('villagers30');
    expect(schemeProblem(b)).toBeNull();
    b.components[1]!.indicators['驻村工作队员']![0]!.points = 40;
    expect(schemeProblem(b)).toBe('“组织评议”驻村工作队员的指标分值之和应等于满分100分，现为90分');
    const w = templateBody('wuping');
    w.components[0]!.weight = 30;
    expect(schemeProblem(w)).toBe('各考核项目权重之和应为100%，现为110%');
    const t = templateBody('wuping');
    t.thresholds = { excellent: 70, competent: 75, basic: 60 };
    expect(schemeProblem(t)).toBe('等次分数线应依次降低：优秀 > 称职 > 基本称职');
  });

  it('ships the three templates with the weights the counties use', () => {
    const w = (k: 'puxian' | 'wuping' | 'villagers30') => templateBody(k).components.map((c) => `${c.label}${c.weight}`);
    expect(w('puxian')).toEqual(['乡镇目标考核70', '群众匿名投票20', '县级核查10']);
    expect(w('wuping')).toEqual(['派出单位评20', '乡镇党委评20', '村党组织评20', '村民代表评20', '第三方评20']);
    expect(w('villagers30')).toEqual(['述职20', '组织评议30', '群众评议30', '实地核查20']);
    for (const k of ['puxian', 'wuping', 'villagers30'] as const) expect(schemeProblem(templateBody(k))).toBeNull();
  });
});

describe('caps', () => {
  const rules = templateBody('wuping').caps;
  it('limits the grade from the records, each with its reason', () => {
    expect(capsFor(CLEAN, rules, CHECK)).toEqual([]);
    const all = capsFor({ checkAbsences: 2, monthsShort: 1, projects: 0, missedMilestones: 1 }, rules, CHECK);
    expect(all.map((c) => [c.kind, c.maxGrade])).toEqual([
      ['checkAbsences', '基本称职'],
      ['monthsShort', '称职'],
      ['noProject', '称职'],
      ['weakMilestone', '基本称职'],
    ]);
    expect(all[1]!.reason).toBe('本年度1个月在岗天数不足（达到1个月），不得评为优秀');
    expect(all[2]!.reason).toBe('本年度无实施项目，不得评为优秀');
    expect(all[3]!.reason).toBe('帮扶的集体经济薄弱村有1个摘帽节点未按期完成，最高评定为基本称职');
    expect(capsFor({ ...CLEAN, checkAbsences: 3 }, rules, CHECK)[0]!.maxGrade).toBe('不称职');
  });

  it('can be switched off one by one, and a threshold of months can be raised', () => {
    const off = JSON.parse(JSON.stringify(rules)) as typeof rules;
    off.noProject.enabled = false;
    off.monthsShort.atLeast = 2;
    expect(capsFor({ ...CLEAN, projects: 0, monthsShort: 1 }, off, CHECK)).toEqual([]);
    expect(capsFor({ ...CLEAN, monthsShort: 2 }, off, CHECK).map((c) => c.kind)).toEqual(['monthsShort']);
  });

  it('applies before the quota: a capped cadre takes no 优秀 slot', () => {
    // 10 cadres, 10% → 1 slot; the top scorer was absent at a check, so the runner-up gets it
    const cadres = Array.from({ length: 10 }, (_, i) =>
      cadre(i + 1, { c0: i === 0 ? 99 : i === 1 ? 95 : 80 }, i === 0 ? { ...CLEAN, checkAbsences: 1 } : CLEAN),
    );
    const r = evaluateCounty(plain([[100, 100]], 10), cadres, CHECK);
    expect(r.rows[0]!.grade).toBe('称职');
    expect(r.rows[0]!.caps[0]!.reason).toContain('不得评为优秀');
    expect(r.rows[0]!.quotaNote).toBeNull();
    expect(r.rows[1]!.grade).toBe('优秀');
    expect(r.rows[0]!.rank).toBe(1);
  });
});

describe('the 优秀 quota', () => {
  it('is floor(group size × percent ÷ 100), never negative', () => {
    expect([quotaSlots(11, 10), quotaSlots(9, 10), quotaSlots(10, 25), quotaSlots(7, 25), quotaSlots(0, 20), quotaSlots(20, 12.5)]).toEqual(
      [1, 0, 2, 1, 0, 2],
    );
  });

  it('pushes the lowest-ranked candidates out of 优秀 and says why', () => {
    const cadres = [96, 95, 93, 80, 80, 80, 80, 80, 80, 80].map((x, i) => cadre(i + 1, { c0: x }));
    const r = evaluateCounty(plain([[100, 100]], 20), cadres, CHECK);
    expect(r.rows.map((x) => x.grade).slice(0, 3)).toEqual(['优秀', '优秀', '称职']);
    expect(r.rows[2]!.quotaNote).toBe('全县参评10人，优秀比例20%，名额2名（向下取整），名额已满；本人排名第3名（93.00分），评为称职');
    expect(r.groups).toEqual([{ key: 'g', label: '全县', size: 10, slots: 2, excellent: 2, pushed: 1, note: null }]);
  });

  it(`applies the tie rule at the boundary: ${QUOTA_TIE_RULE}`, () => {
    // 2 slots; 96 takes one; 94 and 94 tie for the last one → both pushed, and 92 behind them too
    const tied = [96, 94, 94, 92, 80, 80, 80, 80, 80, 80].map((x, i) => cadre(i + 1, { c0: x }));
    const r = evaluateCounty(plain([[100, 100]], 20), tied, CHECK);
    expect(r.rows.map((x) => x.grade).slice(0, 4)).toEqual(['优秀', '称职', '称职', '称职']);
    expect(r.rows[1]!.quotaNote).toBe(
      `全县参评10人，优秀比例20%，名额2名（向下取整），已用1名；第2名2人同分（94.00分），一并计入将超出名额，按“${QUOTA_TIE_RULE}”，评为称职`,
    );
    expect(r.rows[2]!.quotaNote).toBe(r.rows[1]!.quotaNote);
    expect(r.rows[3]!.quotaNote).toContain('名额已满');
    expect([r.rows[1]!.rank, r.rows[2]!.rank, r.rows[3]!.rank]).toEqual([2, 2, 4]);
    // a tie that fits is counted together
    const fits = [96, 94, 94, 80, 80, 80, 80, 80, 80, 80, 80, 80, 80, 80, 80].map((x, i) => cadre(i + 1, { c0: x }));
    expect(evaluateCounty(plain([[100, 100]], 20), fits, CHECK).rows.filter((x) => x.grade === '优秀')).toHaveLength(3);
  });

  it('compares ties on the rounded total (89.995 and 90.00 are the same score)', () => {
    const b = plain(
      [
        [50, 100],
        [50, 100],
      ],
      10,
    );
    b.thresholds.excellent = 85;
    const cadres = [
      cadre(1, { c0: 89.99, c1: 90 }),
      cadre(2, { c0: 90, c1: 90 }),
      ...Array.from({ length: 8 }, (_, i) => cadre(3 + i, { c0: 70, c1: 70 })),
    ];
    const r = evaluateCounty(b, cadres, CHECK);
    expect(r.rows[0]!.total).toBe(r.rows[1]!.total);
    // 1 slot, 2 tied → neither is 优秀
    expect(r.rows.slice(0, 2).map((x) => x.grade)).toEqual(['称职', '称职']);
  });

  it('counts slots per group when the county chooses township groups', () => {
    const b = plain([[100, 100]], 50);
    const cadres = [
      cadre(1, { c0: 95 }, CLEAN, 'a'),
      cadre(2, { c0: 94 }, CLEAN, 'a'),
      cadre(3, { c0: 93 }, CLEAN, 'b'),
      cadre(4, { c0: 92 }, CLEAN, 'b'),
    ];
    const r = evaluateCounty(b, cadres, CHECK);
    expect(r.rows.map((x) => x.grade)).toEqual(['优秀', '称职', '优秀', '称职']);
    expect(r.rows.map((x) => x.rank)).toEqual([1, 2, 1, 2]);
  });
});

describe('the 优秀 quota rule of the scheme: rounding and minimum group size', () => {
  it('rounds as the scheme says (down by default, half-up, up) and gives a group under the minimum no slot', () => {
    expect([quotaSlots(4, 20), quotaSlots(4, 20, 'round'), quotaSlots(4, 20, 'ceil')]).toEqual([0, 1, 1]);
    expect([quotaSlots(14, 10, 'round'), quotaSlots(15, 10, 'round'), quotaSlots(11, 10, 'ceil'), quotaSlots(10, 10, 'ceil')]).toEqual([
      1, 2, 2, 1,
    ]);
    expect([quotaSlots(10, 50, 'floor', 11), quotaSlots(11, 50, 'floor', 11)]).toEqual([0, 5]);
  });

  it('says why a small township group gets no 优秀, on the group and on its cadres, instead of silently', () => {
    const b = plain([[100, 100]], 20);
    b.quotaGroup = 'township';
    b.quotaMinGroupSize = 5;
    const small = [95, 80, 80, 80].map((x, i) => cadre(i + 1, { c0: x }, CLEAN, 'a'));
    const big = [96, 93, 80, 80, 80, 80].map((x, i) => cadre(i + 11, { c0: x }, CLEAN, 'b'));
    const r = evaluateCounty(b, [...small, ...big], CHECK);
    const [ga, gb] = r.groups;
    expect(ga).toMatchObject({ size: 4, slots: 0, excellent: 0, pushed: 1, note: '全县参评4人，不足本县考核方案规定的5人，本组不评优秀' });
    expect(r.rows[0]!.grade).toBe('称职');
    expect(r.rows[0]!.quotaNote).toBe('全县参评4人，不足本县考核方案规定的5人，本组不评优秀；本人按分数为优秀（95.00分），评为称职');
    expect(r.rows.slice(0, 4).every((x) => x.groupNote === ga!.note)).toBe(true);
    // 6 × 20% = 1.2 → 1 slot (向下取整): the group has a slot and no note.
    expect(gb).toMatchObject({ size: 6, slots: 1, excellent: 1, note: null });
    // Without a minimum, rounding alone leaves 4 × 20% = 0.8 → 0 slots: the note names the rounding.
    b.quotaMinGroupSize = 1;
    expect(evaluateCounty(b, small, CHECK).groups[0]!.note).toBe('全县参评4人，优秀比例20%，向下取整后名额为0名，本组不评优秀');
    b.quotaRounding = 'round';
    expect(evaluateCounty(b, small, CHECK).rows[0]!.grade).toBe('优秀');
  });

  it('states the rule in words, as the results and the printed form do', () => {
    const b = plain([[100, 100]], 15);
    b.quotaGroup = 'township';
    b.quotaMinGroupSize = 5;
    expect(quotaRuleText(b)).toBe(
      `本县考核方案规定：优秀名额按乡镇分配，名额 = 参评人数 × 15%，向下取整；参评不足5人的组不评优秀；${QUOTA_TIE_RULE}`,
    );
  });
});

describe('monotonicity (fast-check)', () => {
  const rank = (g: string | null) => (g === null ? 99 : GRADES.indexOf(g as (typeof GRADES)[number]));
  it("lowering any one of a cadre's scores never improves that cadre's grade, with quota and caps in play", () => {
    const hundredths = fc.integer({ min: 0, max: 10000 });
    const facts = fc.record({
      checkAbsences: fc.integer({ min: 0, max: 3 }),
      monthsShort: fc.integer({ min: 0, max: 2 }),
      projects: fc.integer({ min: 0, max: 2 }),
      missedMilestones: fc.integer({ min: 0, max: 1 }),
    });
    fc.assert(
      fc.property(
        fc.array(fc.record({ a: hundredths, b: hundredths, c: hundredths, facts, group: fc.constantFrom('x', 'y') }), {
          minLength: 1,
          maxLength: 25,
        }),
        fc.nat(),
        fc.constantFrom('a', 'b', 'c'),
        fc.integer({ min: 1, max: 10000 }),
        fc.integer({ min: 0, max: 60 }),
        (people, pick, which, drop, quota) => {
          const b = plain(
            [
              [50, 100],
              [30, 100],
              [20, 100],
            ],
            quota,
          );
          const toCadre = (p: (typeof people)[number], i: number) =>
            cadre(i + 1, { c0: p.a / 100, c1: p.b / 100, c2: p.c / 100 }, p.facts, p.group);
          const i = pick % people.length;
          const before = evaluateCounty(b, people.map(toCadre), CHECK).rows[i]!;
          const lowered = people.map((p, k) => (k === i ? { ...p, [which]: Math.max(0, p[which] - drop) } : p));
          const after = evaluateCounty(b, lowered.map(toCadre), CHECK).rows[i]!;
          expect(rank(after.grade)).toBeGreaterThanOrEqual(rank(before.grade));
        },
      ),
      { numRuns: 400 },
    );
  });
});
