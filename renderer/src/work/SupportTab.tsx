import { Button, Checkbox, Space, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useShowsRecordsOf } from '../common/shownCounties';
import type { SupportRow } from '../../../shared/api/work';
import { yuan } from '../../../shared/work';
import { rangeDays, type QuarterAllowance } from '../../../shared/support';
import { call } from '../api/client';
import { useCall } from '../api/useCall';
import { useAppState } from '../app/AppState';
import { ExportExcelButton } from '../common/ExportExcelButton';
import { sheetFromColumns, type ExportColumn } from '../common/tableSheet';
import { READ_ONLY_HINT, useReadOnlyIndex } from '../common/useReadOnly';
import { FillTable } from '../common/FillTable';
import { useNotify } from '../util/notify';
import { Money, MoneyInput, thisYear, YearSelect } from './common';
import { useCadres } from '../common/CadreSelect';
import { SupportDialog, type SupportTarget } from './SupportDialogs';
import { dateLabel } from '../../../shared/dates';

function quarterCell(q: QuarterAllowance | undefined) {
  if (!q) return <span className="ob-muted">—</span>;
  const color = q.behind ? '#cf1322' : q.paidFen >= q.owedFen ? '#389e0d' : undefined;
  return (
    <Tooltip
      title={`应发 ${yuan(q.owedFen)} 元，已发 ${yuan(q.paidFen)} 元，季末 ${dateLabel(q.dueDate)} 发放${q.behind ? '，未足额' : ''}`}
    >
      <div style={{ lineHeight: 1.3, color, fontVariantNumeric: 'tabular-nums' }}>
        <div>{yuan(q.owedFen)}</div>
        <div style={{ fontSize: 12 }}>已发 {yuan(q.paidFen)}</div>
      </div>
    </Tooltip>
  );
}

/** A quarter's cell as text for the sheet: what the cell and its tooltip say. */
const quarterText = (q: QuarterAllowance | undefined) =>
  q ? `应发 ${yuan(q.owedFen)}，已发 ${yuan(q.paidFen)}${q.behind ? '，未足额' : ''}` : '—';

function insuranceText(r: SupportRow): string {
  if (!r.cityLevel) return '—';
  const days = r.uncovered.reduce((s, g) => s + rangeDays(g), 0);
  const last = r.policies[r.policies.length - 1];
  const state = days > 0 ? `脱保 ${days} 天` : last ? '有效' : '';
  return [state, last ? `${yuan(last.coverFen)}元 至${dateLabel(last.end)}` : ''].filter(Boolean).join('，') || '—';
}

/** 保障: allowance owed vs paid per quarter, insurance and the unit's pledge, per cadre. */
export function SupportTab({ cadreId }: { cadreId?: number }) {
  const { dataVersion, refresh } = useAppState();
  const { notifyError, success } = useNotify();
  const [year, setYear] = useState(thisYear());
  const [cityOnly, setCityOnly] = useState(true);
  const [target, setTarget] = useState<SupportTarget | null>(null);
  const [standard, setStandard] = useState<number | null>(null);
  const data = useCall('work.support.overview', { year }, `${year}|${dataVersion}`);
  const rows = (data.data?.rows ?? []).filter((r) => !cityOnly || r.cityLevel);
  // Cadres of imported review copies: their figures are shown, not changed.
  const ro = useReadOnlyIndex();
  const cadres = useCadres();
  const readOnlyCadre = (id: number) => ro.any && ro.cadreRow(cadres.find((c) => c.id === id));
  useShowsRecordsOf({ countyNames: rows.map((r) => cadres.find((c) => c.id === r.cadreId)?.county) });

  const saveStandard = async () => {
    if (standard === null) return;
    try {
      await call('work.support.setAllowanceStandard', { monthlyFen: standard });
      setStandard(null);
      success('补助标准已保存');
      void refresh();
    } catch (err) {
      notifyError(err, '补助标准未保存');
    }
  };

  const columns: ExportColumn<SupportRow>[] = [
    { title: '姓名', dataIndex: 'name', width: 76, fixed: 'left' },
    { title: '乡镇 / 村', key: 'p', width: 120, ellipsis: true, render: (_, r) => [r.township, r.village].filter(Boolean).join(' ') },
    { title: '层级', dataIndex: 'level', width: 56 },
    ...[1, 2, 3, 4].map((n) => ({
      title: `第${n}季度`,
      key: `q${n}`,
      width: 104,
      align: 'right' as const,
      render: (_: unknown, r: SupportRow) => quarterCell(r.quarters[n - 1]),
      exportValue: (r: SupportRow) => quarterText(r.quarters[n - 1]),
    })),
    {
      title: '全年应发 / 已发',
      key: 'sum',
      width: 130,
      align: 'right',
      render: (_, r) =>
        r.cityLevel ? (
          <span>
            <Money fen={r.owedFen} /> / <Money fen={r.paidFen} danger={r.quarters.some((q) => q.behind)} />
          </span>
        ) : (
          '—'
        ),
      exportValue: (r) => (r.cityLevel ? `${yuan(r.owedFen)} / ${yuan(r.paidFen)}` : '—'),
    },
    {
      title: '意外伤害保险',
      key: 'ins',
      width: 150,
      exportValue: insuranceText,
      render: (_, r) => {
        if (!r.cityLevel) return '—';
        const days = r.uncovered.reduce((s, g) => s + rangeDays(g), 0);
        const last = r.policies[r.policies.length - 1];
        return (
          <div style={{ lineHeight: 1.3 }}>
            {days > 0 ? <Tag color="red">脱保 {days} 天</Tag> : last ? <Tag color="green">有效</Tag> : null}
            {last && <div style={{ fontSize: 12 }}>{`${yuan(last.coverFen)}元 至${dateLabel(last.end)}`}</div>}
          </div>
        );
      },
    },
    {
      title: '捆绑资金',
      key: 'pl',
      width: 100,
      align: 'right',
      render: (_, r) => (r.pledge ? <Money fen={r.pledge.fundsFen} /> : <span className="ob-muted">未登记</span>),
      exportValue: (r) => (r.pledge ? yuan(r.pledge.fundsFen) : '未登记'),
    },
    {
      title: '操作',
      key: 'op',
      noExport: true,
      width: 170,
      fixed: 'right',
      render: (_, r) =>
        readOnlyCadre(r.cadreId) ? (
          <span className="ob-muted">{READ_ONLY_HINT}</span>
        ) : (
          <Space size={0}>
            {r.cityLevel && (
              <Button size="small" type="link" onClick={() => setTarget({ kind: 'payment', row: r })}>
                发放
              </Button>
            )}
            {r.cityLevel && (
              <Button size="small" type="link" onClick={() => setTarget({ kind: 'policy', row: r })}>
                保险
              </Button>
            )}
            <Button size="small" type="link" onClick={() => setTarget({ kind: 'pledge', row: r })}>
              三个捆绑
            </Button>
          </Space>
        ),
    },
  ];

  return (
    <div style={{ display: 'flex', flexDirection: 'column', height: '100%', width: '100%' }}>
      <Space wrap style={{ marginBottom: 8 }}>
        <YearSelect value={year} onChange={setYear} />
        <Checkbox checked={cityOnly} onChange={(e) => setCityOnly(e.target.checked)}>
          只看市级选派干部
        </Checkbox>
        <span className="ob-muted">每人每月补助标准</span>
        <MoneyInput value={standard ?? data.data?.allowanceMonthlyFen ?? null} onChange={setStandard} width={140} />
        {standard !== null && <Button onClick={() => void saveStandard()}>保存标准</Button>}
        <span className="ob-muted">按在岗天数折算到月，每季度末发放</span>
        <ExportExcelButton
          fileName={`${year}年补助与保障.xlsx`}
          disabled={rows.length === 0}
          sheets={() => [sheetFromColumns(`${year}年补助与保障`, columns, rows)]}
        />
      </Space>
      <FillTable<SupportRow>
        error={data.error}
        rowKey="cadreId"
        columns={columns}
        dataSource={rows}
        loading={data.loading}
        scrollX={1240}
        picked={(r) => r.cadreId === cadreId}
        locale={{ emptyText: `${year}年没有在岗的${cityOnly ? '市级' : ''}选派干部` }}
        data-testid="support-table"
      />
      <SupportDialog
        target={target}
        year={year}
        onClose={() => setTarget(null)}
        onSaved={(text) => {
          setTarget(null);
          success(text);
          void refresh();
        }}
        onRemoved={() => {
          setTarget(null);
          void refresh();
        }}
      />
    </div>
  );
}
