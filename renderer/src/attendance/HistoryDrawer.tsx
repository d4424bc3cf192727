/** The month's record: certifications, revocations, edits and leave, with who did what. */
import { Drawer, Table, Tag } from 'antd';
import type { HistoryEntryView } from '../../../shared/api/attendance';
import { useCall } from '../api/useCall';
import { monthLabel, timeLabel } from '../../../shared/dates';
import type { MonthPanelProps } from './monthPanel';

const ACTION_COLOURS: Record<HistoryEntryView['action'], string> = { certify: 'green', revoke: 'red', edit: 'blue', leave: 'orange' };

export function HistoryDrawer({ open, townshipId, townshipName, month, version, onClose }: MonthPanelProps & { version: number }) {
  const h = useCall('attendance.history', open ? { townshipId, month } : null, `${open}|${townshipId}|${month}|${version}`);
  const rows = [...(h.data ?? [])].reverse();
  return (
    <Drawer title={`${townshipName} ${monthLabel(month)} 考勤历史记录`} open={open} onClose={onClose} size={720} destroyOnHidden>
      {h.error && <div style={{ color: '#b42318' }}>{h.error}</div>}
      <Table<HistoryEntryView>
        size="small"
        rowKey="id"
        loading={h.loading}
        dataSource={rows}
        pagination={false}
        data-testid="history-table"
        locale={{ emptyText: '本月尚无修改、认定或请假记录' }}
        columns={[
          { title: '时间', dataIndex: 'at', width: 132, render: (v: string) => timeLabel(v) },
          { title: '操作人', dataIndex: 'operator', width: 96, render: (v: string | null) => v ?? '—' },
          { title: '操作', dataIndex: 'actionLabel', width: 88, render: (v: string, r) => <Tag color={ACTION_COLOURS[r.action]}>{v}</Tag> },
          { title: '说明', dataIndex: 'summary' },
        ]}
      />
    </Drawer>
  );
}
