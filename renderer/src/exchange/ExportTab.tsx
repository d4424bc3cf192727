/**
 * 导出: a county's year as a signed .onebag bundle (records, originals, dossiers, a browsable
 * index), with staged progress and cancel; or, for an imported review copy, the evaluator's
 * scores and comments as a small review bundle.
 */
import { ExportOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Descriptions, Input, Progress, Select, Space, Steps, Tag } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { ExportResult } from '../../../shared/api/exchange';
import { call } from '../api/client';
import { useJobStatus } from '../common/useJobStatus';
import { useAppState } from '../app/AppState';
import { yearOptions } from '../../../shared/dates';
import { formatSize } from '../../../shared/fileSize';
import { useNotify } from '../util/notify';
import { settle } from '../util/settle';
import { thisYear } from '../app/today';

const STAGES = ['整理记录', '生成档案PDF', '写入原件', '签名'];

export function ExportTab() {
  const { org } = useAppState();
  const counties = useMemo(() => org?.counties ?? [], [org]);
  const [picked, setPicked] = useState<number>();
  const county = counties.find((c) => c.id === picked) ?? counties[0];
  const [year, setYear] = useState(thisYear() - 1);
  const [withDossiers, setWithDossiers] = useState(true);
  const [out, setOut] = useState('');
  const { status, setStatus, follow } = useJobStatus((jobId) => call('exchange.export.status', { jobId }));
  const [review, setReview] = useState<ExportResult | null>(null);
  const [busy, setBusy] = useState(false);
  const { notifyError, success } = useNotify();
  const kind = county?.readOnly ? 'review' : 'county';

  // A sensible default path for the county and year; the clerk may type another.
  useEffect(() => {
    if (!county) return;
    let live = true;
    call('exchange.defaultPath', { countyId: county.id, year, kind }).then(
      (r) => live && setOut(r.path),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [county, year, kind]);

  const start = async () => {
    if (!county) return;
    setReview(null);
    try {
      if (kind === 'review') {
        setBusy(true);
        const r = await call('exchange.reviewExport', { countyId: county.id, year, out: out.trim() || undefined });
        setReview(r);
        success('已导出评审结果');
        return;
      }
      const r = await call('exchange.export.start', { countyId: county.id, year, withDossiers, out: out.trim() || undefined });
      follow({ jobId: r.jobId, state: 'running', stage: '整理记录', done: 0, total: 1, out: r.out, result: null, error: null });
    } catch (err) {
      notifyError(err, kind === 'review' ? '评审结果未导出' : '导出未能开始');
    } finally {
      setBusy(false);
    }
  };
  const cancel = async () => {
    if (!status) return;
    try {
      setStatus(await call('exchange.export.cancel', { jobId: status.jobId }));
    } catch (err) {
      notifyError(err, '未能取消');
    }
  };

  const running = status?.state === 'running';
  const stageIndex = status ? Math.max(0, STAGES.indexOf(status.stage)) : 0;
  // The whole export, not the stage: each step is an equal share, so the bar never reads 100 %
  // while 整理记录 (a one-unit step) hands over to 写入原件.
  const stageShare = status && status.total ? Math.min(1, status.done / status.total) : 0;
  const percent = status ? Math.min(99, Math.floor(((stageIndex + stageShare) / STAGES.length) * 100)) : 0;
  const result = status?.result ?? review;

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Card size="small">
        <Space wrap>
          <span>县（市、区）</span>
          <Select
            style={{ width: 200 }}
            value={county?.id}
            onChange={setPicked}
            options={counties.map((c) => ({ value: c.id, label: c.readOnly ? `${c.name}（评审副本）` : c.name }))}
            aria-label="导出县"
          />
          <span>年度</span>
          <Select style={{ width: 120 }} value={year} onChange={setYear} options={yearOptions(thisYear(), year)} aria-label="导出年度" />
          {kind === 'county' && (
            <Checkbox checked={withDossiers} onChange={(e) => setWithDossiers(e.target.checked)}>
              附带档案PDF（较慢）
            </Checkbox>
          )}
        </Space>
        <Space wrap style={{ marginTop: 8, width: '100%' }}>
          <span>保存到</span>
          <Input
            style={{ width: 520 }}
            value={out}
            onChange={(e) => setOut(e.target.value)}
            aria-label="输出文件"
            placeholder="输出文件的完整路径（.onebag）"
          />
          <Button
            type="primary"
            icon={<ExportOutlined />}
            disabled={!county || running || busy}
            loading={busy}
            onClick={settle(start)}
            data-testid="export-start"
          >
            {kind === 'review' ? '导出评审结果' : '开始导出'}
          </Button>
          {kind === 'county' && (
            <Button danger icon={<StopOutlined />} disabled={!running} onClick={settle(cancel)}>
              取消
            </Button>
          )}
        </Space>
        {kind === 'review' && (
          <Alert
            style={{ marginTop: 8 }}
            type="info"
            showIcon
            title="该县是导入的评审副本：导出的是本单位录入的评分与评审意见，发回县委组织部导入。"
          />
        )}
      </Card>
      {status && (
        <Card size="small" data-testid="export-status">
          <Steps
            size="small"
            current={status.state === 'done' ? STAGES.length : stageIndex}
            status={status.state === 'failed' || status.state === 'cancelled' ? 'error' : 'process'}
            items={STAGES.map((t) => ({ title: t }))}
          />
          {running && <Progress style={{ marginTop: 8 }} percent={percent} status="active" />}
          {status.state === 'cancelled' && <Alert style={{ marginTop: 8 }} type="warning" showIcon title="导出已取消，未生成交换包" />}
          {status.state === 'failed' && <Alert style={{ marginTop: 8 }} type="error" showIcon title={status.error ?? '导出失败'} />}
        </Card>
      )}
      {result && (
        <Card
          size="small"
          title={
            <>
              <Tag color="green">导出完成</Tag>请将文件交给接收单位，并电话告知指纹
            </>
          }
          data-testid="export-result"
        >
          <Descriptions size="small" column={1}>
            <Descriptions.Item label="文件">{result.file}</Descriptions.Item>
            <Descriptions.Item label="大小">{formatSize(result.size)}</Descriptions.Item>
            <Descriptions.Item label="内容">
              干部 {result.counts.cadres} 名，记录 {result.counts.records} 条，原件 {result.counts.originals} 个，档案PDF{' '}
              {result.counts.dossiers} 份
            </Descriptions.Item>
            <Descriptions.Item label="签名单位">{result.signerName}</Descriptions.Item>
            <Descriptions.Item label="指纹">
              <span className="ob-fingerprint-large" data-testid="export-fingerprint">
                {result.fingerprint}
              </span>
            </Descriptions.Item>
          </Descriptions>
        </Card>
      )}
    </Space>
  );
}
