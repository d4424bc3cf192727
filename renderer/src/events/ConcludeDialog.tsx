/**
 * Concludes a register 核查: the explanation, the outcome (属实 / 不属实), the action taken on
 * the certifying secretary (required when 属实) and the date. 属实 revokes the month's
 * certification; the dialog then offers the month's register, to correct and certify again.
 */
import { Alert, Form, Input, Radio } from 'antd';
import { today } from '../app/today';
import dayjs, { type Dayjs } from 'dayjs';
import type { VerificationOutcome, VerificationView } from '../../../shared/verifications';
import { call } from '../api/client';
import { DatePicker } from '../common/DatePicker';
import { dateLabel, monthLabel } from '../../../shared/dates';
import { SaveDialog } from '../common/SaveDialog';
import { useDialogSave } from '../common/useDialogSave';

interface Values {
  explanation: string;
  outcome: VerificationOutcome;
  action: string;
  concludedOn: Dayjs;
}

export function ConcludeDialog({
  verification: v,
  onClose,
  onConcluded,
}: {
  verification: VerificationView;
  onClose: () => void;
  /** `revoked`: the month's certification was revoked (属实). */
  onConcluded: (v: VerificationView, revoked: boolean) => void;
}) {
  const [form] = Form.useForm<Values>();
  const outcome = Form.useWatch('outcome', form);
  const { saving, error, setError, runSave } = useDialogSave();

  const submit = async () => {
    // The form shows its own field messages; nothing is sent until they are met.
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setError(null);
    await runSave(async () => {
      const r = await call('verifications.conclude', {
        id: v.id,
        explanation: values.explanation ?? '',
        outcome: values.outcome,
        ...(values.outcome === '属实' ? { action: values.action ?? '' } : {}),
        concludedOn: values.concludedOn.format('YYYY-MM-DD'),
      });
      onConcluded(r.verification, r.revoked);
    });
  };

  return (
    <SaveDialog
      open
      title={`办结核查：${v.cadreName}　${dateLabel(v.date)}`}
      okText="办结"
      saving={saving}
      onSave={submit}
      onClose={onClose}
      width={560}
    >
      <p style={{ marginTop: 0 }} data-testid="conclude-finding">
        {v.finding}
      </p>
      <p className="ob-muted">
        认定人：{v.secretaryName}（{dateLabel(v.certifiedOn.slice(0, 10))}认定{v.certificationActive ? '' : '，该认定已撤销'}）
      </p>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form<Values> form={form} layout="vertical" initialValues={{ concludedOn: dayjs(today()), explanation: '', action: '' }}>
        <Form.Item name="explanation" label="核查说明" rules={[{ required: true, min: 4, message: '请填写核查说明（不少于4个字）' }]}>
          <Input.TextArea rows={3} maxLength={500} showCount placeholder="核查经过：谈话、调阅记录、走访群众等" />
        </Form.Item>
        <Form.Item name="outcome" label="核查结论" rules={[{ required: true, message: '请选择核查结论' }]}>
          <Radio.Group
            options={[
              { value: '属实', label: '属实（登记不实）' },
              { value: '不属实', label: '不属实（登记无误）' },
            ]}
          />
        </Form.Item>
        {outcome === '属实' && (
          <>
            <Form.Item
              name="action"
              label={`对签字认定的${v.secretaryName}的处理`}
              rules={[{ required: true, min: 2, message: '核查属实的，须填写对签字认定的乡镇党委书记的处理（如约谈、诫勉、组织调整）' }]}
            >
              <Input maxLength={200} placeholder="如：约谈、诫勉、组织调整" />
            </Form.Item>
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title={`办结后将撤销${v.township}${monthLabel(v.date)}考勤的认定，须更正登记后重新认定。`}
            />
          </>
        )}
        <Form.Item name="concludedOn" label="结论日期" rules={[{ required: true, message: '请选择结论日期' }]}>
          <DatePicker allowClear={false} disabledDate={(d) => d.isAfter(dayjs(today()), 'day') || d.isBefore(dayjs(v.date), 'day')} />
        </Form.Item>
      </Form>
    </SaveDialog>
  );
}
