/**
 * Attendance as certified (issue 13 items 1–3, issue 11 B) on a real SQLite file: rest days
 * count only when marked (a county setting), days after today never count, only certified
 * months count in statistics and alerts, the register cross-check (核查) with its outcome
 * flow, the approver's level, 有因 check absences, and reports filed in the bag linked to
 * their period.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeCertification } from '../../main/core/attendance/common';
import { getMonthGrid, setCells } from '../../main/core/attendance/grid';
import { addLeave, approveLeave } from '../../main/core/attendance/leave';
import { certifiedTotals, registerMonths, type RegisterMonth } from '../../main/core/attendance/register';
import { setCountySettings } from '../../main/core/attendance/settings';
import { computeAlerts } from '../../main/core/events/alerts';
import { saveCheck } from '../../main/core/events/checks';
import { yearAbsences } from '../../main/core/events/common';
import { concludeVerification } from '../../main/core/events/verificationOutcome';
import { listVerifications } from '../../main/core/events/verifications';
import { computeStats } from '../../main/core/stats';
import { confirmReportLink, linkFiledReport } from '../../main/core/worklog/reportLinks';
import { listReports } from '../../main/core/worklog/reports';
import { type Db } from '../../main/store/db';
import { DEFAULT_ATTENDANCE_SETTINGS, countMonth, type DayCell } from '../../shared/attendance';
import { monthArb } from '../fixtures/monthArb';
import { insertCadre, insertCounty, insertPosting, insertTownship } from '../fixtures/sqlRows';
import { expectAppError } from '../fixtures/appError';
import { certify } from './certifyFixture';
import { closeTestDb, openTestDb } from '../fixtures/testDb';

const TODAY = '2025-06-15';
let dir: string;
let db: Db;
const ids = { county: 0, t1: 0, zhang: 0, li: 0, wang: 0 };
const row = (month: string, cadreId: number, today = TODAY) =>
  getMonthGrid(db, ids.t1, month, today).rows.find((r) => r.cadreId === cadreId)!;

beforeAll(() => {
  ({ dir, db } = openTestDb('certified'));
  ids.county = insertCounty(db, '义县');
  ids.t1 = insertTownship(db, ids.county, '七里河镇');
  ids.zhang = insertCadre(db, '张三', '110101199001011234');
  ids.li = insertCadre(db, '李四', '110101199001012345');
  ids.wang = insertCadre(db, '王五', '110101199001013456');
  for (const c of [ids.zhang, ids.li, ids.wang]) insertPosting(db, c, ids.t1, null, '2024-01-01', null);
});

afterAll(() => {
  closeTestDb(db, dir);
});

describe('rest days and days after today', () => {
  it('counts a weekend only when marked 在岗, and a 缺勤 on it is no absence (unless the county counts rest days)', () => {
    // March 2025: 31 days, 10 of them weekend days, no public holiday.
    expect(row('2025-03', ids.zhang).counts).toMatchObject({ onPost: 21, rest: 10, absent: 0, meetsMinimum: true });
    setCells(db, { townshipId: ids.t1, month: '2025-03', edits: [{ cadreId: ids.zhang, date: '2025-03-01', code: '在岗' }] });
    setCells(db, { townshipId: ids.t1, month: '2025-03', edits: [{ cadreId: ids.zhang, date: '2025-03-02', code: '缺勤' }] });
    expect(row('2025-03', ids.zhang).counts).toMatchObject({ onPost: 22, rest: 9, absent: 0 });
    setCountySettings(db, ids.county, { restDaysCount: true });
    expect(row('2025-03', ids.zhang).counts).toMatchObject({ onPost: 30, rest: 0, absent: 1 });
    setCountySettings(db, ids.county, { restDaysCount: false });
  });

  it('never counts a day after today', () => {
    const [m] = registerMonths(db, { from: '2025-03', to: '2025-03', today: '2025-03-10', cadreId: ids.li });
    // 1–10 March: 6 weekdays, 4 weekend days; 11–31 March are after today.
    expect(m!.counts).toMatchObject({ onPost: 6, future: 21, rest: 4 });
    expect(m!.complete).toBe(false);
  });
});

describe('only certified months count', () => {
  it('statistics show uncertified months as 未认定 and leave them out of the rate; alerts judge certified months only', () => {
    setCells(db, {
      townshipId: ids.t1,
      month: '2025-04',
      edits: ['2025-04-01', '2025-04-02', '2025-04-03', '2025-04-07', '2025-04-09'].map((date) => ({
        cadreId: ids.wang,
        date,
        code: '缺勤' as const,
      })),
    });
    const before = computeStats(db, { year: 2025, countyId: ids.county, today: TODAY }).county.attendance;
    expect(before).toEqual({ value: 0, of: 0, pending: 15 }); // 3 cadres × January–May, none certified
    const short = () => computeAlerts(db, { year: 2025, countyId: ids.county, today: TODAY }).filter((a) => a.kind === '月在岗不足');
    expect(short()).toEqual([]);
    certify(db, ids.t1, '2025-04', TODAY);
    const after = computeStats(db, { year: 2025, countyId: ids.county, today: TODAY }).county.attendance;
    // April 2025: 22 weekdays (清明 4 April is a holiday in the seeded calendar → 21); 王五 absent 5 → short.
    expect(after).toEqual({ value: 2, of: 3, pending: 12 });
    expect(short().map((a) => [a.cadreName, a.month])).toEqual([['王五', '2025-04']]);
  });
});

describe('the register cross-check (核查)', () => {
  it('opens a 核查 when a check finds a cadre away on a day the certified register shows 在岗; 属实 revokes the month', () => {
    certify(db, ids.t1, '2025-03', TODAY, '孙书记');
    const check = saveCheck(db, {
      check: { townshipId: ids.t1, level: '县级', kind: '县级抽查', date: '2025-03-12', checker: '县委组织部督查组', findings: '' },
      results: [
        { cadreId: ids.li, onPost: false, reason: '外出未请假' },
        { cadreId: ids.zhang, onPost: true, reason: '' },
      ],
    });
    const [v, ...none] = listVerifications(db, { year: 2025 });
    expect(none).toEqual([]);
    expect(v).toMatchObject({ cadreName: '李四', secretaryName: '孙书记', date: '2025-03-12', outcome: null, checkId: check.id });
    const kinds = computeAlerts(db, { year: 2025, countyId: ids.county, today: TODAY }).filter((a) => a.kind === '考勤登记不实');
    expect(kinds).toHaveLength(2);
    expect(kinds.filter((a) => a.cadreId === ids.li)).toHaveLength(1);
    expect(kinds.find((a) => a.cadreId === undefined)!.message).toContain('孙书记');
    expect(kinds.every((a) => a.severity === 'high')).toBe(true);
    const s = computeStats(db, { year: 2025, countyId: ids.county, today: TODAY });
    expect(s.county.registerChecks.value).toBe(1);
    expect(s.townships.find((t) => t.townshipId === ids.t1)!.figures.registerChecks.value).toBe(1);

    expectAppError(
      () =>
        concludeVerification(db, { id: v!.id, explanation: '经核实确未在岗', outcome: '属实', concludedOn: '2025-04-20', today: TODAY }),
      {
        code: 'INVALID_INPUT',
        message: /处理/,
      },
    );
    const r = concludeVerification(db, {
      id: v!.id,
      explanation: '经核实确未在岗',
      outcome: '属实',
      action: '对孙书记约谈并通报',
      concludedOn: '2025-04-20',
      today: TODAY,
    });
    expect(r.revoked).not.toBeNull();
    expect(activeCertification(db, ids.t1, '2025-03')).toBeNull();
    expect(r.verification).toMatchObject({ outcome: '属实', action: '对孙书记约谈并通报' });
    // The month is corrected and certified again; the 核查 stays on record (属实).
    setCells(db, { townshipId: ids.t1, month: '2025-03', edits: [{ cadreId: ids.li, date: '2025-03-12', code: '缺勤' }] });
    certify(db, ids.t1, '2025-03', TODAY, '孙书记');
    expect(listVerifications(db, { year: 2025 })).toHaveLength(1);
    expect(
      computeAlerts(db, { year: 2025, countyId: ids.county, today: TODAY }).filter((a) => a.kind === '考勤登记不实')[0]!.message,
    ).toContain('约谈');
  });
});

describe('leave and checks', () => {
  it('records the level that approved; an absence at a check on approved leave is 有因 and counts for nothing', () => {
    const l = addLeave(db, {
      cadreId: ids.wang,
      type: '事假',
      start: '2025-05-05',
      startHalf: '上',
      end: '2025-05-09',
      endHalf: '下',
      reason: '家中有事',
    });
    const ok = approveLeave(db, { leaveId: l.id, approver: '孙书记', approverLevel: '乡镇党委' });
    expect(ok).toMatchObject({ approvalLevel: '乡镇党委', requiredLevel: '县委组织部' });
    const overreach = computeAlerts(db, { year: 2025, countyId: ids.county, today: TODAY }).filter((a) => a.kind === '请假越权审批');
    expect(overreach.map((a) => a.cadreName)).toEqual(['王五']);
    saveCheck(db, {
      check: { townshipId: ids.t1, level: '乡镇', kind: '乡镇月检', date: '2025-05-07', checker: '七里河镇党委', findings: '' },
      results: [{ cadreId: ids.wang, onPost: false, reason: '请假' }],
    });
    expect(yearAbsences(db, 2025).get(ids.wang)?.check ?? 0).toBe(0);
    const a = computeAlerts(db, { year: 2025, countyId: ids.county, today: TODAY }).filter(
      (x) => x.kind === '督查不在岗' && x.cadreId === ids.wang,
    );
    expect(a).toHaveLength(1);
    expect(a[0]!.message).toContain('有因');
    expect(a[0]!.severity).toBe('medium');
  });
});

describe('reports filed in the bag', () => {
  it('link to the period they answer when filed, and wait for the clerk to confirm', () => {
    const now = new Date().toISOString();
    const m = Number(
      db
        .prepare(
          `INSERT INTO materials (cadre_id, category, title, date, year, created_at, updated_at) VALUES (?, '工作汇报', '一季度工作汇报', '2025-04-04', 2025, ?, ?)`,
        )
        .run(ids.zhang, now, now).lastInsertRowid,
    );
    expect(linkFiledReport(db, m)).toBe('2025-Q1'); // dated within Q1's due window
    const q1 = () => listReports(db, ids.zhang, 2025, TODAY).find((r) => r.period === '2025-Q1')!;
    expect(q1()).toMatchObject({ status: '已提交', submittedOn: '2025-04-04', materialId: m, linkToConfirm: true });
    confirmReportLink(db, ids.zhang, '2025-Q1');
    expect(q1().linkToConfirm).toBe(false);
  });
});

describe('properties', () => {
  it('a month never counts more days on post than the register has posted days before today', () => {
    fc.assert(
      fc.property(monthArb, (m) => {
        const c = countMonth(m.cells as DayCell[], { ...DEFAULT_ATTENDANCE_SETTINGS, restDaysCount: m.restDaysCount }, m);
        const parts =
          c.onPost +
          (DEFAULT_ATTENDANCE_SETTINGS.gongchuCountsOnPost ? 0 : c.gongchu) +
          c.leave +
          c.absent +
          c.rest +
          c.future +
          c.notPosted;
        return c.onPost <= c.postedDays - c.future && Math.abs(parts - c.daysInMonth) < 1e-9;
      }),
    );
  });

  const reg = (certified: boolean, meets: boolean, onPost: number): RegisterMonth =>
    ({
      certification: certified ? { id: 1, secretaryName: '书记', certifiedOn: '2025-01-01' } : null,
      counts: { onPost, leave: 0, absent: 0, meetsMinimum: meets },
    }) as unknown as RegisterMonth;
  const monthsArb = fc.array(fc.tuple(fc.boolean(), fc.boolean(), fc.integer({ min: 0, max: 31 })), { maxLength: 40 });
  const rate = (ms: RegisterMonth[]) => {
    const t = certifiedTotals(ms);
    return t.certifiedMonths ? (t.certifiedMonths - t.short.length) / t.certifiedMonths : null;
  };

  it('certified-only totals never exceed the register, and adding uncertified months never raises the rate', () => {
    fc.assert(
      fc.property(monthsArb, monthsArb, (a, extra) => {
        const ms = a.map(([c, m, d]) => reg(c, m, d));
        const t = certifiedTotals(ms);
        const all = ms.reduce((n, x) => n + x.counts.onPost, 0);
        const withUncertified = [...ms, ...extra.map(([, m, d]) => reg(false, m, d))];
        const r0 = rate(ms);
        const r1 = rate(withUncertified);
        return t.onPost <= all && t.certifiedMonths <= ms.length && (r0 === null ? r1 === null : r1 !== null && r1 <= r0 + 1e-12);
      }),
    );
  });
});
