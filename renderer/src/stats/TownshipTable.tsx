/** Per-township rows and their total (the rows add up to the county figure); Cell is shared with the city table. */
import { Table } from 'antd';
import type { TableSheet } from '../../../shared/api/output';
import {
  FIGURE_KEYS,
  FIGURE_META,
  figureText,
  type FigureKey,
  type Figures,
  type StatsResult,
  type TownshipStats,
} from '../../../shared/stats';
import { sheetFromColumns, type ExportColumn } from '../common/tableSheet';

/** A figure as the cell shows it: the figure, its count out of the whole for shares, — when unknown. */
export function figureCellText(k: FigureKey, f: Figures): string {
  const v = f[k];
  if (v.value === null) return '—';
  return `${figureText(k, v)}${FIGURE_META[k].share && v.of ? ` ${v.value}/${v.of}` : ''}`;
}

/** The figure headers of both statistics tables. */
export const figureHeader = (k: FigureKey) => `${FIGURE_META[k].label}${FIGURE_META[k].unit === '万元' ? '（万元）' : ''}`;

/** A statistics table as a sheet: its rows, then the total row the table ends with. */
export function statsSheet<T extends { figures: Figures }>(
  name: string,
  columns: ExportColumn<T>[],
  rows: readonly T[],
  totalLabel: string,
  total: Figures,
): TableSheet {
  const sheet = sheetFromColumns(name, columns, rows);
  return { ...sheet, rows: [...sheet.rows, [totalLabel, ...FIGURE_KEYS.map((k) => figureCellText(k, total))]] };
}

export function Cell({ k, f, onClick, testId }: { k: FigureKey; f: Figures; onClick: () => void; testId: string }) {
  const v = f[k];
  if (v.value === null) return <span className="ob-muted">—</span>;
  return (
    <a onClick={onClick} data-testid={testId} className="ob-stats-num">
      {figureText(k, v)}
      {FIGURE_META[k].share && v.of ? (
        <small className="ob-muted">
          {' '}
          {v.value}/{v.of}
        </small>
      ) : null}
    </a>
  );
}

/** One column per figure; a cell opens the records behind it. */
export function figureColumns<T extends { figures: Figures }>(
  open: (k: FigureKey, row: T) => void,
  testId: (row: T, k: FigureKey) => string,
): ExportColumn<T>[] {
  return FIGURE_KEYS.map((k) => ({
    title: figureHeader(k),
    key: k,
    align: 'right' as const,
    render: (_: unknown, r: T) => <Cell k={k} f={r.figures} onClick={() => open(k, r)} testId={testId(r, k)} />,
    exportValue: (r: T) => figureCellText(k, r.figures),
  }));
}

/**
 * The total row a statistics table ends with (returned as the Table.Summary element itself:
 * antd keeps a summary fixed only when `summary` returns that element directly).
 */
function totalSummary(label: string, total: Figures, onOpen: (key: FigureKey) => void, testPrefix: string) {
  return (
    <Table.Summary fixed>
      <Table.Summary.Row className="ob-stats-total">
        <Table.Summary.Cell index={0}>{label}</Table.Summary.Cell>
        {FIGURE_KEYS.map((k, i) => (
          <Table.Summary.Cell key={k} index={i + 1} align="right">
            <Cell k={k} f={total} onClick={() => onOpen(k)} testId={`${testPrefix}-${k}`} />
          </Table.Summary.Cell>
        ))}
      </Table.Summary.Row>
    </Table.Summary>
  );
}

/** A statistics table (township or county rows): bordered, as wide as its figures, the total row fixed below. */
export function FiguresTable<T extends { figures: Figures }>(props: {
  rowKey: keyof T & string;
  columns: ExportColumn<T>[];
  rows: T[];
  total: { label: string; figures: Figures; onOpen: (key: FigureKey) => void; testPrefix: string };
  testId: string;
}) {
  const { total } = props;
  return (
    <Table<T>
      size="small"
      rowKey={props.rowKey}
      columns={props.columns}
      dataSource={props.rows}
      pagination={false}
      bordered
      scroll={{ x: 'max-content' }}
      data-testid={props.testId}
      summary={() => totalSummary(total.label, total.figures, total.onOpen, total.testPrefix)}
    />
  );
}

export function townshipColumns(stats: StatsResult, onOpen: (key: FigureKey, townshipId?: number) => void): ExportColumn<TownshipStats>[] {
  const multi = new Set(stats.townships.map((t) => t.county)).size > 1;
  return [
    { title: '乡镇', key: 'name', width: 96, fixed: 'left', render: (_: unknown, r) => (multi ? `${r.county} ${r.township}` : r.township) },
    ...figureColumns<TownshipStats>(
      (k, r) => onOpen(k, r.townshipId),
      (r, k) => `cell-${r.townshipId}-${k}`,
    ),
  ];
}

export function TownshipTable({ stats, onOpen }: { stats: StatsResult; onOpen: (key: FigureKey, townshipId?: number) => void }) {
  const total = { label: '合计', figures: stats.county, onOpen, testPrefix: 'total' };
  return (
    <FiguresTable<TownshipStats>
      rowKey="townshipId"
      columns={townshipColumns(stats, onOpen)}
      rows={stats.townships}
      total={total}
      testId="township-table"
    />
  );
}
