/** `--xlsx FILE` of the listing commands: the same headers and rows as the printed table, as a workbook. */
import path from 'node:path';
import { buildXlsx } from '../core/export/xlsx';
import { writeFileDurably } from '../files/durableFiles';
import { UsageError } from './util';

/** Several printed tables as one workbook, one sheet each. */
export async function writeTablesXlsx(
  file: string,
  tables: Array<{ sheetName: string; headers: string[]; rows: string[][] }>,
): Promise<string> {
  if (!file.toLowerCase().endsWith('.xlsx')) throw new UsageError('--xlsx 的文件名应以 .xlsx 结尾');
  const target = path.resolve(file);
  const bytes = await buildXlsx(
    tables.map((t) => ({ sheetName: t.sheetName, columns: t.headers.map((h) => ({ header: h })), rows: t.rows })),
  );
  await writeFileDurably(target, bytes);
  return target;
}

/** Writes the table to `file` (temp, fsync, rename); numbers in `numeric` columns stay numbers. */
export async function writeTableXlsx(
  file: string,
  sheetName: string,
  headers: string[],
  rows: string[][],
  numeric: readonly number[] = [],
): Promise<string> {
  if (!file.toLowerCase().endsWith('.xlsx')) throw new UsageError('--xlsx 的文件名应以 .xlsx 结尾');
  const target = path.resolve(file);
  const bytes = await buildXlsx([
    {
      sheetName,
      columns: headers.map((h, i) => ({ header: h, ...(numeric.includes(i) ? { kind: 'number' as const } : {}) })),
      rows: rows.map((r) => r.map((v, i) => (numeric.includes(i) && v !== '' && Number.isFinite(Number(v)) ? Number(v) : v))),
    },
  ]);
  await writeFileDurably(target, bytes);
  return target;
}
