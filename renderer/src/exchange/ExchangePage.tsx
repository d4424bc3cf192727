/** 数据交换: export a county as a signed .onebag bundle, import bundles, manage trusted departments. */
import { EditOutlined } from '@ant-design/icons';
import { useShowsRecordsOf } from '../common/shownCounties';
import { useAppState } from '../app/AppState';
import { Button, Card, Input, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { call } from '../api/client';
import { useCall } from '../api/useCall';
import { useNotify } from '../util/notify';
import { ExportTab } from './ExportTab';
import { ImportTab } from './ImportTab';
import { TrustedTab } from './TrustedTab';
import './exchange.css';
import { settle } from '../util/settle';

export function ExchangePage() {
  const [version, setVersion] = useState(0);
  // The review copies are what this page manages: all of them are named.
  const { org } = useAppState();
  useShowsRecordsOf({ counties: (org?.counties ?? []).filter((c) => c.readOnly).map((c) => c.id) });
  const identity = useCall('exchange.identity.get', {}, String(version));
  const [editing, setEditing] = useState<string | null>(null);
  const { notifyError, success } = useNotify();

  const saveName = async () => {
    if (editing === null) return;
    try {
      await call('exchange.identity.setName', { name: editing });
      setEditing(null);
      setVersion((v) => v + 1);
      success('已保存本单位名称');
    } catch (err) {
      notifyError(err, '名称未保存');
    }
  };

  return (
    <div style={{ padding: '12px 16px', height: '100%', overflow: 'auto' }}>
      <div className="ob-page-title">
        <h2>数据交换</h2>
      </div>
      <Card size="small" style={{ marginBottom: 12 }} data-testid="own-identity">
        <Space wrap size={16}>
          <span>本单位：</span>
          {editing === null ? (
            <>
              <Typography.Text strong data-testid="own-name">
                {identity.data?.name ?? '…'}
              </Typography.Text>
              <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(identity.data?.name ?? '')}>
                修改名称
              </Button>
            </>
          ) : (
            <Space.Compact>
              <Input
                value={editing}
                onChange={(e) => setEditing(e.target.value)}
                onPressEnter={settle(saveName)}
                aria-label="本单位名称"
                style={{ width: 240 }}
              />
              <Button type="primary" onClick={settle(saveName)}>
                保存
              </Button>
              <Button onClick={() => setEditing(null)}>取消</Button>
            </Space.Compact>
          )}
          <span>本单位指纹：</span>
          <span className="ob-fingerprint" data-testid="own-fingerprint">
            {identity.data?.fingerprint ?? '…'}
          </span>
          <Typography.Text type="secondary">对方首次导入本单位的交换包时，请电话告知此指纹供其核对</Typography.Text>
        </Space>
      </Card>
      <Tabs
        defaultActiveKey="export"
        items={[
          { key: 'export', label: '导出', children: <ExportTab /> },
          { key: 'import', label: '导入', children: <ImportTab /> },
          { key: 'trusted', label: '信任的单位', children: <TrustedTab /> },
        ]}
      />
    </div>
  );
}
