/**
 * The city view's table: one row per county (its own view's figures) and 全市合计, their sum.
 * A county's name opens that county's view; a figure opens that county's records.
 */
import { Tag, Tooltip } from 'antd';
import type { CityStatsResult, CountyStats, FigureKey } from '../../../shared/stats';
import type { ExportColumn } from '../common/tableSheet';
import { FiguresTable, figureColumns } from './TownshipTable';

/** The origin fingerprint shortened for the badge: ABCD-1234-… */
const shortPrint = (fp: string) => (fp.length > 9 ? `${fp.slice(0, 9)}…` : fp);

export function countyColumns(
  onCounty: (countyId: number) => void,
  onOpen: (key: FigureKey, countyId?: number) => void,
): ExportColumn<CountyStats>[] {
  return [
    {
      title: '县（市、区）',
      key: 'name',
      width: 150,
      fixed: 'left',
      exportValue: (r) => (r.origin ? `${r.county}（导入，来源单位密钥指纹 ${r.origin}）` : r.county),
      render: (_: unknown, r) => (
        <span className="ob-stats-county">
          <a onClick={() => onCounty(r.countyId)} data-testid={`county-${r.countyId}`} title={`查看${r.county}的分乡镇统计`}>
            {r.county}
          </a>
          {r.origin && (
            <Tooltip title={`从其他单位的交换包导入（只读），来源单位密钥指纹 ${r.origin}`}>
              <Tag color="blue" data-testid={`imported-${r.countyId}`}>
                导入 · {shortPrint(r.origin)}
              </Tag>
            </Tooltip>
          )}
        </span>
      ),
    },
    ...figureColumns<CountyStats>(
      (k, r) => onOpen(k, r.countyId),
      (r, k) => `ccell-${r.countyId}-${k}`,
    ),
  ];
}

export function CountyTable({
  stats,
  onCounty,
  onOpen,
}: {
  stats: CityStatsResult;
  onCounty: (countyId: number) => void;
  onOpen: (key: FigureKey, countyId?: number) => void;
}) {
  const total = { label: '全市合计', figures: stats.county, onOpen, testPrefix: 'ctotal' };
  return (
    <FiguresTable<CountyStats>
      rowKey="countyId"
      columns={countyColumns(onCounty, onOpen)}
      rows={stats.counties}
      total={total}
      testId="county-table"
    />
  );
}
