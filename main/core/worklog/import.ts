/**
 * Import of a log a cadre hands in (.docx or .xlsx): preview shows the split and every
 * problem before anything is saved; commit saves the entries the preview showed as ready,
 * in one transaction. The file type is told from the content, not the name.
 */
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import type { ImportPreview } from '../../../shared/api/worklog';
import { AppError } from '../../../shared/result';
import type { Db } from '../../store/db';
import { cadreName, postingsOf } from '../attendance/common';
import { checkFields, saveEntries } from './entries';
import { localToday } from '../runtime/clock';
import { docxBlocks, zipEntry } from './docxRead';
import { splitParagraphs, splitRows, type Parsed } from './importParse';
import { importFileProblem } from '../../files/zipGuard';
import { holdsWorkbook, readAsXlsx } from '../../files/legacySheet';
import { stmt } from '../../store/statementCache';

async function readXlsx(buf: Buffer, year: number): Promise<Parsed> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    throw new AppError('IMPORT_REFUSED', '无法读取该 Excel 文件，请确认是 .xlsx 格式且未损坏');
  }
  let last: Parsed | null = null;
  for (const ws of wb.worksheets) {
    const rows: unknown[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      const cells: unknown[] = [];
      row.eachCell({ includeEmpty: true }, (c, col) => (cells[col - 1] = c.value));
      rows[n - 1] = cells;
    });
    const dense = Array.from(rows, (r) => r ?? []);
    const p = splitRows(dense, year, (i) => `${wb.worksheets.length > 1 ? `“${ws.name}”` : ''}第${i + 1}行`);
    // The first sheet with a header is the log; a workbook may carry a cover sheet first.
    if (p.entries.length || !p.problems.length) return p;
    last ??= p;
  }
  return last ?? { entries: [], problems: [{ where: '', message: '工作簿中没有工作表' }] };
}

function readDocxParsed(xml: string, year: number): Parsed {
  const blocks = docxBlocks(xml);
  // A log kept as a Word table reads like a spreadsheet; otherwise dated paragraphs.
  for (const b of blocks) {
    if (b.type !== 'table') continue;
    const p = splitRows(b.rows, year, (i) => `表格第${i + 1}行`);
    if (p.entries.length) return p;
  }
  return splitParagraphs(
    blocks.flatMap((b) => (b.type === 'p' ? [b.text] : [])),
    year,
  );
}

/** Reads and splits the file, then checks each entry against the rules and the cadre's log. */
export async function previewImport(db: Db, cadreId: number, filePath: string, year: number, today = localToday()): Promise<ImportPreview> {
  cadreName(db, cadreId);
  const tooBig = await importFileProblem(filePath);
  if (tooBig) throw new AppError('IMPORT_REFUSED', `${tooBig}，无法导入工作日志`);
  const buf = fs.readFileSync(filePath);
  let format: ImportPreview['format'];
  let parsed: Parsed;
  const isZip = buf.length > 4 && buf.readUInt32LE(0) === 0x04034b50;
  const doc = isZip ? zipEntry(buf, 'word/document.xml') : null;
  if (doc) {
    format = 'docx';
    parsed = readDocxParsed(doc.toString('utf8'), year);
  } else if (isZip && zipEntry(buf, 'xl/workbook.xml')) {
    format = 'xlsx';
    parsed = await readXlsx(buf, year);
  } else if (holdsWorkbook(buf)) {
    // .xls or WPS .et: read through an .xlsx rewrite (a .doc has a WordDocument stream instead).
    format = 'xlsx';
    parsed = await readAsXlsx(filePath, async (xlsx) => readXlsx(fs.readFileSync(xlsx), year));
  } else {
    throw new AppError(
      'IMPORT_REFUSED',
      '只能导入 Word（.docx）或 Excel（.xlsx）格式的工作日志（.xls、WPS .et 也可）；.doc 请先另存为 .docx',
    );
  }

  const postings = postingsOf(db, cadreId);
  const existing = new Set(
    (
      stmt(db, 'SELECT date, situation, persons FROM worklog_entries WHERE cadre_id = ?').all(cadreId) as Array<{
        date: string;
        situation: string;
        persons: string;
      }>
    ).map((r) => `${r.date}|${r.situation}|${r.persons}`),
  );
  const seen = new Set<string>();
  for (const e of parsed.entries) {
    if (!e.date) continue;
    const f = checkFields({ ...e, date: e.date }, today);
    if (typeof f === 'string') {
      e.errors.push(f);
      continue;
    }
    const key = `${f.date}|${f.situation}|${f.persons}`;
    if (existing.has(key)) e.errors.push('与已保存的日志相同，将跳过');
    else if (seen.has(key)) e.errors.push('与文件中前面一条相同，将跳过');
    seen.add(key);
    if (!postings.some((p) => p.start <= f.date && (p.end === null || p.end >= f.date))) e.warnings.push('该日期不在任职期内');
  }
  if (!parsed.entries.length && !parsed.problems.length) parsed.problems.push({ where: '', message: '文件中没有找到以日期开头的日志内容' });
  return { format, entries: parsed.entries, problems: parsed.problems, ready: parsed.entries.filter((e) => !e.errors.length).length };
}

/** Saves the ready entries of the preview in one transaction. Refuses when none is ready. */
export async function commitImport(
  db: Db,
  cadreId: number,
  filePath: string,
  year: number,
  today = localToday(),
): Promise<{ imported: number; skipped: number }> {
  const p = await previewImport(db, cadreId, filePath, year, today);
  const ready = p.entries.filter((e) => !e.errors.length);
  if (!ready.length) throw new AppError('IMPORT_REFUSED', '没有可以导入的日志，请根据预览中的问题修改文件后重试');
  const ids = await saveEntries(
    db,
    null,
    cadreId,
    ready.map((e) => ({ ...e, date: e.date! })),
    [],
    { today, action: 'import' },
  );
  return { imported: ids.length, skipped: p.entries.length - ready.length };
}
