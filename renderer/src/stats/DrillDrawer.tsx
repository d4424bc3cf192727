/** The records behind a figure, each with a link to where it is kept. */
import { Alert, Button, Drawer, Empty, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { FIGURE_META, type DrillRecord, type FigureKey } from '../../../shared/stats';
import { useCall } from '../api/useCall';
import { useAppState } from '../app/AppState';
import { linkLabel, viewOf } from './links';

export interface DrillTarget {
  figure: FigureKey;
  /** One county's records in the city view (overrides the page's county). */
  countyId?: number;
  townshipId?: number;
  month?: string;
  kind?: string;
  source?: string;
}

const STATUS: Partial<Record<FigureKey, [string, string]>> = { attendance: ['达标', '未达标'], reportsOnTime: ['按时', '未按时'] };

export function DrillDrawer({
  year,
  countyId,
  target,
  onClose,
}: { year: number; countyId?: number; target: DrillTarget | null; onClose: () => void }) {
  const { navigate, dataVersion } = useAppState();
  const input = target ? { year, ...(countyId ? { countyId } : {}), ...target } : null;
  const res = useCall('stats.drill', input, `${JSON.stringify(input)}|${dataVersion}`);
  const d = target && res.data?.figure === target.figure ? res.data : undefined;
  const share = target ? FIGURE_META[target.figure].share : false;
  const labels = target ? STATUS[target.figure] : undefined;

  const columns: ColumnsType<DrillRecord> = [
    { title: '乡镇', dataIndex: 'township', width: 80 },
    { title: '村', dataIndex: 'village', width: 90, ellipsis: true, render: (v: string | null) => v ?? '—' },
    {
      title: '干部',
      dataIndex: 'cadre',
      width: 72,
      render: (v: string | null, r) =>
        v && r.cadreId ? <a onClick={() => navigate({ kind: 'cadre', id: r.cadreId! })}>{v}</a> : (v ?? '—'),
    },
    { title: '内容', dataIndex: 'text', render: (v: string) => <span style={{ wordBreak: 'break-all' }}>{v}</span> },
    ...(target?.figure === 'projectFunds' ||
    target?.figure === 'projects' ||
    target?.figure === 'attendance' ||
    target?.figure === 'villagesIncome50k' ||
    target?.source
      ? [{ title: target?.figure === 'attendance' ? '在岗/应在岗' : '金额', dataIndex: 'amount', width: 120, align: 'right' as const }]
      : []),
    ...(share && labels
      ? [
          {
            title: '状态',
            dataIndex: 'counted',
            width: 76,
            render: (v: boolean) => <Tag color={v ? 'green' : 'red'}>{v ? labels[0] : labels[1]}</Tag>,
          },
        ]
      : []),
    {
      title: '',
      key: 'link',
      width: 76,
      render: (_: unknown, r) =>
        r.link ? (
          <Button size="small" type="link" onClick={() => navigate(viewOf(r.link!))} data-testid="drill-open">
            {linkLabel(r.link)}
          </Button>
        ) : null,
    },
  ];

  return (
    <Drawer
      open={target !== null}
      onClose={onClose}
      size={Math.min(900, window.innerWidth - 120)}
      title={d?.title ?? '正在加载…'}
      destroyOnHidden
      data-testid="drill-drawer"
    >
      {res.error && <Alert type="error" showIcon title={res.error} style={{ marginBottom: 10 }} />}
      {d && (
        <>
          <div style={{ marginBottom: 8 }} data-testid="drill-summary">
            <strong>{d.summary}</strong>
            {d.note && (
              <span className="ob-muted" style={{ marginLeft: 12 }}>
                {d.note}
              </span>
            )}
          </div>
          {d.records.length === 0 ? (
            <Empty description="没有记录" />
          ) : (
            <Table<DrillRecord>
              size="small"
              rowKey="key"
              columns={columns}
              dataSource={d.records}
              pagination={d.records.length > 100 ? { pageSize: 100, showSizeChanger: false } : false}
              data-testid="drill-table"
            />
          )}
        </>
      )}
    </Drawer>
  );
}
