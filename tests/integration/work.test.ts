/**
 * Plans, projects, weak villages and support through the ONE handler table (dispatch validates
 * input and wraps results) over a real SQLite file and blob store in a temp dir. Dates are in
 * 2024–2025, all in the past of the clerk's clock.
 */
import fs from 'node:fs';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore, type OpenCore } from '../../main/api/open';
import { handlerCalls } from '../fixtures/handlerCalls';
import { openDatabase } from '../../main/store/db';
import { insertPeople, insertPlaces, insertPosting } from '../fixtures/sqlRows';
import { closeTestCore, openTestCore } from '../fixtures/testDb';
import type { ProjectInput } from '../../shared/api/work';

let dir: string;
let core: OpenCore;
const ids = { county: 0, t1: 0, t2: 0, v1: 0, v2: 0, vOther: 0, zhang: 0, wang: 0, city: 0, material: 0 };
const now = new Date().toISOString();

const { ok, refused, stage } = handlerCalls(() => core);
const count = (sql: string, ...args: unknown[]) => (core.ctx.db.prepare(sql).get(...args) as { n: number }).n;

async function pdf(text: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage([595, 842]).drawText(text, { x: 40, y: 700, size: 18, font });
  return Buffer.from(await doc.save());
}

beforeAll(() => {
  ({ dir, core } = openTestCore('work'));
  const { db } = core.ctx;
  Object.assign(
    ids,
    insertPlaces(db, {
      county: '义县',
      t1: '义县/七里河镇',
      t2: '义县/大榆树堡镇',
      v1: '义县/七里河镇/北村',
      v2: '义县/七里河镇/南村',
      vOther: '义县/大榆树堡镇/东村',
    }),
  );
  Object.assign(ids, insertPeople(db, { zhang: '张三', wang: ['王五', '乡镇党委第一副书记'], city: ['赵六', '村党组织第一书记', '市级'] }));
  insertPosting(db, ids.zhang, ids.t1, ids.v1, '2024-03-01', null);
  insertPosting(db, ids.wang, ids.t1, null, '2024-03-01', null);
  insertPosting(db, ids.city, ids.t1, ids.v2, '2024-03-12', null);
  ids.material = Number(
    db
      .prepare(
        `INSERT INTO materials (cadre_id, category, title, year, created_at, updated_at) VALUES (?, '其他佐证材料', '三年工作规划', 2024, ?, ?)`,
      )
      .run(ids.zhang, now, now).lastInsertRowid,
  );
});

afterAll(() => closeTestCore(core, dir));

describe('plans', () => {
  it('saves a three-year plan with items and its document from the bag, then replaces the items', async () => {
    const item = { goal: '发展庭院经济', measures: '引进食用菌', deadline: '2024-12-31', responsible: '张三', status: '推进中' as const };
    const p = await ok('work.plans.save', {
      cadreId: ids.zhang,
      kind: '三年规划',
      startYear: 2024,
      title: '北村三年工作规划',
      materialId: ids.material,
      items: [item, { ...item, goal: '修缮村部' }],
    });
    expect(p.items.map((i) => i.goal)).toEqual(['发展庭院经济', '修缮村部']);
    expect(p.materialTitle).toBe('三年工作规划');
    const again = await ok('work.plans.save', {
      id: p.id,
      cadreId: ids.zhang,
      kind: '三年规划',
      startYear: 2024,
      title: '北村三年工作规划',
      materialId: null,
      items: [{ ...item, status: '已完成' }],
    });
    expect(again.items).toHaveLength(1);
    expect(again.items[0]!.status).toBe('已完成');
    expect(count('SELECT COUNT(*) AS n FROM plan_items')).toBe(1);
  });
  it('refuses a second plan of the same kind and year, and a document from another bag, changing nothing', async () => {
    const base = { cadreId: ids.zhang, kind: '三年规划' as const, startYear: 2024, title: '重复', materialId: null, items: [] };
    expect(await refused('work.plans.save', base)).toContain('已有2024—2026年三年工作规划');
    expect(await refused('work.plans.save', { ...base, cadreId: ids.wang, materialId: ids.material })).toContain('不在王五的资料袋中');
    expect(
      await refused('work.plans.save', {
        ...base,
        kind: '年度计划',
        items: [{ goal: '', measures: '', deadline: null, responsible: '', status: '未开始' }],
      }),
    ).toBe('请填写目标');
    expect(count('SELECT COUNT(*) AS n FROM plans')).toBe(1);
  });
});

describe('projects', () => {
  let id = 0;
  /** 张三's mushroom sheds in 北村, in an industrial park, funded from two sources. */
  const shed = (): ProjectInput => ({
    cadreId: ids.zhang,
    villageId: ids.v1,
    name: '食用菌大棚',
    kind: '产业发展',
    year: 2024,
    status: '在建',
    funds: [
      { source: '派出单位资金', amountFen: 20_000_000 },
      { source: '财政衔接资金', amountFen: 30_000_050 },
    ],
    inPark: true,
    notes: null,
  });
  it('saves a project with funding sources; investment is their sum', async () => {
    const p = await ok('work.projects.save', { project: shed() });
    id = p.id;
    expect(p.investmentFen).toBe(50_000_050);
    expect(p).toMatchObject({ village: '北村', township: '七里河镇', publicisedOn: null, inPark: true });
  });
  it('refuses a village where the cadre did not serve that year, and a duplicated source', async () => {
    const project = {
      cadreId: ids.zhang,
      villageId: ids.vOther,
      name: '外村项目',
      kind: '产业发展',
      year: 2024,
      status: '在建',
      funds: [],
      inPark: false,
      notes: null,
    };
    expect(await refused('work.projects.save', { project })).toBe('张三2024年未在大榆树堡镇任职，不能登记东村的项目');
    expect(await refused('work.projects.save', { project: { ...project, villageId: ids.v1, year: 2023 } })).toContain(
      '2023年未在七里河镇任职',
    );
    const dup = {
      ...project,
      villageId: ids.v1,
      funds: [
        { source: '其他', amountFen: 1 },
        { source: '其他', amountFen: 2 },
      ],
    };
    expect(await refused('work.projects.save', { project: dup })).toContain('同一资金来源只能填写一次');
    expect(
      await refused('work.projects.save', { project: { ...project, villageId: ids.v1, funds: [{ source: '其他', amountFen: 1.5 }] } }),
    ).toBe('资金金额最多保留两位小数');
    expect(count('SELECT COUNT(*) AS n FROM projects')).toBe(1);
  });
  it('publicises with date and place; refuses a future date', async () => {
    expect(await refused('work.projects.publicise', { id, date: '2099-01-01', place: '北村村务公开栏' })).toBe('公示日期不能晚于今天');
    expect(await refused('work.projects.publicise', { id, date: '2024-05-10', place: ' ' })).toBe('请填写公示地点');
    const p = await ok('work.projects.publicise', { id, date: '2024-05-10', place: '北村村务公开栏' });
    expect(p).toMatchObject({ publicisedOn: '2024-05-10', publicisedPlace: '北村村务公开栏' });
    expect((await ok('work.projects.list', { year: 2024, unpublicised: true })).length).toBe(0);
  });
  it('records park revenue with the 飞地 split, default half, editable', async () => {
    let p = await ok('work.projects.setRevenue', { id, year: 2024, revenueFen: 1_000_001, parkShareBp: 5000 });
    expect(p.revenue[0]).toMatchObject({ revenueFen: 1_000_001, parkFen: 500_001, villageFen: 500_000 });
    p = await ok('work.projects.setRevenue', { id, year: 2024, revenueFen: 1_000_000, parkShareBp: 4000 });
    expect(p.revenue).toEqual([{ year: 2024, revenueFen: 1_000_000, parkShareBp: 4000, parkFen: 400_000, villageFen: 600_000 }]);
    const project = { ...shed(), funds: [], inPark: false };
    expect(await refused('work.projects.save', { id, project })).toContain('请先删除收益记录');
    expect((await ok('work.projects.list', { cadreId: ids.zhang }))[0]!.inPark).toBe(true);
  });
});

describe('weak villages', () => {
  it('lists a village, records income, supporters and a milestone with evidence stored as a blob', async () => {
    await ok('work.weak.save', { villageId: ids.v1, listedYear: 2024, notes: null });
    const inc = await ok('work.weak.setIncome', { villageId: ids.v1, year: 2024, incomeFen: 3_200_000 });
    expect(inc.income).toEqual([{ year: 2024, incomeFen: 3_200_000 }]);
    expect(await refused('work.weak.setSupporters', { villageId: ids.v1, cadreIds: [ids.zhang, ids.zhang] })).toContain('重复');
    let w = await ok('work.weak.setSupporters', { villageId: ids.v1, cadreIds: [ids.zhang, ids.wang] });
    expect(w.supporters.map((s) => [s.name, s.clockStart])).toEqual([
      ['王五', '2024-03-01'],
      ['张三', '2024-03-01'],
    ]);
    const token = await stage('北村发展思路.pdf', await pdf('development idea'));
    w = await ok('work.weak.setMilestone', {
      villageId: ids.v1,
      kind: '发展思路',
      date: '2024-09-01',
      description: '村两委会议确定发展食用菌产业',
      evidenceTokens: [token],
    });
    const ev = w.milestones.find((m) => m.kind === '发展思路')!.evidence;
    expect(ev).toHaveLength(1);
    expect(ev[0]!.originalName).toBe('北村发展思路.pdf');
    expect(fs.existsSync(core.blobs.pathOf(ev[0]!.sha256))).toBe(true);
    expect(w.supporters[0]!.milestones[0]).toMatchObject({ state: '已完成', dueDate: '2025-02-28' });
    expect(w.status).toBe('薄弱');
  });
  it('refuses supporters who never served in the township, and an action when nothing was missed', async () => {
    const { db } = core.ctx;
    const other = Number(
      db
        .prepare(
          `INSERT INTO cadres (name, gender, id_number, party_status, level, post_type, created_at, updated_at) VALUES ('钱七', '女', '110101199001015678', '中共党员', '县级', '驻村工作队员', ?, ?)`,
        )
        .run(now, now).lastInsertRowid,
    );
    db.prepare('INSERT INTO postings (cadre_id, township_id, village_id, start, "end") VALUES (?, ?, ?, ?, NULL)').run(
      other,
      ids.t2,
      ids.vOther,
      '2024-03-01',
    );
    expect(await refused('work.weak.setSupporters', { villageId: ids.v1, cadreIds: [other] })).toBe('钱七未在七里河镇任职，不能包扶北村');
    expect(
      await refused('work.weak.recordAction', {
        villageId: ids.v1,
        cadreId: ids.zhang,
        milestone: '发展思路',
        action: '约谈',
        date: '2025-03-05',
        by: '县委组织部',
      }),
    ).toContain('未逾期');
    expect(count('SELECT COUNT(*) AS n FROM weak_supporters WHERE village_id = ?', ids.v1)).toBe(2);
  });
  it('records the required action for a missed milestone (记录在案)', async () => {
    // 增收渠道 was due 2026-02-28 and is not recorded: missed, 约谈 (the first miss).
    const before = await ok('work.weak.list', { villageId: ids.v1 });
    const m = before[0]!.supporters.find((s) => s.cadreId === ids.zhang)!.milestones[1]!;
    expect(m).toMatchObject({ kind: '增收渠道', state: '已逾期', requiredAction: '约谈', open: true });
    expect(
      await refused('work.weak.recordAction', {
        villageId: ids.v1,
        cadreId: ids.zhang,
        milestone: '增收渠道',
        action: '约谈',
        date: '2026-02-01',
        by: '县委组织部',
      }),
    ).toContain('之后');
    const w = await ok('work.weak.recordAction', {
      villageId: ids.v1,
      cadreId: ids.zhang,
      milestone: '增收渠道',
      action: '约谈',
      date: '2026-03-05',
      by: '县委组织部',
      notes: '已约谈，限期找到增收渠道',
    });
    expect(w.supporters.find((s) => s.cadreId === ids.zhang)!.milestones[1]).toMatchObject({
      open: false,
      actionTaken: { action: '约谈', date: '2026-03-05' },
    });
    expect(w.actions).toHaveLength(1);
    expect(count(`SELECT COUNT(*) AS n FROM audit_log WHERE entity = 'weak_action'`)).toBe(1);
  });
});

describe('weak village listed after the posting began', () => {
  it('starts the milestone clock on 1 January of the listing year', async () => {
    await ok('work.weak.save', { villageId: ids.v2, listedYear: 2026, notes: null });
    const w = await ok('work.weak.setSupporters', { villageId: ids.v2, cadreIds: [ids.city] });
    expect(w.supporters[0]).toMatchObject({ clockStart: '2026-01-01' });
    expect(w.supporters[0]!.milestones.map((m) => m.dueDate)).toEqual(['2026-12-31', '2027-12-31', '2028-12-31']);
  });
});

describe('support', () => {
  it('computes owed per quarter from the posting dates and refuses overpayment and non-市级 cadres', async () => {
    const o = await ok('work.support.overview', { year: 2024, countyId: ids.county });
    const row = o.rows.find((r) => r.cadreId === ids.city)!;
    expect(row.cityLevel).toBe(true);
    expect(row.quarters.map((q) => q.owedFen)).toEqual([109677, 510000, 510000, 510000]);
    expect(o.rows.find((r) => r.cadreId === ids.zhang)!.quarters).toEqual([]);
    expect(
      await refused('work.support.addPayment', { cadreId: ids.city, year: 2024, quarter: 1, amountFen: 109678, paidOn: '2024-04-05' }),
    ).toBe('赵六2024年第1季度应发1,096.77元，已发0.00元，本次最多可发1,096.77元');
    expect(
      await refused('work.support.addPayment', { cadreId: ids.zhang, year: 2024, quarter: 1, amountFen: 100, paidOn: '2024-04-05' }),
    ).toContain('不是市级选派干部');
    await ok('work.support.addPayment', { cadreId: ids.city, year: 2024, quarter: 1, amountFen: 109677, paidOn: '2024-04-05' });
    const after = (await ok('work.support.overview', { year: 2024 })).rows.find((r) => r.cadreId === ids.city)!;
    expect(after.quarters[0]).toMatchObject({ paidFen: 109677, behind: false });
    expect(after.quarters[1]).toMatchObject({ paidFen: 0, behind: true });
  });
  it('a changed standard changes what is owed', async () => {
    await ok('work.support.setAllowanceStandard', { monthlyFen: 200000 });
    const row = (await ok('work.support.overview', { year: 2024 })).rows.find((r) => r.cadreId === ids.city)!;
    expect(row.quarters[1]!.owedFen).toBe(600000);
    await ok('work.support.setAllowanceStandard', { monthlyFen: 170000 });
  });
  it('stores insurance and pledges; shows uncovered posted days', async () => {
    expect(
      await refused('work.support.savePolicy', {
        cadreId: ids.city,
        insurer: '人保财险',
        coverFen: 50_000_000,
        start: '2024-05-01',
        end: '2024-04-01',
      }),
    ).toBe('保险止期不能早于起期');
    await ok('work.support.savePolicy', {
      cadreId: ids.city,
      insurer: '人保财险',
      policyNo: 'PICC-001',
      coverFen: 50_000_000,
      start: '2024-04-01',
      end: '2025-03-31',
    });
    const row = (await ok('work.support.overview', { year: 2024 })).rows.find((r) => r.cadreId === ids.city)!;
    expect(row.uncovered).toEqual([{ from: '2024-03-12', to: '2024-03-31' }]);
    const pledge = await ok('work.support.savePledge', {
      cadreId: ids.zhang,
      year: 2024,
      responsibility: '单位主要负责人联系北村',
      projects: '食用菌大棚',
      fundsFen: 20_000_000,
    });
    expect(pledge.fundsFen).toBe(20_000_000);
    expect((await ok('work.support.overview', { year: 2024 })).rows.find((r) => r.cadreId === ids.zhang)!.pledge!.projects).toBe(
      '食用菌大棚',
    );
  });
});

describe('schema', () => {
  it('survives reopening: records persist on the file and the database is consistent', () => {
    core.close();
    const db = openDatabase(dir);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect((db.prepare('SELECT COUNT(*) AS n FROM projects').get() as { n: number }).n).toBe(1);
    db.close();
    core = openCore({ dataDir: dir, host: { kind: 'cli', blobUrl: (s) => `blob:${s}` } });
  });
});
