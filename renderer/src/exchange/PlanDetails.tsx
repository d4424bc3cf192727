/**
 * The import preview's row-by-row part: rows that will not be imported because they touch data
 * the signer does not own (both sides, field by field), and every row the import adds or
 * updates with its fields — one scrollable text block, so thousands of rows stay cheap to show.
 */
import { Alert, Collapse, Table } from 'antd';
import { columnLabel, planChangeLine, type ExchangePlan, type PlanConflict } from '../../../shared/api/exchange';

type FieldRow = PlanConflict['fields'][number];

function ConflictCard({ c }: { c: PlanConflict }) {
  return (
    <div className="plan-conflict" data-testid="plan-conflict">
      <div>
        <b>{c.label}</b> {c.key}：{c.reason}
      </div>
      <Table<FieldRow>
        size="small"
        rowKey="column"
        pagination={false}
        dataSource={c.fields}
        columns={[
          { title: '字段', dataIndex: 'column', render: (col: string) => columnLabel(col) },
          { title: '本机', dataIndex: 'local', render: (v: string | null) => v ?? '（空）' },
          {
            title: '交换包',
            dataIndex: 'incoming',
            render: (v: string | null, r) => (v !== r.local && r.local !== null ? <b>{v ?? '（空）'}</b> : (v ?? '（空）')),
          },
        ]}
      />
    </div>
  );
}

export function PlanDetails({ plan }: { plan: ExchangePlan }) {
  const dependents = plan.skipped - plan.conflicts.length;
  return (
    <>
      {plan.conflicts.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 12 }}
          data-testid="plan-conflicts"
          message={`${plan.conflicts.length} 条记录涉及不属于签名单位的数据，不会导入${dependents > 0 ? `（依赖它们的 ${dependents} 条记录也不导入）` : ''}`}
          description={plan.conflicts.map((c, i) => <ConflictCard key={`${c.table}-${c.key}-${i}`} c={c} />)}
        />
      )}
      {plan.changes.length > 0 && (
        <Collapse
          style={{ marginTop: 12 }}
          size="small"
          items={[
            {
              key: 'changes',
              label: `逐条查看将写入的 ${plan.changes.length} 条记录`,
              children: (
                <div className="plan-changes" data-testid="plan-changes">
                  {plan.changes.map(planChangeLine).join('\n')}
                </div>
              ),
            },
          ]}
        />
      )}
    </>
  );
}
