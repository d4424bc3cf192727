/**
 * One path from an on-screen antd table to a worksheet: the table's own column definitions
 * and rows become the sheet, so the Excel file has the same columns, the same Chinese headers
 * and the same cell texts (未录入, —, 无) as the screen. A column's `render` output is read
 * back as text; a column whose picture is not text (a button, an icon) says so with
 * `exportValue`, or is left out with `noExport`.
 */
import type { ColumnType } from 'antd/es/table';
import { isValidElement, type ReactNode } from 'react';
import type { TableSheet } from '../../../shared/api/output';

type Cell = string | number | null;

export type ExportColumn<T> = ColumnType<T> & {
  /** The cell as text or number when `render` does not show it as text. */
  exportValue?: (row: T, index: number) => Cell;
  /** The header in the sheet when `title` is not plain text. */
  exportHeader?: string;
  /** Leave the column out of the sheet (actions, drag handles). */
  noExport?: boolean;
};

/** The visible text of a rendered cell: strings and numbers of the element tree, in order. */
export function nodeText(node: ReactNode): string {
  if (node === null || node === undefined || typeof node === 'boolean') return '';
  if (typeof node === 'string') return node;
  if (typeof node === 'number' || typeof node === 'bigint') return String(node);
  if (Array.isArray(node)) return node.map((n) => nodeText(n as ReactNode)).join('');
  if (isValidElement(node)) {
    const props = node.props as { children?: ReactNode; title?: unknown };
    return nodeText(props.children);
  }
  return '';
}

function rawValue<T>(row: T, dataIndex: ColumnType<T>['dataIndex']): unknown {
  if (dataIndex === undefined || dataIndex === null) return undefined;
  const pathKeys = Array.isArray(dataIndex) ? dataIndex : [dataIndex];
  let v: unknown = row;
  for (const k of pathKeys) v = v === null || v === undefined ? undefined : (v as Record<string | number, unknown>)[k as string | number];
  return v;
}

function cellOf<T>(col: ExportColumn<T>, row: T, index: number): Cell {
  if (col.exportValue) return col.exportValue(row, index);
  const raw = rawValue(row, col.dataIndex);
  if (!col.render) {
    if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
    if (raw === null || raw === undefined) return null;
    return String(raw);
  }
  const shown = col.render(raw, row, index) as ReactNode | { children?: ReactNode };
  // A render may return cell props ({ children, props }) instead of a node.
  const node =
    shown !== null && typeof shown === 'object' && !isValidElement(shown) && !Array.isArray(shown) && 'children' in shown
      ? shown.children
      : (shown as ReactNode);
  if (typeof node === 'number') return node;
  const text = nodeText(node).trim();
  // A number shown exactly as itself stays a number, so the sheet can add it up.
  if (typeof raw === 'number' && text === String(raw)) return raw;
  return text === '' ? null : text;
}

function headerOf<T>(col: ExportColumn<T>): string | null {
  if (col.exportHeader) return col.exportHeader;
  if (typeof col.title === 'string') return col.title;
  if (isValidElement(col.title)) return nodeText(col.title).trim() || null;
  return null;
}

/** The worksheet of a table as shown: columns with a header (and not `noExport`), all `rows` in order. */
export function sheetFromColumns<T>(sheetName: string, columns: readonly ExportColumn<T>[], rows: readonly T[]): TableSheet {
  const cols = columns.flatMap((c) => {
    const header = c.noExport ? null : headerOf(c);
    return header ? [{ col: c, header }] : [];
  });
  const cells = rows.map((row, i) => cols.map(({ col }) => cellOf(col, row, i)));
  return {
    sheetName: sheetName.slice(0, 31),
    columns: cols.map(({ header }, j) => {
      const values = cells.map((r) => r[j]).filter((v) => v !== null);
      return values.length > 0 && values.every((v) => typeof v === 'number') ? { header, kind: 'number' as const } : { header };
    }),
    rows: cells,
  };
}
