/** Work alerts on a real SQLite file: each kind raised by a real record and cleared when fixed. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workAlerts } from '../../main/core/work/alerts';
import { publiciseProject, saveProject } from '../../main/core/work/projects';
import { addPayment, savePolicy } from '../../main/core/work/support';
import { recordAction, saveWeakVillage, setMilestone, setSupporters } from '../../main/core/work/weak';
import { type Db } from '../../main/store/db';
import type { Alert } from '../../shared/alerts';
import type { WorkAlertKind } from '../../shared/work';
import { insertPeople, insertPlaces, insertPosting } from '../fixtures/sqlRows';
import { closeTestDb, openTestDb } from '../fixtures/testDb';

let dir: string;
let db: Db;
const ids = { county: 0, other: 0, t1: 0, tOther: 0, v1: 0, v2: 0, zhang: 0, wang: 0, city: 0, far: 0 };
const alerts = (year: number, kind: WorkAlertKind, today: string): Alert[] =>
  workAlerts(db, { year, countyId: ids.county, today }).filter((a) => a.kind === kind);

beforeAll(() => {
  ({ dir, db } = openTestDb('workalerts'));
  Object.assign(
    ids,
    insertPlaces(db, {
      county: '义县',
      other: '北镇市',
      t1: '义县/七里河镇',
      tOther: '北镇市/广宁乡',
      v1: '义县/七里河镇/北村',
      v2: '义县/七里河镇/南村',
    }),
  );
  Object.assign(
    ids,
    insertPeople(db, {
      zhang: '张三',
      wang: ['王五', '乡镇党委第一副书记'],
      city: ['赵六', '村党组织第一书记', '市级'],
      far: ['孙八', '乡镇党委第一副书记', '市级'],
    }),
  );
  insertPosting(db, ids.zhang, ids.t1, ids.v1, '2023-03-01', null);
  insertPosting(db, ids.wang, ids.t1, null, '2024-01-01', null);
  insertPosting(db, ids.city, ids.t1, ids.v2, '2024-03-12', null);
  insertPosting(db, ids.far, ids.tOther, null, '2024-01-01', null); // other county: never in this county's alerts
});

afterAll(() => {
  closeTestDb(db, dir);
});

describe('work alerts', () => {
  it('年度无项目: not before October, medium in Q4, high after year end; cleared by a project', () => {
    expect(alerts(2024, '年度无项目', '2024-09-30')).toEqual([]);
    expect(alerts(2024, '年度无项目', '2024-10-01').map((a) => [a.cadreName, a.severity])).toEqual([
      ['王五', 'medium'],
      ['张三', 'medium'],
      ['赵六', 'medium'],
    ]);
    const after = alerts(2024, '年度无项目', '2025-01-05');
    expect(after.every((a) => a.severity === 'high')).toBe(true);
    expect(after[0]!.message).toBe('王五2024年底前没有促进乡村振兴发展项目（每名驻村干部年底前至少1个）');
    saveProject(db, undefined, {
      cadreId: ids.zhang,
      villageId: ids.v1,
      name: '光伏电站',
      kind: '集体经济',
      year: 2024,
      status: '在建',
      funds: [],
      inPark: false,
      notes: null,
    });
    expect(alerts(2024, '年度无项目', '2025-01-05').map((a) => a.cadreName)).toEqual(['王五', '赵六']);
  });

  it('项目未公示: raised for the unpublicised project, cleared by publicity, linking to the project', () => {
    const [a] = alerts(2024, '项目未公示', '2024-11-01');
    expect(a).toMatchObject({
      cadreName: '张三',
      township: '七里河镇',
      severity: 'medium',
      message: '张三的2024年项目“光伏电站”（北村）尚未在村公示栏公示',
    });
    expect(a!.link).toMatchObject({ view: 'work', tab: 'projects', cadreId: ids.zhang });
    publiciseProject(db, (a!.link as { projectId: number }).projectId, '2024-11-02', '北村村务公开栏', '2024-11-02');
    expect(alerts(2024, '项目未公示', '2024-11-03')).toEqual([]);
  });

  it('未包扶薄弱村: a township first deputy secretary with no weak village, cleared by support', () => {
    expect(alerts(2024, '未包扶薄弱村', '2024-06-01').map((a) => a.cadreName)).toEqual(['王五']);
    saveWeakVillage(db, { villageId: ids.v1, listedYear: 2023, notes: null });
    setSupporters(db, ids.v1, [ids.wang, ids.zhang]);
    expect(alerts(2024, '未包扶薄弱村', '2024-06-01')).toEqual([]);
  });

  it('薄弱村节点逾期: a missed milestone raises 约谈, cleared once recorded; the next miss asks 召回调换', () => {
    // 张三's clock started 2023-03-01: idea due 2024-02-29. 王五's started 2024-01-01: idea due 2024-12-31.
    const a = alerts(2024, '薄弱村节点逾期', '2024-06-01');
    expect(a.map((x) => x.cadreName)).toEqual(['张三']);
    expect(a[0]!.message).toBe('张三包扶的北村未能一年内形成发展思路，至今未完成（期限2024年2月29日），应予约谈并记录在案');
    expect(a[0]!.link).toEqual({ view: 'work', tab: 'weak', villageId: ids.v1, cadreId: ids.zhang });
    // The idea arrives late: still missed for 张三, in time for 王五.
    setMilestone(db, { villageId: ids.v1, kind: '发展思路', date: '2024-07-01', description: '确定光伏+食用菌' }, [], '2024-07-01');
    expect(alerts(2024, '薄弱村节点逾期', '2025-01-10').map((x) => x.cadreName)).toEqual(['张三']);
    recordAction(
      db,
      { villageId: ids.v1, cadreId: ids.zhang, milestone: '发展思路', action: '约谈', date: '2024-07-05', by: '县委组织部', notes: null },
      '2024-07-05',
    );
    expect(alerts(2024, '薄弱村节点逾期', '2025-01-10')).toEqual([]);
    // 2025: no income channel by 2025-02-28 → second miss → 召回调换.
    const next = alerts(2025, '薄弱村节点逾期', '2025-03-10');
    expect(next).toHaveLength(1);
    expect(next[0]!.message).toContain('应予召回调换');
    // Not shown in the year before it fell due.
    expect(alerts(2024, '薄弱村节点逾期', '2025-03-10')).toEqual([]);
  });

  it('补助发放滞后: ended quarters paid less than owed, cleared by payment', () => {
    expect(alerts(2024, '补助发放滞后', '2024-03-31')).toEqual([]);
    const [a] = alerts(2024, '补助发放滞后', '2024-04-01');
    expect(a!.message).toBe('赵六2024年第1季度工作生活补助未足额发放：应发1,096.77元、已发0.00元，合计欠发1,096.77元');
    addPayment(db, { cadreId: ids.city, year: 2024, quarter: 1, amountFen: 109677, paidOn: '2024-04-01', notes: null }, '2024-04-01');
    expect(alerts(2024, '补助发放滞后', '2024-04-01')).toEqual([]);
  });

  it('保险脱保: posted days without a valid policy, cleared when covered; only 市级 cadres', () => {
    const [a] = alerts(2024, '保险脱保', '2024-04-01');
    expect(a).toMatchObject({ cadreName: '赵六', severity: 'high' });
    expect(a!.message).toBe('赵六2024年在岗期间有20天没有有效的人身意外伤害保险（2024年3月12日至2024年3月31日）');
    savePolicy(db, {
      cadreId: ids.city,
      insurer: '人保财险',
      policyNo: null,
      coverFen: 50_000_000,
      start: '2024-03-12',
      end: '2025-03-11',
    });
    expect(alerts(2024, '保险脱保', '2024-12-01')).toEqual([]);
    expect(alerts(2025, '保险脱保', '2025-03-13').map((x) => x.message)).toEqual([
      '赵六2025年在岗期间有1天没有有效的人身意外伤害保险（2025年3月12日至2025年3月12日）',
    ]);
  });

  it('is scoped to the county and sorted by kind', () => {
    const all = workAlerts(db, { year: 2025, today: '2025-12-01' });
    expect(all.some((a) => a.cadreName === '孙八')).toBe(true);
    const mine = workAlerts(db, { year: 2025, countyId: ids.county, today: '2025-12-01' });
    expect(mine.some((a) => a.cadreName === '孙八')).toBe(false);
    const kinds = mine.map((a) => a.kind);
    expect(kinds).toEqual(
      [...kinds].sort(
        (x, y) =>
          ['年度无项目', '项目未公示', '未包扶薄弱村', '薄弱村节点逾期', '补助发放滞后', '保险脱保'].indexOf(x) -
          ['年度无项目', '项目未公示', '未包扶薄弱村', '薄弱村节点逾期', '补助发放滞后', '保险脱保'].indexOf(y),
      ),
    );
  });
});
