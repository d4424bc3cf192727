/**
 * 导入: choose a .onebag (upload or typed path) → verification with progress → signer card
 * (fingerprint to compare by phone; an unknown department must be trusted explicitly) →
 * what would be added/updated per kind → 确认导入 → result; the import history below.
 */
import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Input, Progress, Result, Space, Upload } from 'antd';
import { useEffect, useState } from 'react';
import type { BundleSource, ImportPreview, ImportResult } from '../../../shared/api/exchange';
import { call, errorMessage, onProgress, stageFile } from '../api/client';
import { useAppState } from '../app/AppState';
import { useNotify } from '../util/notify';
import { ImportHistory } from './ImportHistory';
import { PlanDetails } from './PlanDetails';
import { PlanTable, SignerCard } from './SignerCard';
import { settle } from '../util/settle';

type Step =
  | { kind: 'choose' }
  | { kind: 'verifying'; name: string }
  | { kind: 'preview'; name: string; source: BundleSource; preview: ImportPreview }
  | { kind: 'done'; result: ImportResult };

export function ImportTab() {
  const { refresh } = useAppState();
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [error, setError] = useState<string | null>(null);
  const [typed, setTyped] = useState('');
  const [progress, setProgress] = useState<{ label: string; percent: number } | null>(null);
  const [trust, setTrust] = useState(false);
  const [committing, setCommitting] = useState(false);
  const [historyVersion, setHistoryVersion] = useState(0);
  const [progressId] = useState(() => `exchange-${Math.random().toString(36).slice(2)}`);
  const { notifyError } = useNotify();

  useEffect(
    () =>
      onProgress((e) => {
        if (e.jobId === progressId) setProgress({ label: e.label, percent: e.total ? Math.round((e.done / e.total) * 100) : 0 });
      }),
    [progressId],
  );

  const discard = (s: Step) => {
    if (s.kind === 'preview' && 'token' in s.source) void call('staging.discard', { token: s.source.token }).catch(() => undefined);
  };
  const reset = () => {
    discard(step);
    setStep({ kind: 'choose' });
    setError(null);
    setTrust(false);
  };

  const verify = async (name: string, getSource: () => Promise<BundleSource>) => {
    setError(null);
    setTrust(false);
    setStep({ kind: 'verifying', name });
    setProgress({ label: '正在读取文件', percent: 0 });
    let source: BundleSource | null = null;
    try {
      source = await getSource();
      const preview = await call('exchange.preview', { source, progressId });
      setStep({ kind: 'preview', name, source, preview });
    } catch (err) {
      if (source && 'token' in source) void call('staging.discard', { token: source.token }).catch(() => undefined);
      setError(errorMessage(err));
      setStep({ kind: 'choose' });
    } finally {
      setProgress(null);
    }
  };

  const fromFile = (file: File) =>
    verify(file.name, async () => {
      const staged = await stageFile(file, 'roster', undefined, (sent, total) =>
        setProgress({ label: '正在读取文件', percent: total ? Math.round((sent / total) * 100) : 0 }),
      );
      return { token: staged.token };
    });

  const commit = async () => {
    if (step.kind !== 'preview') return;
    setCommitting(true);
    try {
      const result = await call('exchange.import', { source: step.source, trustSigner: !step.preview.signer.trusted && trust, progressId });
      setStep({ kind: 'done', result });
      setHistoryVersion((v) => v + 1);
      void refresh(); // never rejects: it settles both reloads itself
    } catch (err) {
      setError(errorMessage(err));
      notifyError(err, '导入未完成');
    } finally {
      setCommitting(false);
      setProgress(null);
    }
  };

  const needsTrust = step.kind === 'preview' && !step.preview.signer.trusted;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {error && <Alert type="error" showIcon title={error} data-testid="import-error" closable onClose={() => setError(null)} />}
      {step.kind === 'choose' && (
        <Card size="small" data-testid="import-drop">
          <Upload.Dragger
            accept=".onebag"
            multiple={false}
            showUploadList={false}
            beforeUpload={(f) => {
              void fromFile(f);
              return false;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p>点击选择或将交换包（.onebag）拖到这里</p>
            <p className="ob-muted">导入前会校验签名、每个文件的 SHA-256 和格式版本，任何不符都会拒绝导入</p>
          </Upload.Dragger>
          <Space.Compact style={{ width: '100%', marginTop: 8 }}>
            <Input
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              placeholder="或填写交换包的完整路径，例如 D:\交换\青山县-2025.onebag"
              aria-label="交换包路径"
            />
            <Button disabled={!typed.trim()} onClick={() => void verify(typed.trim(), async () => ({ path: typed.trim() }))}>
              校验
            </Button>
          </Space.Compact>
        </Card>
      )}
      {(step.kind === 'verifying' || committing) && progress && (
        <Card size="small" data-testid="import-progress">
          <div>{progress.label}……</div>
          <Progress percent={progress.percent} status="active" />
        </Card>
      )}
      {step.kind === 'preview' && (
        <>
          <SignerCard preview={step.preview} trust={trust} onTrust={setTrust} />
          <Card
            size="small"
            title={`将要导入：${step.preview.manifest.county} ${step.preview.manifest.year}年度${step.preview.manifest.kind === 'review' ? '评审结果' : '档案数据'}`}
          >
            <PlanTable plan={step.preview.plan} />
            <PlanDetails plan={step.preview.plan} />
            <Space style={{ marginTop: 12 }}>
              <Button
                type="primary"
                onClick={settle(commit)}
                loading={committing}
                disabled={needsTrust && !trust}
                data-testid="import-confirm"
              >
                确认导入
              </Button>
              <Button onClick={reset} disabled={committing}>
                重新选择
              </Button>
            </Space>
          </Card>
        </>
      )}
      {step.kind === 'done' && (
        <Result
          status="success"
          data-testid="import-result"
          title={step.result.unchanged ? '无变化：该交换包的内容已全部导入过' : '导入完成'}
          subTitle={
            step.result.unchanged
              ? '未做任何改动'
              : `新增 ${step.result.plan.added}，更新 ${step.result.plan.updated}，无变化 ${step.result.plan.unchanged}；写入原件 ${step.result.originalsAdded} 个${step.result.backupDir ? `。导入前已自动备份到 ${step.result.backupDir}` : ''}`
          }
          extra={<Button onClick={reset}>继续导入</Button>}
        />
      )}
      <ImportHistory version={historyVersion} />
    </Space>
  );
}
