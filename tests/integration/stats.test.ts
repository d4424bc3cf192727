/**
 * The county's figures on a real SQLite file: every figure from real records, township rows
 * adding up to the county, the drill-down listing exactly the records counted, the same
 * attendance rule as the alerts, the zero state, and figures without tables shown as unknown.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setCells } from '../../main/core/attendance/grid';
import { setCountySettings } from '../../main/core/attendance/settings';
import { certifyMonths } from './certifyFixture';
import { computeAlerts } from '../../main/core/events/alerts';
import { computeStats, drillStats } from '../../main/core/stats';
import { worklogAlerts } from '../../main/core/worklog/alerts';
import { openDatabase, type Db } from '../../main/store/db';
import { FIGURE_KEYS, FIGURE_META, SIGNED_FIGURES, figureText, type StatsResult } from '../../shared/stats';
import { insertCounty, insertPeople, insertPlaces, insertPosting, TWO_COUNTIES } from '../fixtures/sqlRows';
import { closeTestDb, openTestDb } from '../fixtures/testDb';

const TODAY = '2025-06-15';
const now = new Date().toISOString();
let dir: string;
let db: Db;
const ids = { county: 0, other: 0, t1: 0, t2: 0, tOther: 0, v1: 0, v2: 0, v3: 0, vOther: 0, zhang: 0, li: 0, wang: 0, zhao: 0, sun: 0 };

const ins = (sql: string, ...args: unknown[]) => Number(db.prepare(sql).run(...args).lastInsertRowid);
const post = (c: number, t: number, v: number | null, start: string, end: string | null) => insertPosting(db, c, t, v, start, end);
const stats = (year = 2024, countyId: number | undefined = ids.county) => computeStats(db, { year, countyId, today: TODAY });

function expectReconciled(s: StatsResult): void {
  for (const k of FIGURE_KEYS) {
    const sum = (pick: (f: (typeof s.county)[typeof k]) => number | null | undefined) =>
      s.townships.reduce((n, t) => n + (pick(t.figures[k]) ?? 0), 0);
    if (s.county[k].value === null) {
      expect(
        s.townships.every((t) => t.figures[k].value === null),
        k,
      ).toBe(true);
      continue;
    }
    expect(
      sum((f) => f.value),
      k,
    ).toBe(s.county[k].value);
    if (FIGURE_META[k].share)
      expect(
        sum((f) => f.of),
        k,
      ).toBe(s.county[k].of);
  }
}

beforeAll(() => {
  ({ dir, db } = openTestDb('stats'));
  Object.assign(
    ids,
    insertPlaces(db, {
      ...TWO_COUNTIES,
      v2: '义县/七里河镇/南村',
      v3: '义县/大榆树堡镇/东村',
      vOther: '北镇市/广宁乡/西村',
    }),
  );
  Object.assign(ids, insertPeople(db, { zhang: '张三', li: '李四', wang: ['王五', '乡镇党委第一副书记'], zhao: '赵六', sun: '孙七' }));
  post(ids.zhang, ids.t1, ids.v1, '2024-03-01', null); // 10 months of 2024
  post(ids.li, ids.t1, ids.v2, '2024-03-01', null); // 10
  post(ids.wang, ids.t2, null, '2024-03-01', null); // 10
  // 赵六 moves on 16 August: a row in each township for August (as in both grids): 6 + 5 months.
  post(ids.zhao, ids.t1, ids.v1, '2024-03-01', '2024-08-15');
  post(ids.zhao, ids.t2, ids.v3, '2024-08-16', null);
  post(ids.sun, ids.tOther, ids.vOther, '2023-06-01', null); // another county

  // Attendance: 张三 absent 12 days in May (19 on post < 20); 李四 absent 5 days in June (25 ≥ 20).
  const absent = (c: number, t: number, month: string, days: number) =>
    setCells(db, {
      townshipId: t,
      month,
      edits: Array.from({ length: days }, (_, i) => ({
        cadreId: c,
        date: `${month}-${String(i + 1).padStart(2, '0')}`,
        code: '缺勤' as const,
      })),
    });
  absent(ids.zhang, ids.t1, '2024-05', 12);
  absent(ids.li, ids.t1, '2024-06', 5);
  // 赵六 in 大榆树堡镇 from 16 August: 16 days, needs ceil(20×16/31) = 11; absent 6 → 10 on post: short.
  setCells(db, {
    townshipId: ids.t2,
    month: '2024-08',
    edits: Array.from({ length: 6 }, (_, i) => ({ cadreId: ids.zhao, date: `2024-08-${20 + i}`, code: '缺勤' as const })),
  });
  // These figures count every calendar day (the county setting), and every month is certified:
  // only certified months count (the certified-only rule has its own tests in attendanceCertified.test.ts).
  for (const c of [ids.county, ids.other]) setCountySettings(db, c, { restDaysCount: true });
  const months = [
    ...Array.from({ length: 12 }, (_, i) => `2024-${String(i + 1).padStart(2, '0')}`),
    '2025-01',
    '2025-02',
    '2025-03',
    '2025-04',
    '2025-05',
  ];
  certifyMonths(db, [ids.t1, ids.t2, ids.tOther], months, TODAY);

  // Weak villages: 北村 de-listed in 2024, 东村 in 2025 (after the year), 南村 in 2023 (before the term), 西村 elsewhere.
  for (const [v, date] of [
    [ids.v1, '2024-10-08'],
    [ids.v3, '2025-03-01'],
    [ids.v2, '2023-12-01'],
    [ids.vOther, '2024-05-01'],
  ] as const) {
    ins(`INSERT INTO weak_villages (village_id, listed_year, created_at, updated_at) VALUES (?, 2022, ?, ?)`, v, now, now);
    ins(
      `INSERT INTO weak_milestones (village_id, kind, date, description, updated_at) VALUES (?, '摘帽', ?, '收入达标，县验收摘帽', ?)`,
      v,
      date,
      now,
    );
  }
  // Income: exactly 50,000 counts; 49,999.99 does not; another year and another county do not.
  const income = db.prepare('INSERT INTO village_income (village_id, year, income_fen) VALUES (?, ?, ?)');
  income.run(ids.v1, 2024, 5_000_000);
  income.run(ids.v2, 2024, 4_999_999);
  income.run(ids.v3, 2024, 12_000_000);
  income.run(ids.v2, 2023, 9_000_000);
  income.run(ids.vOther, 2024, 9_000_000);

  // Projects of 2024 (and one of 2025, one elsewhere) with funds.
  const project = (c: number, v: number, name: string, kind: string, year: number, publicised: string | null) =>
    ins(
      `INSERT INTO projects (cadre_id, village_id, name, kind, year, status, publicised_on, publicised_place, created_at, updated_at) VALUES (?, ?, ?, ?, ?, '在建', ?, ?, ?, ?)`,
      c,
      v,
      name,
      kind,
      year,
      publicised,
      publicised ? '村公示栏' : null,
      now,
      now,
    );
  const fund = db.prepare('INSERT INTO project_funds (project_id, source, amount_fen) VALUES (?, ?, ?)');
  const p1 = project(ids.zhang, ids.v1, '香菇大棚', '产业发展', 2024, '2024-05-01');
  const p2 = project(ids.li, ids.v2, '光伏电站', '产业发展', 2024, null);
  const p3 = project(ids.zhao, ids.v3, '村道硬化', '基础设施', 2024, '2024-09-09');
  const p4 = project(ids.zhang, ids.v1, '冷库', '产业发展', 2025, null);
  const p5 = project(ids.sun, ids.vOther, '外县项目', '产业发展', 2024, null);
  fund.run(p1, '派出单位资金', 10_000_000);
  fund.run(p1, '财政衔接资金', 25_000_050);
  fund.run(p2, '社会资本', 7_000_000);
  fund.run(p3, '财政衔接资金', 3_000_000);
  fund.run(p4, '派出单位资金', 99_000_000);
  fund.run(p5, '派出单位资金', 99_000_000);

  // Reports of 2024 (default due: quarter end + 10 days, half-year end + 15 days).
  const material = (c: number) =>
    ins(
      `INSERT INTO materials (cadre_id, category, title, year, created_at, updated_at) VALUES (?, '工作汇报', '季度报告', 2024, ?, ?)`,
      c,
      now,
      now,
    );
  const submit = (c: number, kind: string, period: string, on: string) =>
    db
      .prepare('INSERT INTO report_submissions (cadre_id, kind, period, material_id, submitted_on, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(c, kind, period, material(c), on, now);
  submit(ids.zhang, '季度报告', '2024-Q1', '2024-04-10'); // on the due date: on time
  submit(ids.zhang, '季度报告', '2024-Q2', '2024-07-11'); // a day late
  // 李四's Q3 due date moved to 31 October for him; submitted 20 October: on time.
  db.prepare('INSERT INTO report_dues (cadre_id, kind, period, due_date, updated_at) VALUES (?, ?, ?, ?, ?)').run(
    ids.li,
    '季度报告',
    '2024-Q3',
    '2024-10-31',
    now,
  );
  submit(ids.li, '季度报告', '2024-Q3', '2024-10-20');
});

afterAll(() => closeTestDb(db, dir));

describe('computeStats', () => {
  it('counts each figure from its records, per township, adding up to the county', () => {
    const s = stats();
    expectReconciled(s);
    const [t1, t2] = [s.townships.find((t) => t.townshipId === ids.t1)!, s.townships.find((t) => t.townshipId === ids.t2)!];
    expect(s.townships.map((t) => t.township)).toEqual(['七里河镇', '大榆树堡镇']);
    expect(s.county.weakDelistedYear.value).toBe(1);
    expect(t1.figures.weakDelistedYear.value).toBe(1);
    // Term from 1 March 2024: 北村 (2024) only; 东村's 2025 date is after the year, 南村's before the term.
    expect(s.county.weakDelistedTerm.value).toBe(1);
    expect(s.notes.weakDelistedTerm).toContain('2024年3月1日');
    expect(s.county.villagesIncome50k.value).toBe(2);
    expect([t1.figures.villagesIncome50k.value, t2.figures.villagesIncome50k.value]).toEqual([1, 1]);
    // Every village of the county has its 2024 income: nothing to say. In 2023 only 南村 has one.
    expect(s.notes.villagesIncome50k).toBeUndefined();
    const y2023 = stats(2023);
    expect(y2023.county.villagesIncome50k.value).toBe(1);
    expect(y2023.notes.villagesIncome50k).toBe('2个村未录入2023年收入，未计入');
    expect(s.county.projects.value).toBe(3);
    expect(s.county.projectFunds.value).toBe(10_000_000 + 25_000_050 + 7_000_000 + 3_000_000);
    expect(figureText('projectFunds', s.county.projectFunds)).toBe('45');
    expect(s.charts.projectsByKind).toEqual([
      { kind: '产业发展', count: 2 },
      { kind: '基础设施', count: 1 },
    ]);
    expect(s.charts.fundingBySource).toEqual([
      { source: '财政衔接资金', fen: 28_000_050 },
      { source: '派出单位资金', fen: 10_000_000 },
      { source: '社会资本', fen: 7_000_000 },
    ]);
    expect(s.county.commended).toEqual({ value: 0 });
    expect(s.county.promoted).toEqual({ value: 0 });
    expect(s.notes.commended).toBeUndefined();
  });

  it('counts commended and promoted cadres from the evaluation outcomes of the year, once per person', () => {
    const outcome = (c: number, year: number, kind: string, date: string) =>
      ins(`INSERT INTO eval_outcomes (cadre_id, year, kind, date, note, created_at) VALUES (?, ?, ?, ?, '', ?)`, c, year, kind, date, now);
    const added = [
      outcome(ids.zhang, 2024, '表彰', '2025-01-10'),
      outcome(ids.zhang, 2024, '表彰', '2025-02-10'),
      outcome(ids.wang, 2024, '提拔重用', '2025-03-01'),
      outcome(ids.li, 2023, '表彰', '2024-01-10'),
      outcome(ids.sun, 2024, '表彰', '2025-01-10'),
    ];
    try {
      const s = stats();
      expect(s.county.commended).toEqual({ value: 1 });
      expect(s.county.promoted).toEqual({ value: 1 });
      expectReconciled(s);
      const d = drillStats(db, { year: 2024, countyId: ids.county, today: TODAY, figure: 'commended' });
      expect(d.records.map((r) => r.cadre)).toEqual(['张三']);
    } finally {
      for (const id of added) db.prepare('DELETE FROM eval_outcomes WHERE id = ?').run(id);
    }
  });

  it('counts attendance as cadre-months meeting the minimum, by the same rule as the alerts', () => {
    const s = stats();
    // 张三 10 + 李四 10 + 王五 10 + 赵六 6 (七里河镇, Mar–Aug) + 5 (大榆树堡镇, Aug–Dec) = 41 cadre-months.
    expect(s.county.attendance).toEqual({ value: 39, of: 41 });
    expect(s.townships.find((t) => t.townshipId === ids.t1)!.figures.attendance).toEqual({ value: 25, of: 26 });
    expect(s.townships.find((t) => t.townshipId === ids.t2)!.figures.attendance).toEqual({ value: 14, of: 15 });
    const short = computeAlerts(db, { year: 2024, countyId: ids.county, today: TODAY }).filter((a) => a.kind === '月在岗不足');
    expect(short.length).toBe(s.county.attendance.of! - s.county.attendance.value!);
    const may = s.charts.attendanceByMonth.find((m) => m.month === '2024-05')!;
    expect(may).toEqual({ month: '2024-05', met: 3, posted: 4 });
    expect(s.charts.attendanceByMonth.map((m) => m.month)).toHaveLength(12);
    expect(s.charts.attendanceByMonth.reduce((n, m) => n + m.posted, 0)).toBe(41);
  });

  it('counts only months that have ended', () => {
    const s = computeStats(db, { year: 2024, countyId: ids.county, today: '2024-06-10' });
    expect(s.charts.attendanceByMonth.map((m) => m.month)).toEqual(['2024-01', '2024-02', '2024-03', '2024-04', '2024-05']);
    expect(s.county.attendance).toEqual({ value: 11, of: 12 });
  });

  it('counts reports due by today, on time when submitted by the (possibly cadre-specific) due date', () => {
    const s = stats();
    // Owed in 2024: 4 cadres × (4 quarters + 2 half-years), all due before 2025-06-15 → 24.
    expect(s.county.reportsOnTime).toEqual({ value: 2, of: 24 });
    const d = drillStats(db, { year: 2024, countyId: ids.county, figure: 'reportsOnTime', today: TODAY });
    expect(d.records).toHaveLength(24);
    expect(d.records.filter((r) => r.counted).map((r) => `${r.cadre} ${r.text}`)).toEqual([
      expect.stringContaining('张三 2024年第一季度季度报告（2024年4月10日前）：2024年4月10日报送，按时'),
      expect.stringContaining('李四 2024年第三季度季度报告（2024年10月31日前）：2024年10月20日报送，按时'),
    ]);
    expect(d.records.some((r) => r.text.includes('2024年7月11日报送，逾期1天'))).toBe(true);
    // Not submitted = the overdue-report alerts, by the same rule.
    const missing = d.records.filter((r) => r.text.includes('未报送'));
    expect(missing).toHaveLength(21);
    expect(missing.length).toBe(worklogAlerts(db, { year: 2024, countyId: ids.county, today: TODAY }).length);
    // 赵六's reports go to the township he held at the period's end: Q2/H1 七里河镇, Q3+ 大榆树堡镇.
    const zhao = d.records.filter((r) => r.cadre === '赵六');
    expect(zhao.filter((r) => r.township === '七里河镇')).toHaveLength(3);
    expect(zhao.filter((r) => r.township === '大榆树堡镇')).toHaveLength(3);
    // Mid-year, only the reports whose due date has passed are due.
    const mid = computeStats(db, { year: 2024, countyId: ids.county, today: '2024-07-12' });
    expect(mid.county.reportsOnTime).toEqual({ value: 1, of: 8 });
  });

  it('keeps another county out and sums every county when none is named', () => {
    const other = stats(2024, ids.other);
    expect(other.townships.map((t) => t.township)).toEqual(['广宁乡']);
    expect(other.county.projects.value).toBe(1);
    expect(other.county.weakDelistedYear.value).toBe(1);
    const all = computeStats(db, { year: 2024, today: TODAY });
    expectReconciled(all);
    expect(all.countyName).toBe('全部');
    expect(all.county.projects.value).toBe(4);
    expect(all.county.attendance.of).toBe(41 + 12);
  });

  it('refuses a bad year or an unknown county, in Chinese', () => {
    expect(() => computeStats(db, { year: 1999 })).toThrow('年度应为2000至2100之间的整数');
    expect(() => computeStats(db, { year: 2024, countyId: 999 })).toThrow('所选县（市、区）不存在');
    expect(() => drillStats(db, { year: 2024, countyId: ids.county, figure: 'projects', townshipId: ids.tOther })).toThrow(
      '不在统计范围内',
    );
  });
});

describe('drillStats', () => {
  it('lists exactly the records each figure counts, per township too', () => {
    const s = stats();
    for (const k of FIGURE_KEYS) {
      for (const scope of [undefined, ...s.townships.map((t) => t.townshipId)]) {
        const d = drillStats(db, { year: 2024, countyId: ids.county, figure: k, today: TODAY, ...(scope ? { townshipId: scope } : {}) });
        const f = scope ? s.townships.find((t) => t.townshipId === scope)!.figures[k] : s.county[k];
        // Money sums (checked below) and signed changes (tests/integration/villageIncome.test.ts) add weights, not records.
        if (k === 'projectFunds' || SIGNED_FIGURES.has(k)) continue;
        expect(d.records.filter((r) => r.counted).length, `${k} ${scope}`).toBe(f.value ?? 0);
        if (FIGURE_META[k].share) expect(d.records.length, `${k} ${scope}`).toBe(f.of);
      }
    }
    const funds = drillStats(db, { year: 2024, countyId: ids.county, figure: 'projectFunds', today: TODAY });
    expect(funds.summary).toBe('共 3 个项目，合计 450,000.50 元');
  });

  it('narrows to a month, a project kind or a funding source, linking each record to where it is kept', () => {
    const may = drillStats(db, { year: 2024, countyId: ids.county, figure: 'attendance', month: '2024-05', today: TODAY });
    expect(may.records).toHaveLength(4);
    expect(may.records[0]).toMatchObject({
      cadre: '张三',
      counted: false,
      link: { view: 'attendance', townshipId: ids.t1, month: '2024-05' },
    });
    expect(may.records[0]!.text).toBe('2024年5月在岗19天，应在岗20天，差1天（缺勤12天）（刘书记认定）');
    const infra = drillStats(db, { year: 2024, countyId: ids.county, figure: 'projects', kind: '基础设施', today: TODAY });
    expect(infra.records.map((r) => r.text)).toEqual(['村道硬化（基础设施，在建，2024年9月9日公示）']);
    expect(infra.records[0]!.link).toEqual({ view: 'work', tab: 'projects', projectId: expect.any(Number) });
    const unit = drillStats(db, { year: 2024, countyId: ids.county, figure: 'projectFunds', source: '派出单位资金', today: TODAY });
    expect(unit.records.map((r) => [r.text.split('（')[0], r.amount])).toEqual([['香菇大棚', '100,000.00元']]);
    const weak = drillStats(db, { year: 2024, countyId: ids.county, figure: 'weakDelistedYear', today: TODAY });
    expect(weak.records[0]).toMatchObject({ village: '北村', when: '2024-10-08', link: { view: 'work', tab: 'weak', villageId: ids.v1 } });
  });
});

describe('zero and unknown states', () => {
  it('an empty archive: zero everywhere, no townships, nothing made up', () => {
    const d2 = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-stats-empty-'));
    const e = openDatabase(d2);
    try {
      const s = computeStats(e, { year: 2024, today: TODAY });
      expect(s.townships).toEqual([]);
      expect(s.county.projects.value).toBe(0);
      expect(s.county.attendance).toEqual({ value: 0, of: 0 });
      expect(figureText('attendance', s.county.attendance)).toBe('—');
      expect(s.charts.projectsByKind).toEqual([]);
      expect(s.charts.attendanceByMonth.every((m) => m.posted === 0)).toBe(true);
    } finally {
      e.close();
      fs.rmSync(d2, { recursive: true, force: true });
    }
  });

  it('a data file without the work and report tables shows those figures as unknown (—), not 0', () => {
    const d3 = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-stats-v3-'));
    const old = openDatabase(d3, { migrateTo: 3 });
    try {
      const c = insertCounty(old, '义县');
      old.prepare(`INSERT INTO townships (county_id, name) VALUES (?, '七里河镇')`).run(c);
      const s = computeStats(old, { year: 2024, today: TODAY });
      expect(s.county.projects.value).toBeNull();
      expect(s.county.reportsOnTime).toEqual({ value: null, of: null });
      expect(s.townships[0]!.figures.weakDelistedYear.value).toBeNull();
      expect(figureText('projects', s.county.projects)).toBe('—');
      expect(s.notes.projects).toContain('暂无数据');
      expect(s.charts.projectsByKind).toBeNull();
      expect(s.county.attendance).toEqual({ value: 0, of: 0 });
      expectReconciled(s);
    } finally {
      old.close();
      fs.rmSync(d3, { recursive: true, force: true });
    }
  });
});
