import { Alert, Cascader, Form } from 'antd';
import { DatePicker } from '../common/DatePicker';
import { today } from '../app/today';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo } from 'react';
import { postingInputSchema } from '../../../shared/api/cadres';
import type { CadreDetail } from '../../../shared/domain';
import { call } from '../api/client';
import { useAppState } from '../app/AppState';
import { postingCascade, placeLabel } from './orgOptions';
import { useDialogSave } from '../common/useDialogSave';
import { SaveDialog } from '../common/SaveDialog';

interface Values {
  place?: number[];
  start?: Dayjs | null;
  end?: Dayjs | null;
}

/** 调动: a new posting; main closes the current one the day before the new start. */
export function PostingDialog({
  cadre,
  open,
  onClose,
  onSaved,
}: {
  cadre: CadreDetail;
  open: boolean;
  onClose: () => void;
  onSaved: (c: CadreDetail) => void;
}) {
  const [form] = Form.useForm<Values>();
  const { org } = useAppState();
  const { saving, error, setError, runSave } = useDialogSave({ notifyTitle: '调动未保存' });
  const cascade = useMemo(() => postingCascade(org), [org]);
  const current = cadre.postings.find((p) => p.end === null);

  useEffect(() => {
    if (open) {
      form.resetFields();
      setError(null);
      form.setFieldsValue({ start: dayjs(today()) });
    }
  }, [open, form, setError]);

  const submit = async () => {
    const v = form.getFieldsValue();
    const parsed = postingInputSchema.safeParse({
      townshipId: v.place?.[1],
      villageId: v.place?.[2] ?? null,
      start: v.start ? v.start.format('YYYY-MM-DD') : undefined,
      end: v.end ? v.end.format('YYYY-MM-DD') : null,
    });
    if (!v.place || v.place.length < 2) return setError('请选择调往的乡镇（驻村干部再选择村）');
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? '输入有误');
    await runSave(async () => {
      onSaved(await call('cadres.addPosting', { cadreId: cadre.id, posting: parsed.data }));
    });
  };

  return (
    <SaveDialog title={`调动 — ${cadre.name}`} open={open} onClose={onClose} onSave={submit} okText="确认调动" saving={saving}>
      {current && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={`当前任职“${placeLabel(current.countyName, current.townshipName, current.villageName)}”将在新任职开始的前一天结束。`}
        />
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical">
        <Form.Item name="place" label="调往 县 / 乡镇 / 村" required>
          <Cascader options={cascade} changeOnSelect showSearch style={{ width: '100%' }} placeholder="选择乡镇，驻村干部再选择村" />
        </Form.Item>
        <Form.Item name="start" label="新任职开始日期" required>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="end" label="计划结束日期">
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </SaveDialog>
  );
}
