import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Collapse, Empty, Progress, Space, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { IntegrityFinding, IntegrityReport, IntegritySeverity } from '../../../shared/api/integrity';
import { call, onProgress } from '../api/client';
import { useNotify } from '../util/notify';
import { timeLabel } from '../../../shared/dates';
import { settle } from '../util/settle';

const SEVERITY: Record<IntegritySeverity, { title: string; color: string }> = {
  error: { title: '错误', color: 'red' },
  warning: { title: '提醒', color: 'orange' },
};

function FindingList({ findings }: { findings: IntegrityFinding[] }) {
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      {findings.map((f, i) => (
        <div key={i} className="ob-finding" data-testid="finding">
          <Typography.Text>{f.message}</Typography.Text>
          <div className="ob-finding-advice">
            <Typography.Text type="secondary">处理办法：{f.advice}</Typography.Text>
          </div>
        </div>
      ))}
    </Space>
  );
}

/** 开始检查: the integrity check with progress; findings grouped by severity, each with its advice. */
export function CheckPanel() {
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<{ percent: number; label: string }>({ percent: 0, label: '' });
  const [report, setReport] = useState<IntegrityReport | null>(null);
  const { notifyError } = useNotify();
  const jobRef = useRef<string | null>(null);

  useEffect(
    () =>
      onProgress((e) => {
        if (e.jobId !== jobRef.current) return;
        setProgress({ percent: e.total ? Math.round((e.done / e.total) * 100) : 0, label: e.label });
      }),
    [],
  );

  const start = async () => {
    const jobId = `integrity-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
    jobRef.current = jobId;
    setRunning(true);
    setReport(null);
    setProgress({ percent: 0, label: '正在准备……' });
    try {
      setReport(await call('integrity.check', { jobId }));
    } catch (err) {
      notifyError(err, '检查未能完成');
    } finally {
      jobRef.current = null;
      setRunning(false);
    }
  };

  const groups = (['error', 'warning'] as const)
    .map((sev) => ({ sev, items: report?.findings.filter((f) => f.severity === sev) ?? [] }))
    .filter((g) => g.items.length > 0);

  return (
    <Card size="small" title="数据检查" data-testid="check-panel">
      <Space orientation="vertical" size={10} style={{ width: '100%' }}>
        <Space wrap>
          <Button type="primary" icon={<SafetyCertificateOutlined />} loading={running} onClick={settle(start)}>
            开始检查
          </Button>
          <Typography.Text type="secondary">
            检查数据库完整性、审计日志、每个原件是否存在且与登记的 SHA-256 一致、有无孤立文件
          </Typography.Text>
        </Space>
        {running && (
          <div data-testid="check-progress">
            <Progress percent={progress.percent} status="active" />
            <Typography.Text type="secondary">{progress.label}</Typography.Text>
          </div>
        )}
        {report && (
          <>
            {report.findings.length === 0 ? (
              <Alert type="success" showIcon title={`检查完毕，未发现问题（${timeLabel(report.checkedAt)}）`} data-testid="check-result" />
            ) : (
              <Alert
                type={report.errors > 0 ? 'error' : 'warning'}
                showIcon
                title={`检查完毕：错误 ${report.errors} 项，提醒 ${report.warnings} 项（${timeLabel(report.checkedAt)}）`}
                data-testid="check-result"
              />
            )}
            {groups.length > 0 && (
              <Collapse
                defaultActiveKey={groups.map((g) => g.sev)}
                items={groups.map((g) => ({
                  key: g.sev,
                  label: (
                    <span>
                      <Tag color={SEVERITY[g.sev].color}>{SEVERITY[g.sev].title}</Tag>
                      {g.items.length} 项
                    </span>
                  ),
                  children: <FindingList findings={g.items} />,
                }))}
              />
            )}
          </>
        )}
        {!report && !running && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未检查" />}
      </Space>
    </Card>
  );
}
