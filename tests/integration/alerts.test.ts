/** Alerts on a real SQLite file: each kind raised by a real record and cleared when the record is fixed. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certify } from './certifyFixture';
import { certifyMonth, revokeCertification } from '../../main/core/attendance/certify';
import { setCells } from '../../main/core/attendance/grid';
import { addLeave, approveLeave } from '../../main/core/attendance/leave';
import { setCountySettings } from '../../main/core/attendance/settings';
import { computeAlerts } from '../../main/core/events/alerts';
import { saveCheck } from '../../main/core/events/checks';
import { markEvent, saveEvent } from '../../main/core/events/mustAttend';
import { type Db } from '../../main/store/db';
import type { Alert, AlertKind } from '../../shared/alerts';
import { insertPeople, insertPlaces, insertPosting, TWO_COUNTIES } from '../fixtures/sqlRows';
import { closeTestDb, openTestDb } from '../fixtures/testDb';

let dir: string;
let db: Db;
const ids = { county: 0, other: 0, t1: 0, t2: 0, tOther: 0, v1: 0, zhang: 0, li: 0, wang: 0, zhao: 0, sun: 0 };
const SCAN = 'a'.repeat(64);
const now = new Date().toISOString();
/** Pinned "today": every month of 2024 is complete and long past its deadline. */
const TODAY = '2025-06-15';

const post = (cadre: number, township: number, village: number | null, start: string, end: string | null) =>
  insertPosting(db, cadre, township, village, start, end);

const alerts = (year: number, kind?: AlertKind, today = TODAY): Alert[] =>
  computeAlerts(db, { year, countyId: ids.county, today }).filter((a) => !kind || a.kind === kind);

/** Certifies every month of a year for a township except the listed ones. */
function certifyAllBut(townshipId: number, year: number, except: string[]): void {
  for (let m = 1; m <= 12; m++) {
    const month = `${year}-${String(m).padStart(2, '0')}`;
    if (except.includes(month) || `${month}-28` >= TODAY) continue;
    certify(db, townshipId, month, TODAY);
  }
}

beforeAll(() => {
  ({ dir, db } = openTestDb('alerts'));
  Object.assign(ids, insertPlaces(db, TWO_COUNTIES));
  Object.assign(ids, insertPeople(db, { zhang: '张三', li: '李四', wang: ['王五', '乡镇党委第一副书记'], zhao: '赵六', sun: '孙七' }));
  post(ids.zhang, ids.t1, ids.v1, '2024-03-01', null);
  post(ids.li, ids.t1, ids.v1, '2024-03-01', null);
  post(ids.wang, ids.t1, null, '2024-03-01', null);
  // 赵六 moves to 大榆树堡镇 on 16 August 2024: two half rows in August, as in the grids.
  post(ids.zhao, ids.t1, ids.v1, '2024-03-01', '2024-08-15');
  post(ids.zhao, ids.t2, null, '2024-08-16', null);
  // Another county's cadre never shows in 义县's alerts.
  post(ids.sun, ids.tOther, null, '2024-03-01', null);
  db.prepare(`INSERT INTO blobs (sha256, kind, mime, size, created_at) VALUES (?, 'pdf', 'application/pdf', 100, ?)`).run(SCAN, now);
  // Every calendar day counts here (the county setting); rest days have their own tests.
  setCountySettings(db, ids.county, { restDaysCount: true });
  // Every month certified except those a test looks at.
  certifyAllBut(ids.t1, 2024, ['2024-08']);
  certifyAllBut(ids.t2, 2024, ['2024-08']);
  certifyAllBut(ids.t1, 2025, ['2025-05']);
  certifyAllBut(ids.t2, 2025, []);
});

afterAll(() => {
  closeTestDb(db, dir);
});

describe('alerts', () => {
  it('月在岗不足: a 2024 month under 20 days is shown a year later, and cleared when corrected', () => {
    expect(alerts(2024, '月在岗不足')).toEqual([]);
    // 张三: 12 days absent in August 2024 → 19 on post.
    const edits = Array.from({ length: 12 }, (_, i) => ({
      cadreId: ids.zhang,
      date: `2024-08-${String(i + 1).padStart(2, '0')}`,
      code: '缺勤' as const,
    }));
    setCells(db, { townshipId: ids.t1, month: '2024-08', edits });
    // Not certified yet: an uncertified month says nothing about the minimum.
    expect(alerts(2024, '月在岗不足')).toEqual([]);
    certify(db, ids.t1, '2024-08', TODAY);
    const [a, ...rest] = alerts(2024, '月在岗不足');
    expect(rest).toEqual([]);
    expect(a).toMatchObject({
      kind: '月在岗不足',
      severity: 'high',
      cadreName: '张三',
      township: '七里河镇',
      month: '2024-08',
      message: '张三2024年8月在岗19天，少于应在岗20天（差1天），缺勤12天，经刘书记认定',
      link: { view: 'attendance', townshipId: ids.t1, month: '2024-08' },
    });
    revokeCertification(db, { townshipId: ids.t1, month: '2024-08', reason: '更正考勤登记' });
    setCells(db, { townshipId: ids.t1, month: '2024-08', edits: [{ cadreId: ids.zhang, date: '2024-08-01', code: '在岗' }] });
    expect(alerts(2024, '月在岗不足')).toEqual([]);
  });

  it('counts a move mid-month per township with the prorated minimum, like the grids', () => {
    // 赵六 in 大榆树堡镇 from 16 August: 16 days posted → ceil(20 × 16 / 31) = 11 required.
    setCells(db, {
      townshipId: ids.t2,
      month: '2024-08',
      edits: ['2024-08-20', '2024-08-21', '2024-08-22', '2024-08-23', '2024-08-24', '2024-08-25'].map((date) => ({
        cadreId: ids.zhao,
        date,
        code: '事假' as const,
      })),
    });
    certify(db, ids.t2, '2024-08', TODAY);
    const a = alerts(2024, '月在岗不足');
    expect(a.map((x) => [x.cadreName, x.township, x.message])).toEqual([
      ['赵六', '大榆树堡镇', '赵六2024年8月在岗10天，少于应在岗11天（差1天），请假6天，经刘书记认定'],
    ]);
    revokeCertification(db, { townshipId: ids.t2, month: '2024-08', reason: '补登请假审批' });
  });

  it('ignores a month that is not over yet', () => {
    setCells(db, {
      townshipId: ids.t1,
      month: '2025-06',
      edits: Array.from({ length: 14 }, (_, i) => ({
        cadreId: ids.li,
        date: `2025-06-${String(i + 1).padStart(2, '0')}`,
        code: '缺勤' as const,
      })),
    });
    expect(alerts(2025, '月在岗不足')).toEqual([]);
    expect(alerts(2025, '月在岗不足', '2025-07-01')).toEqual([]); // over, but not certified
    certify(db, ids.t1, '2025-06', '2025-07-01');
    expect(alerts(2025, '月在岗不足', '2025-07-01').map((a) => a.month)).toEqual(['2025-06']);
    revokeCertification(db, { townshipId: ids.t1, month: '2025-06', reason: '测试后撤销' });
  });

  it('考勤逾期未认定: past the county deadline only, and cleared by certifying', () => {
    const old = alerts(2024, '考勤逾期未认定');
    expect(old.map((a) => [a.township, a.month])).toEqual([
      ['大榆树堡镇', '2024-08'],
      ['七里河镇', '2024-08'],
    ]);
    expect(old[1]!.message).toBe('七里河镇2024年8月考勤尚未经乡镇党委签字盖章认定，认定期限为2024年9月10日（月末后10天），已逾期278天');
    expect(old[1]!.severity).toBe('high');
    // May 2025: deadline 10 June, 5 days late on 15 June; none before the deadline.
    expect(alerts(2025, '考勤逾期未认定').map((a) => [a.month, a.severity, a.message.slice(-5)])).toEqual([
      ['2025-05', 'medium', '已逾期5天'],
    ]);
    expect(alerts(2025, '考勤逾期未认定', '2025-06-10')).toEqual([]);
    setCountySettings(db, ids.county, { certifyDeadlineDays: 20 });
    expect(alerts(2025, '考勤逾期未认定')).toEqual([]);
    setCountySettings(db, ids.county, { certifyDeadlineDays: 10 });
    certifyMonth(db, {
      townshipId: ids.t1,
      month: '2025-05',
      secretaryName: '刘书记',
      certifiedOn: '2025-06-12',
      sealApplied: true,
      scanSha256: SCAN,
    });
    expect(alerts(2025, '考勤逾期未认定')).toEqual([]);
    // A revoked certification brings it back.
    revokeCertification(db, { townshipId: ids.t1, month: '2025-05', reason: '补登请假' });
    expect(alerts(2025, '考勤逾期未认定')).toHaveLength(1);
    certifyMonth(db, {
      townshipId: ids.t1,
      month: '2025-05',
      secretaryName: '刘书记',
      certifiedOn: '2025-06-14',
      sealApplied: true,
      scanSha256: SCAN,
    });
  });

  it('五必到缺席: raised by an absence and cleared when the cadre is marked present', () => {
    const e = saveEvent(db, {
      event: { townshipId: ids.t1, kind: '重大纠纷', title: '北村土地流转纠纷调处', date: '2024-11-05', place: '北村村委会' },
      expected: [
        { cadreId: ids.zhang, present: true },
        { cadreId: ids.li, present: false, absenceReason: '参加县里培训' },
      ],
    });
    const [a] = alerts(2024, '五必到缺席');
    expect(a).toMatchObject({
      cadreName: '李四',
      date: '2024-11-05',
      message: '李四缺席2024年11月5日七里河镇重大纠纷“北村土地流转纠纷调处”（原因：参加县里培训）',
      link: { view: 'events', eventId: e.id },
    });
    markEvent(db, { eventId: e.id, marks: [{ cadreId: ids.li, present: true }] });
    expect(alerts(2024, '五必到缺席')).toEqual([]);
  });

  it('督查不在岗: each absence, numbered, with the cap the year’s count implies', () => {
    const k1 = saveCheck(db, {
      check: { townshipId: ids.t1, level: '县级', kind: '县级抽查', date: '2024-04-09', checker: '县委组织部', findings: null },
      results: [{ cadreId: ids.wang, onPost: false, reason: '回原单位开会未报备' }],
    });
    saveCheck(db, {
      check: {
        townshipId: ids.t1,
        level: '市级',
        kind: '市级暗访',
        date: '2024-10-16',
        checker: '市委组织部暗访组',
        findings: '王五不在岗',
      },
      results: [
        { cadreId: ids.wang, onPost: false, reason: '外出' },
        { cadreId: ids.li, onPost: true },
      ],
    });
    const found = alerts(2024, '督查不在岗');
    expect(found.map((a) => a.message)).toEqual([
      '王五在2024年10月16日市级暗访（市级）中不在岗（原因：外出），为本年度第2次；本年度督查2次不在岗（达到2次），最高评定为基本称职',
      '王五在2024年4月9日县级抽查（县级）中不在岗（原因：回原单位开会未报备），为本年度第1次；本年度督查2次不在岗（达到2次），最高评定为基本称职',
    ]);
    expect(found[1]!.link).toEqual({ view: 'events', checkId: k1.id });
    // The county's thresholds decide the cap.
    setCountySettings(db, ids.county, { checkAbsence: { noExcellentAt: 2, maxBasicAt: 4, incompetentAt: 6 } });
    expect(alerts(2024, '督查不在岗')[0]!.message).toMatch(/不得评为优秀$/);
    setCountySettings(db, ids.county, { checkAbsence: { noExcellentAt: 1, maxBasicAt: 2, incompetentAt: 3 } });
    // Corrected report: 王五 was on post at the first check.
    saveCheck(db, {
      id: k1.id,
      check: { townshipId: ids.t1, level: '县级', kind: '县级抽查', date: '2024-04-09', checker: '县委组织部', findings: null },
      results: [{ cadreId: ids.wang, onPost: true }],
    });
    expect(alerts(2024, '督查不在岗').map((a) => a.message.match(/第\d次；.*$/)![0])).toEqual([
      '第1次；本年度督查1次不在岗（达到1次），不得评为优秀',
    ]);
  });

  it('请假越权审批: leave over the township limit approved by the township only', () => {
    // The county allowed 5 days at township level when the leave was approved; now it is 3.
    setCountySettings(db, ids.county, { leaveTownshipMaxDays: 5 });
    // Whole-day leave of a certified month, the certification revoked to record it, approved by the township.
    const townshipApproved = (cadreId: number, type: '事假' | '病假', start: string, end: string, reason: string) => {
      const leave = addLeave(db, { cadreId, type, start, startHalf: '上', end, endHalf: '下', reason });
      revokeCertification(db, { townshipId: ids.t1, month: start.slice(0, 7), reason: '补登请假' });
      approveLeave(db, { leaveId: leave.id, approver: '刘书记', approverLevel: '乡镇党委' });
      return leave;
    };
    const long = townshipApproved(ids.li, '事假', '2025-01-06', '2025-01-10', '家中有事');
    townshipApproved(ids.zhang, '病假', '2025-02-03', '2025-02-04', '感冒');
    expect(alerts(2025, '请假越权审批')).toEqual([]);
    setCountySettings(db, ids.county, { leaveTownshipMaxDays: 3 });
    const [a, ...rest] = alerts(2025, '请假越权审批');
    expect(rest).toEqual([]);
    expect(a).toMatchObject({
      cadreName: '李四',
      date: '2025-01-06',
      message: '李四请事假5天（2025年1月6日至1月10日），超过乡镇审批上限3天，应报县委组织部审批，实由乡镇党委（刘书记）批准',
      link: { view: 'attendance-leave', leaveId: long.id, townshipId: ids.t1, month: '2025-01' },
    });
    // Recorded again once the county department has approved it.
    db.prepare(`UPDATE leave_requests SET approval_level = '县委组织部', approver = '县委组织部王部长' WHERE id = ?`).run(long.id);
    expect(alerts(2025, '请假越权审批')).toEqual([]);
  });

  it('keeps to the county asked for and lists kinds in order, newest first', () => {
    const all = computeAlerts(db, { year: 2024, today: TODAY });
    expect(all.some((a) => a.township === '广宁乡')).toBe(true);
    expect(alerts(2024).some((a) => a.township === '广宁乡')).toBe(false);
    const kinds = alerts(2024).map((a) => a.kind);
    // The check test's absence on a certified 在岗 day opened a 核查 (考勤登记不实).
    expect([...new Set(kinds)]).toEqual(['考勤逾期未认定', '考勤登记不实', '督查不在岗']);
    expect(alerts(2031)).toEqual([]);
  });
});
