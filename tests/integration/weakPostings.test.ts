/**
 * Weak villages bound to postings (issue 13 item 6) on a real SQLite file: the village's first
 * secretary and work team support it from their postings without being named, so the 1/2/3-year
 * clock and its alerts run for them; 召回调换 ends the recalled cadre's posting on its date and
 * leaves the place awaiting a successor until one is posted there. The clock is injected.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workAlerts } from '../../main/core/work/alerts';
import { getWeakVillage, nameSuccessor, recordAction, removeWeakVillage, saveWeakVillage } from '../../main/core/work/weak';
import { type Db } from '../../main/store/db';
import { refusalMessage } from '../fixtures/appError';
import { insertCadre, insertCounty, insertPosting, insertTownship, insertVillage } from '../fixtures/sqlRows';
import { closeTestDb, openTestDb } from '../fixtures/testDb';

const TODAY = '2024-06-01';
let dir: string;
let db: Db;
const ids = { county: 0, t: 0, v: 0, w: 0, sec: 0, team: 0, other: 0, deputy: 0, earlier: 0, next: 0 };

const postingEnd = (cadreId: number) =>
  (db.prepare('SELECT "end" AS e FROM postings WHERE cadre_id = ? ORDER BY start DESC LIMIT 1').get(cadreId) as { e: string | null }).e;

beforeAll(() => {
  ({ dir, db } = openTestDb('weakpost'));
  ids.county = insertCounty(db, '义县');
  ids.t = insertTownship(db, ids.county, '七里河镇');
  ids.v = insertVillage(db, ids.t, '北村');
  ids.w = insertVillage(db, ids.t, '南村');
  let n = 0;
  const cadre = (name: string, postType: string) => insertCadre(db, name, `11010119900101${String(1000 + n++)}`, postType);
  ids.sec = cadre('张书记', '村党组织第一书记');
  ids.team = cadre('李队员', '驻村工作队员');
  ids.other = cadre('赵书记', '村党组织第一书记');
  ids.deputy = cadre('王副书记', '乡镇党委第一副书记');
  ids.earlier = cadre('钱前任', '村党组织第一书记');
  ids.next = cadre('孙接任', '村党组织第一书记');
  const post = (cadre: number, village: number | null, start: string, end: string | null) =>
    insertPosting(db, cadre, ids.t, village, start, end);
  post(ids.earlier, ids.v, '2019-01-01', '2020-06-30');
  post(ids.sec, ids.v, '2021-03-01', null);
  post(ids.team, ids.v, '2021-03-01', null);
  post(ids.other, ids.w, '2021-03-01', null);
  post(ids.deputy, null, '2021-03-01', null);
  saveWeakVillage(db, { villageId: ids.v, listedYear: 2021, notes: null });
});

afterAll(() => {
  closeTestDb(db, dir);
});

describe('supporters from postings', () => {
  it('counts the first secretary and team posted while the village was weak, nobody named by hand', () => {
    const w = getWeakVillage(db, ids.v, TODAY);
    expect(db.prepare('SELECT COUNT(*) AS n FROM weak_supporters').get()).toEqual({ n: 0 });
    expect(w.supporters.map((s) => [s.name, s.byPosting, s.assigned]).sort()).toEqual([
      ['张书记', true, false],
      ['李队员', true, false],
    ]);
    const sec = w.supporters.find((s) => s.cadreId === ids.sec)!;
    expect(sec.clockStart).toBe('2021-03-01');
    expect(sec.milestones.map((m) => [m.kind, m.state, m.requiredAction])).toEqual([
      ['发展思路', '已逾期', '约谈'],
      ['增收渠道', '已逾期', '召回调换'],
      ['摘帽', '已逾期', '召回调换'],
    ]);
  });

  it('raises the missed-milestone alert for the unnamed first secretary', () => {
    const alerts = workAlerts(db, { year: 2022, countyId: ids.county, today: TODAY }).filter((a) => a.kind === '薄弱村节点逾期');
    expect(alerts.map((a) => a.cadreName).sort()).toEqual(['张书记', '李队员']);
    expect(alerts[0]!.message).toContain('一年内形成发展思路');
  });
});

describe('召回调换', () => {
  it('约谈 keeps the posting; a refused recall changes nothing', () => {
    recordAction(
      db,
      { villageId: ids.v, cadreId: ids.sec, milestone: '发展思路', action: '约谈', date: '2022-03-10', by: '县委组织部', notes: null },
      TODAY,
    );
    expect(postingEnd(ids.sec)).toBeNull();
    const msg = refusalMessage(() =>
      recordAction(
        db,
        {
          villageId: ids.v,
          cadreId: ids.sec,
          milestone: '增收渠道',
          action: '召回调换',
          date: '2023-02-01',
          by: '县委组织部',
          notes: null,
        },
        TODAY,
      ),
    );
    expect(msg).toContain('之后');
    expect(postingEnd(ids.sec)).toBeNull();
    expect(getWeakVillage(db, ids.v, TODAY).awaitingSuccessor).toEqual([]);
  });

  it('ends the posting on the recall date and waits for the successor', () => {
    const w = recordAction(
      db,
      {
        villageId: ids.v,
        cadreId: ids.sec,
        milestone: '增收渠道',
        action: '召回调换',
        date: '2023-03-10',
        by: '县委组织部',
        notes: '召回派出单位',
      },
      TODAY,
    );
    expect(postingEnd(ids.sec)).toBe('2023-03-10');
    expect(postingEnd(ids.team)).toBeNull();
    expect(w.awaitingSuccessor).toHaveLength(1);
    expect(w.awaitingSuccessor[0]).toMatchObject({
      cadreId: ids.sec,
      date: '2023-03-10',
      townshipId: ids.t,
      villageId: ids.v,
      place: '七里河镇北村',
    });
    // The 摘帽 milestone falls due after the recall: no longer his to meet.
    const sec = w.supporters.find((s) => s.cadreId === ids.sec)!;
    expect(sec.clockEnd).toBe('2023-03-10');
    expect(sec.milestones.find((m) => m.kind === '摘帽')!.state).toBe('已离任');
    const moved = db
      .prepare(`SELECT detail FROM audit_log WHERE entity = 'cadre' AND entity_id = ? AND action = 'move'`)
      .all(ids.sec) as Array<{ detail: string }>;
    expect(moved).toHaveLength(1);
    expect(JSON.parse(moved[0]!.detail).recall.end).toBe('2023-03-10');
  });

  it('refuses a successor before the recall or the recalled cadre himself, then posts the successor', () => {
    const actionId = getWeakVillage(db, ids.v, TODAY).awaitingSuccessor[0]!.actionId;
    expect(refusalMessage(() => nameSuccessor(db, { villageId: ids.v, actionId, cadreId: ids.next, start: '2023-03-01' }, TODAY))).toBe(
      '接任日期不能早于召回日期（2023年3月10日）',
    );
    expect(refusalMessage(() => nameSuccessor(db, { villageId: ids.v, actionId, cadreId: ids.sec, start: '2023-03-11' }, TODAY))).toContain(
      '不能接任',
    );
    expect(db.prepare('SELECT COUNT(*) AS n FROM postings WHERE cadre_id = ?').get(ids.next)).toEqual({ n: 0 });
    const w = nameSuccessor(db, { villageId: ids.v, actionId, cadreId: ids.next, start: '2023-03-11' }, TODAY);
    expect(w.awaitingSuccessor).toEqual([]);
    const next = w.supporters.find((s) => s.cadreId === ids.next)!;
    expect(next).toMatchObject({ byPosting: true, clockStart: '2023-03-11', clockEnd: null });
    expect(next.milestones.map((m) => m.state)).toEqual(['已逾期', '未到期', '未到期']);
    expect(
      refusalMessage(() => nameSuccessor(db, { villageId: ids.v, actionId, cadreId: ids.other, start: '2023-04-01' }, TODAY)),
    ).toContain('已有接任人');
  });
});

describe('taking a village off the list', () => {
  it('is refused once 约谈 or 召回调换 is on record, and changes nothing', () => {
    const before = getWeakVillage(db, ids.v, TODAY);
    const entries = db.prepare('SELECT COUNT(*) AS n FROM audit_log').get();
    expect(refusalMessage(() => removeWeakVillage(db, ids.v))).toBe(
      '七里河镇北村已有2条约谈或召回调换记录，记录在案，不能移出薄弱村名单；该村已达标请登记“摘帽”节点',
    );
    expect(getWeakVillage(db, ids.v, TODAY)).toEqual(before);
    expect(db.prepare('SELECT COUNT(*) AS n FROM audit_log').get()).toEqual(entries);
  });

  it('removes a listing entered by mistake, logging the milestones and supporters it takes along', () => {
    saveWeakVillage(db, { villageId: ids.w, listedYear: 2023, notes: null });
    db.prepare(
      `INSERT INTO weak_milestones (village_id, kind, date, description, updated_at) VALUES (?, '发展思路', '2023-05-01', '种植中药材', '')`,
    ).run(ids.w);
    removeWeakVillage(db, ids.w);
    expect(db.prepare('SELECT COUNT(*) AS n FROM weak_milestones WHERE village_id = ?').get(ids.w)).toEqual({ n: 0 });
    const e = db
      .prepare(`SELECT action, before FROM audit_log WHERE entity = 'weak_village' AND entity_id = ? ORDER BY id DESC LIMIT 1`)
      .get(ids.w) as {
      action: string;
      before: string;
    };
    expect(e.action).toBe('delete');
    expect(JSON.parse(e.before)).toMatchObject({
      listed_year: 2023,
      milestones: [{ kind: '发展思路', description: '种植中药材' }],
      supporters: [],
    });
  });
});
