/** 撤销认定: a reason is required; it stays in the month's history with who revoked. */
import { Alert, Input } from 'antd';
import { useState } from 'react';
import { call } from '../api/client';
import { monthLabel } from '../../../shared/dates';
import { useDialogSave } from '../common/useDialogSave';
import { SaveDialog } from '../common/SaveDialog';
import type { MonthPanelProps } from './monthPanel';

export function RevokeDialog({ open, townshipId, townshipName, month, onClose, onDone }: MonthPanelProps & { onDone: () => void }) {
  const [reason, setReason] = useState('');
  const { saving, error, setError, runSave } = useDialogSave();

  const submit = async () => {
    setError(null);
    await runSave(async () => {
      await call('attendance.revoke', { townshipId, month, reason });
      onDone();
    });
  };

  return (
    <SaveDialog
      title={`撤销 ${townshipName} ${monthLabel(month)} 考勤认定`}
      open={open}
      onClose={onClose}
      onSave={submit}
      okText="撤销认定"
      okButtonProps={{ danger: true }}
      saving={saving}
    >
      <p className="ob-muted" style={{ marginTop: 0 }}>
        撤销后可修改本月考勤，修改完成后须重新认定。撤销原因、操作人和之后的修改都会记入本月历史记录；已归入资料袋的扫描件标注“认定已撤销”。
      </p>
      <Input.TextArea
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        rows={3}
        maxLength={500}
        placeholder="撤销原因（必填），如：纸质表漏记某人缺勤"
        aria-label="撤销原因"
      />
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 10 }} data-testid="revoke-error" />}
    </SaveDialog>
  );
}
