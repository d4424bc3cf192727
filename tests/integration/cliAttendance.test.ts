/**
 * `onebag register …` and `onebag attendance import …` as real processes over a real data
 * directory: the PDF read back with pdftotext, dry runs that change nothing, exit codes 0/1/2.
 */
import { execFileSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getMonthGrid } from '../../main/core/attendance/grid';
import { setSetting } from '../../main/core/runtime/settings';
import { openDatabase } from '../../main/store/db';
import { seedTownship, type SeededTownship } from './registerFixture';
import { onebagHere } from '../fixtures/cliHere';

let tmp: string;
let dataDir: string;
let t: SeededTownship;

/** Runs `tsx main/cli/index.ts --data TMP …` as a real process. */
const cli = (...args: string[]) => onebagHere(dataDir, args);

/** The grid as the app would show it (opened read-write, closed again before the next run). */
function grid() {
  const db = openDatabase(dataDir);
  try {
    return getMonthGrid(db, t.townshipId, '2025-03');
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-cliatt-'));
  dataDir = path.join(tmp, 'data');
  const db = openDatabase(dataDir);
  setSetting(db, 'operator', '组织部刘干事');
  t = seedTownship(db, 5, { township: '石门镇' });
  db.close();
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('考勤');
  ws.addRow(['姓名', ...Array.from({ length: 31 }, (_, i) => i + 1)]);
  ws.addRow([t.cadres[3]!.name, null, '事假', ...Array(29).fill('√')]);
  ws.addRow([t.cadres[4]!.name, ...Array(10).fill('/'), '迟到']);
  await wb.xlsx.writeFile(path.join(tmp, 'bad.xlsx'));
  ws.spliceRows(3, 1);
  await wb.xlsx.writeFile(path.join(tmp, 'good.xlsx'));
});

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('onebag register', () => {
  it('writes the month register and the blank form', async () => {
    const out = path.join(tmp, 'r.pdf');
    const r = await cli('register', '--township', '石门镇', '--month', '2025-03', '--out', out);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('已生成石门镇2025年3月考勤登记表');
    expect(r.stdout).toContain('（5 人，1 页）');
    const text = execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    for (const c of t.cadres) expect(text).toContain(c.name);
    expect(text).toContain('事假2天');

    const blank = path.join(tmp, 'blank.pdf');
    expect((await cli('register', '--township', '石门镇', '--month', '2025-04', '--out', blank, '--blank')).code).toBe(0);
    const b = execFileSync('pdftotext', [blank, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(b).toContain('2025年4月');
    expect(b.slice(0, b.indexOf('说明'))).not.toContain('√');
  });

  it('refuses bad input in Chinese (exit 1) and wrong usage (exit 2)', async () => {
    const out = path.join(tmp, 'x.pdf');
    const bad = await cli('register', '--township', '石门镇', '--month', '2025-13', '--out', out);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('月份“2025-13”格式不对');
    const none = await cli('register', '--township', '无名镇', '--month', '2025-03', '--out', out);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('找不到乡镇“无名镇”');
    expect(fs.existsSync(out)).toBe(false);
    const usage = await cli('register', '--township', '石门镇', '--month', '2025-03');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('register 需要 --out');
  });
});

describe('onebag attendance import', () => {
  it('dry run lists the changes and changes nothing; the real run applies them', async () => {
    const file = path.join(tmp, 'good.xlsx');
    const before = JSON.stringify(grid().rows);
    const dry = await cli('attendance', 'import', file, '--township', '石门镇', '--month', '2025-03', '--dry-run');
    expect(dry.stderr).toBe('');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(new RegExp(`${t.cadres[3]!.name}\\s+2025-03-02\\s+全天\\s+在岗\\s+事假`));
    expect(dry.stdout).toContain('预检完成（未做任何修改）');
    expect(JSON.stringify(grid().rows)).toBe(before);

    const real = await cli('attendance', 'import', file, '--township', '石门镇', '--month', '2025-03');
    expect(real.code).toBe(0);
    expect(real.stdout).toContain('导入完成');
    expect(grid().rows.find((r) => r.cadreId === t.cadres[3]!.id)!.cells[1]).toEqual(['事假', '事假']);
  });

  it('reports a bad cell by its address and exits 1 without importing', async () => {
    const file = path.join(tmp, 'bad.xlsx');
    const dry = await cli('attendance', 'import', file, '--township', '石门镇', '--month', '2025-03', '--dry-run');
    expect(dry.code).toBe(1);
    expect(dry.stdout).toContain('单元格 L3：无法识别“迟到”');
    const real = await cli('attendance', 'import', file, '--township', '石门镇', '--month', '2025-03');
    expect(real.code).toBe(1);
    expect(real.stderr).toContain('表格中有1处错误（如 L3');
    expect(grid().rows.find((r) => r.cadreId === t.cadres[4]!.id)!.cells[10]).toEqual(['在岗', '在岗']);
  });
});
