/**
 * Villages' collective income (issue 13 item 5) on a real SQLite file: the county's table and its
 * typed entries, the .xlsx import (real files written with exceljs) with its preview and Chinese
 * refusals, and the figures in statistics and `onebag stats` (run in-process): 5万 change,
 * 空壳村, net change in weak villages, cumulative 表彰 / 提拔重用 since the programme start year.
 */
import { writeSheetFile } from '../fixtures/makeFiles';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore, type OpenCore } from '../../main/api/open';
import { runCli } from '../../main/cli/run';
import { computeStats } from '../../main/core/stats/compute';
import { drillStats } from '../../main/core/stats/drill';
import { setSetting } from '../../main/core/runtime/settings';
import { handlerCalls } from '../fixtures/handlerCalls';
import { insertCadre, insertCounty, insertTownship, insertVillage } from '../fixtures/sqlRows';

let dir: string;
let core: OpenCore;
const ids = { county: 0, other: 0, t1: 0, t2: 0, north: 0, south: 0, east: 0, west: 0, far: 0, zhang: 0, li: 0 };
const { ok, refusal } = handlerCalls(() => core);
const TODAY = '2025-03-01';
const incomes = () =>
  core.ctx.db.prepare('SELECT village_id AS v, year, income_fen AS fen FROM village_income ORDER BY village_id, year').all() as Array<{
    v: number;
    year: number;
    fen: number;
  }>;

const xlsx = (name: string, rows: unknown[][]) => writeSheetFile(path.join(dir, name), rows, '收入');
async function stage(file: string): Promise<string> {
  const bytes = fs.readFileSync(file);
  const { token } = await ok('staging.begin', { name: path.basename(file), size: bytes.length, purpose: 'roster' });
  await ok('staging.chunk', { token, data: bytes.toString('base64') });
  await ok('staging.end', { token, purpose: 'roster' });
  return token;
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-income-'));
  core = openCore({ dataDir: path.join(dir, 'data'), host: { kind: 'cli', blobUrl: (s) => `blob:${s}` } });
  const { db } = core.ctx;
  setSetting(db, 'operator', '组织部刘干事');
  const run = (sql: string, ...a: unknown[]) => Number(db.prepare(sql).run(...a).lastInsertRowid);
  ids.county = insertCounty(db, '义县');
  ids.other = insertCounty(db, '北镇市', '市');
  ids.t1 = insertTownship(db, ids.county, '七里河镇');
  ids.t2 = insertTownship(db, ids.county, '大榆树堡镇');
  const t3 = insertTownship(db, ids.other, '广宁乡');
  ids.north = insertVillage(db, ids.t1, '北村');
  ids.south = insertVillage(db, ids.t1, '南村');
  ids.east = insertVillage(db, ids.t2, '东村');
  ids.west = insertVillage(db, ids.t2, '西村');
  ids.far = insertVillage(db, t3, '远村');
  const now = new Date().toISOString();
  const cadre = (name: string, idn: string) => insertCadre(db, name, idn);
  ids.zhang = cadre('张三', '110101199001011234');
  ids.li = cadre('李四', '110101199001012345');
  run(
    `INSERT INTO postings (cadre_id, township_id, village_id, start, "end") VALUES (?, ?, ?, '2021-03-01', NULL)`,
    ids.zhang,
    ids.t1,
    ids.north,
  );
  run(
    `INSERT INTO postings (cadre_id, township_id, village_id, start, "end") VALUES (?, ?, ?, '2021-03-01', NULL)`,
    ids.li,
    ids.t2,
    ids.east,
  );
  // Outcomes: 张三 commended in 2022 and 2024 (one person), 李四 promoted in 2023.
  const outcome = db.prepare(`INSERT INTO eval_outcomes (cadre_id, year, kind, date, note, created_at) VALUES (?, ?, ?, ?, '', ?)`);
  outcome.run(ids.zhang, 2022, '表彰', '2023-01-10', now);
  outcome.run(ids.zhang, 2024, '表彰', '2025-01-10', now);
  outcome.run(ids.li, 2023, '提拔重用', '2024-01-10', now);
  // Weak villages: 南村 listed 2022 and de-listed in 2024; 西村 listed in 2024.
  run(`INSERT INTO weak_villages (village_id, listed_year, created_at, updated_at) VALUES (?, 2022, ?, ?)`, ids.south, now, now);
  run(`INSERT INTO weak_villages (village_id, listed_year, created_at, updated_at) VALUES (?, 2024, ?, ?)`, ids.west, now, now);
  run(
    `INSERT INTO weak_milestones (village_id, kind, date, description, updated_at) VALUES (?, '摘帽', '2024-11-20', '集体收入稳定超过10万元', ?)`,
    ids.south,
    now,
  );
});

afterAll(() => {
  core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the income table', () => {
  it('lists every village of the county, 未录入 until typed, and saves typed entries in one go', async () => {
    let t = await ok('villages.income.table', { countyId: ids.county, year: 2024 });
    expect(t.rows.map((r) => `${r.township}${r.village}`)).toEqual(['大榆树堡镇东村', '大榆树堡镇西村', '七里河镇北村', '七里河镇南村']);
    expect(t.rows.every((r) => r.incomeFen === null)).toBe(true);
    expect(t.rows.find((r) => r.villageId === ids.south)!.weak).toBe('已摘帽');
    expect(t.rows.find((r) => r.villageId === ids.west)!.weak).toBe('薄弱');
    expect(t.summary).toMatchObject({ villages: 4, recorded: 0, at50k: 0, shell: 0, weakListed: 1, weakDelisted: 1 });

    await ok('villages.income.save', {
      countyId: ids.county,
      year: 2023,
      entries: [
        { villageId: ids.north, incomeFen: 6_000_000 },
        { villageId: ids.south, incomeFen: 3_000_000 },
      ],
    });
    t = await ok('villages.income.save', {
      countyId: ids.county,
      year: 2024,
      entries: [
        { villageId: ids.north, incomeFen: 4_000_000 },
        { villageId: ids.south, incomeFen: 12_000_000 },
        { villageId: ids.east, incomeFen: 8_000_000 },
        { villageId: ids.west, incomeFen: 0 },
      ],
    });
    expect(t.summary).toMatchObject({ recorded: 4, at50k: 2, at50kPrev: 1, shell: 1 });
    expect(t.rows.find((r) => r.villageId === ids.north)).toMatchObject({ incomeFen: 4_000_000, prevFen: 6_000_000 });
    expect(core.ctx.db.prepare(`SELECT COUNT(*) AS n FROM audit_log WHERE entity = 'village_income'`).get()).toEqual({ n: 6 });
  });

  it('refuses a village of another county and saves nothing', async () => {
    const before = incomes();
    const e = await refusal('villages.income.save', {
      countyId: ids.county,
      year: 2024,
      entries: [
        { villageId: ids.east, incomeFen: 1 },
        { villageId: ids.far, incomeFen: 100 },
      ],
    });
    expect(e.message).toBe('有村不属于所选县（市、区），请刷新后重试');
    expect(
      (await refusal('villages.income.save', { countyId: ids.county, year: 2024, entries: [{ villageId: ids.east, incomeFen: -5 }] }))
        .message,
    ).toBe('集体经济收入不能为负数');
    expect(incomes()).toEqual(before);
  });
});

describe('the spreadsheet import', () => {
  it('refuses a sheet without the columns, naming what it found', async () => {
    const token = await stage(
      await xlsx('wrong.xlsx', [
        ['乡镇', '村民小组', '人口'],
        ['七里河镇', '一组', 300],
      ]),
    );
    const e = await refusal('villages.income.previewImport', { token, countyId: ids.county, year: 2025 });
    expect(e.code).toBe('IMPORT_REFUSED');
    expect(e.message).toContain('表头应有“乡镇”“村”和“村集体经济收入（元）”');
    expect(e.message).toContain('“村民小组”');
  });

  it('refuses an income column of another year', async () => {
    const token = await stage(
      await xlsx('year.xlsx', [
        ['乡镇', '村', '2024年村集体经济收入（元）'],
        ['七里河镇', '北村', 5000],
      ]),
    );
    expect((await refusal('villages.income.previewImport', { token, countyId: ids.county, year: 2025 })).message).toBe(
      '收入列的表头“2024年村集体经济收入（元）”是2024年的，与所选年度2025年不一致，请核对后再导入',
    );
  });

  it('previews row errors and imports nothing while any row is wrong', async () => {
    const file = await xlsx('bad.xlsx', [
      ['2025年村集体经济收入统计表'],
      ['乡镇', '村', '2025年村集体经济收入（万元）'],
      ['七里河镇', '北村', 6.5],
      ['七里河镇', '北村', 7],
      ['七里河镇', '新村', 1],
      ['大榆树堡镇', '东村', '很多'],
      ['大榆树堡镇', '西村', null],
      ['合计', '', 14.5],
    ]);
    const token = await stage(file);
    const p = await ok('villages.income.previewImport', { token, countyId: ids.county, year: 2025 });
    expect(p).toMatchObject({ unit: '万元', incomeColumn: '2025年村集体经济收入（万元）', errors: 4, changes: 1 });
    expect(p.rows.map((r) => [r.row, r.status, r.error])).toEqual([
      [3, '新增', null],
      [4, '错误', '与第3行是同一个村'],
      [5, '错误', '本县没有“七里河镇新村”，请核对乡镇和村名（须与本软件中的名称一致）'],
      [6, '错误', '收入“很多”不是数字'],
      [7, '错误', '收入未填写（该村确无收入请填0）'],
    ]);
    expect(p.rows[0]!.incomeFen).toBe(6_500_000);
    const before = incomes();
    const e = await refusal('villages.income.commitImport', { token, countyId: ids.county, year: 2025 });
    expect(e.message).toBe('表格中有4行有误，请按预览中的提示改正后重新导入（本次未导入任何数据）');
    expect(incomes()).toEqual(before);
  });

  it('imports a correct sheet in yuan: new, changed and unchanged rows', async () => {
    const token = await stage(
      await xlsx('good.xlsx', [
        ['乡镇', '村', '村集体经济收入（元）'],
        ['七里河镇', '北村', 40000],
        ['七里河镇', '南村', '130,000.50'],
        ['大榆树堡镇', '东村', 0],
      ]),
    );
    const p = await ok('villages.income.previewImport', { token, countyId: ids.county, year: 2024 });
    expect(p.rows.map((r) => r.status)).toEqual(['不变', '修改', '修改']);
    const r = await ok('villages.income.commitImport', { token, countyId: ids.county, year: 2024 });
    expect(r.saved).toBe(2);
    expect(r.table.rows.find((x) => x.villageId === ids.south)!.incomeFen).toBe(13_000_050);
    expect(r.table.summary).toMatchObject({ at50k: 1, shell: 2 });
  });
});

describe('statistics', () => {
  it('counts the 5万 change, 空壳村 and the net weak change, with the records behind them', () => {
    const s = computeStats(core.ctx.db, { year: 2024, countyId: ids.county, today: TODAY });
    // 2023: 北村 ≥5万; 2024: 南村 ≥5万 (up), 北村 below (down), 东村 0 and 西村 0.
    expect(s.county.villagesIncome50kChange.value).toBe(0);
    expect(s.county.shellVillages.value).toBe(2);
    expect(s.county.weakNetChange.value).toBe(0);
    const t1 = s.townships.find((t) => t.townshipId === ids.t1)!;
    const t2 = s.townships.find((t) => t.townshipId === ids.t2)!;
    expect([t1.figures.weakNetChange.value, t2.figures.weakNetChange.value]).toEqual([-1, 1]);
    const d = drillStats(core.ctx.db, { year: 2024, countyId: ids.county, today: TODAY, figure: 'villagesIncome50kChange' });
    expect(d.summary).toBe('增加 1 个，减少 1 个，净0 个');
    expect(d.records.map((r) => `${r.village}：${r.text}`).sort()).toEqual([
      '北村：2024年40,000.00元，不足5万元（2023年60,000.00元）',
      '南村：达到5万元（2023年30,000.00元）',
    ]);
    expect(s.notes.shellVillages).toBeUndefined();
    const s25 = computeStats(core.ctx.db, { year: 2025, countyId: ids.county, today: TODAY });
    expect(s25.county.shellVillages.value).toBe(0);
    expect(s25.notes.shellVillages).toBe('4个村未录入2025年收入，不计为空壳村');
    // A year not yet entered is no fall: 南村 was at 5万 in 2024, 2025 is unrecorded.
    expect(s25.county.villagesIncome50kChange.value).toBe(0);
    expect(s25.notes.villagesIncome50kChange).toBe('4个村未录入2025年收入，未计入');
  });

  it('shows cumulative 表彰 / 提拔重用 only once a programme start year is set', async () => {
    let s = computeStats(core.ctx.db, { year: 2024, countyId: ids.county, today: TODAY });
    expect(s.county.commendedSince.value).toBeNull();
    expect(s.notes.commendedSince).toContain('未设置本县选派工作开始年度');
    await ok('villages.programme.save', { countyId: ids.county, startYear: 2022, holdAllowance: false });
    s = computeStats(core.ctx.db, { year: 2024, countyId: ids.county, today: TODAY });
    expect([s.county.commended.value, s.county.commendedSince.value, s.county.promoted.value, s.county.promotedSince.value]).toEqual([
      1, 1, 0, 1,
    ]);
    expect(s.notes.commendedSince).toBe('自2022年起（本县选派工作开始年度）');
    await ok('villages.programme.save', { countyId: ids.county, startYear: 2024, holdAllowance: false });
    s = computeStats(core.ctx.db, { year: 2024, countyId: ids.county, today: TODAY });
    expect(s.county.promotedSince.value).toBe(0);
  });

  it('prints the new figures in `onebag stats`', async () => {
    const out: string[] = [];
    core.close();
    const code = await runCli(
      ['--data', path.join(dir, 'data'), 'stats', '--year', '2024', '--county', '义县'],
      {},
      { out: (l) => out.push(l), err: (l) => out.push(l) },
    );
    core = openCore({ dataDir: path.join(dir, 'data'), host: { kind: 'cli', blobUrl: (s) => `blob:${s}` } });
    const text = out.join('\n');
    expect(code).toBe(0);
    expect(text).toMatch(/空壳村（个）\s+2\s/);
    expect(text).toMatch(/薄弱村净增减（个）\s+0\s/);
    expect(text).toMatch(/累计提拔重用（人）\s+0\s+自2024年起/);
  });
});
