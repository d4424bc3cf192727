/**
 * Reads a township's monthly attendance spreadsheet (.xlsx): finds the header with 姓名 and
 * day columns 1…31 ("1", "1日", "1号"; on the same row or the row below a merged header) and
 * returns the data rows with each cell's address as the spreadsheet shows it (F7).
 */
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import { AppError } from '../../../shared/result';
import { normalizeHeader, plainValue, type CellValue } from '../roster/sheet';
import { importFileProblem } from '../../files/zipGuard';
import { isCompoundFile, readAsXlsx } from '../../files/legacySheet';

export interface SheetCell {
  value: CellValue;
  /** e.g. "F7" */
  address: string;
}

export interface AttendanceSheetRow {
  /** Row number as the spreadsheet shows it. */
  row: number;
  name: SheetCell;
  idNumber: SheetCell | null;
  /** Index 0 = day 1; only the day columns the sheet has. */
  days: Array<SheetCell | undefined>;
}

export interface AttendanceSheet {
  sheetName: string;
  hasIdColumn: boolean;
  /** Day numbers present as columns. */
  dayNumbers: number[];
  rows: AttendanceSheetRow[];
}

const refuse = (message: string): never => {
  throw new AppError('IMPORT_REFUSED', message);
};

/** 1 → A, 27 → AA */
export function columnLetter(n: number): string {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

const NAME_HEADERS = new Set(['姓名', '干部姓名', '人员姓名']);
const ID_HEADERS = new Set(['身份证号', '身份证号码', '公民身份号码', '身份证']);
/** Rows under the table that are not cadres. */
const FOOTER_RE = /^(合计|小计|总计|说明|备注|注[:：]|填表|制表|审核|村党组织|乡镇党委|日期)/;

function dayOf(v: CellValue): number | null {
  const s = typeof v === 'number' ? String(v) : typeof v === 'string' ? v.replace(/[\s\u3000]/g, '') : '';
  const m = /^(\d{1,2})(日|号)?$/.exec(s);
  const d = m ? Number(m[1]) : NaN;
  return d >= 1 && d <= 31 ? d : null;
}

export type Raw = { row: number; values: CellValue[] };

/** Every sheet's non-empty rows as plain values; refuses (in Chinese) what is not a readable .xlsx. */
export async function readSheets(filePath: string, subject = '考勤'): Promise<Array<{ name: string; rows: Raw[] }>> {
  const tooBig = await importFileProblem(filePath);
  if (tooBig) refuse(`${tooBig}，无法导入${subject}`);
  let head: Buffer;
  try {
    const fd = fs.openSync(filePath, 'r');
    head = Buffer.alloc(8);
    fs.readSync(fd, head, 0, 8, 0);
    fs.closeSync(fd);
  } catch {
    return refuse('无法读取该文件，可能已被移动或删除');
  }
  if (isCompoundFile(head)) return readAsXlsx(filePath, (xlsx) => readSheets(xlsx, subject));
  if (!(head[0] === 0x50 && head[1] === 0x4b)) refuse(`该文件不是 Excel 表格（.xlsx），无法导入${subject}`);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(filePath, { ignoreNodes: ['dataValidations', 'conditionalFormatting', 'hyperlinks'] });
  } catch {
    refuse('文件已损坏或不是有效的 Excel 表格（.xlsx），无法读取。请用 Excel 或 WPS 打开确认，另存为 .xlsx 后再导入');
  }
  return wb.worksheets.map((ws) => {
    const rows: Raw[] = [];
    ws.eachRow({ includeEmpty: false }, (row, n) => rows.push({ row: n, values: (row.values as unknown[]).slice(1).map(plainValue) }));
    return { name: ws.name, rows };
  });
}

/** The first sheet whose first 10 rows hold 姓名 and at least 28 day columns. */
export async function readAttendanceSheet(filePath: string): Promise<AttendanceSheet> {
  const sheets = await readSheets(filePath);
  for (const sheet of sheets) {
    const top = sheet.rows.filter((r) => r.row <= 10);
    let nameAt: { row: number; col: number } | null = null;
    let idCol: number | null = null;
    let dayRow: Raw | null = null;
    let dayCols = new Map<number, number>();
    for (const r of top) {
      r.values.forEach((v, i) => {
        if (typeof v !== 'string') return;
        const h = normalizeHeader(v);
        if (!nameAt && NAME_HEADERS.has(h)) nameAt = { row: r.row, col: i };
        if (idCol === null && ID_HEADERS.has(h)) idCol = i;
      });
      const cols = new Map<number, number>();
      r.values.forEach((v, i) => {
        const d = dayOf(v);
        if (d !== null && !cols.has(d)) cols.set(d, i);
      });
      if (cols.size >= 28 && !dayRow) {
        dayRow = r;
        dayCols = cols;
      }
    }
    if (!nameAt || !dayRow) continue;
    const name = nameAt as { row: number; col: number };
    const headerEnd = Math.max(name.row, (dayRow as Raw).row);
    const id = idCol as number | null;
    const cell = (r: Raw, i: number): SheetCell => ({ value: r.values[i] ?? null, address: `${columnLetter(i + 1)}${r.row}` });
    const rows: AttendanceSheetRow[] = [];
    for (const r of sheet.rows) {
      if (r.row <= headerEnd) continue;
      const n = r.values[name.col];
      if (n === null || n === undefined) continue;
      if (typeof n === 'string' && FOOTER_RE.test(n.replace(/[\s\u3000]/g, ''))) continue;
      const days: AttendanceSheetRow['days'] = [];
      for (const [d, i] of dayCols) days[d - 1] = cell(r, i);
      rows.push({ row: r.row, name: cell(r, name.col), idNumber: id === null ? null : cell(r, id), days });
    }
    return { sheetName: sheet.name, hasIdColumn: id !== null, dayNumbers: [...dayCols.keys()].sort((a, b) => a - b), rows };
  }
  return refuse('表格中没有找到考勤表头：须在前10行内有“姓名”列和1至31日的日期列（如“1”“1日”“1号”）');
}
