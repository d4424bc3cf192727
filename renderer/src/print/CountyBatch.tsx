import { DownloadOutlined, FolderOpenOutlined, StopOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Input, Progress, Select, Space, Table, Tag, Typography } from 'antd';
import { useShowsRecordsOf } from '../common/shownCounties';
import { useMemo, useState } from 'react';
import type { BatchCadreResult, BatchStatus } from '../../../shared/api/dossier';
import { call } from '../api/client';
import { useJobStatus } from '../common/useJobStatus';
import { useAppState } from '../app/AppState';
import { downloadBatchZip } from '../common/output';
import { useNotify } from '../util/notify';
import { yearOptions } from '../../../shared/dates';
import { settle } from '../util/settle';
import { thisYear } from '../app/today';

const STATE_LABEL: Record<BatchStatus['state'], string> = { running: '正在生成', done: '已完成', cancelled: '已取消', failed: '失败' };

/** The county's year-end files in one run: progress (cadre n of N, pages so far), cancel, results. */
export function CountyBatch() {
  const { org, status: app } = useAppState();
  const counties = useMemo(() => org?.counties ?? [], [org]);
  const [picked, setCountyId] = useState<number | undefined>();
  // the first county until the clerk picks one (the org tree may arrive after the first render)
  const countyId = picked ?? counties[0]?.id;
  useShowsRecordsOf({ counties: [countyId] });
  const [year, setYear] = useState(thisYear() - 1);
  const [outDir, setOutDir] = useState('');
  const [pdfa, setPdfa] = useState(false);
  const [label, setLabel] = useState('');
  const { notifyError, success } = useNotify();
  // progress events carry the label; the status call brings the per-cadre results
  const { status, setStatus, follow } = useJobStatus(
    (jobId) => call('dossier.batch.status', { jobId }),
    (e) => setLabel(e.label),
  );

  const start = async () => {
    if (!countyId) return;
    try {
      const r = await call('dossier.batch.start', {
        countyId,
        year,
        ...(outDir.trim() ? { outDir: outDir.trim() } : {}),
        ...(pdfa ? { pdfa: true } : {}),
      });
      setLabel('正在准备……');
      follow({
        jobId: r.jobId,
        state: 'running',
        total: 0,
        done: 0,
        pages: 0,
        current: null,
        outDir: r.outDir,
        catalogue: null,
        results: [],
        error: null,
      });
    } catch (err) {
      notifyError(err, '批量生成未能开始');
    }
  };
  const cancel = async () => {
    if (!status) return;
    try {
      setStatus(await call('dossier.batch.cancel', { jobId: status.jobId }));
      setLabel('正在取消：当前干部的档案完成后停止……');
    } catch (err) {
      notifyError(err, '未能取消');
    }
  };

  const running = status?.state === 'running';
  const percent = status && status.total ? Math.round((status.done / status.total) * 100) : 0;
  // The line already says 正在生成 (its tag), 第 n / N 人 and the pages: the worker's label (which
  // repeats them) is shown only for preparing and cancelling; otherwise just who is being generated.
  const detail = label.startsWith('正在准备') || label.startsWith('正在取消') ? label : status?.current ? `当前：${status.current}` : '';
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Card size="small">
        <Space wrap>
          <span>县（市、区）</span>
          <Select
            style={{ width: 160 }}
            value={countyId}
            onChange={setCountyId}
            options={counties.map((c) => ({ value: c.id, label: c.name }))}
            aria-label="选择县"
          />
          <span>年度</span>
          <Select style={{ width: 120 }} value={year} onChange={setYear} options={yearOptions(thisYear(), year)} aria-label="批量年度" />
          <Input
            style={{ width: 260 }}
            placeholder="输出文件夹（留空：数据目录下 dossiers）"
            title="输出文件夹（留空则保存在数据目录的 dossiers 下）"
            value={outDir}
            onChange={(e) => setOutDir(e.target.value)}
            aria-label="输出文件夹"
          />
          <Checkbox checked={pdfa} onChange={(e) => setPdfa(e.target.checked)} data-testid="batch-pdfa">
            长期保存格式（PDF/A）
          </Checkbox>
          <Button type="primary" icon={<ThunderboltOutlined />} disabled={!countyId || running} onClick={settle(start)}>
            开始生成
          </Button>
          <Button danger icon={<StopOutlined />} disabled={!running} onClick={settle(cancel)}>
            取消
          </Button>
        </Space>
      </Card>
      {status && (
        <Card size="small" data-testid="batch-status">
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Typography.Text>
              <Tag color={status.state === 'done' ? 'green' : status.state === 'running' ? 'blue' : 'orange'}>
                {STATE_LABEL[status.state]}
              </Tag>
              第 {Math.min(status.done + (running ? 1 : 0), status.total || 1)} / {status.total || '…'} 人，已生成 {status.pages} 页
              {running && detail ? `　${detail}` : ''}
            </Typography.Text>
            <Progress percent={percent} status={status.state === 'failed' ? 'exception' : running ? 'active' : undefined} />
            <Typography.Text type="secondary">
              输出文件夹：{status.outDir}
              {app?.host === 'electron' && status.catalogue && (
                <Button
                  size="small"
                  icon={<FolderOpenOutlined />}
                  style={{ marginLeft: 8 }}
                  onClick={() =>
                    void call('output.openFolder', { path: status.outDir }).catch((err: unknown) => notifyError(err, '未能打开文件夹'))
                  }
                  data-testid="batch-open-folder"
                >
                  打开文件夹
                </Button>
              )}
              {app?.host !== 'electron' && !running && status.results.some((r) => r.file) && (
                <Button
                  size="small"
                  icon={<DownloadOutlined />}
                  style={{ marginLeft: 8 }}
                  onClick={() => success(`已开始下载 ${downloadBatchZip(status.jobId, status.outDir)}`)}
                  data-testid="batch-download-zip"
                >
                  下载压缩包（zip）
                </Button>
              )}
            </Typography.Text>
            {status.catalogue && <Typography.Text type="secondary">案卷目录：{status.catalogue}</Typography.Text>}
            {status.error && <Alert type="error" showIcon title={status.error} />}
          </Space>
        </Card>
      )}
      {status && status.results.length > 0 && (
        <Table<BatchCadreResult>
          size="small"
          rowKey="cadreId"
          pagination={false}
          dataSource={status.results}
          scroll={{ y: 320 }}
          columns={[
            { title: '姓名', dataIndex: 'name', width: 90 },
            { title: '档号', dataIndex: 'archiveCode', width: 230 },
            { title: '页数', dataIndex: 'pages', width: 64, align: 'right' },
            {
              title: '结果与提示',
              key: 'w',
              render: (_: unknown, r) =>
                r.error ? (
                  <Tag color="red">{r.error}</Tag>
                ) : r.warnings.length ? (
                  r.warnings.map((w) => (
                    <div key={w} className="ob-muted">
                      {w}
                    </div>
                  ))
                ) : (
                  <Tag color="green">已生成{r.pdfa ? '（PDF/A）' : ''}</Tag>
                ),
            },
          ]}
        />
      )}
    </Space>
  );
}
