/** Five must-attends and checks on a real SQLite file: saving, marking, refusals that change nothing, absences. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setCountySettings } from '../../main/core/attendance/settings';
import { getCheck, listChecks, removeCheck, saveCheck } from '../../main/core/events/checks';
import { candidates, yearAbsences } from '../../main/core/events/common';
import { getEvent, listEvents, markEvent, removeEvent, saveEvent } from '../../main/core/events/mustAttend';
import { schemaVersion, type Db } from '../../main/store/db';
import { latestVersion } from '../../main/store/migrations';
import { insertPeople, insertPlaces, insertPosting } from '../fixtures/sqlRows';
import { expectAppError } from '../fixtures/appError';
import { closeTestDb, openTestDb } from '../fixtures/testDb';

let dir: string;
let db: Db;
const ids = { county: 0, t1: 0, t2: 0, v1: 0, zhang: 0, li: 0, wang: 0, zhao: 0 };

const post = (cadre: number, township: number, village: number | null, start: string, end: string | null) =>
  insertPosting(db, cadre, township, village, start, end);

const refused = (fn: () => unknown, message: string | RegExp) => expectAppError(fn, { message });
const count = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;

beforeAll(() => {
  ({ dir, db } = openTestDb('events'));
  Object.assign(ids, insertPlaces(db, { county: '义县', t1: '义县/七里河镇', t2: '义县/大榆树堡镇', v1: '义县/七里河镇/北村' }));
  Object.assign(ids, insertPeople(db, { zhang: '张三', li: '李四', wang: ['王五', '乡镇党委第一副书记'], zhao: '赵六' }));
  post(ids.zhang, ids.t1, ids.v1, '2024-03-01', null);
  post(ids.li, ids.t1, ids.v1, '2024-03-01', null);
  post(ids.wang, ids.t1, null, '2024-03-01', null);
  // 赵六 serves in 大榆树堡镇 only.
  post(ids.zhao, ids.t2, null, '2024-03-01', null);
});

afterAll(() => {
  closeTestDb(db, dir);
});

const meeting = (over: Record<string, unknown> = {}) => ({
  townshipId: ids.t1,
  kind: '重要会议' as const,
  title: '防汛工作部署会',
  date: '2025-07-08',
  place: '镇政府三楼会议室',
  notes: null,
  ...over,
});

describe('five must-attends', () => {
  let eventId = 0;

  it('migrates to the version with the events tables', () => {
    expect(schemaVersion(db)).toBe(latestVersion);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>).map((r) => r.name);
    expect(tables).toEqual(expect.arrayContaining(['must_attend_events', 'must_attend_expected', 'checks', 'check_results']));
  });

  it('offers the township cadres of the date, township post first', () => {
    const c = candidates(db, { townshipId: ids.t1, date: '2025-07-08' });
    expect(c.cadres.map((x) => x.name)).toEqual(['王五', '李四', '张三']);
    expect(c.thresholds).toEqual({ noExcellentAt: 1, maxBasicAt: 2, incompetentAt: 3 });
    expect(candidates(db, { townshipId: ids.t1, date: '2024-02-29' }).cadres).toEqual([]);
  });

  it('records an event with one absent cadre and lists it with counts', () => {
    const e = saveEvent(db, {
      event: meeting(),
      expected: [
        { cadreId: ids.zhang, present: true, absenceReason: null },
        { cadreId: ids.li, present: false, absenceReason: '外出未请假' },
        { cadreId: ids.wang, present: null, absenceReason: null },
      ],
    });
    eventId = e.id;
    expect(e.township).toBe('七里河镇');
    expect(e.expected.map((x) => [x.name, x.present, x.absenceReason, x.village])).toEqual([
      ['王五', null, null, null],
      ['李四', false, '外出未请假', '北村'],
      ['张三', true, null, '北村'],
    ]);
    const list = listEvents(db, { year: 2025 });
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ expected: 3, present: 1, absent: 1, unmarked: 1, absentNames: '李四', kind: '重要会议' });
    expect(listEvents(db, { year: 2024 })).toEqual([]);
    expect(listEvents(db, { year: 2025, townshipId: ids.t2 })).toEqual([]);
  });

  it('refuses bad input in Chinese and changes nothing', () => {
    const before = [count('must_attend_events'), count('must_attend_expected'), count('audit_log')];
    refused(
      () => saveEvent(db, { event: meeting(), expected: [{ cadreId: ids.li, present: false, absenceReason: '  ' }] }),
      '请填写李四缺席的原因',
    );
    refused(
      () => saveEvent(db, { event: meeting(), expected: [{ cadreId: ids.zhao, present: true, absenceReason: null }] }),
      '赵六2025年7月8日不在七里河镇任职，不能列入',
    );
    refused(() => saveEvent(db, { event: meeting(), expected: [] }), '请至少选择一名应到干部');
    refused(
      () => saveEvent(db, { event: meeting({ kind: '座谈会' }), expected: [{ cadreId: ids.li, present: true }] }),
      /请选择五必到类别/,
    );
    refused(() => saveEvent(db, { event: meeting({ date: '2025-02-30' }), expected: [{ cadreId: ids.li, present: true }] }), /日期格式/);
    refused(() => saveEvent(db, { event: meeting({ date: '2099-01-05' }), expected: [{ cadreId: ids.li, present: true }] }), /尚未发生/);
    refused(
      () =>
        saveEvent(db, {
          event: meeting(),
          expected: [
            { cadreId: ids.li, present: true },
            { cadreId: ids.li, present: true },
          ],
        }),
      '李四被重复列出',
    );
    // A transaction that fails half-way leaves the old event untouched.
    refused(
      () =>
        saveEvent(db, {
          id: eventId,
          event: meeting({ title: '改过的题目' }),
          expected: [{ cadreId: ids.li, present: false, absenceReason: null }],
        }),
      '请填写李四缺席的原因',
    );
    expect([count('must_attend_events'), count('must_attend_expected'), count('audit_log')]).toEqual(before);
    expect(getEvent(db, eventId).title).toBe('防汛工作部署会');
  });

  it('marks the unmarked cadre without touching the others', () => {
    const e = markEvent(db, { eventId, marks: [{ cadreId: ids.wang, present: true, absenceReason: null }] });
    expect(e.expected.map((x) => x.present)).toEqual([true, false, true]);
    refused(() => markEvent(db, { eventId, marks: [{ cadreId: ids.zhao, present: true }] }), /不在该事项的应到名单/);
  });

  it('counts a year’s absences per cadre, leaving out the record being edited', () => {
    expect(yearAbsences(db, 2025).get(ids.li)).toEqual({ check: 0, event: 1 });
    expect(yearAbsences(db, 2025, { eventId }).get(ids.li)).toBeUndefined();
    expect(candidates(db, { townshipId: ids.t1, date: '2025-07-08' }).cadres.find((c) => c.cadreId === ids.li)?.eventAbsences).toBe(1);
  });

  it('edits the expected list in place and removes the event with its marks', () => {
    const e = saveEvent(db, {
      id: eventId,
      event: meeting({ kind: '突发事件', title: '暴雨转移群众' }),
      expected: [{ cadreId: ids.zhang, present: true }],
    });
    expect(e.id).toBe(eventId);
    expect(e.kind).toBe('突发事件');
    expect(e.expected).toHaveLength(1);
    removeEvent(db, eventId);
    expect(count('must_attend_expected')).toBe(0);
    refused(() => getEvent(db, eventId), '该五必到事项不存在，可能已被删除，请刷新后重试');
  });
});

describe('checks (督查)', () => {
  let first = 0;
  const check = (over: Record<string, unknown> = {}) => ({
    townshipId: ids.t1,
    level: '县级' as const,
    kind: '县级抽查' as const,
    date: '2025-03-12',
    checker: '县委组织部督查组',
    findings: '抽查3人，1人不在岗',
    ...over,
  });

  it('records a check with a cadre not on post', () => {
    const k = saveCheck(db, {
      check: check(),
      results: [
        { cadreId: ids.zhang, onPost: false, reason: '回县城办事未请假' },
        { cadreId: ids.li, onPost: true },
      ],
    });
    first = k.id;
    expect(k.results.map((r) => [r.name, r.onPost, r.reason])).toEqual([
      ['李四', true, null],
      ['张三', false, '回县城办事未请假'],
    ]);
    expect(listChecks(db, { year: 2025 })[0]).toMatchObject({ checked: 2, notOnPost: 1, notOnPostNames: '张三', level: '县级' });
  });

  it('refuses a kind at the wrong level, a future date, a missing reason — changing nothing', () => {
    const before = [count('checks'), count('check_results')];
    refused(
      () => saveCheck(db, { check: check({ kind: '市级暗访' }), results: [{ cadreId: ids.li, onPost: true }] }),
      '“市级暗访”的督查层级应为“市级”',
    );
    refused(
      () => saveCheck(db, { check: check({ date: '2099-03-01' }), results: [{ cadreId: ids.li, onPost: true }] }),
      /督查日期不能晚于今天/,
    );
    refused(() => saveCheck(db, { check: check(), results: [{ cadreId: ids.li, onPost: false }] }), '请填写李四不在岗的原因');
    refused(() => saveCheck(db, { check: check({ checker: '' }), results: [{ cadreId: ids.li, onPost: true }] }), '请填写督查人或督查组');
    refused(() => saveCheck(db, { check: check(), results: [{ cadreId: ids.zhao, onPost: true }] }), /不在七里河镇任职/);
    expect([count('checks'), count('check_results')]).toEqual(before);
  });

  it('shows the absence count and the cap it implies, per county thresholds', () => {
    saveCheck(db, {
      check: check({ level: '市级', kind: '电话查岗', date: '2025-05-20', checker: '市委组织部' }),
      results: [{ cadreId: ids.zhang, onPost: false, reason: '电话无人接听，经核实在县城' }],
    });
    expect(yearAbsences(db, 2025).get(ids.zhang)).toEqual({ check: 2, event: 0 });
    // Editing the first check: the form's own mark is not counted twice.
    expect(
      candidates(db, { townshipId: ids.t1, date: '2025-03-12', checkId: first }).cadres.find((c) => c.cadreId === ids.zhang)?.checkAbsences,
    ).toBe(1);
    setCountySettings(db, ids.county, { checkAbsence: { noExcellentAt: 2, maxBasicAt: 3, incompetentAt: 4 } });
    expect(candidates(db, { townshipId: ids.t1, date: '2025-03-12' }).thresholds.incompetentAt).toBe(4);
    setCountySettings(db, ids.county, { checkAbsence: { noExcellentAt: 1, maxBasicAt: 2, incompetentAt: 3 } });
  });

  it('edits, removes, and follows a deleted cadre', () => {
    const k = saveCheck(db, { id: first, check: check({ findings: null }), results: [{ cadreId: ids.li, onPost: true }] });
    expect(getCheck(db, k.id).findings).toBeNull();
    expect(yearAbsences(db, 2025).get(ids.zhang)?.check).toBe(1);
    removeCheck(db, first);
    refused(() => getCheck(db, first), '该督查记录不存在，可能已被删除，请刷新后重试');
    db.prepare('DELETE FROM cadres WHERE id = ?').run(ids.zhang);
    expect(yearAbsences(db, 2025).get(ids.zhang)).toBeUndefined();
    expect(listChecks(db, { year: 2025 })[0]).toMatchObject({ checked: 0, notOnPost: 0 });
  });
});
