/**
 * Importing a month from a township's own spreadsheet (.xlsx made with exceljs): codes and
 * Chinese words, half days, a bad cell reported by its address, unknown cadres, same-name
 * cadres, preview that changes nothing, commit in one transaction, certified month refused.
 */
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CERTIFIED_MESSAGE } from '../../main/core/attendance/common';
import { getMonthGrid } from '../../main/core/attendance/grid';
import { commitImport, previewImport } from '../../main/core/attendance/import';
import { type Db } from '../../main/store/db';
import { certify } from './certifyFixture';
import { seedTownship, type SeededTownship } from './registerFixture';
import { closeTestDb, openTestDb } from '../fixtures/testDb';

let dir: string;
let db: Db;
let t: SeededTownship;
const MONTH = '2025-03';

interface SheetRow {
  name: string;
  id?: string;
  days?: Record<number, string | number>;
}

/** A township sheet: a merged title row, header on row 2 (序号, 姓名, [身份证号], 1日…31日, 备注). */
async function makeSheet(
  name: string,
  rows: SheetRow[],
  opts: { id?: boolean; header?: (d: number) => string | number } = {},
): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('3月考勤');
  const header = [
    '序号',
    '姓名',
    ...(opts.id ? ['身份证号'] : []),
    ...Array.from({ length: 31 }, (_, i) => (opts.header ?? ((d) => `${d}日`))(i + 1)),
    '备注',
  ];
  ws.addRow(['石门镇2025年3月选派干部考勤表']);
  ws.mergeCells(1, 1, 1, header.length);
  ws.addRow(header);
  rows.forEach((r, i) =>
    ws.addRow([i + 1, r.name, ...(opts.id ? [r.id ?? ''] : []), ...Array.from({ length: 31 }, (_, d) => r.days?.[d + 1] ?? null), '']),
  );
  ws.addRow(['', '合计']);
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

/** A sheet that says exactly what the grid holds for the seeded marks, plus `extra` per cadre index. */
function sameAsGrid(extra: Record<number, Record<number, string>> = {}): SheetRow[] {
  const base: Record<number, Record<number, string>> = { 1: { 3: '事假', 4: 'S' }, 2: { 5: '√/病', 12: '×' }, 0: { 20: '公出' } };
  return t.cadres.map((c, i) => ({ name: c.name, days: { ...base[i], ...extra[i] } }));
}

const cells = (cadre: number) => getMonthGrid(db, t.townshipId, MONTH).rows.find((r) => r.cadreId === t.cadres[cadre]!.id)!.cells;

beforeAll(() => {
  ({ dir, db } = openTestDb('attimport'));
  t = seedTownship(db, 6, { township: '石门镇' });
});

afterAll(() => {
  closeTestDb(db, dir);
});

describe('attendance import', () => {
  it('sees no change in a sheet that matches the grid, blank meaning 在岗', async () => {
    const p = await previewImport(db, await makeSheet('same.xlsx', sameAsGrid()), { townshipId: t.townshipId, month: MONTH });
    expect(p.errors).toEqual([]);
    expect(p.changes).toEqual([]);
    expect(p.matched).toBe(6);
    expect(p.unknownCadres).toEqual([]);
    expect(p.certified).toBe(false);
  });

  it('reads codes, Chinese words and half days; previews without writing; commits in one call', async () => {
    const file = await makeSheet(
      'words.xlsx',
      sameAsGrid({ 3: { 6: 'B', 7: '出差', 8: '旷工', 9: '上午事假', 10: '婚假', 11: '会议' }, 1: { 3: '', 4: '' } }),
      { header: (d) => (d % 2 ? d : `${d}号`) },
    );
    const before = JSON.stringify(getMonthGrid(db, t.townshipId, MONTH).rows);
    const p = await previewImport(db, file, { townshipId: t.townshipId, month: MONTH });
    expect(p.errors).toEqual([]);
    const by = (c: number, day: number) =>
      p.changes.filter((x) => x.cadreId === t.cadres[c]!.id && x.date === `${MONTH}-${String(day).padStart(2, '0')}`);
    expect(by(3, 6)).toEqual([expect.objectContaining({ half: '全', from: '在岗', to: '病假' })]);
    expect(by(3, 7)[0]!.to).toBe('公出');
    expect(by(3, 8)[0]!.to).toBe('缺勤');
    expect(by(3, 9)).toEqual([expect.objectContaining({ half: '上', from: '在岗', to: '事假' })]);
    expect(by(3, 10)[0]!.to).toBe('婚丧产假');
    expect(by(3, 11)[0]!.to).toBe('公假');
    // blank cells where the grid has 事假: back to 在岗
    expect(by(1, 3)).toEqual([expect.objectContaining({ from: '事假', to: '在岗' })]);
    expect(p.changes).toHaveLength(8);
    // the preview (dry run) changed nothing
    expect(JSON.stringify(getMonthGrid(db, t.townshipId, MONTH).rows)).toBe(before);

    const importedRows = () => (db.prepare("SELECT COUNT(*) AS n FROM attendance_cells WHERE source = 'import'").get() as { n: number }).n;
    expect(importedRows()).toBe(0);
    const r = await commitImport(db, file, { townshipId: t.townshipId, month: MONTH });
    expect(r).toEqual({ changed: 15, cadres: 2 });
    expect(cells(3)[5]).toEqual(['病假', '病假']);
    expect(cells(3)[8]).toEqual(['事假', '在岗']);
    expect(cells(1)[2]).toEqual(['在岗', '在岗']);
    // the record says where the marks came from
    expect(importedRows()).toBeGreaterThan(0);
    // importing the same sheet again changes nothing
    expect((await previewImport(db, file, { townshipId: t.townshipId, month: MONTH })).changes).toEqual([]);
  });

  it('reports a bad cell by its address and refuses to commit; unknown cadres are listed', async () => {
    const rows = sameAsGrid({ 1: { 4: '迟到' } });
    rows.push({ name: '钱多多', days: { 1: '√' } });
    const file = await makeSheet('bad.xlsx', rows);
    const p = await previewImport(db, file, { townshipId: t.townshipId, month: MONTH });
    // row 2 is the header, cadre index 1 is on row 4; day 4 is column F (A 序号, B 姓名, C = 1日)
    expect(p.errors).toEqual([{ row: 4, column: 'F4', message: expect.stringContaining('无法识别“迟到”') }]);
    expect(p.unknownCadres).toEqual([{ row: 9, name: '钱多多' }]);
    const before = JSON.stringify(getMonthGrid(db, t.townshipId, MONTH).rows);
    await expect(commitImport(db, file, { townshipId: t.townshipId, month: MONTH })).rejects.toThrow(
      /表格中有1处错误（如 F4：无法识别“迟到”/,
    );
    expect(JSON.stringify(getMonthGrid(db, t.townshipId, MONTH).rows)).toBe(before);
  });

  it('flags marks on days before a cadre arrived, and days past the month end', async () => {
    // cadre 5 arrives on the 11th; April has 30 days
    const p = await previewImport(db, await makeSheet('early.xlsx', sameAsGrid({ 5: { 5: '√', 10: '/' } })), {
      townshipId: t.townshipId,
      month: MONTH,
    });
    expect(p.errors).toEqual([{ row: 8, column: 'G8', message: '5日不在该干部本乡镇任职期内，应留空或填“/”' }]);
    const april = await previewImport(db, await makeSheet('april.xlsx', [{ name: t.cadres[0]!.name, days: { 31: '√' } }]), {
      townshipId: t.townshipId,
      month: '2025-04',
    });
    expect(april.errors).toEqual([{ row: 3, column: 'AG3', message: '2025年4月只有30天，31日应留空' }]);
  });

  it('asks for 身份证号 when two cadres share a name, and matches by it when given', async () => {
    const twin = seedTownship(db, 2, { township: '杏林镇', marks: false });
    db.prepare('UPDATE cadres SET name = ? WHERE id = ?').run(twin.cadres[0]!.name, twin.cadres[1]!.id);
    const name = twin.cadres[0]!.name;
    const noId = await previewImport(db, await makeSheet('twins.xlsx', [{ name, days: { 2: '事假' } }]), {
      townshipId: twin.townshipId,
      month: MONTH,
    });
    expect(noId.errors).toEqual([{ row: 3, column: 'B3', message: `本乡镇有2名干部同名“${name}”，请在表格中增加“身份证号”列以区分` }]);
    const withId = await previewImport(
      db,
      await makeSheet('twins-id.xlsx', [{ name, id: twin.cadres[1]!.idNumber, days: { 12: '事假' } }], { id: true }),
      { townshipId: twin.townshipId, month: MONTH },
    );
    expect(withId.errors).toEqual([]);
    expect(withId.changes).toEqual([expect.objectContaining({ cadreId: twin.cadres[1]!.id, to: '事假' })]);
  });

  it('refuses a file that is not an attendance sheet', async () => {
    const other = path.join(dir, 'notes.txt');
    fs.writeFileSync(other, '不是表格');
    await expect(previewImport(db, other, { townshipId: t.townshipId, month: MONTH })).rejects.toThrow(
      '该文件不是 Excel 表格（.xlsx），无法导入考勤',
    );
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('花名册').addRow(['姓名', '身份证号']);
    const roster = path.join(dir, 'roster.xlsx');
    await wb.xlsx.writeFile(roster);
    await expect(previewImport(db, roster, { townshipId: t.townshipId, month: MONTH })).rejects.toThrow(/没有找到考勤表头/);
  });

  it('refuses to import into a certified month with the store message', async () => {
    // Certified through the real use case, each warning confirmed as the secretary would.
    certify(db, t.townshipId, MONTH, '2025-04-02', '周书记');
    const file = await makeSheet('late.xlsx', sameAsGrid({ 4: { 15: '事假' } }));
    const p = await previewImport(db, file, { townshipId: t.townshipId, month: MONTH });
    expect(p.certified).toBe(true);
    expect(p.changes.length).toBeGreaterThan(0);
    await expect(commitImport(db, file, { townshipId: t.townshipId, month: MONTH })).rejects.toThrow(CERTIFIED_MESSAGE);
    expect(cells(4)[14]).toEqual(['在岗', '在岗']);
  });
});
