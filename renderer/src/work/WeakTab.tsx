import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Select, Space, Table, Tag } from 'antd';
import { useShowsRecordsOf } from '../common/shownCounties';
import { useMemo, useState } from 'react';
import { yuan } from '../../../shared/work';
import { type WeakVillage } from '../../../shared/weakVillages';
import { call } from '../api/client';
import { useCall } from '../api/useCall';
import { useAppState } from '../app/AppState';
import { ExportExcelButton } from '../common/ExportExcelButton';
import { sheetFromColumns, type ExportColumn } from '../common/tableSheet';
import { thisYear, yearOptions } from './common';
import { WeakDetail } from './WeakDetail';
import { SaveDialog } from '../common/SaveDialog';
import { useDialogSave } from '../common/useDialogSave';

/** 薄弱村: the county's weak villages on the left, the chosen one's record on the right. */
export function WeakTab({ villageId, cadreId }: { villageId?: number; cadreId?: number }) {
  const { org, dataVersion, refresh } = useAppState();
  const list = useCall('work.weak.list', {}, `weak|${dataVersion}`);
  const rows = useMemo(() => list.data ?? [], [list.data]);
  useShowsRecordsOf({ villages: rows.map((r) => r.villageId) });
  const [picked, setSelected] = useState<number | undefined>(villageId);
  const [adding, setAdding] = useState(false);
  const [newVillage, setNewVillage] = useState<number>();
  const [newYear, setNewYear] = useState(thisYear());
  const { saving, error, setError, runSave } = useDialogSave();

  // Opened for a cadre (from an alert): the first village they support, else the first one.
  const selected =
    picked ?? (cadreId ? rows.find((w) => w.supporters.some((s) => s.cadreId === cadreId))?.villageId : undefined) ?? rows[0]?.villageId;

  const villageOptions = useMemo(
    () =>
      // Villages of imported review copies cannot be listed here.
      (org?.counties ?? [])
        .filter((c) => !c.readOnly)
        .flatMap((c) =>
          c.townships.map((t) => ({
            label: t.name,
            title: t.name,
            options: t.villages
              .filter((v) => !rows.some((w) => w.villageId === v.id))
              .map((v) => ({ value: v.id, label: `${t.name} ${v.name}` })),
          })),
        ),
    [org, rows],
  );

  const add = async () => {
    if (!newVillage) return setError('请选择村');
    await runSave(async () => {
      await call('work.weak.save', { villageId: newVillage, listedYear: newYear, notes: null });
      setAdding(false);
      setSelected(newVillage);
      void refresh();
    });
  };

  const open = (w: WeakVillage) => w.supporters.reduce((n, s) => n + s.milestones.filter((m) => m.open).length, 0);
  const current = rows.find((w) => w.villageId === selected);
  const columns: ExportColumn<WeakVillage>[] = [
    { title: '村', key: 'v', render: (_, r) => `${r.township} ${r.village}` },
    {
      title: '最近收入',
      key: 'inc',
      width: 96,
      align: 'right',
      render: (_, r) => {
        const last = r.income[r.income.length - 1];
        return last ? `${yuan(last.incomeFen)}` : '—';
      },
    },
    {
      title: '状态',
      key: 's',
      width: 74,
      render: (_, r) =>
        open(r) ? (
          <Tag color="red">逾期{open(r)}</Tag>
        ) : r.status === '已摘帽' ? (
          <Tag color="green">已摘帽</Tag>
        ) : (
          <Tag color="orange">薄弱</Tag>
        ),
    },
  ];

  return (
    <div style={{ display: 'flex', gap: 12, height: '100%', width: '100%', minHeight: 0 }}>
      <div style={{ width: 330, flex: 'none', display: 'flex', flexDirection: 'column', minHeight: 0 }}>
        <Space style={{ marginBottom: 8 }}>
          <span className="ob-muted">
            共 {rows.length} 个，已摘帽 {rows.filter((w) => w.status === '已摘帽').length} 个
          </span>
          <Button
            size="small"
            icon={<PlusOutlined />}
            onClick={() => {
              setAdding(true);
              setError(null);
            }}
          >
            列为薄弱村
          </Button>
          <ExportExcelButton
            size="small"
            fileName="集体经济薄弱村.xlsx"
            disabled={rows.length === 0}
            sheets={() => [sheetFromColumns('集体经济薄弱村', columns, rows)]}
          />
        </Space>
        {list.error && <Alert type="error" showIcon title={list.error} />}
        <div className="ob-scroll-pane" style={{ background: '#fff' }}>
          <Table<WeakVillage>
            size="small"
            rowKey="villageId"
            pagination={false}
            dataSource={rows}
            loading={list.loading}
            locale={{ emptyText: '尚未登记集体经济薄弱村' }}
            onRow={(r) => ({ onClick: () => setSelected(r.villageId), style: { cursor: 'pointer' } })}
            rowClassName={(r) => (r.villageId === selected ? 'ant-table-row-selected' : '')}
            columns={columns}
            data-testid="weak-list"
          />
        </div>
      </div>
      <div className="ob-scroll-pane" style={{ minWidth: 0 }}>
        {current ? (
          <WeakDetail village={current} focusCadreId={cadreId} onChanged={() => void refresh()} />
        ) : (
          <Empty
            style={{ marginTop: 60 }}
            description="选择左侧的薄弱村，或点击“列为薄弱村”登记。任乡镇党委第一副书记的选派干部每人至少包扶1个集体经济薄弱村。"
          />
        )}
      </div>
      <SaveDialog title="列为集体经济薄弱村" open={adding} onClose={() => setAdding(false)} onSave={add} okText="保存" saving={saving}>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        <Space wrap>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="选择村"
            value={newVillage}
            onChange={setNewVillage}
            options={villageOptions}
            style={{ width: 260 }}
          />
          <Select value={newYear} onChange={setNewYear} options={yearOptions()} style={{ width: 110 }} />
        </Space>
      </SaveDialog>
    </div>
  );
}
