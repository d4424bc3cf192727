/** 登记报送: where a cadre's report went (派出单位 / 上一级党委), the recipient and the date. Key it by the report. */
import { Alert, Form, Input, Select } from 'antd';
import { today } from '../app/today';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { RECIPIENT_KINDS, type QuarterCadre, type RecipientKind, type RoutedReport } from '../../../shared/scheduling';
import { call } from '../api/client';
import { DatePicker } from '../common/DatePicker';
import { useDialogSave } from '../common/useDialogSave';
import { SaveDialog } from '../common/SaveDialog';

export function ReportRouteDialog({
  target,
  onClose,
  onSaved,
}: {
  target: { cadre: QuarterCadre; report: RoutedReport } | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [kind, setKind] = useState<RecipientKind>('派出单位');
  const [recipient, setRecipient] = useState(target?.cadre.unitName ?? '');
  const [date, setDate] = useState<Dayjs | null>(dayjs(today()));
  const { saving, error, setError, runSave } = useDialogSave();

  const changeKind = (k: RecipientKind) => {
    setKind(k);
    const existing = target?.report.routes.find((r) => r.recipientKind === k);
    setRecipient(existing?.recipient ?? (k === '派出单位' ? (target?.cadre.unitName ?? '') : ''));
  };
  const submit = async () => {
    if (!target) return;
    if (!date) return setError('请选择报送日期');
    await runSave(async () => {
      await call('scheduling.routeReport', {
        cadreId: target.cadre.cadreId,
        kind: target.report.kind,
        period: target.report.period,
        recipientKind: kind,
        recipient,
        sentOn: date.format('YYYY-MM-DD'),
      });
      onSaved();
    });
  };
  return (
    <SaveDialog
      title={`登记报送 — ${target?.cadre.name ?? ''} ${target?.report.kind ?? ''}`}
      open={target !== null}
      onClose={onClose}
      onSave={submit}
      okText="登记"
      saving={saving}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form layout="vertical">
        <Form.Item label="报送对象" required>
          <Select
            value={kind}
            onChange={changeKind}
            options={RECIPIENT_KINDS.map((k) => ({ value: k, label: k }))}
            style={{ width: 160 }}
          />
        </Form.Item>
        <Form.Item label="接收单位" required>
          <Input
            value={recipient}
            onChange={(e) => setRecipient(e.target.value)}
            maxLength={100}
            placeholder={kind === '上一级党委' ? '如：中共××县委员会' : '派出单位名称'}
            data-testid="route-recipient"
          />
        </Form.Item>
        <Form.Item label="报送日期" required style={{ marginBottom: 0 }}>
          <DatePicker
            value={date}
            onChange={setDate}
            disabledDate={(d) => d.isAfter(dayjs(today()), 'day') || (target ? d.isBefore(dayjs(target.report.submittedOn), 'day') : false)}
          />
        </Form.Item>
      </Form>
    </SaveDialog>
  );
}
