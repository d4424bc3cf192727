/**
 * Excel 97-2003 (.xls, BIFF8) and WPS (.et) spreadsheets for import. No maintained offline npm
 * library reads them (SheetJS's npm copy is frozen at 0.18.5 with known advisories; its fixed
 * versions are only on its own CDN), so the file is rewritten as .xlsx by LibreOffice when the
 * machine has it, and read like any .xlsx. Without LibreOffice the clerk is told how to convert.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../shared/result';
import { convertSheetToXlsx, sofficePath } from './renditions/libreoffice';

const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** An OLE compound file: how .xls and WPS .et sheets (and old .doc) begin. */
export const isCompoundFile = (head: Buffer): boolean => head.length >= 8 && head.subarray(0, 8).equals(CFB_MAGIC);

const STREAMS = ['Workbook', 'Book'].map((n) => Buffer.from(n, 'utf16le'));

/** A compound file holding a workbook stream (BIFF8 "Workbook", BIFF5 "Book"; not a .doc's "WordDocument"). */
export const holdsWorkbook = (bytes: Buffer): boolean => isCompoundFile(bytes) && STREAMS.some((s) => bytes.includes(s));

/** What to do instead, for the messages. */
export const SAVE_AS_XLSX = '请在 Excel 或 WPS 中打开该文件，“另存为” Excel 工作簿（.xlsx）后再导入';

/**
 * Runs `read` on an .xlsx rewrite of the legacy sheet at `filePath` (a temp file, removed after).
 * Refuses in Chinese, changing nothing, when LibreOffice is missing or cannot read the file.
 */
export async function readAsXlsx<T>(filePath: string, read: (xlsxPath: string) => Promise<T>): Promise<T> {
  if (!holdsWorkbook(fs.readFileSync(filePath))) {
    throw new AppError('IMPORT_REFUSED', `文件已损坏，或不是 Excel 97-2003（.xls）或 WPS 表格（.et），无法读取。${SAVE_AS_XLSX}`);
  }
  if (!sofficePath()) {
    throw new AppError(
      'IMPORT_REFUSED',
      `这是 Excel 97-2003（.xls）或 WPS 表格（.et）格式的文件，本机未安装 LibreOffice，无法直接读取。${SAVE_AS_XLSX}`,
    );
  }
  const ext = path.extname(filePath).toLowerCase() === '.et' ? 'et' : 'xls';
  const converted = await convertSheetToXlsx(filePath, ext, { timeoutMs: 60_000 });
  if (!converted.ok) {
    throw new AppError(
      'IMPORT_REFUSED',
      `无法读取这个 Excel 97-2003（.xls）或 WPS 表格（.et）文件（${converted.reason}）。${SAVE_AS_XLSX}`,
    );
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-sheet-'));
  try {
    const xlsx = path.join(dir, 'sheet.xlsx');
    fs.writeFileSync(xlsx, converted.xlsx);
    return await read(xlsx);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
