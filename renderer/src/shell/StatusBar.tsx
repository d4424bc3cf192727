import { FolderOutlined, SaveOutlined, UserOutlined } from '@ant-design/icons';
import { Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import { call } from '../api/client';
import { useAppState } from '../app/AppState';
import { backupAgeText, backupOverdue } from '../integrity/backupAge';
import { timeLabel } from '../../../shared/dates';
import { OcrStatus } from './OcrStatus';

/** The status is re-read this often, so a scheduled backup shows up without a reload. */
const STATUS_POLL_MS = 5 * 60_000;

/** Bottom bar: where the data lives, who is working, how much is filed, how old the last backup is. */
export function StatusBar() {
  const { status, setStatus, navigate } = useAppState();
  const [, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => {
      setTick((t) => t + 1); // "N小时前" moves on by itself
      void call('app.status', {}).then(setStatus, () => undefined);
    }, STATUS_POLL_MS);
    return () => clearInterval(timer);
  }, [setStatus]);
  if (!status) return <div className="ob-statusbar" />;
  const overdue = backupOverdue(status.lastBackupAt, status.backupIntervalHours);
  return (
    <div className="ob-statusbar" data-testid="status-bar">
      <Tooltip title={status.dataDir}>
        <span className="ob-status-dir">
          <FolderOutlined /> 数据目录：{status.dataDir}
        </span>
      </Tooltip>
      <span>
        <UserOutlined /> 操作员：{status.operator ?? '未设置'}
      </span>
      <span data-testid="status-counts">
        干部 {status.cadreCount} 人 · 材料 {status.materialCount} 件
      </span>
      <Tooltip title={status.lastBackupAt ? `最近一次备份：${timeLabel(status.lastBackupAt)}，点击查看备份` : '还没有备份，点击去备份'}>
        <span
          data-testid="status-backup"
          role="button"
          tabIndex={0}
          style={{ cursor: 'pointer', ...(overdue ? { color: '#cf1322', fontWeight: 600 } : {}) }}
          onClick={() => navigate({ kind: 'integrity' })}
          onKeyDown={(e) => e.key === 'Enter' && navigate({ kind: 'integrity' })}
        >
          <SaveOutlined /> 上次备份：{backupAgeText(status.lastBackupAt)}
        </span>
      </Tooltip>
      <OcrStatus />
    </div>
  );
}
