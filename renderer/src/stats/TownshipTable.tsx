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

export function townshipColumns(stats: StatsResult, onOpen: (key: FigureKey, townshipId?: number) => void): ExportColumn<TownshipStats>[] {
  const multi = new Set(stats.townships.map((t) => t.county)).size > 1;
  return [
    { title: '乡镇', key: 'name', width: 96, fixed: 'left', render: (_: unknown, r) => (multi ? `${r.county} ${r.township}` : r.township) },
    ...FIGURE_KEYS.map((k) => ({
      title: figureHeader(k),
      key: k,
      align: 'right' as const,
      render: (_: unknown, r: TownshipStats) => (
        <Cell k={k} f={r.figures} onClick={() => onOpen(k, r.townshipId)} testId={`cell-${r.townshipId}-${k}`} />
      ),
      exportValue: (r: TownshipStats) => figureCellText(k, r.figures),
    })),
  ];
}

export function TownshipTable({ stats, onOpen }: { stats: StatsResult; onOpen: (key: FigureKey, townshipId?: number) => void }) {
  const columns = townshipColumns(stats, onOpen);
  return (
    <Table<TownshipStats>
      size="small"
      rowKey="townshipId"
      columns={columns}
      dataSource={stats.townships}
      pagination={false}
      bordered
      data-testid="township-table"
      scroll={{ x: 'max-content' }}
      summary={() => (
        <Table.Summary fixed>
          <Table.Summary.Row className="ob-stats-total">
            <Table.Summary.Cell index={0}>合计</Table.Summary.Cell>
            {FIGURE_KEYS.map((k, i) => (
              <Table.Summary.Cell key={k} index={i + 1} align="right">
                <Cell k={k} f={stats.county} onClick={() => onOpen(k)} testId={`total-${k}`} />
              </Table.Summary.Cell>
            ))}
          </Table.Summary.Row>
        </Table.Summary>
      )}
    />
  );
}
