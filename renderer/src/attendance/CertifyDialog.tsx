/**
 * 认定: the township party secretary's name, the date, the seal, and the scan of the signed,
 * sealed paper register. Main refuses anything missing with its own message, shown here.
 * The parent keys it by open/closed, so each opening starts with an empty form.
 */
import { Alert, Checkbox, Form, Input } from 'antd';
import { DatePicker } from '../common/DatePicker';
import { today } from '../app/today';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import type { CertifyWarning } from '../../../shared/api/attendance';
import type { StagedFile } from '../../../shared/domain';
import { call, errorMessage } from '../api/client';
import { monthLabel } from '../../../shared/dates';
import { ScanDrop } from './ScanDrop';
import { useDialogSave } from '../common/useDialogSave';
import { SaveDialog } from '../common/SaveDialog';
import type { MonthPanelProps } from './monthPanel';

export function CertifyDialog({
  open,
  townshipId,
  townshipName,
  month,
  cadreCount,
  onClose,
  onDone,
}: MonthPanelProps & { cadreCount: number; onDone: (filed: number) => void }) {
  const [name, setName] = useState('');
  const [date, setDate] = useState<Dayjs | null>(dayjs(today()));
  const [seal, setSeal] = useState(false);
  const [scan, setScan] = useState<StagedFile | null>(null);
  const { saving, error, setError, runSave } = useDialogSave();
  // What the secretary must confirm one by one before sealing (事假 without leave, 缺勤, short months).
  const [warnings, setWarnings] = useState<CertifyWarning[] | null>(null);
  const [confirmed, setConfirmed] = useState<Record<string, boolean>>({});
  const [notes, setNotes] = useState<Record<string, string>>({});
  useEffect(() => {
    if (!open) return;
    void call('attendance.certify.warnings', { townshipId, month }).then(setWarnings, (err: unknown) => setError(errorMessage(err)));
  }, [open, townshipId, month, setError]);

  const submit = async () => {
    setError(null);
    if (!scan) {
      setError('请上传乡镇党委书记签字并盖章的纸质考勤表扫描件');
      return;
    }
    if (!warnings) {
      setError('正在检查本月考勤，请稍候再认定');
      return;
    }
    const pending = warnings.filter((w) => !confirmed[w.key] || (w.needsNote && !notes[w.key]?.trim()));
    if (pending.length > 0) {
      setError(`还有 ${pending.length} 个问题未逐条确认${pending.some((w) => w.needsNote) ? '（缺勤须填写说明）' : ''}`);
      return;
    }
    await runSave(async () => {
      const r = await call('attendance.certify', {
        townshipId,
        month,
        secretaryName: name,
        certifiedOn: (date ?? dayjs(today())).format('YYYY-MM-DD'),
        sealApplied: seal,
        scanToken: scan.token,
        confirmations: warnings.map((w) => ({ key: w.key, ...(w.needsNote ? { note: notes[w.key]!.trim() } : {}) })),
      });
      onDone(r.filed);
    });
  };

  const cancel = () => {
    if (scan) void call('staging.discard', { token: scan.token }).catch(() => undefined);
    onClose();
  };

  return (
    <SaveDialog
      title={`认定 ${townshipName} ${monthLabel(month)} 考勤`}
      open={open}
      onClose={cancel}
      onSave={submit}
      okText="认定并锁定"
      saving={saving}
      width={560}
    >
      <p className="ob-muted" style={{ marginTop: 0 }}>
        依据乡镇党委书记签字、加盖党委公章的纸质考勤表认定。认定后本月考勤锁定；扫描件同时归入 {cadreCount} 名干部资料袋的“月考勤登记表”。
      </p>
      <Form layout="vertical">
        <Form.Item label="签字认定的乡镇党委书记" required>
          <Input value={name} onChange={(e) => setName(e.target.value)} maxLength={30} placeholder="姓名" aria-label="乡镇党委书记姓名" />
        </Form.Item>
        <Form.Item label="认定日期" required>
          <DatePicker
            value={date}
            onChange={setDate}
            disabledDate={(d) => d.isAfter(dayjs(today()), 'day')}
            style={{ width: 200 }}
            aria-label="认定日期"
            allowClear={false}
          />
        </Form.Item>
        <Form.Item>
          <Checkbox checked={seal} onChange={(e) => setSeal(e.target.checked)}>
            纸质考勤表已加盖乡镇党委公章
          </Checkbox>
        </Form.Item>
        <Form.Item label="签字盖章的考勤表扫描件（PDF 或图片）" required>
          <ScanDrop value={scan} onChange={setScan} hint="把扫描件拖到这里，或点击选择文件" testId="certify-scan" />
        </Form.Item>
      </Form>
      {warnings && <span hidden data-testid="certify-checked" data-count={warnings.length} />}
      {warnings && warnings.length > 0 && (
        <div data-testid="certify-warnings" style={{ marginBottom: 12 }}>
          <Alert
            type="warning"
            showIcon
            title={`认定前请逐条确认以下 ${warnings.length} 个问题（确认记入认定记录）`}
            style={{ marginBottom: 8 }}
          />
          {warnings.map((w) => (
            <div key={w.key} style={{ marginBottom: 6 }}>
              <Checkbox checked={!!confirmed[w.key]} onChange={(e) => setConfirmed((c) => ({ ...c, [w.key]: e.target.checked }))}>
                {w.text}
              </Checkbox>
              {w.needsNote && (
                <Input
                  size="small"
                  maxLength={200}
                  placeholder="说明原因（必填）"
                  aria-label={`${w.name} 的说明`}
                  value={notes[w.key] ?? ''}
                  onChange={(e) => setNotes((n) => ({ ...n, [w.key]: e.target.value }))}
                  style={{ marginTop: 4, marginLeft: 24, width: 'calc(100% - 24px)' }}
                />
              )}
            </div>
          ))}
        </div>
      )}
      {error && <Alert type="error" showIcon title={error} data-testid="certify-error" />}
    </SaveDialog>
  );
}
