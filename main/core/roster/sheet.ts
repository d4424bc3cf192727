/**
 * Reads a county roster (.xlsx, .csv, or .xls / WPS .et through LibreOffice) into rows keyed by the columns we know. The type is
 * told from the content, not the extension; CSVs come in UTF-8 (with or without BOM), GBK /
 * GB18030 (Excel on Chinese Windows) or UTF-16 ("Unicode text").
 */
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import { Readable } from 'node:stream';
import { AppError } from '../../../shared/result';
import { isCompoundFile, readAsXlsx } from '../../files/legacySheet';
import { importFileProblem } from '../../files/zipGuard';

export const ROSTER_COLUMNS = [
  '姓名',
  '性别',
  '出生年月',
  '身份证号',
  '政治面貌',
  '联系电话',
  '派出单位',
  '派出单位层级',
  '选派层级',
  '任职类型',
  '县(市、区)',
  '乡镇',
  '村',
  '任职开始',
  '任职结束',
] as const;
export type RosterColumn = (typeof ROSTER_COLUMNS)[number];
export const REQUIRED_COLUMNS: RosterColumn[] = ['姓名', '身份证号', '任职类型', '县(市、区)', '乡镇'];

export type CellValue = string | number | boolean | Date | null;
export interface SheetRow {
  /** Row number as the spreadsheet shows it. */
  row: number;
  cells: Partial<Record<RosterColumn, CellValue>>;
}
export interface RosterSheet {
  columns: RosterColumn[];
  rows: SheetRow[];
}

/** Header spellings seen in county templates, after normalisation (no spaces, ASCII parens, 、 for commas). */
const ALIASES: Record<RosterColumn, string[]> = {
  姓名: ['姓名', '干部姓名'],
  性别: ['性别'],
  出生年月: ['出生年月', '出生日期', '出生年月日'],
  身份证号: ['身份证号', '身份证号码', '公民身份号码', '身份证'],
  政治面貌: ['政治面貌'],
  联系电话: ['联系电话', '电话', '手机', '手机号', '手机号码', '联系方式'],
  派出单位: ['派出单位', '派出单位名称', '选派单位', '原工作单位'],
  派出单位层级: ['派出单位层级', '单位层级', '派出单位级别'],
  选派层级: ['选派层级', '选派级别'],
  任职类型: ['任职类型', '选派类型', '任职岗位'],
  '县(市、区)': ['县(市、区)', '县(市区)', '县市区', '县(区)', '县区', '县(市)', '县', '所在县(市、区)'],
  乡镇: ['乡镇', '乡(镇)', '乡镇(街道)', '乡镇街道', '所在乡镇', '乡镇名称'],
  村: ['村', '村(社区)', '所在村', '村名', '村名称', '村(居)'],
  任职开始: ['任职开始', '任职开始时间', '任职开始日期', '任职时间', '派驻时间', '到岗时间'],
  任职结束: ['任职结束', '任职结束时间', '任职结束日期', '期满时间'],
};
const HEADER_LOOKUP = new Map<string, RosterColumn>();
for (const col of ROSTER_COLUMNS) for (const a of ALIASES[col]) HEADER_LOOKUP.set(a, col);

export function normalizeHeader(s: string): string {
  return s
    .replace(/[\s\u3000*＊]/g, '')
    .replace(/[（［[]/g, '(')
    .replace(/[）］\]]/g, ')')
    .replace(/[，,／/]/g, '、');
}

/** exceljs cell values (rich text, formulas, hyperlinks…) reduced to plain values. */
export function plainValue(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (v instanceof Date || typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'string') return v.trim() === '' ? null : v.trim();
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return plainValue(o.richText.map((t: { text?: string }) => t.text ?? '').join(''));
    if ('result' in o) return plainValue(o.result);
    if ('formula' in o || 'sharedFormula' in o) return null;
    if ('text' in o) return plainValue(o.text);
    if ('error' in o) return null;
  }
  return String(v);
}

function refuse(message: string): never {
  throw new AppError('IMPORT_REFUSED', message);
}

/** Decodes CSV bytes: BOMs first, then strict UTF-8, falling back to GB18030 (a superset of GBK). */
export function decodeText(buf: Buffer): string {
  if (buf[0] === 0xff && buf[1] === 0xfe) return new TextDecoder('utf-16le').decode(buf.subarray(2));
  if (buf[0] === 0xfe && buf[1] === 0xff) return new TextDecoder('utf-16be').decode(buf.subarray(2));
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return new TextDecoder('utf-8').decode(buf.subarray(3));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return new TextDecoder('gb18030').decode(buf);
  }
}

type RawRow = { row: number; values: CellValue[] };

/** Decodes a stream of UTF-8 chunks without splitting characters that straddle two chunks. */
async function* decodeUtf8(chunks: AsyncIterable<unknown>): AsyncGenerator<string> {
  const d = new TextDecoder('utf-8');
  for await (const c of chunks) yield typeof c === 'string' ? c : d.decode(c as Uint8Array, { stream: true });
  const tail = d.decode();
  if (tail) yield tail;
}

/**
 * exceljs's streaming reader (the fast one) decodes each zip chunk on its own and garbles Chinese
 * characters cut by a chunk boundary. This subclass hands it whole characters instead; it relies
 * on two internal methods, so when they are missing we fall back to the slower full reader.
 */
type Internal = {
  _parseSharedStrings(entry: NodeJS.ReadableStream): AsyncGenerator<unknown>;
  _parseWorksheet(chunks: AsyncIterable<unknown>, sheetNo: string): AsyncGenerator<unknown>;
};
const StreamReader = ExcelJS.stream.xlsx.WorkbookReader;
const canPatch = ['_parseSharedStrings', '_parseWorksheet'].every(
  (m) => typeof (StreamReader.prototype as unknown as Record<string, unknown>)[m] === 'function',
);
class WholeCharReader extends StreamReader {
  _parseSharedStrings(entry: NodeJS.ReadableStream) {
    entry.setEncoding('utf8');
    return (StreamReader.prototype as unknown as Internal)._parseSharedStrings.call(this, entry);
  }
  _parseWorksheet(chunks: AsyncIterable<unknown>, sheetNo: string) {
    return (StreamReader.prototype as unknown as Internal)._parseWorksheet.call(this, decodeUtf8(chunks), sheetNo);
  }
}

async function readXlsxStreaming(filePath: string): Promise<RawRow[][]> {
  const sheets: RawRow[][] = [];
  const reader = new WholeCharReader(filePath, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  for await (const ws of reader) {
    const rows: RawRow[] = [];
    for await (const row of ws as AsyncIterable<ExcelJS.Row>) {
      rows.push({ row: row.number, values: (row.values as unknown[]).slice(1).map(plainValue) });
    }
    sheets.push(rows);
  }
  return sheets;
}

async function readXlsxWhole(filePath: string): Promise<RawRow[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(filePath, { ignoreNodes: ['dataValidations', 'conditionalFormatting', 'hyperlinks'] });
  return wb.worksheets.map((ws) => {
    const rows: RawRow[] = [];
    ws.eachRow((row, n) => rows.push({ row: n, values: (row.values as unknown[]).slice(1).map(plainValue) }));
    return rows;
  });
}

async function readXlsx(filePath: string): Promise<RawRow[][]> {
  let sheets: RawRow[][] = [];
  try {
    sheets = canPatch ? await readXlsxStreaming(filePath) : await readXlsxWhole(filePath);
  } catch {
    refuse('文件已损坏或不是有效的 Excel 表格（.xlsx），无法读取。请用 Excel 或 WPS 打开确认，另存为 .xlsx 后再导入');
  }
  if (sheets.length === 0) refuse('文件中没有工作表，不是有效的 Excel 表格（.xlsx）');
  return sheets;
}

async function readCsv(buf: Buffer): Promise<RawRow[][]> {
  const text = decodeText(buf);
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = (firstLine.match(/\t/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? '\t' : ',';
  const wb = new ExcelJS.Workbook();
  let ws: ExcelJS.Worksheet;
  try {
    // map keeps every field a string: exceljs would otherwise turn 18-digit ID numbers into lossy floats.
    ws = await wb.csv.read(Readable.from([text]), { map: (d: string) => d, parserOptions: { delimiter } });
  } catch {
    refuse('CSV 文件格式有误（可能是引号不配对），无法读取。请用 Excel 或 WPS 打开确认后另存为 .xlsx 再导入');
  }
  const rows: RawRow[] = [];
  ws.eachRow((row, n) => rows.push({ row: n, values: (row.values as unknown[]).slice(1).map(plainValue) }));
  return [rows];
}

/** Tells the file type from its first bytes and reads every sheet's rows. */
async function readRaw(filePath: string): Promise<RawRow[][]> {
  const tooBig = await importFileProblem(filePath);
  if (tooBig) refuse(`${tooBig}，无法导入`);
  let buf: Buffer;
  try {
    buf = fs.readFileSync(filePath);
  } catch {
    refuse('无法读取该文件，可能已被移动或删除');
  }
  if (buf.length === 0) refuse('文件是空的，没有可导入的内容');
  const head = buf.subarray(0, 4);
  if (head[0] === 0x50 && head[1] === 0x4b) return readXlsx(filePath);
  if (isCompoundFile(buf.subarray(0, 8))) return readAsXlsx(filePath, readXlsx);
  if (head.toString('latin1') === '%PDF') refuse('这是 PDF 文件，不是表格。请导入 Excel 表格（.xlsx）或 CSV 文件');
  const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  if (!utf16 && buf.subarray(0, 4096).includes(0)) {
    refuse('该文件不是 Excel 表格（.xlsx）或 CSV 文本文件，无法导入');
  }
  return readCsv(buf);
}

function headerColumns(values: CellValue[]): Map<RosterColumn, number> {
  const found = new Map<RosterColumn, number>();
  values.forEach((v, i) => {
    if (typeof v !== 'string') return;
    const col = HEADER_LOOKUP.get(normalizeHeader(v));
    if (col && !found.has(col)) found.set(col, i);
  });
  return found;
}

/**
 * Finds the header (the first of the first 10 rows naming both 姓名 and 身份证号, on the first
 * sheet that has one) and returns the data rows below it. Refuses files missing required columns.
 */
export async function readRosterSheet(filePath: string): Promise<RosterSheet> {
  const sheets = await readRaw(filePath);
  let best: Map<RosterColumn, number> = new Map();
  for (const rows of sheets) {
    for (const r of rows) {
      if (r.row > 10) break;
      const cols = headerColumns(r.values);
      if (cols.size > best.size) best = cols;
      if (!(cols.has('姓名') && cols.has('身份证号'))) continue;
      const missing = REQUIRED_COLUMNS.filter((c) => !cols.has(c));
      if (missing.length) refuse(`表格缺少必需的列：${missing.join('、')}`);
      const data: SheetRow[] = [];
      for (const d of rows) {
        if (d.row <= r.row) continue;
        const cells: SheetRow['cells'] = {};
        let any = false;
        for (const [col, i] of cols) {
          const v = d.values[i] ?? null;
          cells[col] = v;
          if (v !== null) any = true;
        }
        if (any) data.push({ row: d.row, cells });
      }
      return { columns: ROSTER_COLUMNS.filter((c) => cols.has(c)), rows: data };
    }
  }
  const missing = REQUIRED_COLUMNS.filter((c) => !best.has(c));
  refuse(`表格缺少必需的列：${missing.join('、')}（表头须在前10行内）`);
}
