/**
 * The demo county's year of work (main/demo/demoWork.ts) on a copy of the prepared demo folder,
 * loaded on the suite's fixed today: the Y-1 evaluation finalised with ranks and caps, 调度 for
 * every ended quarter, every village's income, reports, support, the second county in the city
 * view — and the statistics and the alerts telling the same facts (issue 13 "Done means").
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore, type OpenCore } from '../../main/api/open';
import { runCli } from '../../main/cli/run';
import { allAlerts } from '../../main/core/alerts/all';
import { countyFacts } from '../../main/core/evaluation/facts';
import { computeResults } from '../../main/core/evaluation/results';
import { yearState } from '../../main/core/evaluation/years';
import { countyByName } from '../../main/core/lookup';
import { rulesInForce } from '../../main/core/rules/settings';
import { yearSummary } from '../../main/core/scheduling/quarter';
import { computeCityStats, computeStats } from '../../main/core/stats';
import { resolveScope } from '../../main/core/stats/scope';
import { collectFacts } from '../../main/core/stats/sources';
import { incomeTable } from '../../main/core/villages/income';
import { listWeakVillages } from '../../main/core/work/weak';
import { listReports } from '../../main/core/worklog/reports';
import { supportOverview } from '../../main/core/work/support';
import { listCadres } from '../../main/core/cadres/cadres';
import { DEMO_COUNTY } from '../../main/demo/demoData';
import { SECOND_COUNTY } from '../../main/demo/demoSecondCounty';
import { addDays, monthLast } from '../../shared/attendance';
import { quarterEnd } from '../../shared/scheduling';
import { FIGURE_META } from '../../shared/stats';
import { copyLoadedDemo } from '../fixtures/demoFolder';
import { FULL_YEAR, TEST_TODAY, TEST_YEAR } from '../fixtures/testToday';

const today = TEST_TODAY;
let dir: string;
let core: OpenCore;
let countyId: number;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-demowork-'));
  await copyLoadedDemo(dir);
  core = openCore({ dataDir: dir, host: { kind: 'cli', blobUrl: (s) => `blob:${s}` } });
  countyId = countyByName(core.ctx.db, DEMO_COUNTY.name).id;
}, 600_000);

afterAll(() => {
  core?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const cliRun = async (...args: string[]) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['--data', dir, ...args], {}, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
};

describe('the demo county at work', () => {
  it('finalised its Y-1 evaluation: every cadre scored and ranked, caps from the records applied', () => {
    const db = core.ctx.db;
    expect(yearState(db, countyId, FULL_YEAR).finalised).toBe(true);
    const r = computeResults(db, { countyId, year: FULL_YEAR, today });
    expect(r.rows.length).toBeGreaterThan(0);
    for (const row of r.rows) {
      expect(row.total, row.name).not.toBeNull();
      expect(row.rank, row.name).toBeGreaterThanOrEqual(1);
      expect(row.grade, row.name).not.toBeNull();
    }
    // Ranks within each quota group run 1..n (competition ranking: ties share a rank).
    for (const g of new Set(r.rows.map((x) => x.group))) {
      const ranks = r.rows
        .filter((x) => x.group === g)
        .map((x) => x.rank!)
        .sort((a, b) => a - b);
      expect(ranks[0]).toBe(1);
    }
    // Whoever the records cap (a check absence, a short month, no project, a missed milestone) is not 优秀.
    for (const [cadreId, f] of countyFacts(db, countyId, FULL_YEAR, today).caps) {
      const row = r.rows.find((x) => x.cadreId === cadreId);
      if (row && (f.checkAbsences > 0 || f.monthsShort > 0 || f.projects === 0 || f.missedMilestones > 0)) {
        expect(row.grade, row.name).not.toBe('优秀');
        expect(row.caps.length, row.name).toBeGreaterThan(0);
      }
    }
    // The year to date: scheme enabled, not finalised, partly scored.
    expect(yearState(db, countyId, TEST_YEAR).finalised).toBe(false);
    const now = computeResults(db, { countyId, year: TEST_YEAR, today });
    expect(now.rows.some((x) => x.total !== null)).toBe(true);
    expect(now.rows.some((x) => x.total === null)).toBe(true);
  });

  it('`onebag evaluation --year Y-1` prints the finalised table', async () => {
    const r = await cliRun('evaluation', '--county', DEMO_COUNTY.name, '--year', String(FULL_YEAR));
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('优秀');
    for (const c of listCadres(core.ctx.db)
      .filter((x) => x.county === DEMO_COUNTY.name)
      .slice(0, 5))
      expect(r.out).toContain(c.name);
  });

  it("held a 调度会 with every cadre's progress in each ended quarter; the current one is not yet due", () => {
    for (const year of [FULL_YEAR, TEST_YEAR]) {
      for (const q of yearSummary(core.ctx.db, countyId, year, today)) {
        if (quarterEnd(year, q.quarter) < today) {
          expect(q.state, `${year} Q${q.quarter}`).toBe('已调度');
          expect(q.withProgress).toBe(q.cadres);
        } else expect(q.state).toBe('未结束');
      }
    }
  });

  it("records every village's income for Y-1 with villages over 5万, a 空壳村 and a net change in 薄弱村", () => {
    const t = incomeTable(core.ctx.db, countyId, FULL_YEAR);
    expect(t.summary.recorded).toBe(t.summary.villages);
    expect(t.summary.at50k).toBeGreaterThan(0);
    expect(t.summary.shell).toBeGreaterThan(0);
    expect(t.summary.weakListed - t.summary.weakDelisted).not.toBe(0);
    // The year to date has no income yet (known when the year closes): nothing invented.
    expect(incomeTable(core.ctx.db, countyId, TEST_YEAR).summary.recorded).toBe(0);
  });

  it('has every Y-1 report submitted (one late), links confirmed, and the 市级 allowance paid', () => {
    const db = core.ctx.db;
    const rows = listCadres(db)
      .filter((c) => c.county === DEMO_COUNTY.name)
      .flatMap((c) => listReports(db, c.id, FULL_YEAR, today));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.filter((r) => r.status !== '已提交')).toEqual([]);
    expect(rows.filter((r) => r.lateDays > 0).length).toBeGreaterThan(0);
    expect(rows.filter((r) => r.linkToConfirm)).toEqual([]);
    const support = supportOverview(db, { year: FULL_YEAR, countyId }, today).rows.filter((r) => r.cityLevel);
    expect(support.length).toBeGreaterThan(0);
    for (const r of support) {
      expect(r.paidFen, r.name).toBe(r.owedFen);
      expect(r.uncovered, r.name).toEqual([]);
    }
  });

  it('shows two counties in the city view, the second imported from a signed bundle', async () => {
    const city = computeCityStats(core.ctx.db, { year: FULL_YEAR, today });
    expect(city.counties.map((c) => c.county).sort()).toEqual([DEMO_COUNTY.name, SECOND_COUNTY.name].sort());
    const other = city.counties.find((c) => c.county === SECOND_COUNTY.name)!;
    expect(other.origin).not.toBeNull();
    expect(other.figures.projects.value).toBeGreaterThan(0);
    expect(other.figures.attendance.of).toBeGreaterThan(0);
    const r = await cliRun('stats', '--year', String(FULL_YEAR));
    expect(r.code).toBe(0);
    expect(r.out).toContain(SECOND_COUNTY.name);
  });

  it("`onebag stats` prints the demo's village, weak-village and outcome figures as computed", async () => {
    const s = computeStats(core.ctx.db, { year: FULL_YEAR, countyId, today }).county;
    expect(s.shellVillages.value).toBeGreaterThan(0);
    expect(s.weakNetChange.value).not.toBe(0);
    expect(s.commendedSince.value).toBeGreaterThan(0);
    const r = await cliRun('stats', '--year', String(FULL_YEAR), '--county', DEMO_COUNTY.name);
    expect(r.code).toBe(0);
    const line = (key: 'shellVillages' | 'weakNetChange' | 'villagesIncome50k' | 'commendedSince') =>
      r.out.split('\n').find((l) => l.startsWith(FIGURE_META[key].label))!;
    for (const key of ['shellVillages', 'weakNetChange', 'villagesIncome50k', 'commendedSince'] as const) {
      expect(line(key), key).toMatch(new RegExp(`^${FIGURE_META[key].label}（[^）]+）\\s+[+-]?${Math.abs(s[key].value!)}\\s`));
    }
  });

  it('Statistics and alerts on the demo agree', () => {
    const db = core.ctx.db;
    const deadlineDays = (year: number) => rulesInForce(db, countyId, year).settings.certifyDeadlineDays;
    let compared = 0;
    for (const year of [FULL_YEAR, TEST_YEAR]) {
      const alerts = allAlerts(db, { year, countyId, today });
      const of = (kind: string) => alerts.filter((a) => a.kind === kind);
      const facts = collectFacts(db, resolveScope(db, { year, countyId, today }));

      // Months not certified: every overdue township-month the alerts list is 未认定 in statistics,
      // and every 未认定 month in statistics past its deadline is alerted.
      const attendance = facts.get('attendance')!.facts;
      const pending = new Set(attendance.filter((f) => f.pending).map((f) => `${f.townshipId}|${f.month}`));
      const overdue = new Set([...pending].filter((k) => addDays(monthLast(k.split('|')[1]!), deadlineDays(year)) < today));
      const alerted = new Set(of('考勤逾期未认定').map((a) => `${a.townshipId}|${a.month}`));
      expect([...alerted].sort(), `${year} 未认定`).toEqual([...overdue].sort());

      // Cadres under 20 days: certified months below the minimum, in both.
      const short = new Set(attendance.filter((f) => !f.pending && !f.counted).map((f) => `${f.cadreId}|${f.month}`));
      expect(new Set(of('月在岗不足').map((a) => `${a.cadreId}|${a.month}`)), `${year} 不足20天`).toEqual(short);

      // Overdue reports: not submitted past the due date, in both.
      const reports = facts.get('reportsOnTime')!.facts;
      const missing = new Set(reports.filter((f) => !f.counted && f.text.includes('未报送')).map((f) => `${f.cadreId}|${f.when}`));
      expect(new Set(of('报告逾期').map((a) => `${a.cadreId}|${a.date}`)), `${year} 报告逾期`).toEqual(missing);

      // Weak-village milestones late with no action on record, due by the year's end.
      const late = new Set(
        listWeakVillages(db, { countyId }, today).flatMap((w) =>
          w.supporters.flatMap((s) =>
            s.milestones.filter((m) => m.open && m.dueDate <= `${year}-12-31`).map((m) => `${s.cadreId}|${m.dueDate}`),
          ),
        ),
      );
      expect(new Set(of('薄弱村节点逾期').map((a) => `${a.cadreId}|${a.date}`)), `${year} 节点逾期`).toEqual(late);

      // Quarters without 调度: the 调度 year view and the alerts name the same quarters.
      const unheld = new Set(
        yearSummary(db, countyId, year, today)
          .filter((q) => q.state === '未调度')
          .map((q) => quarterEnd(year, q.quarter)),
      );
      expect(new Set(of('季度未调度').map((a) => a.date)), `${year} 季度未调度`).toEqual(unheld);
      compared += alerted.size + short.size + missing.size + late.size + unheld.size;
    }
    // The demo tells its deliberate stories: the comparison is not between two empty lists.
    expect(compared).toBeGreaterThan(0);
  });

  it('`onebag alerts` lists the deliberate weak-village story, not the imported county', async () => {
    const r = await cliRun('alerts', '--year', String(TEST_YEAR));
    expect(r.code).toBe(0);
    // Without --county: this department's own county; the imported one's records are its department's.
    expect(r.out).not.toContain(SECOND_COUNTY.township);
    expect(allAlerts(core.ctx.db, { year: TEST_YEAR, today })).toEqual(allAlerts(core.ctx.db, { year: TEST_YEAR, countyId, today }));
    expect(r.out).toContain('薄弱村节点逾期');
    expect(r.out).not.toContain('季度未调度');
    expect(r.out).not.toContain('补助发放滞后');
  });
});
