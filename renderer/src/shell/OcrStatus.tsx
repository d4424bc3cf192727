import { PauseCircleOutlined, PlayCircleOutlined, ScanOutlined } from '@ant-design/icons';
import { Tooltip } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { OcrStatus as Status } from '../../../shared/ocr';
import { call, onProgress } from '../api/client';

/** Queue counts are re-read this often while the app is open (cheap: one grouped count). */
const POLL_MS = 10_000;

/**
 * Status-bar item of the background OCR queue (文字识别): what is being read, how many files
 * wait, and a pause/resume switch. Hidden while the queue is empty and nothing was read.
 */
export function OcrStatus() {
  const [status, setStatus] = useState<Status | null>(null);
  const [live, setLive] = useState<string | null>(null);
  const refresh = useCallback(() => void call('ocr.status', {}).then(setStatus, () => undefined), []);
  useEffect(() => {
    refresh();
    const timer = setInterval(refresh, POLL_MS);
    const off = onProgress((e) => {
      if (e.jobId !== 'ocr') return;
      setLive(e.finished ? null : e.label);
      if (e.finished) refresh();
    });
    return () => {
      clearInterval(timer);
      off();
    };
  }, [refresh]);
  if (!status || status.pending + status.running + status.failed === 0) return null;
  const toggle = () => void call('ocr.setPaused', { paused: !status.paused }).then(setStatus, () => undefined);
  const text = status.paused
    ? `文字识别已暂停（待识别 ${status.pending + status.running} 个文件）`
    : (live ?? (status.current ? `文字识别：${status.current.title}` : `文字识别：待识别 ${status.pending} 个文件`));
  return (
    <Tooltip title={`${status.paused ? '点击继续' : '点击暂停'}文字识别；已识别 ${status.done} 个，失败 ${status.failed} 个`}>
      <span
        data-testid="status-ocr"
        role="button"
        tabIndex={0}
        style={{ cursor: 'pointer' }}
        onClick={toggle}
        onKeyDown={(e) => e.key === 'Enter' && toggle()}
      >
        <ScanOutlined /> {text} {status.paused ? <PlayCircleOutlined /> : <PauseCircleOutlined />}
      </span>
    </Tooltip>
  );
}
