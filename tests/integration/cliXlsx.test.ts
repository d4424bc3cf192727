/**
 * `--xlsx FILE` on the listing commands: a real process writes a real workbook, read back with
 * exceljs — the same Chinese headers and rows the printed table shows, numbers as numbers,
 * ID numbers as text.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeRosterRows, writeRosterXlsx } from '../fixtures/makeRoster';
import { onebagHere } from '../fixtures/cliHere';

let tmp: string;
let dataDir: string;
const cli = (...args: string[]) => onebagHere(dataDir, args);
const rows = makeRosterRows(4, { seed: 11, county: '青山县', dateStyle: 'iso' });

async function readSheets(file: string): Promise<Map<string, unknown[][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out = new Map<string, unknown[][]>();
  wb.eachSheet((ws) => {
    const rowsOut: unknown[][] = [];
    ws.eachRow((r) => rowsOut.push((r.values as unknown[]).slice(1)));
    out.set(ws.name, rowsOut);
  });
  return out;
}

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-xlsx-'));
  dataDir = path.join(tmp, 'data');
  const roster = path.join(tmp, '花名册.xlsx');
  await writeRosterXlsx(roster, rows, []);
  expect((await cli('import-roster', roster)).code).toBe(0);
});

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('onebag … --xlsx', () => {
  it('cadres: the printed table as a sheet, full ID numbers as text, 完整性 as the empty categories (no count)', async () => {
    const file = path.join(tmp, '干部.xlsx');
    const r = await cli('cadres', '--xlsx', file);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`已导出 ${rows.length} 行到 ${file}`);
    const sheet = (await readSheets(file)).get('干部名册')!;
    expect(sheet[0]).toEqual(['姓名', '性别', '身份证号', '县（市、区）', '乡镇', '村', '任职类型', '选派层级', '派出单位', '资料完整性']);
    expect(sheet.length).toBe(rows.length + 1);
    const json = JSON.parse((await cli('cadres', '--json')).stdout) as Array<{ name: string; idNumber: string; bagMissing: string[] }>;
    for (const c of json) {
      const row = sheet.find((x) => x[2] === c.idNumber);
      expect(row, c.name).toBeDefined();
      expect(row![0]).toBe(c.name);
      expect(row![9]).toBe(c.bagMissing.length === 0 ? '七类材料齐全' : `缺：${c.bagMissing.join('、')}`);
    }
  });

  it('stats: the summary and the township table, one sheet each', async () => {
    const file = path.join(tmp, '统计.xlsx');
    const r = await cli('stats', '--year', '2025', '--xlsx', file);
    expect(r.code).toBe(0);
    const sheets = await readSheets(file);
    expect([...sheets.keys()]).toEqual(['2025年度统计', '分乡镇']);
    expect(sheets.get('2025年度统计')![0]).toEqual(['统计项', '合计', '说明']);
    expect(sheets.get('分乡镇')!.at(-1)![0]).toBe('合计');
  });

  it('alerts and materials write their sheets; a wrong extension is a usage error that writes nothing', async () => {
    const file = path.join(tmp, '预警.xlsx');
    const r = await cli('alerts', '--year', '2025', '--xlsx', file);
    expect(r.code).toBe(0);
    if (fs.existsSync(file))
      expect((await readSheets(file)).get('2025年度预警')![0]).toEqual(['类别', '程度', '乡镇', '干部', '日期/月份', '说明']);
    else expect(r.stdout).toContain('没有预警');
    const bad = path.join(tmp, '干部.xls');
    const r2 = await cli('cadres', '--xlsx', bad);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toContain('--xlsx 的文件名应以 .xlsx 结尾');
    expect(fs.existsSync(bad)).toBe(false);
  });
});
