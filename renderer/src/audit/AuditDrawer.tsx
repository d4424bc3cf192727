/** One audit entry: who, when, what, and the record before/after, field by field. */
import { Alert, Descriptions, Drawer, Empty, Spin, Table, Tag } from 'antd';
import { diffFields, type FieldDiff } from '../../../shared/audit';
import { useCall } from '../api/useCall';
import { timeLabel } from '../../../shared/dates';

export function AuditDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const entry = useCall('audit.get', id === null ? null : { id }, String(id));
  const e = id !== null && entry.data?.id === id ? entry.data : undefined;
  const ctx = e ? { entity: e.entity, names: e.names } : {};
  const diffs = e ? diffFields(e.before, e.after, ctx) : [];
  const detail = e && e.detail !== undefined ? diffFields(undefined, e.detail, ctx) : [];
  return (
    <Drawer open={id !== null} onClose={onClose} title={e ? `第 ${e.id} 条：${e.what}` : '审计记录'} size={640} destroyOnHidden>
      {entry.error && <Alert type="error" showIcon title={entry.error} />}
      {!e ? (
        <Spin />
      ) : (
        <div data-testid="audit-drawer">
          <Descriptions size="small" column={1} bordered styles={{ label: { width: 100 } }}>
            <Descriptions.Item label="时间">{timeLabel(e.at, { seconds: true })}</Descriptions.Item>
            <Descriptions.Item label="操作员">{e.operator ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="操作">
              {e.what} {e.kind && <Tag color="blue">检查重点</Tag>}
            </Descriptions.Item>
            <Descriptions.Item label="记录">{e.record}</Descriptions.Item>
            <Descriptions.Item label="哈希">
              <code style={{ fontSize: 11, wordBreak: 'break-all' }}>{e.hash}</code>
            </Descriptions.Item>
          </Descriptions>
          <h4 style={{ margin: '16px 0 8px' }}>变更前后</h4>
          {diffs.length === 0 ? (
            <Empty description="此条记录未保存变更前后的内容" image={Empty.PRESENTED_IMAGE_SIMPLE} />
          ) : (
            <DiffTable rows={diffs} testId="audit-diff" />
          )}
          {detail.length > 0 && (
            <>
              <h4 style={{ margin: '16px 0 8px' }}>说明</h4>
              <Table<FieldDiff>
                size="small"
                rowKey="field"
                pagination={false}
                dataSource={detail}
                columns={[
                  { title: '项目', dataIndex: 'label', width: 140 },
                  { title: '内容', dataIndex: 'after', render: (v: string) => <span style={{ wordBreak: 'break-all' }}>{v}</span> },
                ]}
              />
            </>
          )}
        </div>
      )}
    </Drawer>
  );
}

function DiffTable({ rows, testId }: { rows: FieldDiff[]; testId: string }) {
  const changedFirst = [...rows].sort((a, b) => Number(b.changed) - Number(a.changed));
  return (
    <Table<FieldDiff>
      data-testid={testId}
      size="small"
      rowKey="field"
      pagination={false}
      dataSource={changedFirst}
      rowClassName={(r) => (r.changed ? 'ob-audit-changed' : '')}
      columns={[
        { title: '字段', dataIndex: 'label', width: 130 },
        { title: '变更前', dataIndex: 'before', render: (v: string, r) => <Cell v={v} changed={r.changed} kind="before" /> },
        { title: '变更后', dataIndex: 'after', render: (v: string, r) => <Cell v={v} changed={r.changed} kind="after" /> },
      ]}
    />
  );
}

function Cell({ v, changed, kind }: { v: string; changed: boolean; kind: 'before' | 'after' }) {
  const style = changed
    ? { background: kind === 'before' ? '#fef2f2' : '#f0fdf4', color: kind === 'before' ? '#991b1b' : '#166534' }
    : { color: '#6b7280' };
  return <span style={{ ...style, wordBreak: 'break-all', padding: '0 2px' }}>{v || '—'}</span>;
}
