/**
 * A year's work log as a worksheet: the rows the log table shows (typed but unsaved rows too,
 * as the cells read), numbered as on screen, with the evidence files by name. The blank row
 * for typing is left out.
 */
import type { TableSheet } from '../../../shared/api/output';
import { sheetFromColumns, type ExportColumn } from '../common/tableSheet';
import { COLUMNS, isBlank, LOG_HEADERS, type DraftRow } from './logRows';

const columns: ExportColumn<DraftRow>[] = [
  { title: '#', exportValue: (_, i) => i + 1 },
  ...COLUMNS.map((c): ExportColumn<DraftRow> => ({ title: LOG_HEADERS[c].label, exportValue: (r) => r.cells[c].trim() || null })),
  {
    title: '佐证',
    exportValue: (r) => [...r.files.map((f) => f.originalName), ...r.pending.map((p) => `${p.name}（待保存）`)].join('；') || null,
  },
];

export const logSheet = (sheetName: string, rows: readonly DraftRow[]): TableSheet =>
  sheetFromColumns(
    sheetName,
    columns,
    rows.filter((r) => !isBlank(r)),
  );
