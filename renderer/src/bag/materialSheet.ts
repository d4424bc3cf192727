/**
 * A bag's materials as a worksheet, in the order the bag lists them (category, newest first):
 * what each material row shows — title, date (or the year when undated), 文号, 责任者, 密级 —
 * and its files with their pages.
 */
import { FILE_KIND_LABELS, type Material } from '../../../shared/domain';
import type { TableSheet } from '../../../shared/api/output';
import { sheetFromColumns, type ExportColumn } from '../common/tableSheet';

const columns: ExportColumn<Material>[] = [
  { title: '类别', dataIndex: 'category' },
  { title: '题名', dataIndex: 'title' },
  { title: '日期', exportValue: (m) => m.date ?? `${m.year} 年度` },
  { title: '文号', exportValue: (m) => m.docNumber ?? '' },
  { title: '责任者', exportValue: (m) => m.responsible ?? '' },
  { title: '密级', dataIndex: 'secrecy' },
  {
    title: '文件',
    exportValue: (m) =>
      m.files.map((f) => `${f.originalName}（${FILE_KIND_LABELS[f.kind]}${f.pageCount ? `，${f.pageCount} 页` : ''}）`).join('；'),
  },
  { title: '页数', exportValue: (m) => m.files.reduce((n, f) => n + (f.pageCount ?? 0), 0) || null },
];

export const materialSheet = (name: string, materials: readonly Material[]): TableSheet => sheetFromColumns(name, columns, materials);
