/**
 * 村集体经济: every village of a county with its collective income for the year, typed in the
 * table or imported from a spreadsheet; the year's 5万 count and its change, 空壳村, and the net
 * change in weak villages above the table. A village without a record reads 未录入.
 */
import { UploadOutlined } from '@ant-design/icons';
import { useShowsRecordsOf } from '../common/shownCounties';
import { Alert, Button, Card, ConfigProvider, Space, Statistic, Table, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { yuan } from '../../../shared/work';
import { incomeState, signed, type IncomeRow } from '../../../shared/villageIncome';
import { call } from '../api/client';
import { useCall } from '../api/useCall';
import { useAppState } from '../app/AppState';
import { CountySelect } from '../common/CountySelect';
import { ExportExcelButton } from '../common/ExportExcelButton';
import { sheetFromColumns, type ExportColumn } from '../common/tableSheet';
import { READ_ONLY_HINT, useCountyReadOnly } from '../common/useReadOnly';
import { useNotify } from '../util/notify';
import { MoneyInput, thisYear, YearSelect } from './common';
import { IncomeImportDialog } from './IncomeImportDialog';
import { ProgrammeSettings } from './ProgrammeSettings';

const STATE_COLOR: Record<string, string | undefined> = { 未录入: undefined, 空壳村: 'red', '5万元以上': 'green', '5万元以下': 'orange' };

export function IncomeTab({ villageId }: { villageId?: number }) {
  const { org, dataVersion, refresh } = useAppState();
  const { success, notifyError } = useNotify();
  const counties = org?.counties ?? [];
  const villageCounty = villageId
    ? counties.find((c) => c.townships.some((t) => t.villages.some((v) => v.id === villageId)))?.id
    : undefined;
  const [picked, setPicked] = useState<number | undefined>(villageCounty);
  const countyId = picked ?? counties.find((c) => !c.readOnly)?.id ?? counties[0]?.id;
  const [year, setYear] = useState(thisYear() - 1);
  const [edits, setEdits] = useState<Map<number, number | null>>(new Map());
  const [importing, setImporting] = useState(false);
  const [saving, setSaving] = useState(false);
  const readOnly = useCountyReadOnly(countyId);
  useShowsRecordsOf({ counties: [countyId] });
  const table = useCall('villages.income.table', countyId ? { countyId, year } : null, `${countyId}|${year}|${dataVersion}`);
  const rows = useMemo(() => table.data?.rows ?? [], [table.data]);
  const sum = table.data?.summary;

  const changeYear = (y: number) => {
    setYear(y);
    setEdits(new Map());
  };
  const save = async () => {
    if (!countyId || edits.size === 0) return;
    setSaving(true);
    try {
      await call('villages.income.save', { countyId, year, entries: [...edits].map(([id, fen]) => ({ villageId: id, incomeFen: fen })) });
      setEdits(new Map());
      success(`已保存${edits.size}个村的${year}年收入`);
      void refresh();
    } catch (err) {
      notifyError(err, '收入未保存');
    } finally {
      setSaving(false);
    }
  };
  const valueOf = (r: IncomeRow) => (edits.has(r.villageId) ? edits.get(r.villageId)! : r.incomeFen);
  const countyName = counties.find((c) => c.id === countyId)?.name ?? '';

  const columns: ExportColumn<IncomeRow>[] = [
    { title: '乡镇', dataIndex: 'township', width: 120 },
    { title: '村', dataIndex: 'village', width: 120 },
    {
      title: '薄弱村',
      dataIndex: 'weak',
      width: 80,
      render: (w: IncomeRow['weak']) =>
        w === '薄弱' ? <Tag color="orange">薄弱</Tag> : w === '已摘帽' ? <Tag color="green">已摘帽</Tag> : '',
    },
    {
      title: `${year - 1}年收入（元）`,
      dataIndex: 'prevFen',
      width: 140,
      align: 'right',
      render: (f: number | null) => (f === null ? <span className="ob-muted">未录入</span> : yuan(f)),
      exportValue: (r) => (r.prevFen === null ? '未录入' : r.prevFen / 100),
    },
    {
      title: `${year}年收入（元）`,
      key: 'fen',
      width: 190,
      render: (_, r) => (
        <MoneyInput
          value={valueOf(r)}
          width={170}
          placeholder="未录入"
          testId={`income-${r.villageId}`}
          onChange={(fen) =>
            setEdits((m) => {
              const next = new Map(m);
              if (fen === r.incomeFen) next.delete(r.villageId);
              else next.set(r.villageId, fen);
              return next;
            })
          }
        />
      ),
      exportValue: (r) => {
        const v = valueOf(r);
        return v === null ? '未录入' : v / 100;
      },
    },
    {
      title: '同比',
      key: 'yoy',
      width: 120,
      align: 'right',
      render: (_, r) => {
        const v = valueOf(r);
        return v === null || r.prevFen === null ? '—' : `${v >= r.prevFen ? '+' : '-'}${yuan(Math.abs(v - r.prevFen))}`;
      },
    },
    {
      title: '状态',
      key: 'state',
      width: 100,
      render: (_, r) => {
        const s = incomeState(valueOf(r));
        return <Tag color={STATE_COLOR[s]}>{s}</Tag>;
      },
    },
  ];

  return (
    <ConfigProvider componentDisabled={readOnly}>
      <div style={{ display: 'flex', flexDirection: 'column', width: '100%', minHeight: 0, gap: 8 }}>
        <Space wrap>
          <CountySelect
            counties={counties}
            value={countyId}
            onChange={(v) => {
              setPicked(v);
              setEdits(new Map());
            }}
          />
          <YearSelect value={year} onChange={changeYear} />
          <Button type="primary" disabled={edits.size === 0} loading={saving} onClick={() => void save()} data-testid="income-save">
            保存{edits.size ? `（${edits.size}个村）` : ''}
          </Button>
          <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} disabled={!countyId} data-testid="income-import">
            从表格导入
          </Button>
          {countyId && <ProgrammeSettings countyId={countyId} />}
          <ExportExcelButton
            fileName={`${countyName}${year}年村集体经济收入.xlsx`}
            disabled={rows.length === 0}
            sheets={() => [sheetFromColumns(`${year}年村集体经济收入`, columns, rows)]}
          />
        </Space>
        {readOnly && <Alert type="info" showIcon title={`${READ_ONLY_HINT}：可查看，不能修改`} />}
        {table.error && <Alert type="error" showIcon title={table.error} />}
        {sum && (
          <Card size="small" data-testid="income-summary">
            <Space size={32} wrap>
              <Statistic title="已录入村数" value={`${sum.recorded} / ${sum.villages}`} />
              <Statistic
                title={`收入5万元以上村（${year - 1}年 ${sum.at50kPrev}）`}
                value={sum.at50k}
                suffix={`个，同比${signed(sum.at50k - sum.at50kPrev)}`}
              />
              <Statistic title="空壳村（收入为0）" value={sum.shell} suffix="个" />
              <Statistic
                title={`薄弱村：新列入 ${sum.weakListed}，摘帽 ${sum.weakDelisted}`}
                value={signed(sum.weakListed - sum.weakDelisted)}
                suffix="个（净增减）"
              />
            </Space>
          </Card>
        )}
        <div className="ob-scroll-pane" style={{ background: '#fff' }}>
          <Table<IncomeRow>
            size="small"
            rowKey="villageId"
            pagination={false}
            loading={table.loading}
            dataSource={rows}
            locale={{ emptyText: '本县尚未建立村（在组织机构中添加乡镇和村）' }}
            rowClassName={(r) => (r.villageId === villageId ? 'ant-table-row-selected' : '')}
            columns={columns}
            data-testid="income-table"
          />
        </div>
        {countyId && (
          <IncomeImportDialog
            open={importing}
            countyId={countyId}
            year={year}
            onClose={() => setImporting(false)}
            onDone={(n) => {
              setImporting(false);
              setEdits(new Map());
              success(n ? `已导入${n}个村的${year}年收入` : '表格中的收入与已登记的一致，无需导入');
              void refresh();
            }}
            onError={(err) => notifyError(err, '导入失败')}
          />
        )}
      </div>
    </ConfigProvider>
  );
}
