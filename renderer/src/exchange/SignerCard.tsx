/** Who signed a bundle (fingerprint large, to read out on the phone) and what importing it would do. */
import { Alert, Card, Checkbox, Descriptions, Table, Tag } from 'antd';
import type { ExchangePlan, ImportPreview, PlanTable as PlanRow } from '../../../shared/api/exchange';
import { formatSize } from '../../../shared/fileSize';
import { timeLabel } from '../../../shared/dates';

export function SignerCard({ preview, trust, onTrust }: { preview: ImportPreview; trust: boolean; onTrust: (v: boolean) => void }) {
  const { signer, manifest } = preview;
  const status = signer.trusted ? (
    <Tag color="green">已信任</Tag>
  ) : signer.revoked ? (
    <Tag color="red">已撤销</Tag>
  ) : (
    <Tag color="orange">未知单位</Tag>
  );
  return (
    <Card size="small" title="签名单位" data-testid="signer-card">
      <Descriptions size="small" column={1}>
        <Descriptions.Item label="单位">
          {signer.name} {status}
        </Descriptions.Item>
        <Descriptions.Item label="指纹">
          <span className="ob-fingerprint-large" data-testid="signer-fingerprint">
            {signer.fingerprint}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label="校验">
          <Tag color="green">校验通过</Tag>签名、{manifest.files} 个文件的 SHA-256 与格式版本（{manifest.formatVersion}）均无误；
          {formatSize(manifest.size)}
        </Descriptions.Item>
        <Descriptions.Item label="生成">
          {manifest.producer}，{timeLabel(manifest.createdAt)}
        </Descriptions.Item>
      </Descriptions>
      {!signer.trusted && (
        <>
          <Alert
            type="warning"
            showIcon
            title={
              signer.revoked
                ? '该单位的密钥已被撤销信任，请通过电话核对指纹后再决定是否重新信任'
                : '首次收到该单位的交换包，请通过电话核对指纹后再信任'
            }
            style={{ marginTop: 8 }}
          />
          <Checkbox style={{ marginTop: 8 }} checked={trust} onChange={(e) => onTrust(e.target.checked)} data-testid="trust-checkbox">
            已电话核对指纹无误，信任“{signer.name}”
          </Checkbox>
        </>
      )}
    </Card>
  );
}

export function PlanTable({ plan }: { plan: ExchangePlan }) {
  const rows = plan.tables.filter((t) => t.added + t.updated + t.unchanged + t.skipped > 0);
  return (
    <Table<PlanRow>
      size="small"
      rowKey="table"
      pagination={false}
      dataSource={rows}
      data-testid="plan-table"
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0}>合计</Table.Summary.Cell>
          {[plan.added, plan.updated, plan.unchanged, plan.skipped].map((n, i) => (
            <Table.Summary.Cell key={i} index={i + 1} align="right">
              {n}
            </Table.Summary.Cell>
          ))}
        </Table.Summary.Row>
      )}
      columns={[
        { title: '类别', dataIndex: 'label' },
        { title: '新增', dataIndex: 'added', align: 'right', render: (n: number) => (n ? <b>{n}</b> : n) },
        { title: '更新', dataIndex: 'updated', align: 'right', render: (n: number) => (n ? <b>{n}</b> : n) },
        { title: '无变化', dataIndex: 'unchanged', align: 'right' },
        {
          title: '冲突未导入',
          dataIndex: 'skipped',
          align: 'right',
          render: (n: number) => (n ? <b style={{ color: '#d4380d' }}>{n}</b> : n),
        },
      ]}
    />
  );
}
