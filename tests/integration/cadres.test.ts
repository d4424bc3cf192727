import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeTestDb } from '../fixtures/testDb';
import { addPosting, createCadre, getCadre, listCadres, removeCadre, searchCadres, updateCadre } from '../../main/core/cadres/cadres';
import { addCounty, addTownship, addUnit, addVillage, orgTree } from '../../main/core/org/org';
import { openDatabase, type Db } from '../../main/store/db';
import type { CadreInput } from '../../shared/api/cadres';
import { makeIdNumber } from '../fixtures/makeRoster';

let dir: string;
let db: Db;
let org: { county: number; chengguan: number; shimen: number; dongang: number; xigou: number; shiqiao: number; unit: number };

const ZHANG_ID = makeIdNumber('130702', '1985-03-01', 1, true);
const LI_ID = makeIdNumber('130702', '1990-07-15', 2, false);

const input = (over: Partial<CadreInput> = {}): CadreInput => ({
  name: '张三',
  gender: '男',
  birthDate: '1985-03-01',
  idNumber: ZHANG_ID,
  partyStatus: '中共党员',
  phone: '13812345678',
  unitId: org.unit,
  level: '县级',
  postType: '村党组织第一书记',
  ...over,
});

function thrown(f: () => unknown): { code: string; message: string } {
  try {
    f();
  } catch (e) {
    return e as { code: string; message: string };
  }
  throw new Error('expected an error');
}

const auditActions = (id: number) =>
  (
    db.prepare("SELECT action FROM audit_log WHERE entity = 'cadre' AND entity_id = ? ORDER BY id").all(id) as Array<{
      action: string;
    }>
  ).map((r) => r.action);

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-cadres-'));
  db = openDatabase(dir);
  const county = addCounty(db, { name: '青山县', kind: '县' }).id;
  const chengguan = addTownship(db, { countyId: county, name: '城关镇' }).id;
  const shimen = addTownship(db, { countyId: county, name: '石门乡' }).id;
  org = {
    county,
    chengguan,
    shimen,
    dongang: addVillage(db, { townshipId: chengguan, name: '东岗村' }).id,
    xigou: addVillage(db, { townshipId: chengguan, name: '西沟村' }).id,
    shiqiao: addVillage(db, { townshipId: shimen, name: '石桥村' }).id,
    unit: addUnit(db, { name: '县财政局', level: '县级' }).id,
  };
});
afterEach(() => {
  closeTestDb(db, dir);
});

describe('organisation', () => {
  it('builds the tree county → township → village and lists units', () => {
    const tree = orgTree(db);
    expect(tree.counties).toHaveLength(1);
    const names = tree.counties[0]!.townships.map((t) => [t.name, t.villages.map((v) => v.name)]);
    expect(names).toEqual(
      expect.arrayContaining([
        ['城关镇', ['东岗村', '西沟村']],
        ['石门乡', ['石桥村']],
      ]),
    );
    expect(tree.units).toEqual([{ id: org.unit, name: '县财政局', level: '县级' }]);
  });

  it('refuses duplicates with a Chinese message', () => {
    expect(thrown(() => addCounty(db, { name: ' 青山县 ', kind: '县' }))).toMatchObject({
      code: 'CONFLICT',
      message: '县（市、区）“青山县”已存在',
    });
    expect(thrown(() => addTownship(db, { countyId: org.county, name: '城关镇' })).message).toBe('乡镇“城关镇”已存在');
    expect(thrown(() => addVillage(db, { townshipId: org.chengguan, name: '东岗村' })).message).toBe('村“东岗村”已存在');
    expect(thrown(() => addUnit(db, { name: '县财政局', level: '市级' })).message).toBe('派出单位“县财政局”已存在');
    // The same village name in another township is a different village.
    expect(addVillage(db, { townshipId: org.shimen, name: '东岗村' }).id).toBeGreaterThan(0);
  });
});

describe('cadres', () => {
  it('creates a cadre with a posting; the list masks the ID number, the detail shows it', () => {
    const c = createCadre(db, input(), { townshipId: org.chengguan, villageId: org.dongang, start: '2024-03-01', end: null });
    expect(c).toMatchObject({ name: '张三', idNumber: ZHANG_ID, unitName: '县财政局', unitLevel: '县级' });
    expect(c.postings).toEqual([
      expect.objectContaining({ countyName: '青山县', townshipName: '城关镇', villageName: '东岗村', start: '2024-03-01', end: null }),
    ]);
    const [row] = listCadres(db, {});
    expect(row).toEqual({
      id: c.id,
      name: '张三',
      gender: '男',
      idNumberMasked: '130702********' + ZHANG_ID.slice(-4),
      postType: '村党组织第一书记',
      level: '县级',
      unitName: '县财政局',
      county: '青山县',
      township: '城关镇',
      village: '东岗村',
      materialCount: 0,
      bagMissing: ['调研报告', '村情民情台账', '会议记录', '月考勤登记表', '年度工作日志', '工作汇报', '工作总结'],
    });
    expect(JSON.stringify(listCadres(db, {}))).not.toContain(ZHANG_ID);
    expect(auditActions(c.id)).toEqual(['create']);
  });

  it('refuses a second cadre with the same ID number, naming who holds it, and writes nothing', () => {
    createCadre(db, input(), null);
    const err = thrown(() => createCadre(db, input({ name: '张叁', idNumber: ZHANG_ID.toLowerCase() }), null));
    expect(err).toMatchObject({ code: 'CONFLICT', message: `身份证号 ${ZHANG_ID} 已登记为 张三，不能重复登记` });
    expect(listCadres(db, {}).map((r) => r.name)).toEqual(['张三']);
    const li = createCadre(db, input({ name: '李四', idNumber: LI_ID, gender: '女' }), null);
    expect(thrown(() => updateCadre(db, li.id, input({ name: '李四', idNumber: ZHANG_ID }))).message).toContain('已登记为 张三');
  });

  it('refuses invalid input and a village outside the chosen township in Chinese', () => {
    expect(thrown(() => createCadre(db, input({ idNumber: ZHANG_ID.slice(0, 17) + '0' }), null))).toMatchObject({
      code: 'INVALID_INPUT',
    });
    const err = thrown(() =>
      createCadre(db, input(), { townshipId: org.chengguan, villageId: org.shiqiao, start: '2024-03-01', end: null }),
    );
    expect(err.message).toBe('所选村不属于所选乡镇');
    expect(listCadres(db, {})).toEqual([]);
  });

  it('updates a cadre: the list and pinyin search follow at once, and the change is audited', () => {
    const c = createCadre(db, input(), null);
    const u = updateCadre(db, c.id, input({ name: '王五', phone: '0315-1234567' }));
    expect(u).toMatchObject({ name: '王五', phone: '0315-1234567' });
    expect(listCadres(db, { query: 'wangwu' }).map((r) => r.id)).toEqual([c.id]);
    expect(listCadres(db, { query: 'zhangsan' })).toEqual([]);
    expect(auditActions(c.id)).toEqual(['create', 'update']);
  });

  it('moves a cadre: the old posting closes the day before, history is kept, the list shows the new place', () => {
    const c = createCadre(db, input(), { townshipId: org.chengguan, villageId: org.dongang, start: '2023-03-01', end: null });
    const moved = addPosting(db, c.id, { townshipId: org.shimen, villageId: org.shiqiao, start: '2024-07-01', end: '2026-06-30' });
    expect(moved.postings.map((p) => [p.townshipName, p.villageName, p.start, p.end])).toEqual([
      ['城关镇', '东岗村', '2023-03-01', '2024-06-30'],
      ['石门乡', '石桥村', '2024-07-01', '2026-06-30'],
    ]);
    expect(listCadres(db, {})[0]).toMatchObject({ township: '石门乡', village: '石桥村' });
    expect(listCadres(db, { townshipId: org.chengguan })).toEqual([]);
    expect(listCadres(db, { townshipId: org.shimen })).toHaveLength(1);
    expect(auditActions(c.id)).toEqual(['create', 'move']);
  });

  it('refuses a move that starts on or before the current posting', () => {
    const c = createCadre(db, input(), { townshipId: org.chengguan, villageId: org.dongang, start: '2024-03-01', end: null });
    const err = thrown(() => addPosting(db, c.id, { townshipId: org.shimen, villageId: null, start: '2024-03-01', end: null }));
    expect(err.message).toBe('新任职的开始日期（2024-03-01）必须晚于当前任职的开始日期（2024-03-01）');
    expect(getCadre(db, c.id).postings).toHaveLength(1);
    expect(getCadre(db, c.id).postings[0]!.end).toBeNull();
  });

  it('removes a cadre with the postings; asking for them afterwards says so in Chinese', () => {
    const c = createCadre(db, input(), { townshipId: org.chengguan, villageId: org.dongang, start: '2024-03-01', end: null });
    expect(removeCadre(db, c.id)).toEqual({ removed: true });
    expect(listCadres(db, {})).toEqual([]);
    expect(db.prepare('SELECT COUNT(*) AS n FROM postings').get()).toEqual({ n: 0 });
    expect(thrown(() => getCadre(db, c.id))).toMatchObject({ code: 'NOT_FOUND', message: '未找到该干部，可能已被删除，请刷新后重试' });
    expect(auditActions(c.id)).toEqual(['create', 'delete']);
  });
});

describe('cadre search', () => {
  let ids: Record<string, number>;
  beforeEach(() => {
    const make = (name: string, idNumber: string, townshipId: number, villageId: number | null, postType: CadreInput['postType']) =>
      createCadre(db, input({ name, idNumber, postType }), { townshipId, villageId, start: '2024-03-01', end: null }).id;
    ids = {
      张三: make('张三', ZHANG_ID, org.chengguan, org.dongang, '村党组织第一书记'),
      张三丰: make('张三丰', makeIdNumber('130702', '1979-11-02', 3, true), org.chengguan, org.xigou, '驻村工作队员'),
      单雄信: make('单雄信', makeIdNumber('130702', '1982-05-20', 5, true), org.shimen, null, '乡镇党委第一副书记'),
      吕梅: make('吕梅', LI_ID, org.shimen, org.shiqiao, '驻村工作队员'),
    };
  });
  const names = (q: string) =>
    listCadres(db, { query: q })
      .map((r) => r.name)
      .sort();

  it('matches a name substring, full pinyin without tones and pinyin initials, in any case', () => {
    expect(names('张三')).toEqual(['张三', '张三丰']);
    expect(names('三丰')).toEqual(['张三丰']);
    expect(names('zhangsan')).toEqual(['张三', '张三丰']);
    expect(names('Zhang San')).toEqual(['张三', '张三丰']);
    expect(names('zsf')).toEqual(['张三丰']);
    expect(names('ZS')).toEqual(['张三', '张三丰']);
    expect(names('zhaoliu')).toEqual([]);
  });

  it('reads surnames as surnames (单 → shan) and accepts both lv and lu for 吕', () => {
    expect(names('shanxiongxin')).toEqual(['单雄信']);
    expect(names('sxx')).toEqual(['单雄信']);
    expect(names('lvmei')).toEqual(['吕梅']);
    expect(names('lumei')).toEqual(['吕梅']);
  });

  it('finds by the real ID number (prefix or middle digits) but still shows it masked', () => {
    const rows = listCadres(db, { query: LI_ID.slice(0, 12) });
    expect(rows.map((r) => r.name)).toEqual(['吕梅']);
    expect(rows[0]!.idNumberMasked).toBe(`130702********${LI_ID.slice(-4)}`);
    expect(names('19900715')).toEqual(['吕梅']);
    expect(names('********')).toEqual([]);
  });

  it('combines the query with county, township and post type filters', () => {
    expect(listCadres(db, { query: 'zs', townshipId: org.chengguan, postType: '驻村工作队员' }).map((r) => r.name)).toEqual(['张三丰']);
    expect(listCadres(db, { countyId: org.county })).toHaveLength(4);
    expect(listCadres(db, { townshipId: org.shimen, postType: '乡镇党委第一副书记' })[0]).toMatchObject({
      name: '单雄信',
      village: null,
    });
  });

  it('shows material counts written by other modules without any manual refresh', () => {
    expect(listCadres(db, { query: '吕梅' })[0]!.materialCount).toBe(0);
    db.prepare(
      "INSERT INTO materials (cadre_id, category, title, year, created_at, updated_at) VALUES (?, '工作总结', '2024年工作总结', 2024, 'x', 'x')",
    ).run(ids.吕梅);
    expect(listCadres(db, { query: '吕梅' })[0]!.materialCount).toBe(1);
    // The list's 完整性: the filed category leaves the missing ones; a second item changes nothing there.
    expect(listCadres(db, { query: '吕梅' })[0]!.bagMissing).toEqual([
      '调研报告',
      '村情民情台账',
      '会议记录',
      '月考勤登记表',
      '年度工作日志',
      '工作汇报',
    ]);
    db.prepare(
      "INSERT INTO materials (cadre_id, category, title, year, created_at, updated_at) VALUES (?, '工作总结', '2024年上半年工作总结', 2024, 'x', 'x')",
    ).run(ids.吕梅);
    expect(listCadres(db, { query: '吕梅' })[0]!.bagMissing).toHaveLength(6);
  });

  it('global search puts the exact name first and honours the limit', () => {
    createCadre(db, input({ name: '艾吕梅', idNumber: makeIdNumber('130702', '1988-01-09', 7, false) }), null);
    // Name order alone would put 艾吕梅 (ai…) before 吕梅 (lv…).
    expect(listCadres(db, { query: '吕梅' }).map((r) => r.name)).toEqual(['艾吕梅', '吕梅']);
    expect(searchCadres(db, '吕梅', 10).map((r) => r.name)).toEqual(['吕梅', '艾吕梅']);
    expect(searchCadres(db, 'zs', 1)).toHaveLength(1);
  });
});
