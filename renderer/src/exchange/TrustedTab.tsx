/** 信任的单位: departments whose bundles this one accepts; revoking asks first. */
import { Button, Popconfirm, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { TrustedKeyRow } from '../../../shared/api/exchange';
import { call } from '../api/client';
import { useCall } from '../api/useCall';
import { useNotify } from '../util/notify';
import { timeLabel } from '../../../shared/dates';
import { settle } from '../util/settle';

const when = (iso: string) => timeLabel(iso);

export function TrustedTab() {
  const [version, setVersion] = useState(0);
  const list = useCall('exchange.trusted.list', {}, String(version));
  const { notifyError, success } = useNotify();

  const revoke = async (k: TrustedKeyRow) => {
    try {
      await call('exchange.trusted.revoke', { fingerprint: k.fingerprint });
      success(`已撤销对“${k.name}”的信任`);
      setVersion((v) => v + 1);
    } catch (err) {
      notifyError(err, '未能撤销');
    }
  };

  return (
    <>
      <Typography.Paragraph type="secondary">
        导入其他单位的交换包时，经电话核对指纹并确认信任后，该单位会出现在这里。撤销后，该单位签名的交换包将不能再导入，除非重新核对并信任。
      </Typography.Paragraph>
      <Table<TrustedKeyRow>
        size="small"
        rowKey="fingerprint"
        pagination={false}
        loading={list.loading}
        dataSource={list.data ?? []}
        locale={{ emptyText: '尚未信任任何单位' }}
        data-testid="trusted-table"
        columns={[
          { title: '单位', dataIndex: 'name' },
          { title: '指纹', dataIndex: 'fingerprint', render: (v: string) => <span className="ob-fingerprint">{v}</span> },
          { title: '信任时间', dataIndex: 'trustedAt', render: when },
          { title: '操作员', dataIndex: 'operator' },
          {
            title: '状态',
            key: 's',
            render: (_: unknown, k) =>
              k.revokedAt ? <Tag color="red">已撤销（{when(k.revokedAt)}）</Tag> : <Tag color="green">已信任</Tag>,
          },
          {
            title: '',
            key: 'a',
            width: 90,
            render: (_: unknown, k) =>
              k.revokedAt ? null : (
                <Popconfirm
                  title={`撤销对“${k.name}”的信任？`}
                  description="撤销后该单位的交换包将不能导入"
                  okText="撤销"
                  okButtonProps={{ danger: true }}
                  cancelText="取消"
                  onConfirm={settle(() => revoke(k))}
                >
                  <Button size="small" danger>
                    撤销信任
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
    </>
  );
}
