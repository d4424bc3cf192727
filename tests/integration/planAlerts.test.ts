/**
 * Plan and check-cadence alerts (issue 13 item 9) on a real SQLite file, seeded through the core
 * functions: no annual plan past the rules' due date (from the year's start or the posting's),
 * plan items past their 时间节点, a township month without its 乡镇月检, a county month without
 * a 县级抽查 — and the same alerts in the one alerts list and `onebag alerts` (in-process).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore, type OpenCore } from '../../main/api/open';
import type { AlertJson } from '../../main/cli/commands/alerts';
import { runCli } from '../../main/cli/run';
import { allAlerts } from '../../main/core/alerts/all';
import { createCadre } from '../../main/core/cadres/cadres';
import { saveCheck } from '../../main/core/events/checks';
import { addCounty, addTownship, addVillage } from '../../main/core/org/org';
import { setRules } from '../../main/core/rules/settings';
import { planAlerts } from '../../main/core/work/planAlerts';
import { savePlan } from '../../main/core/work/plans';
import { makeIdNumber } from '../fixtures/makeRoster';
import { closeTestCore, openTestCore } from '../fixtures/testDb';

const YEAR = 2025;
let dir: string;
let core: OpenCore;
let county: number;
let east: number;
let west: number;
const ids: Record<string, number> = {};

function person(name: string, seq: number, townshipId: number, villageId: number, start: string, end: string | null = null): number {
  return createCadre(
    core.ctx.db,
    {
      name,
      gender: '女',
      birthDate: '1990-06-01',
      idNumber: makeIdNumber('210702', '1990-06-01', seq, false),
      partyStatus: '中共党员',
      phone: null,
      unitId: null,
      level: '县级',
      postType: '村党组织第一书记',
    },
    { townshipId, villageId, start, end },
  ).id;
}

const at = (today: string) => planAlerts(core.ctx.db, { year: YEAR, countyId: county, today });
const kind = (today: string, k: string) => at(today).filter((a) => a.kind === k);

beforeAll(() => {
  ({ dir, core } = openTestCore('planalerts', '组织部计划测试员'));
  const db = core.ctx.db;
  county = addCounty(db, { name: '松岭县', kind: '县' }).id;
  east = addTownship(db, { countyId: county, name: '东岭镇' }).id;
  west = addTownship(db, { countyId: county, name: '西岭乡' }).id;
  const ve = addVillage(db, { townshipId: east, name: '东沟村' }).id;
  const vw = addVillage(db, { townshipId: west, name: '西沟村' }).id;
  ids.planned = person('孟繁星', 31, east, ve, '2024-03-01');
  ids.noPlan = person('何春燕', 32, east, ve, '2024-03-01');
  ids.late = person('吕晓光', 33, west, vw, '2025-06-10'); // arrives mid-year: due 30 days after arrival
  ids.left = person('沈一鸣', 34, west, vw, '2024-05-01', '2025-01-20'); // left before the plan was due
  savePlan(db, {
    cadreId: ids.planned,
    kind: '年度计划',
    startYear: YEAR,
    title: '2025年度工作计划',
    materialId: null,
    items: [
      { goal: '建成食用菌大棚', measures: '', deadline: '2025-05-31', responsible: '孟繁星', status: '推进中' },
      { goal: '完成村规民约修订', measures: '', deadline: '2025-04-30', responsible: '孟繁星', status: '已完成' },
      { goal: '引进一家加工企业', measures: '', deadline: '2025-08-31', responsible: '孟繁星', status: '未完成' },
      { goal: '年底前公示项目', measures: '', deadline: '2025-12-20', responsible: '孟繁星', status: '未开始' },
    ],
  });
  // 东岭镇 has its township check in January and February; the county checked 东岭镇 in February.
  const check = (townshipId: number, level: '乡镇' | '县级', kind: '乡镇月检' | '县级抽查', date: string, cadreId: number) =>
    saveCheck(db, {
      check: { townshipId, level, kind, date, checker: level === '乡镇' ? '镇党委' : '县委组织部' },
      results: [{ cadreId, onPost: true, reason: null }],
    });
  check(east, '乡镇', '乡镇月检', '2025-01-15', ids.planned);
  check(east, '乡镇', '乡镇月检', '2025-02-12', ids.planned);
  check(east, '县级', '县级抽查', '2025-02-20', ids.planned);
});
afterAll(() => closeTestCore(core, dir));

describe('no annual plan', () => {
  it('is raised once the due date has passed, from the year start or the arrival, and not for a cadre who left before it', () => {
    expect(kind('2025-01-31', '无年度计划')).toEqual([]);
    const feb = kind('2025-02-01', '无年度计划');
    expect(feb.map((a) => [a.cadreName, a.township, a.date, a.severity])).toEqual([['何春燕', '东岭镇', '2025-01-31', 'medium']]);
    expect(feb[0]!.message).toBe('何春燕2025年度工作计划尚未录入（应于2025年1月31日前制订，年初后30天内）');
    expect(feb[0]!.link).toEqual({ view: 'work', tab: 'plans', cadreId: ids.noPlan });
    // The late arrival owes hers 30 days after 6月10日.
    expect(kind('2025-07-10', '无年度计划').map((a) => a.cadreName)).toEqual(['何春燕']);
    const july = kind('2025-07-11', '无年度计划').find((a) => a.cadreName === '吕晓光')!;
    expect(july.message).toContain('应于2025年7月10日前制订，到任后30天内');
    // Severe once the year is over.
    expect(kind('2026-01-05', '无年度计划').every((a) => a.severity === 'high')).toBe(true);
  });

  it('follows the county’s rule for the year (规则设置)', () => {
    setRules(core.ctx.db, county, YEAR, { annualPlanDueDays: 60 });
    try {
      expect(kind('2025-02-01', '无年度计划')).toEqual([]);
      expect(kind('2025-03-03', '无年度计划')[0]!.message).toContain('应于2025年3月2日前制订，年初后60天内');
    } finally {
      setRules(core.ctx.db, county, YEAR, { annualPlanDueDays: 30 });
    }
  });
});

describe('plan items past their date', () => {
  it('lists items not 已完成 once their 时间节点 has passed, with the days late', () => {
    const items = kind('2025-09-01', '计划事项逾期');
    expect(items.map((a) => [a.cadreName, a.date, a.severity])).toEqual([
      ['孟繁星', '2025-05-31', 'high'],
      ['孟繁星', '2025-08-31', 'medium'],
    ]);
    expect(items[0]!.message).toBe('孟繁星《2025年度工作计划》中的“建成食用菌大棚”时间节点为2025年5月31日，仍为“推进中”，已逾期93天');
    expect(items[1]!.message).toContain('已记为未完成，已逾期1天');
    expect(kind('2025-05-31', '计划事项逾期')).toEqual([]);
  });
});

describe('check cadence', () => {
  it('names each ended month of a staffed township without its 乡镇月检, and of the county without a 县级抽查', () => {
    const today = '2025-04-02';
    const township = kind(today, '乡镇月检缺失').map((a) => [a.township, a.month]);
    // 东岭镇 checked itself in January and February; 西岭乡 only had its county check (and nobody posted after 1月20日 until June).
    expect(township).toEqual([
      ['西岭乡', '2025-01'],
      ['东岭镇', '2025-03'],
    ]);
    const countyRows = kind(today, '县级抽查缺失');
    expect(countyRows.map((a) => [a.township, a.month, a.townshipId])).toEqual([
      ['松岭县（全县）', '2025-01', 0],
      ['松岭县（全县）', '2025-03', 0],
    ]);
    expect(countyRows[0]!.message).toBe('松岭县2025年1月没有县委组织部抽查选派干部出勤情况的记录（县委组织部每月抽查）');
    // A month still running is never judged.
    expect(kind('2025-03-31', '乡镇月检缺失').some((a) => a.month === '2025-03')).toBe(false);
  });
});

describe('in the one alerts list and onebag alerts', () => {
  it('come last, in their kinds’ order, with the same rows the CLI prints', async () => {
    const db = core.ctx.db;
    const q = { year: YEAR, countyId: county, today: '2025-04-02' };
    const all = allAlerts(db, q);
    expect(all.slice(-planAlerts(db, q).length)).toEqual(planAlerts(db, q));
    const out: string[] = [];
    core.close();
    try {
      const code = await runCli(
        ['--data', dir, 'alerts', '--year', '2024', '--county', '松岭县', '--json'],
        {},
        { out: (l) => out.push(l), err: () => {} },
      );
      expect(code).toBe(0);
      const rows = JSON.parse(out.join('\n')) as AlertJson[];
      // 2024 is over: every staffed month lacked both checks; the 2024 plans were never recorded.
      expect(rows.filter((a) => a.kind === '县级抽查缺失').map((a) => a.month)).toEqual([
        '2024-03',
        '2024-04',
        '2024-05',
        '2024-06',
        '2024-07',
        '2024-08',
        '2024-09',
        '2024-10',
        '2024-11',
        '2024-12',
      ]);
      expect(
        rows
          .filter((a) => a.kind === '无年度计划')
          .map((a) => a.cadre)
          .sort(),
      ).toEqual(['何春燕', '孟繁星', '沈一鸣'].sort());
    } finally {
      core = openCore({ dataDir: dir, host: { kind: 'cli', blobUrl: (s) => `blob:${s}` } });
    }
  });
});
