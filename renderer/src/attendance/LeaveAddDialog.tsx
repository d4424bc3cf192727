/** 登记请假: cadre, type, from/to with 上午/下午, reason, optional approver (approves at once), proof. */
import { Alert, Form, Input, Select } from 'antd';
import { DatePicker } from '../common/DatePicker';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { LEAVE_TYPES, type AttendanceSettings, type LeaveHalf, type LeaveType } from '../../../shared/attendance';
import { leaveApprovalLevel, leaveDays, type ApprovalLevel } from '../../../shared/leave';
import type { GridRow } from '../../../shared/api/attendance';
import type { StagedFile } from '../../../shared/domain';
import { call } from '../api/client';
import { ApproverFields } from './ApproverFields';
import { ScanDrop } from './ScanDrop';
import { useDialogSave } from '../common/useDialogSave';
import { SaveDialog } from '../common/SaveDialog';

const HALVES = [
  { value: '上', label: '上午' },
  { value: '下', label: '下午' },
];

export function LeaveAddDialog({
  open,
  rows,
  settings,
  onClose,
  onDone,
}: {
  open: boolean;
  rows: GridRow[];
  settings: AttendanceSettings;
  onClose: () => void;
  onDone: () => void;
}) {
  const [cadreId, setCadreId] = useState<number>();
  const [type, setType] = useState<LeaveType>('事假');
  const [start, setStart] = useState<Dayjs | null>(null);
  const [startHalf, setStartHalf] = useState<LeaveHalf>('上');
  const [end, setEnd] = useState<Dayjs | null>(null);
  const [endHalf, setEndHalf] = useState<LeaveHalf>('下');
  const [reason, setReason] = useState('');
  const [approver, setApprover] = useState('');
  const [level, setLevel] = useState<ApprovalLevel>();
  const [proof, setProof] = useState<StagedFile | null>(null);
  const { saving, error, setError, runSave } = useDialogSave();

  const days = useMemo(
    () => (start && end ? leaveDays(start.format('YYYY-MM-DD'), startHalf, end.format('YYYY-MM-DD'), endHalf) : null),
    [start, end, startHalf, endHalf],
  );

  const submit = async () => {
    setError(null);
    if (!cadreId) return setError('请选择请假的干部');
    if (!start || !end) return setError('请选择请假的起止日期');
    if (approver.trim() && !level) return setError('请选择实际审批的层级（乡镇党委或县委组织部）');
    await runSave(async () => {
      await call('attendance.leave.add', {
        cadreId,
        type,
        start: start.format('YYYY-MM-DD'),
        startHalf,
        end: end.format('YYYY-MM-DD'),
        endHalf,
        reason,
        ...(approver.trim() ? { approver: approver.trim(), ...(level ? { approverLevel: level } : {}) } : {}),
        ...(proof ? { proofToken: proof.token } : {}),
      });
      onDone();
    });
  };

  return (
    <SaveDialog title="登记请假" open={open} onClose={onClose} onSave={submit} okText="保存" saving={saving} width={600}>
      <Form layout="vertical">
        <div style={{ display: 'flex', gap: 12 }}>
          <Form.Item label="干部" required style={{ flex: 1 }}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              value={cadreId}
              onChange={setCadreId}
              placeholder="选择干部"
              options={rows.map((r) => ({ value: r.cadreId, label: `${r.name}（${r.village ?? '乡镇'}）` }))}
              aria-label="请假干部"
            />
          </Form.Item>
          <Form.Item label="请假类型" required style={{ width: 160 }}>
            <Select value={type} onChange={setType} options={LEAVE_TYPES.map((t) => ({ value: t, label: t }))} aria-label="请假类型" />
          </Form.Item>
        </div>
        <div style={{ display: 'flex', gap: 8, alignItems: 'flex-end' }}>
          <Form.Item label="自" required>
            <DatePicker
              value={start}
              onChange={(d) => {
                setStart(d);
                if (d && (!end || end.isBefore(d))) setEnd(d);
              }}
              aria-label="开始日期"
            />
          </Form.Item>
          <Form.Item>
            <Select value={startHalf} onChange={setStartHalf} options={HALVES} style={{ width: 80 }} aria-label="开始半天" />
          </Form.Item>
          <Form.Item label="至" required>
            <DatePicker value={end} onChange={setEnd} aria-label="结束日期" />
          </Form.Item>
          <Form.Item>
            <Select value={endHalf} onChange={setEndHalf} options={HALVES} style={{ width: 80 }} aria-label="结束半天" />
          </Form.Item>
        </div>
        {days !== null && (
          <Alert
            style={{ marginBottom: 12 }}
            type={days > settings.leaveTownshipMaxDays ? 'warning' : 'info'}
            title={`共 ${days} 天，须由${leaveApprovalLevel(days, settings)}审批（本县乡镇审批上限 ${settings.leaveTownshipMaxDays} 天）`}
            data-testid="leave-level"
          />
        )}
        <Form.Item label="事由" required>
          <Input.TextArea value={reason} onChange={(e) => setReason(e.target.value)} rows={2} maxLength={500} aria-label="请假事由" />
        </Form.Item>
        <Form.Item label="审批人及实际审批层级（已批准的请假填写，保存即批准并填入考勤表）">
          <ApproverFields
            approver={approver}
            level={level}
            required={leaveApprovalLevel(days ?? 0, settings)}
            limitDays={settings.leaveTownshipMaxDays}
            onApprover={setApprover}
            onLevel={setLevel}
          />
        </Form.Item>
        <Form.Item label="证明材料（病假证明、会议通知等，可选）">
          <ScanDrop value={proof} onChange={setProof} hint="拖入或点击选择文件" testId="leave-proof" />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </SaveDialog>
  );
}
