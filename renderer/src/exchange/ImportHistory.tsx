/** Imports done in this data folder, newest first. */
import { Card, Table, Tag } from 'antd';
import type { ImportRow } from '../../../shared/api/exchange';
import { useCall } from '../api/useCall';
import { timeLabel } from '../../../shared/dates';

export function ImportHistory({ version }: { version: number }) {
  const list = useCall('exchange.imports.list', {}, String(version));
  return (
    <Card size="small" title="导入记录">
      <Table<ImportRow>
        size="small"
        rowKey="id"
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        loading={list.loading}
        dataSource={list.data ?? []}
        locale={{ emptyText: '还没有导入过交换包' }}
        data-testid="import-history"
        columns={[
          { title: '时间', dataIndex: 'at', width: 170, render: (v: string) => timeLabel(v) },
          {
            title: '内容',
            key: 'what',
            render: (_: unknown, r) => (
              <>
                {r.kind === 'review' ? <Tag color="purple">评审结果</Tag> : <Tag color="blue">档案数据</Tag>}
                {r.county} {r.year}年度
              </>
            ),
          },
          { title: '来自', dataIndex: 'signerName' },
          { title: '新增', dataIndex: 'added', align: 'right', width: 70 },
          { title: '更新', dataIndex: 'updated', align: 'right', width: 70 },
          { title: '操作员', dataIndex: 'operator', width: 90 },
        ]}
      />
    </Card>
  );
}
