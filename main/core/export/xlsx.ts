/**
 * Any table as an .xlsx workbook (exceljs): the headers and cells exactly as given, bold header
 * row frozen with a filter, columns sized to their text, numbers kept as numbers. The callers
 * pass what the screen or the CLI shows, so the workbook says nothing the screen does not.
 */
import ExcelJS from 'exceljs';
import type { TableSheet } from '../../../shared/api/output';

/** Screen width of text: CJK characters count two. */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

/** Excel refuses these in sheet names; the tab is renamed rather than the export refused. */
const safeSheetName = (name: string, used: Set<string>): string => {
  const base = name.replace(/[[\]:*?/\\]/g, '_').slice(0, 31) || '工作表';
  let n = base;
  for (let i = 2; used.has(n); i++) n = `${base.slice(0, 28)}(${i})`;
  used.add(n);
  return n;
};

export async function buildXlsx(sheets: readonly TableSheet[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'OneBag';
  // A fixed date keeps the same table giving the same bytes (no clock in the output).
  wb.created = new Date(Date.UTC(2000, 0, 1));
  wb.modified = wb.created;
  const used = new Set<string>();
  for (const sheet of sheets) {
    const ws = wb.addWorksheet(safeSheetName(sheet.sheetName, used), { views: [{ state: 'frozen', ySplit: 1 }] });
    const header = ws.addRow(sheet.columns.map((c) => c.header));
    header.font = { bold: true };
    header.alignment = { vertical: 'middle', horizontal: 'center' };
    for (const row of sheet.rows) {
      ws.addRow(
        sheet.columns.map((_col, i) => {
          // Numbers stay numbers; digit strings like ID numbers stay text (column format '@').
          const v = row[i];
          return v === undefined ? null : v;
        }),
      );
    }
    sheet.columns.forEach((col, i) => {
      const texts = [col.header, ...sheet.rows.map((r) => (r[i] === null || r[i] === undefined ? '' : String(r[i])))];
      const width = Math.min(60, Math.max(6, ...texts.slice(0, 2000).map(displayWidth)) + 2);
      const column = ws.getColumn(i + 1);
      column.width = width;
      if (col.kind !== 'number') column.numFmt = '@';
    });
    if (sheet.rows.length > 0) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
