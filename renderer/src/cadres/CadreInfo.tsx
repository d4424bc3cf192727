import { Descriptions, Table, Tag } from 'antd';
import type { CadreDetail, Posting } from '../../../shared/domain';
import { dateLabel, timeLabel } from '../../../shared/dates';

/** All of a cadre's fields (the full ID number is shown only here) and the posting history. */
export function CadreInfo({ cadre }: { cadre: CadreDetail }) {
  const postings = [...cadre.postings].sort((a, b) => b.start.localeCompare(a.start));
  return (
    <>
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, sm: 2, md: 2, lg: 3, xl: 3, xxl: 3 }}
        styles={{ label: { width: 110, whiteSpace: 'nowrap' } }}
        items={[
          { key: 'name', label: '姓名', children: cadre.name },
          { key: 'gender', label: '性别', children: cadre.gender },
          { key: 'birth', label: '出生日期', children: cadre.birthDate ? dateLabel(cadre.birthDate) : '—' },
          {
            key: 'id',
            label: '身份证号',
            children: (
              <span data-testid="full-id-number" style={{ fontVariantNumeric: 'tabular-nums' }}>
                {cadre.idNumber}
              </span>
            ),
          },
          { key: 'party', label: '政治面貌', children: cadre.partyStatus },
          { key: 'phone', label: '联系电话', children: cadre.phone ?? '—' },
          { key: 'post', label: '任职类型', children: cadre.postType },
          { key: 'level', label: '选派层级', children: cadre.level },
          {
            key: 'unit',
            label: '派出单位',
            children: cadre.unitName ? `${cadre.unitName}${cadre.unitLevel ? `（${cadre.unitLevel}）` : ''}` : '—',
          },
          { key: 'created', label: '登记时间', children: timeLabel(cadre.createdAt) },
          { key: 'updated', label: '最后修改', children: timeLabel(cadre.updatedAt) },
        ]}
      />
      <h3 style={{ fontSize: 15, margin: '18px 0 8px' }}>任职经历</h3>
      <Table<Posting>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={postings}
        locale={{ emptyText: '尚无任职记录，可点击“调动”添加' }}
        columns={[
          { title: '县（市、区）', dataIndex: 'countyName', width: 140 },
          { title: '乡镇', dataIndex: 'townshipName', width: 160 },
          { title: '村', dataIndex: 'villageName', width: 160, render: (v: string | null) => v ?? '—' },
          { title: '开始日期', dataIndex: 'start', width: 130, render: (v: string) => dateLabel(v) },
          { title: '结束日期', dataIndex: 'end', width: 130, render: (v: string | null) => (v ? dateLabel(v) : '—') },
          {
            title: '状态',
            key: 'state',
            width: 90,
            render: (_: unknown, p) => (p.end === null ? <Tag color="green">在任</Tag> : <Tag>已结束</Tag>),
          },
        ]}
      />
    </>
  );
}
