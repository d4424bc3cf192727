import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certifyMonth, monthHistory, revokeCertification } from '../../main/core/attendance/certify';
import { certificationWarnings } from '../../main/core/attendance/certifyChecks';
import { getMonthGrid, setCells } from '../../main/core/attendance/grid';
import { deleteHoliday, listHolidays, setHoliday } from '../../main/core/attendance/holidays';
import { addLeave, approveLeave, recordReturn, rejectLeave } from '../../main/core/attendance/leave';
import { getCountySettings, setCountySettings } from '../../main/core/attendance/settings';
import { setSetting } from '../../main/core/runtime/settings';
import { openDatabase, schemaVersion, type Db } from '../../main/store/db';
import { latestVersion } from '../../main/store/migrations';
import { insertPeople, insertPlaces, insertPosting } from '../fixtures/sqlRows';
import { expectAppError } from '../fixtures/appError';
import { closeTestDb, openTestDb } from '../fixtures/testDb';

let dir: string;
let db: Db;
const ids = { county: 0, t1: 0, t2: 0, v1: 0, v2: 0, zhang: 0, li: 0, wang: 0, zhao: 0 };
const SCAN = 'a'.repeat(64);
const PROOF = 'b'.repeat(64);
const now = new Date().toISOString();

const post = (cadre: number, township: number, village: number | null, start: string, end: string | null) =>
  insertPosting(db, cadre, township, village, start, end);

const expectError = (fn: () => unknown, code: string, message?: string | RegExp) => expectAppError(fn, { code, message });

beforeAll(() => {
  ({ dir, db } = openTestDb('att'));
  Object.assign(
    ids,
    insertPlaces(db, { county: '义县', t1: '义县/七里河镇', t2: '义县/大榆树堡镇', v1: '义县/七里河镇/北村', v2: '义县/大榆树堡镇/南村' }),
  );
  Object.assign(ids, insertPeople(db, { zhang: '张三', li: '李四', wang: ['王五', '乡镇党委第一副书记'], zhao: '赵六' }));
  post(ids.zhang, ids.t1, ids.v1, '2024-06-01', null);
  post(ids.li, ids.t1, ids.v1, '2025-03-16', null);
  post(ids.wang, ids.t1, null, '2024-01-01', null);
  // 赵六 moved from 七里河镇 to 大榆树堡镇 on 11 March 2025.
  post(ids.zhao, ids.t1, ids.v1, '2024-01-01', '2025-03-10');
  post(ids.zhao, ids.t2, ids.v2, '2025-03-11', null);
  const blob = db.prepare(`INSERT INTO blobs (sha256, kind, mime, size, created_at) VALUES (?, 'pdf', 'application/pdf', 100, ?)`);
  blob.run(SCAN, now);
  blob.run(PROOF, now);
  // The grids here count every calendar day (the county setting); rest days: attendanceCertified.test.ts.
  setCountySettings(db, ids.county, { restDaysCount: true });
});

afterAll(() => {
  closeTestDb(db, dir);
});

describe('attendance store', () => {
  it('migrates to the newest version and seeds holidays', () => {
    expect(schemaVersion(db)).toBe(latestVersion);
    expect(latestVersion).toBeGreaterThanOrEqual(2);
    expect(listHolidays(db, 2025).find((h) => h.date === '2025-10-01')?.name).toBe('国庆节、中秋节');
  });

  it('opens a month grid with defaults, partial postings and the holiday calendar', () => {
    const g = getMonthGrid(db, ids.t1, '2025-03');
    expect(g.days).toHaveLength(31);
    expect(g.days[0]).toMatchObject({ weekday: 6, weekend: true });
    // Township post first, then village, then names in pinyin order.
    expect(g.rows.map((r) => r.name)).toEqual(['王五', '李四', '张三', '赵六']);
    const li = g.rows.find((r) => r.cadreId === ids.li)!;
    expect(li.cells[14]).toEqual(['未到任', '未到任']);
    expect(li.cells[15]).toEqual(['在岗', '在岗']);
    expect(li.counts).toMatchObject({ postedDays: 16, onPost: 16, required: 11, meetsMinimum: true });
    expect(g.certification).toBeNull();
    expect(g.settings).toMatchObject({ gongchuCountsOnPost: true, monthlyMinimum: 20, leaveTownshipMaxDays: 3, certifyDeadlineDays: 10 });
    expect(g.complete).toBe(true);
  });

  it('shows a cadre who moved mid-month in both townships', () => {
    const a = getMonthGrid(db, ids.t1, '2025-03').rows.find((r) => r.cadreId === ids.zhao)!;
    const b = getMonthGrid(db, ids.t2, '2025-03').rows.find((r) => r.cadreId === ids.zhao)!;
    expect(a.cells[9]).toEqual(['在岗', '在岗']);
    expect(a.cells[10]).toEqual(['未到任', '未到任']);
    expect(b.cells[9]).toEqual(['未到任', '未到任']);
    expect(b.cells[10]).toEqual(['在岗', '在岗']);
    expect(a.counts.postedDays + b.counts.postedDays).toBe(31);
    expect(a.village).toBe('北村');
    expect(b.village).toBe('南村');
    expectError(
      () => setCells(db, { townshipId: ids.t1, month: '2025-03', edits: [{ cadreId: ids.zhao, date: '2025-03-12', code: '缺勤' }] }),
      'INVALID_INPUT',
      /不在本乡镇任职期内/,
    );
  });

  it('edits cells, returns undo edits and stores only exceptions', () => {
    const r = setCells(db, {
      townshipId: ids.t1,
      month: '2025-03',
      edits: [
        { cadreId: ids.zhang, date: '2025-03-03', code: '公出' },
        { cadreId: ids.zhang, date: '2025-03-04', half: '下', code: '事假' },
        { cadreId: ids.zhang, date: '2025-03-05', code: '缺勤' },
      ],
    });
    expect(r.changed).toBe(5);
    expect(r.rows).toHaveLength(1);
    expect(r.rows[0]!.cells[3]).toEqual(['在岗', '事假']);
    expect(r.rows[0]!.counts).toMatchObject({ onPost: 29.5, gongchu: 1, absent: 1 });
    expect(db.prepare('SELECT COUNT(*) AS n FROM attendance_cells WHERE cadre_id = ?').get(ids.zhang)).toEqual({ n: 3 });
    // Undo puts 在岗 back and deletes the exception rows; its own undo is the redo.
    const u = setCells(db, { townshipId: ids.t1, month: '2025-03', edits: r.undo });
    expect(u.rows[0]!.counts.onPost).toBe(31);
    expect(db.prepare('SELECT COUNT(*) AS n FROM attendance_cells WHERE cadre_id = ?').get(ids.zhang)).toEqual({ n: 0 });
    const redo = setCells(db, { townshipId: ids.t1, month: '2025-03', edits: u.undo });
    expect(redo.rows[0]!.counts).toMatchObject({ onPost: 29.5, absent: 1 });
    expectError(
      () => setCells(db, { townshipId: ids.t1, month: '2025-03', edits: [{ cadreId: ids.li, date: '2025-03-01', code: '缺勤' }] }),
      'INVALID_INPUT',
      /不在本乡镇任职期内/,
    );
    expectError(
      () => setCells(db, { townshipId: ids.t1, month: '2025-03', edits: [{ cadreId: ids.li, date: '2025-04-01', code: '缺勤' }] }),
      'INVALID_INPUT',
      /不在所选月份内/,
    );
  });

  it('honours the county settings', () => {
    setCountySettings(db, ids.county, { gongchuCountsOnPost: false });
    expect(getMonthGrid(db, ids.t1, '2025-03').rows.find((r) => r.cadreId === ids.zhang)!.counts.onPost).toBe(28.5);
    expect(getCountySettings(db, ids.county)).toMatchObject({ gongchuCountsOnPost: false, monthlyMinimum: 20 });
    expectError(() => setCountySettings(db, ids.county, { monthlyMinimum: 0 }), 'INVALID_INPUT', '每月最少在岗天数不能少于1天');
    setCountySettings(db, ids.county, { gongchuCountsOnPost: true });
  });

  it('certifies, locks, revokes with a reason and keeps the history', () => {
    const base = {
      townshipId: ids.t1,
      month: '2025-03',
      secretaryName: '孙书记',
      certifiedOn: '2025-04-02',
      sealApplied: true,
      scanSha256: SCAN,
    };
    expectError(() => certifyMonth(db, { ...base, sealApplied: false }), 'INVALID_INPUT', /盖章/);
    expectError(() => certifyMonth(db, { ...base, scanSha256: null }), 'INVALID_INPUT', /扫描件/);
    expectError(() => certifyMonth(db, { ...base, secretaryName: ' ' }), 'INVALID_INPUT', /书记姓名/);
    expectError(() => certifyMonth(db, { ...base, month: '2999-01', certifiedOn: '2999-02-01' }), 'INVALID_INPUT', /尚未到来/);
    expectError(() => certifyMonth(db, { ...base, scanSha256: 'c'.repeat(64) }), 'NOT_FOUND');

    // Before sealing, every warning must be confirmed one by one (a 缺勤 with its explanation).
    const warnings = certificationWarnings(db, ids.t1, '2025-03');
    expect(warnings.map((w) => w.kind)).toEqual(expect.arrayContaining(['事假无请假记录', '缺勤待说明']));
    expectError(() => certifyMonth(db, base), 'CONFLICT', /认定前须逐条确认/);
    const confirmations = warnings.map((w) => ({ key: w.key, note: w.needsNote ? '' : undefined }));
    expectError(() => certifyMonth(db, { ...base, confirmations }), 'INVALID_INPUT', /请说明缺勤原因/);
    const explained = warnings.map((w) => ({ key: w.key, ...(w.needsNote ? { note: '家中急事，次日已补假' } : {}) }));
    const cert = certifyMonth(db, { ...base, confirmations: explained });
    const certEntry = monthHistory(db, ids.t1, '2025-03').find((h) => h.action === 'certify')!;
    expect((certEntry.detail.confirmed as unknown[]).length).toBe(warnings.length);
    expect(certEntry.summary).toContain('家中急事，次日已补假');
    expect(cert).toMatchObject({ secretaryName: '孙书记', certifiedOn: '2025-04-02', sealApplied: true, scanSha256: SCAN });
    expect(getMonthGrid(db, ids.t1, '2025-03').certification?.id).toBe(cert.id);
    expectError(() => certifyMonth(db, { ...base, confirmations: explained }), 'CONFLICT');

    const edit = { townshipId: ids.t1, month: '2025-03', edits: [{ cadreId: ids.zhang, date: '2025-03-20', code: '病假' as const }] };
    expectError(() => setCells(db, edit), 'CONFLICT', '该月考勤已由乡镇党委认定，修改前须先撤销认定并说明原因');
    // Other townships and months stay editable.
    setCells(db, { townshipId: ids.t2, month: '2025-03', edits: [{ cadreId: ids.zhao, date: '2025-03-20', code: '公出' }] });

    expectError(
      () => revokeCertification(db, { townshipId: ids.t1, month: '2025-03', reason: '有误' }),
      'INVALID_INPUT',
      '撤销认定须说明原因（不少于4个字）',
    );
    setSetting(db, 'operator', '组织部周科长');
    revokeCertification(db, { townshipId: ids.t1, month: '2025-03', reason: '张三3月20日病假漏登' });
    expect(getMonthGrid(db, ids.t1, '2025-03').certification).toBeNull();
    expectError(() => revokeCertification(db, { townshipId: ids.t1, month: '2025-03', reason: '再次撤销试试' }), 'NOT_FOUND');
    const after = setCells(db, edit);
    expect(after.rows[0]!.cells[19]).toEqual(['病假', '病假']);
    const confirmAgain = certificationWarnings(db, ids.t1, '2025-03').map((w) => ({
      key: w.key,
      ...(w.needsNote ? { note: '已核实，确因私事' } : {}),
    }));
    const again = certifyMonth(db, { ...base, certifiedOn: '2025-04-08', confirmations: confirmAgain });
    expect(again.id).not.toBe(cert.id);

    const h = monthHistory(db, ids.t1, '2025-03');
    const actions = h.map((e) => e.action);
    expect(actions.slice(-4)).toEqual(['certify', 'revoke', 'edit', 'certify']);
    const revoke = h.find((e) => e.action === 'revoke')!;
    expect(revoke.operator).toBe('组织部周科长');
    expect(revoke.summary).toContain('张三3月20日病假漏登');
    expect(h.find((e) => e.action === 'certify')!.operator).toBe('组织部刘干事');
    const lastEdit = h.filter((e) => e.action === 'edit').at(-1)!;
    expect(lastEdit.operator).toBe('组织部周科长');
    expect(lastEdit.summary).toContain('在岗→病假');
    const rows = db.prepare('SELECT revoked_reason AS r, revoked_by AS b FROM attendance_certifications WHERE id = ?').get(cert.id);
    expect(rows).toEqual({ r: '张三3月20日病假漏登', b: '组织部周科长' });
  });

  it('registers, approves and fills leave with half days; certified months refuse it', () => {
    expectError(
      () =>
        addLeave(db, {
          cadreId: ids.li,
          type: '事假',
          start: '2025-03-10',
          startHalf: '上',
          end: '2025-03-17',
          endHalf: '下',
          reason: '家中有事',
        }),
      'INVALID_INPUT',
      /任职期内/,
    );
    const l = addLeave(db, {
      cadreId: ids.li,
      type: '事假',
      start: '2025-04-02',
      startHalf: '下',
      end: '2025-04-04',
      endHalf: '上',
      reason: '家中有事',
      proofSha256: PROOF,
    });
    expect(l).toMatchObject({ days: 2, status: '待审批', requiredLevel: '乡镇党委', approvalLevel: null });
    expect(getMonthGrid(db, ids.t1, '2025-04').rows.find((r) => r.cadreId === ids.li)!.cells[1]).toEqual(['在岗', '在岗']);
    expectError(
      () =>
        addLeave(db, {
          cadreId: ids.li,
          type: '病假',
          start: '2025-04-04',
          startHalf: '上',
          end: '2025-04-04',
          endHalf: '上',
          reason: '看病',
        }),
      'CONFLICT',
      /重叠/,
    );
    const ok = approveLeave(db, { leaveId: l.id, approver: '孙书记', approverLevel: '乡镇党委', approvedOn: '2025-04-01' });
    expect(ok).toMatchObject({ status: '已批准', approvalLevel: '乡镇党委', approver: '孙书记' });
    const row = getMonthGrid(db, ids.t1, '2025-04').rows.find((r) => r.cadreId === ids.li)!;
    expect(row.cells[1]).toEqual(['在岗', '事假']);
    expect(row.cells[2]).toEqual(['事假', '事假']);
    expect(row.cells[3]).toEqual(['事假', '在岗']);
    expect(row.counts.leaveByType.事假).toBe(2);

    // Early return: back on the afternoon of 3 April — the rest goes back to 在岗.
    const back = recordReturn(db, { leaveId: l.id, returnedOn: '2025-04-03', returnedHalf: '下' });
    expect(back.status).toBe('已销假');
    const row2 = getMonthGrid(db, ids.t1, '2025-04').rows.find((r) => r.cadreId === ids.li)!;
    expect(row2.cells[2]).toEqual(['事假', '在岗']);
    expect(row2.cells[3]).toEqual(['在岗', '在岗']);
    expect(row2.counts.leaveByType.事假).toBe(1);
    expect(monthHistory(db, ids.t1, '2025-04').map((e) => e.action)).toEqual(['leave', 'leave', 'leave']);

    // Longer leave needs the county; with a 5-day threshold the township approves 4 days.
    const long = addLeave(db, {
      cadreId: ids.zhang,
      type: '病假',
      start: '2025-05-06',
      startHalf: '上',
      end: '2025-05-09',
      endHalf: '下',
      reason: '住院',
    });
    expect(long.requiredLevel).toBe('县委组织部');
    setCountySettings(db, ids.county, { leaveTownshipMaxDays: 5 });
    expect(approveLeave(db, { leaveId: long.id, approver: '孙书记', approverLevel: '乡镇党委' }).approvalLevel).toBe('乡镇党委');
    setCountySettings(db, ids.county, { leaveTownshipMaxDays: 3 });

    // The certified March refuses a leave approval touching it.
    const march = addLeave(db, {
      cadreId: ids.wang,
      type: '公假',
      start: '2025-03-31',
      startHalf: '上',
      end: '2025-04-01',
      endHalf: '下',
      reason: '参加培训',
    });
    expectError(() => approveLeave(db, { leaveId: march.id, approver: '县委组织部' }), 'CONFLICT', /七里河镇2025年3月考勤已由乡镇党委认定/);
    expect(getMonthGrid(db, ids.t1, '2025-04').rows.find((r) => r.cadreId === ids.wang)!.cells[0]).toEqual(['在岗', '在岗']);
    expect(rejectLeave(db, { leaveId: march.id, approver: '县委组织部' }).status).toBe('未批准');
  });

  it('keeps the holiday calendar editable', () => {
    setHoliday(db, { date: '2027-01-01', kind: 'holiday', name: '元旦' });
    expect(listHolidays(db, 2027)).toEqual([{ date: '2027-01-01', kind: 'holiday', name: '元旦' }]);
    expect(getMonthGrid(db, ids.t1, '2027-01').days[0]).toMatchObject({ holiday: '元旦', rest: true });
    deleteHoliday(db, '2027-01-01');
    expect(listHolidays(db, 2027)).toEqual([]);
  });
});

describe('migration 0002', () => {
  it('applies to a database created at version 1', () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-att-v1-'));
    try {
      const v1 = openDatabase(d, { migrateTo: 1 });
      expect(schemaVersion(v1)).toBe(1);
      v1.prepare(`INSERT INTO counties (name, kind) VALUES ('义县', '县')`).run();
      v1.close();
      const v2 = openDatabase(d);
      expect(schemaVersion(v2)).toBe(latestVersion);
      expect((v2.prepare('SELECT COUNT(*) AS n FROM holidays').get() as { n: number }).n).toBeGreaterThan(80);
      expect(v2.prepare('SELECT name FROM counties').get()).toEqual({ name: '义县' });
      expect(getCountySettings(v2, 1).monthlyMinimum).toBe(20);
      v2.close();
    } finally {
      fs.rmSync(d, { recursive: true, force: true });
    }
  });
});
