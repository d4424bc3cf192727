import { DatabaseOutlined, FileAddOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Progress, Radio, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { channels } from '../../../shared/api';
import type { AppStatus } from '../../../shared/domain';
import type { ProgressEvent } from '../../../shared/api';
import { call, onProgress } from '../api/client';
import { zodRule } from '../util/zodRule';
import { settle } from '../util/settle';
import { useBusyAction } from '../common/useBusyAction';

const operatorSchema = channels['app.setup'].input.shape.operator;

/** First run: who is working, and start empty or with the demo county. */
export function Welcome({ onDone }: { onDone: (s: AppStatus) => void }) {
  const [form] = Form.useForm<{ operator: string; mode: 'empty' | 'demo' }>();
  const { busy, runBusy } = useBusyAction();
  const mode = Form.useWatch('mode', form);
  // The demo load reports each material it files (main/demo/demo.ts, job id demo-…).
  const [progress, setProgress] = useState<ProgressEvent | null>(null);
  useEffect(() => {
    if (!busy) return;
    return onProgress((e) => {
      if (e.jobId.startsWith('demo-')) setProgress(e);
    });
  }, [busy]);

  const submit = async (v: { operator: string; mode: 'empty' | 'demo' }) => {
    setProgress(null);
    await runBusy(async () => {
      const s = await call('app.setup', { mode: v.mode, operator: v.operator.trim() });
      onDone(s);
    }, '初始化未完成');
  };

  return (
    <div
      style={{
        minHeight: '100%',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        background: '#f3f4f6',
        overflow: 'auto',
      }}
    >
      <Card style={{ width: 520, margin: 24 }} styles={{ body: { padding: 32 } }}>
        <Spin
          spinning={busy}
          description={
            mode === 'demo' ? (
              <div data-testid="demo-progress" style={{ width: 280 }}>
                <div>{progress ? `${progress.label}（${progress.done}/${progress.total}）` : '正在载入演示数据，请稍候…'}</div>
                {progress && progress.total > 0 && <Progress percent={Math.floor((progress.done / progress.total) * 100)} size="small" />}
              </div>
            ) : (
              '正在初始化…'
            )
          }
        >
          <Typography.Title level={3} style={{ marginTop: 0, color: '#8c1d18' }}>
            欢迎使用 OneBag 一袋式档案
          </Typography.Title>
          <Typography.Paragraph type="secondary">
            为选派到乡镇、村任职的干部建立“一袋式”实绩档案：登记干部，收集调研报告、会议记录、考勤登记表等材料，年底汇编打印。所有数据只保存在本机。
          </Typography.Paragraph>
          <Form form={form} layout="vertical" initialValues={{ mode: 'empty', operator: '' }} onFinish={settle(submit)} requiredMark>
            <Form.Item
              name="operator"
              label="操作员姓名"
              extra="每一次修改都会记录操作员，便于日后查证。"
              rules={[zodRule(operatorSchema)]}
            >
              <Input placeholder="例如：张晓梅" autoFocus maxLength={30} />
            </Form.Item>
            <Form.Item name="mode" label="如何开始">
              <Radio.Group style={{ display: 'flex', flexDirection: 'column', gap: 10 }}>
                <Radio value="empty">
                  <FileAddOutlined /> 从空白开始 <span className="ob-muted">— 之后导入本县花名册或逐个新增干部</span>
                </Radio>
                <Radio value="demo">
                  <DatabaseOutlined /> 载入演示数据{' '}
                  <span className="ob-muted">— 一个示例县，20 名干部及其材料；另附邻县的评审副本（4 名干部）</span>
                </Radio>
              </Radio.Group>
            </Form.Item>
            <Button type="primary" htmlType="submit" block size="large" loading={busy}>
              开始使用
            </Button>
          </Form>
        </Spin>
      </Card>
    </div>
  );
}
