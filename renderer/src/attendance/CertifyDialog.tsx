/**
 * 认定: the township party secretary's name, the date, the seal, and the scan of the signed,
 * sealed paper register. Main refuses anything missing with its own message, shown here.
 * The parent keys it by open/closed, so each opening starts with an empty form.
 */
import { Alert, Checkbox, Form, Input, Modal } from 'antd';
import { DatePicker } from '../common/DatePicker';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { StagedFile } from '../../../shared/domain';
import { call, errorMessage } from '../api/client';
import { monthTitle } from './gridModel';
import { ScanDrop } from './ScanDrop';

export function CertifyDialog({
  open,
  townshipId,
  townshipName,
  month,
  cadreCount,
  onClose,
  onDone,
}: {
  open: boolean;
  townshipId: number;
  townshipName: string;
  month: string;
  cadreCount: number;
  onClose: () => void;
  onDone: (filed: number) => void;
}) {
  const [name, setName] = useState('');
  const [date, setDate] = useState<Dayjs | null>(dayjs());
  const [seal, setSeal] = useState(false);
  const [scan, setScan] = useState<StagedFile | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async () => {
    setError(null);
    if (!scan) {
      setError('请上传乡镇党委书记签字并盖章的纸质考勤表扫描件');
      return;
    }
    setSaving(true);
    try {
      const r = await call('attendance.certify', {
        townshipId,
        month,
        secretaryName: name,
        certifiedOn: (date ?? dayjs()).format('YYYY-MM-DD'),
        sealApplied: seal,
        scanToken: scan.token,
      });
      onDone(r.filed);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };

  const cancel = () => {
    if (scan) void call('staging.discard', { token: scan.token }).catch(() => undefined);
    onClose();
  };

  return (
    <Modal
      title={`认定 ${townshipName} ${monthTitle(month)} 考勤`}
      open={open}
      onCancel={cancel}
      onOk={submit}
      okText="认定并锁定"
      cancelText="取消"
      confirmLoading={saving}
      destroyOnHidden
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
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
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
      {error && <Alert type="error" showIcon title={error} data-testid="certify-error" />}
    </Modal>
  );
}
