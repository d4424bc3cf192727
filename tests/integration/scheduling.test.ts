/**
 * The county's quarterly 调度 (issue 13 item 8) on a real SQLite file: the quarter's cadres with
 * their progress and reports, the meeting's date window, report routing to 派出单位 / 上一级党委,
 * the 季度未调度 alert in `onebag alerts` (in-process), and the optional allowance hold. The clock
 * is injected.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/run';
import { allAlerts } from '../../main/core/alerts/all';
import { removeMeeting, routeReport, saveMeeting } from '../../main/core/scheduling/meetings';
import { getQuarter, yearSummary } from '../../main/core/scheduling/quarter';
import { saveProgramme } from '../../main/core/villages/programme';
import { addPayment } from '../../main/core/work/support';
import { type Db } from '../../main/store/db';
import { refusalMessage } from '../fixtures/appError';
import { insertCadre, insertPosting } from '../fixtures/sqlRows';
import { closeTestDb, openTestDb } from '../fixtures/testDb';

const TODAY = '2025-05-20';
let dir: string;
let db: Db;
const ids = { county: 0, other: 0, t: 0, v: 0, zhang: 0, city: 0, away: 0, material: 0 };
const meeting = (over: Partial<Parameters<typeof saveMeeting>[1]> = {}) => ({
  countyId: ids.county,
  year: 2025,
  quarter: 1,
  meetingDate: '2025-04-08',
  place: '县委组织部三楼会议室',
  chairedBy: '组织部副部长',
  problems: '部分村集体增收渠道单一',
  nextSteps: '二季度完成产业项目立项',
  progress: [{ cadreId: ids.zhang, progress: '食用菌大棚建成投产', problems: '销路不稳', nextSteps: '对接县农贸市场' }],
  ...over,
});

beforeAll(() => {
  ({ dir, db } = openTestDb('sched'));
  const now = new Date().toISOString();
  const run = (sql: string, ...a: unknown[]) => Number(db.prepare(sql).run(...a).lastInsertRowid);
  ids.county = run(`INSERT INTO counties (name, kind) VALUES ('义县', '县')`);
  ids.other = run(`INSERT INTO counties (name, kind) VALUES ('北镇市', '市')`);
  ids.t = run(`INSERT INTO townships (county_id, name) VALUES (?, '七里河镇')`, ids.county);
  const t2 = run(`INSERT INTO townships (county_id, name) VALUES (?, '广宁乡')`, ids.other);
  ids.v = run(`INSERT INTO villages (township_id, name) VALUES (?, '北村')`, ids.t);
  const unit = run(`INSERT INTO units (name, level) VALUES ('市财政局', '市级')`);
  const cadre = (name: string, idn: string, level: string) => insertCadre(db, name, idn, '村党组织第一书记', { level, unitId: unit });
  ids.zhang = cadre('张三', '110101199001011234', '县级');
  ids.city = cadre('赵六', '110101199001014567', '市级');
  ids.away = cadre('钱七', '110101199001015678', '县级');
  insertPosting(db, ids.zhang, ids.t, ids.v, '2024-03-01', null);
  insertPosting(db, ids.city, ids.t, null, '2025-02-10', null);
  insertPosting(db, ids.away, t2, null, '2024-03-01', null);
  ids.material = run(
    `INSERT INTO materials (cadre_id, category, title, year, created_at, updated_at) VALUES (?, '工作汇报', '2025年一季度工作报告', 2025, ?, ?)`,
    ids.zhang,
    now,
    now,
  );
  db.prepare(
    `INSERT INTO report_submissions (cadre_id, kind, period, material_id, submitted_on, created_at) VALUES (?, '季度报告', '2025-Q1', ?, '2025-04-03', ?)`,
  ).run(ids.zhang, ids.material, now);
});

afterAll(() => {
  closeTestDb(db, dir);
});

describe('the quarter', () => {
  it('lists the cadres posted in the county that quarter, with their report, and no meeting yet', () => {
    const q = getQuarter(db, ids.county, 2025, 1, TODAY);
    expect(q).toMatchObject({ county: '义县', ended: true, meeting: null, holdAllowance: false });
    // By township, then village (township-level postings first), then name.
    expect(q.cadres.map((c) => [c.name, c.township, c.village, c.unitName, c.progress])).toEqual([
      ['赵六', '七里河镇', null, '市财政局', null],
      ['张三', '七里河镇', '北村', '市财政局', null],
    ]);
    expect(q.cadres[1]!.reports).toEqual([
      { kind: '季度报告', period: '2025-Q1', submittedOn: '2025-04-03', title: '2025年一季度工作报告', routes: [] },
    ]);
    expect(yearSummary(db, ids.county, 2025, TODAY).map((s) => s.state)).toEqual(['未调度', '未结束', '未结束', '未结束']);
  });

  it('raises 季度未调度 for the ended quarter, in the alerts and in `onebag alerts`', async () => {
    const mine = allAlerts(db, { year: 2025, countyId: ids.county, today: TODAY }).filter((a) => a.kind === '季度未调度');
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      severity: 'high',
      township: '义县（全县）',
      date: '2025-03-31',
      link: { view: 'work', tab: 'scheduling' },
    });
    expect(mine[0]!.message).toBe(
      '义县2025年第一季度尚未登记调度会（当季在任选派干部2人），应召开驻乡村干部工作调度会，听取工作进展、存在问题和下一步计划',
    );
    // Within the month after the quarter the meeting may still be held: 一般.
    expect(allAlerts(db, { year: 2025, countyId: ids.county, today: '2025-04-15' }).find((a) => a.kind === '季度未调度')!.severity).toBe(
      'medium',
    );
    // The other county had its cadre posted too: its own alert, not this county's.
    expect(
      allAlerts(db, { year: 2025, countyId: ids.other, today: TODAY })
        .filter((a) => a.kind === '季度未调度')
        .map((a) => a.township),
    ).toEqual(['北镇市（全县）']);

    const out: string[] = [];
    const code = await runCli(
      ['--data', dir, 'alerts', '--year', '2024', '--county', '义县'],
      {},
      { out: (l) => out.push(l), err: (l) => out.push(l) },
    );
    expect(code).toBe(0);
    // 2024: 张三 posted from March, so every 2024 quarter from Q1 on lacks its 调度.
    expect(out.join('\n')).toMatch(/季度未调度/);
    expect(out.join('\n')).toContain('义县2024年第四季度尚未登记调度会');
  });
});

describe('recording the meeting', () => {
  it('refuses a date outside the quarter window, a cadre not posted there, and saves nothing', () => {
    expect(refusalMessage(() => saveMeeting(db, meeting({ meetingDate: '2025-05-05' }), TODAY))).toBe(
      '2025年第一季度的调度会日期应在2025年1月1日至2025年5月1日之间（季度内或季度结束后31天内）',
    );
    expect(refusalMessage(() => saveMeeting(db, meeting({ quarter: 2, meetingDate: '2025-05-21' }), TODAY))).toBe('调度会日期不能晚于今天');
    expect(
      refusalMessage(() =>
        saveMeeting(db, meeting({ progress: [{ cadreId: ids.away, progress: '走访', problems: '', nextSteps: '' }] }), TODAY),
      ),
    ).toBe('钱七2025年第一季度不在本县任职，不能登记其调度情况');
    expect(db.prepare('SELECT COUNT(*) AS n FROM scheduling_meetings').get()).toEqual({ n: 0 });
  });

  it('records the meeting and the progress; the alert clears; saving again replaces the progress', () => {
    let q = saveMeeting(db, meeting(), TODAY);
    expect(q.meeting).toMatchObject({ meetingDate: '2025-04-08', problems: '部分村集体增收渠道单一' });
    expect(q.cadres.find((c) => c.cadreId === ids.zhang)!.progress).toMatchObject({
      progress: '食用菌大棚建成投产',
      nextSteps: '对接县农贸市场',
    });
    expect(allAlerts(db, { year: 2025, countyId: ids.county, today: TODAY }).filter((a) => a.kind === '季度未调度')).toEqual([]);
    q = saveMeeting(db, meeting({ progress: [{ cadreId: ids.city, progress: '协调项目资金', problems: '', nextSteps: '' }] }), TODAY);
    expect(q.cadres.map((c) => c.progress?.progress ?? null)).toEqual(['协调项目资金', null]);
    expect(yearSummary(db, ids.county, 2025, TODAY)[0]).toEqual({
      quarter: 1,
      state: '已调度',
      meetingDate: '2025-04-08',
      cadres: 2,
      withProgress: 1,
    });
    expect(db.prepare(`SELECT action FROM audit_log WHERE entity = 'scheduling_meeting' ORDER BY id`).all()).toEqual([
      { action: 'create' },
      { action: 'update' },
    ]);
  });

  it('routes a report to the dispatching unit and the party committee above, with dates', () => {
    expect(
      refusalMessage(() =>
        routeReport(
          db,
          {
            cadreId: ids.city,
            kind: '季度报告',
            period: '2025-Q1',
            recipientKind: '派出单位',
            recipient: '市财政局',
            sentOn: '2025-04-05',
          },
          TODAY,
        ),
      ),
    ).toBe('赵六的2025-Q1季度报告尚未提交，不能登记报送');
    expect(
      refusalMessage(() =>
        routeReport(
          db,
          {
            cadreId: ids.zhang,
            kind: '季度报告',
            period: '2025-Q1',
            recipientKind: '派出单位',
            recipient: '市财政局',
            sentOn: '2025-04-01',
          },
          TODAY,
        ),
      ),
    ).toBe('报送日期不能早于报告提交日期（2025年4月3日）');
    routeReport(
      db,
      { cadreId: ids.zhang, kind: '季度报告', period: '2025-Q1', recipientKind: '派出单位', recipient: '市财政局', sentOn: '2025-04-05' },
      TODAY,
    );
    const routes = routeReport(
      db,
      {
        cadreId: ids.zhang,
        kind: '季度报告',
        period: '2025-Q1',
        recipientKind: '上一级党委',
        recipient: '中共义县委员会',
        sentOn: '2025-04-06',
      },
      TODAY,
    );
    expect(routes).toEqual([
      { recipientKind: '派出单位', recipient: '市财政局', sentOn: '2025-04-05' },
      { recipientKind: '上一级党委', recipient: '中共义县委员会', sentOn: '2025-04-06' },
    ]);
    expect(getQuarter(db, ids.county, 2025, 1, TODAY).cadres.find((c) => c.cadreId === ids.zhang)!.reports[0]!.routes).toEqual(routes);
  });
});

describe('holding allowance until 调度 progress is recorded', () => {
  it('refuses a quarter whose meeting lacks the cadre, pays once recorded', () => {
    const pay = (quarter: number) =>
      addPayment(db, { cadreId: ids.city, year: 2025, quarter, amountFen: 100_000, paidOn: '2025-05-10', notes: null }, TODAY);
    saveProgramme(db, { countyId: ids.county, startYear: null, holdAllowance: true });
    saveMeeting(db, meeting(), TODAY); // progress for 张三 only
    expect(refusalMessage(() => pay(1))).toBe('按本县设置，2025年第一季度的补助须在该季度调度会登记赵六的工作进展后发放');
    expect(db.prepare('SELECT COUNT(*) AS n FROM allowance_payments').get()).toEqual({ n: 0 });
    saveMeeting(db, meeting({ progress: [{ cadreId: ids.city, progress: '协调项目资金', problems: '', nextSteps: '' }] }), TODAY);
    expect(pay(1).amountFen).toBe(100_000);
    removeMeeting(db, ids.county, 2025, 1);
    saveProgramme(db, { countyId: ids.county, startYear: null, holdAllowance: false });
    expect(pay(1).amountFen).toBe(100_000);
  });
});
