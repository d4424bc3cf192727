import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeTestDb } from '../fixtures/testDb';
import { getCadre, listCadres } from '../../main/core/cadres/cadres';
import { commitRoster, previewRoster } from '../../main/core/roster/roster';
import { openDatabase, type Db } from '../../main/store/db';
import { idCheckChar } from '../../shared/idNumber';
import { ROSTER_HEADERS, makeRosterRows, spellDate, writeRosterCsv, writeRosterXlsx, type RosterRow } from '../fixtures/makeRoster';

let dir: string;
let db: Db;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-roster-'));
  db = openDatabase(path.join(dir, 'data'));
});
afterEach(() => {
  closeTestDb(db, dir);
});

const file = (name: string) => path.join(dir, name);
const count = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
const cadreByIdNumber = (id: string) => {
  const r = db.prepare('SELECT id FROM cadres WHERE id_number = ?').get(id) as { id: number } | undefined;
  return r ? getCadre(db, r.id) : undefined;
};
async function refusal(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await p;
  } catch (e) {
    return e as { code: string; message: string };
  }
  throw new Error('expected the file to be refused');
}

/** A clerk's sheet: title lines above the header, columns in their own order, two extra columns. */
const HEADERS = [
  '序号',
  '身份证号',
  '村',
  '任职类型',
  '姓 名',
  '乡镇',
  '县（市、区）',
  '任职开始',
  '任职结束',
  '备注',
  '出生年月',
  '性别',
  '派出单位',
  '派出单位层级',
  '选派层级',
  '联系电话',
  '政治面貌',
];
const TITLE = ['青山县2024年选派干部花名册', '填报单位：县委组织部（盖章）'];
const FIRST_DATA_ROW = TITLE.length + 2;
const asSheet = (r: RosterRow, i: number): RosterRow => ({
  ...r,
  序号: i + 1,
  备注: '无',
  '姓 名': r.姓名,
  '县（市、区）': r['县(市、区)'],
});

// 14 good rows: the 7 start/end date spellings twice each, and 出生年月 written four ways.
const base = makeRosterRows(14, { seed: 11, dateStyle: 'iso' });
const expected = base.map((r) => ({
  id: String(r.身份证号),
  name: String(r.姓名),
  start: String(r.任职开始),
  end: r.任职结束 as string | null,
}));
const BIRTH_SPELLINGS = [null, 'YYYY.MM', 'YYYY年M月', 'YYYYMM'];
const good = base.map((r, i) => {
  const id = String(r.身份证号);
  const [y, m] = [id.slice(6, 10), id.slice(10, 12)];
  const birth = BIRTH_SPELLINGS[i % 4] ?? null;
  return asSheet(
    {
      ...r,
      任职开始: spellDate(String(r.任职开始), i),
      任职结束: r.任职结束 === null ? null : spellDate(String(r.任职结束), i + 2),
      出生年月:
        birth === null
          ? null
          : birth
              .replace('YYYY', y)
              .replace('MM', m)
              .replace('M', String(Number(m))),
    },
    i,
  );
});

const extras = makeRosterRows(7, { seed: 12, idOffset: 1000, dateStyle: 'iso' });
const wrongCheck = (id: string) => id.slice(0, 17) + (idCheckChar(id.slice(0, 17)) === '0' ? '1' : '0');
const bad: RosterRow[] = [
  { ...extras[0]!, 身份证号: wrongCheck(String(extras[0]!.身份证号)) },
  { ...extras[1]!, 任职类型: '包村干部' },
  { ...extras[2]!, 任职开始: '2024-03-01', 任职结束: '2023年1月1日' },
  { ...extras[3]!, 身份证号: good[0]!.身份证号 },
  { ...extras[4]!, 姓名: null },
  { ...extras[5]!, 任职开始: '2024年13月1日' },
  { ...extras[6]!, 身份证号: 130702198503010000 },
].map((r, i) => asSheet(r, 100 + i));
// A blank line separates the good rows from the bad ones, as clerks leave them.
const BLANK = Object.fromEntries(ROSTER_HEADERS.map((h) => [h, null])) as RosterRow;
const badRow = (i: number) => FIRST_DATA_ROW + good.length + 1 + i;

async function writeClerkSheet(name: string, rows = good, badRows = [BLANK, ...bad]): Promise<string> {
  await writeRosterXlsx(file(name), rows, badRows, { headers: HEADERS, titleRows: TITLE });
  return file(name);
}

describe('roster import from a clerk-made xlsx', () => {
  it('previews: recognises shuffled headers, lists each bad row by its spreadsheet row with a reason, changes nothing', async () => {
    const xlsx = await writeClerkSheet('花名册.xlsx');
    const p = await previewRoster(db, xlsx);
    expect([...p.columns].sort()).toEqual([...ROSTER_HEADERS].sort());
    expect(p.missingColumns).toEqual([]);
    expect(p).toMatchObject({ goodRows: 14, newCadres: 14, updatedCadres: 0 });
    expect(p.badRows).toEqual([
      { row: badRow(0), name: extras[0]!.姓名, reason: expect.stringMatching(/^身份证号校验位错误（应为[\dX]）$/) },
      {
        row: badRow(1),
        name: extras[1]!.姓名,
        reason: '任职类型“包村干部”无法识别，应为乡镇党委第一副书记、村党组织第一书记、驻村工作队员之一',
      },
      { row: badRow(2), name: extras[2]!.姓名, reason: '任职结束日期（2023-01-01）早于开始日期（2024-03-01）' },
      { row: badRow(3), name: extras[3]!.姓名, reason: `身份证号与第${FIRST_DATA_ROW}行重复` },
      { row: badRow(4), name: null, reason: '缺少姓名' },
      { row: badRow(5), name: extras[5]!.姓名, reason: '任职开始日期“2024年13月1日”无法识别' },
      { row: badRow(6), name: extras[6]!.姓名, reason: expect.stringContaining('身份证号被存成了数字') },
    ]);
    expect(p.newUnits).toEqual(expect.arrayContaining(['青山县', `青山县 / ${good[0]!.乡镇}`, '派出单位：县财政局']));
    expect(p.newUnits).toContain(`青山县 / ${good[0]!.乡镇} / ${good[0]!.村 ?? ''}`.replace(/ \/ $/, ''));
    expect(count('cadres') + count('counties') + count('units')).toBe(0);
  });

  it('commits the good rows with every date spelling read right, places and units created', async () => {
    const xlsx = await writeClerkSheet('花名册.xlsx');
    expect(await commitRoster(db, xlsx)).toEqual({ inserted: 14, updated: 0, skipped: 7 });
    expect(listCadres(db, {})).toHaveLength(14);
    for (const [i, e] of expected.entries()) {
      const c = cadreByIdNumber(e.id)!;
      expect(c.name, `row ${FIRST_DATA_ROW + i}`).toBe(e.name);
      expect(
        c.postings.map((p) => [p.countyName, p.start, p.end]),
        `row ${FIRST_DATA_ROW + i}`,
      ).toEqual([['青山县', e.start, e.end]]);
      // 出生年月 missing or month-only: the exact day comes from the ID number; so does a missing 性别.
      expect(c.birthDate).toBe(`${e.id.slice(6, 10)}-${e.id.slice(10, 12)}-${e.id.slice(12, 14)}`);
      expect(c.gender).toBe(Number(e.id[16]) % 2 ? '男' : '女');
    }
    expect(count('units')).toBeGreaterThan(0);
    const log = db.prepare("SELECT detail FROM audit_log WHERE entity = 'roster'").all() as Array<{ detail: string }>;
    expect(log.map((l) => JSON.parse(l.detail))).toEqual([{ file: '花名册.xlsx', inserted: 14, updated: 0, skipped: 7 }]);
  });

  it('re-importing updates by ID number instead of duplicating; a changed posting becomes a move with history', async () => {
    const xlsx = await writeClerkSheet('花名册.xlsx');
    await commitRoster(db, xlsx);
    expect(await commitRoster(db, xlsx)).toEqual({ inserted: 0, updated: 14, skipped: 7 });
    expect([count('cadres'), count('postings')]).toEqual([14, 14]);

    const moved = { ...good[0]!, 乡镇: '新设镇', 村: '新村', 任职开始: '2026-01-01', 任职结束: null };
    const rephoned = { ...good[1]!, 联系电话: '13900000000' };
    const backdated = { ...good[2]!, 乡镇: '旧镇', 任职开始: '2001-01-01', 任职结束: null };
    const xlsx2 = await writeClerkSheet('花名册（第二版）.xlsx', [moved, rephoned, backdated, ...good.slice(3)], []);
    const p = await previewRoster(db, xlsx2);
    expect(p).toMatchObject({ goodRows: 13, newCadres: 0, updatedCadres: 13 });
    expect(p.badRows).toEqual([
      {
        row: FIRST_DATA_ROW + 2,
        name: good[2]!.姓名,
        reason: expect.stringContaining(`不晚于该干部现任职务的开始日期（${expected[2]!.start}）`),
      },
    ]);
    expect(p.newUnits).toEqual(['青山县 / 新设镇', '青山县 / 新设镇 / 新村']);
    expect(await commitRoster(db, xlsx2)).toEqual({ inserted: 0, updated: 13, skipped: 1 });

    const c0 = cadreByIdNumber(expected[0]!.id)!;
    expect(c0.postings.map((x) => [x.townshipName, x.villageName, x.start, x.end])).toEqual([
      [good[0]!.乡镇, good[0]!.村, expected[0]!.start, '2025-12-31'],
      ['新设镇', '新村', '2026-01-01', null],
    ]);
    expect(cadreByIdNumber(expected[1]!.id)!.phone).toBe('13900000000');
    expect(cadreByIdNumber(expected[2]!.id)!.postings).toHaveLength(1);
    expect(count('cadres')).toBe(14);
  });

  it('refuses a sheet missing required columns, naming them, and changes nothing', async () => {
    await commitRoster(db, await writeClerkSheet('花名册.xlsx'));
    const before = [count('cadres'), count('postings'), count('audit_log')];
    const noPost = HEADERS.filter((h) => h !== '任职类型' && h !== '乡镇');
    await writeRosterXlsx(file('缺列.xlsx'), good, [], { headers: noPost });
    for (const run of [previewRoster, commitRoster]) {
      expect(await refusal(run(db, file('缺列.xlsx')))).toMatchObject({
        code: 'IMPORT_REFUSED',
        message: '表格缺少必需的列：任职类型、乡镇',
      });
    }
    expect([count('cadres'), count('postings'), count('audit_log')]).toEqual(before);
  });

  it('refuses files that are not spreadsheets, or are damaged, with a clear Chinese message', async () => {
    const xlsx = await writeClerkSheet('花名册.xlsx');
    const bytes = fs.readFileSync(xlsx);
    const cases: Array<[string, Buffer, RegExp]> = [
      ['截断.xlsx', bytes.subarray(0, Math.floor(bytes.length / 2)), /已损坏或不是有效的 Excel 表格/],
      ['乱码.xlsx', Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(2000, 7)]), /已损坏/],
      ['旧格式.xls', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]), /97-2003.*另存为/],
      ['扫描件.xlsx', Buffer.from('%PDF-1.4\n1 0 obj\n'), /PDF 文件，不是表格/],
      ['图片.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 1, 2, 3]), /不是 Excel 表格（.xlsx）或 CSV/],
      ['空.csv', Buffer.alloc(0), /文件是空的/],
    ];
    for (const [name, data, message] of cases) {
      fs.writeFileSync(file(name), data);
      const err = await refusal(previewRoster(db, file(name)));
      expect(err.code, name).toBe('IMPORT_REFUSED');
      expect(err.message, name).toMatch(message);
    }
    expect(count('cadres')).toBe(0);
  });
});

describe('roster import from CSV', () => {
  const rows = makeRosterRows(6, { seed: 21, dateStyle: 'iso' });
  const check = () => {
    const stored = listCadres(db, {}).map((r) => getCadre(db, r.id));
    expect(stored.map((c) => [c.idNumber, c.name, c.postings[0]!.townshipName]).sort()).toEqual(
      rows.map((r) => [r.身份证号, r.姓名, r.乡镇]).sort(),
    );
  };

  it('reads a GBK (GB18030) CSV as saved by Excel on Chinese Windows, keeping 18-digit IDs exact', async () => {
    writeRosterCsv(file('花名册.csv'), rows, { encoding: 'gbk' });
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(fs.readFileSync(file('花名册.csv')))).toThrow();
    expect(await previewRoster(db, file('花名册.csv'))).toMatchObject({ goodRows: 6, badRows: [] });
    expect(await commitRoster(db, file('花名册.csv'))).toEqual({ inserted: 6, updated: 0, skipped: 0 });
    check();
  });

  it('reads a UTF-8 CSV with BOM and a title line, reporting rows by line number', async () => {
    const withBad = [...rows, { ...rows[0]!, 身份证号: wrongCheck(String(rows[0]!.身份证号)), 姓名: '错号' }];
    writeRosterCsv(file('花名册.csv'), withBad, { encoding: 'utf8bom', titleRows: ['青山县选派干部花名册'] });
    const p = await previewRoster(db, file('花名册.csv'));
    expect(p.badRows).toEqual([{ row: 9, name: '错号', reason: expect.stringContaining('校验位错误') }]);
    await commitRoster(db, file('花名册.csv'));
    check();
  });
});
