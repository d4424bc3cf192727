/**
 * Imports villages' collective income from a spreadsheet (.xlsx): a header row (within the first
 * 10 rows) with 乡镇, 村 and one income column — 元 unless its header says 万元; a year in the
 * header must be the chosen year. Every row is checked against the county's villages first; the
 * preview shows each row's change, and the import refuses (saving nothing) while any row is wrong.
 */
import { AppError } from '../../../shared/result';
import type { IncomeImportPreview, IncomeImportRow } from '../../../shared/villageIncome';
import type { Db } from '../../store/db';
import { readSheets, type Raw } from '../attendance/importSheet';
import { normalizeHeader, type CellValue } from '../roster/sheet';
import { saveIncomes, villagesOfCounty } from './income';
import { stmt } from '../../store/statementCache';

const TOWNSHIP = new Set(['乡镇', '乡镇名称', '乡(镇)', '乡镇(街道)', '镇', '乡']);
const VILLAGE = new Set(['村', '村名', '村名称', '行政村', '村(社区)', '村庄', '村名(社区)']);
const FOOTER_RE = /^(合计|小计|总计|说明|备注|注[:：]|填表|制表|审核)/;
const EXPECTED = '表头应有“乡镇”“村”和“村集体经济收入（元）”（或“……（万元）”）三列';

const refuse = (message: string): never => {
  throw new AppError('IMPORT_REFUSED', message);
};
const text = (v: CellValue | undefined): string =>
  v === null || v === undefined ? '' : v instanceof Date ? '' : String(v).replace(/[\s\u3000]/g, '');

interface Layout {
  sheetName: string;
  headerRow: number;
  townshipCol: number;
  villageCol: number;
  incomeCol: number;
  incomeHeader: string;
  unit: '元' | '万元';
  rows: Raw[];
}

function findLayout(sheets: Array<{ name: string; rows: Raw[] }>, year: number): Layout {
  const seen: string[] = [];
  for (const sheet of sheets) {
    for (const r of sheet.rows.filter((x) => x.row <= 10)) {
      const heads = r.values.map((v) => (typeof v === 'string' ? normalizeHeader(v) : ''));
      heads.forEach((h, i) => h && seen.length < 12 && !seen.includes(String(r.values[i])) && seen.push(String(r.values[i])));
      const townshipCol = heads.findIndex((h) => TOWNSHIP.has(h));
      const villageCol = heads.findIndex((h) => VILLAGE.has(h));
      const incomeCols = heads.map((h, i) => ({ h, i })).filter((x) => x.h.includes('收入'));
      if (townshipCol < 0 || villageCol < 0 || incomeCols.length === 0) continue;
      const yearOf = (h: string) => /(\d{4})年/.exec(h)?.[1];
      const matching = incomeCols.filter((x) => yearOf(x.h) === String(year));
      const pick = matching.length === 1 ? matching[0]! : incomeCols.length === 1 ? incomeCols[0]! : null;
      const original = (i: number) => String(r.values[i]).trim();
      if (!pick) {
        refuse(
          `表格有多个收入列（${incomeCols.map((x) => `“${original(x.i)}”`).join('、')}），请只保留${year}年的收入列，或在表头注明“${year}年”`,
        );
      }
      const y = yearOf(pick!.h);
      if (y && y !== String(year)) refuse(`收入列的表头“${original(pick!.i)}”是${y}年的，与所选年度${year}年不一致，请核对后再导入`);
      return {
        sheetName: sheet.name,
        headerRow: r.row,
        townshipCol,
        villageCol,
        incomeCol: pick!.i,
        incomeHeader: original(pick!.i),
        unit: pick!.h.includes('万元') ? '万元' : '元',
        rows: sheet.rows.filter((x) => x.row > r.row),
      };
    }
  }
  return refuse(`表格前10行中没有找到收入表头：${EXPECTED}${seen.length ? `；找到的表头是：${seen.map((s) => `“${s}”`).join('、')}` : ''}`);
}

/** Income cell → fen, or a Chinese reason. */
function parseIncome(v: CellValue | undefined, unit: '元' | '万元'): number | string {
  if (v === null || v === undefined || v === '') return '收入未填写（该村确无收入请填0）';
  const s = typeof v === 'number' ? String(v) : typeof v === 'string' ? v.replace(/[,，\s\u3000]/g, '').replace(/(万元|元)$/, '') : '';
  if (!/^-?\d+(\.\d+)?$/.test(s)) return `收入“${String(v)}”不是数字`;
  const n = Number(s);
  if (n < 0) return '收入不能为负数';
  const fen = Math.round(n * (unit === '万元' ? 1_000_000 : 100));
  if (Math.abs(fen - n * (unit === '万元' ? 1_000_000 : 100)) > 1e-6) return `收入“${String(v)}”超出分的精度`;
  if (fen > 10_000_000_000) return '收入超过1亿元，请核对单位（元 / 万元）';
  return fen;
}

async function readPlan(db: Db, filePath: string, countyId: number, year: number): Promise<IncomeImportPreview> {
  const layout = findLayout(await readSheets(filePath, '村集体经济收入'), year);
  const villages = new Map(villagesOfCounty(db, countyId).map((v) => [`${v.township}|${v.name}`, v.id]));
  const before = new Map(
    (
      stmt(db, 'SELECT village_id AS id, income_fen AS fen FROM village_income WHERE year = ?').all(year) as Array<{
        id: number;
        fen: number;
      }>
    ).map((r) => [r.id, r.fen]),
  );
  const firstRow = new Map<number, number>();
  const rows: IncomeImportRow[] = [];
  for (const r of layout.rows) {
    const township = text(r.values[layout.townshipCol]);
    const village = text(r.values[layout.villageCol]);
    const income = r.values[layout.incomeCol];
    if (!township && !village && (income === null || income === undefined)) continue;
    if (FOOTER_RE.test(township) || FOOTER_RE.test(village)) continue;
    const villageId = villages.get(`${township}|${village}`) ?? null;
    const parsed = parseIncome(income, layout.unit);
    const incomeFen = typeof parsed === 'number' ? parsed : null;
    const beforeFen = villageId === null ? null : (before.get(villageId) ?? null);
    let error: string | null = null;
    if (!township || !village) error = '乡镇或村未填写';
    else if (villageId === null) error = `本县没有“${township}${village}”，请核对乡镇和村名（须与本软件中的名称一致）`;
    else if (firstRow.has(villageId)) error = `与第${firstRow.get(villageId)}行是同一个村`;
    else if (typeof parsed === 'string') error = parsed;
    if (villageId !== null && !firstRow.has(villageId)) firstRow.set(villageId, r.row);
    const status = error ? '错误' : beforeFen === null ? '新增' : beforeFen === incomeFen ? '不变' : '修改';
    rows.push({ row: r.row, township, village, villageId, incomeFen, beforeFen, status, error });
  }
  if (rows.length === 0) refuse(`表头（第${layout.headerRow}行）下没有村的收入数据`);
  return {
    sheetName: layout.sheetName,
    incomeColumn: layout.incomeHeader,
    unit: layout.unit,
    rows,
    errors: rows.filter((r) => r.status === '错误').length,
    changes: rows.filter((r) => r.status === '新增' || r.status === '修改').length,
  };
}

export function previewIncomeImport(db: Db, filePath: string, countyId: number, year: number): Promise<IncomeImportPreview> {
  return readPlan(db, filePath, countyId, year);
}

/** Saves every changed row in one transaction; refuses while any row is wrong. */
export async function commitIncomeImport(db: Db, filePath: string, countyId: number, year: number): Promise<number> {
  const plan = await readPlan(db, filePath, countyId, year);
  if (plan.errors > 0) refuse(`表格中有${plan.errors}行有误，请按预览中的提示改正后重新导入（本次未导入任何数据）`);
  const entries = plan.rows
    .filter((r) => r.status === '新增' || r.status === '修改')
    .map((r) => ({ villageId: r.villageId!, incomeFen: r.incomeFen }));
  return entries.length ? saveIncomes(db, countyId, year, entries) : 0;
}
