/** 指定接任人: after 召回调换 ended a posting, post the successor to the vacated place. Key it by the vacancy. */
import { Alert, Form } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { VacantPost } from '../../../shared/weakVillages';
import type { WeakVillageDialogProps } from './WeakDialogs';
import { call } from '../api/client';
import { DatePicker } from '../common/DatePicker';
import { CadreSelect, useCadres } from '../common/CadreSelect';
import { useDialogSave } from '../common/useDialogSave';
import { SaveDialog } from '../common/SaveDialog';
import { dateLabel } from '../../../shared/dates';

export function SuccessorDialog({ village, vacancy, onClose, onSaved }: WeakVillageDialogProps & { vacancy: VacantPost | null }) {
  const cadres = useCadres();
  // The caller keys the dialog by the vacancy, so each vacancy starts from a fresh form.
  const [cadreId, setCadreId] = useState<number | undefined>();
  const [start, setStart] = useState<Dayjs | null>(() => (vacancy ? dayjs(vacancy.date).add(1, 'day') : null));
  const { saving, error, setError, runSave } = useDialogSave();

  const submit = async () => {
    if (!vacancy) return;
    if (cadreId === undefined) return setError('请选择接任干部');
    if (!start) return setError('请选择接任日期');
    await runSave(async () => {
      onSaved(
        await call('work.weak.appointSuccessor', {
          villageId: village.villageId,
          actionId: vacancy.actionId,
          cadreId,
          start: start.format('YYYY-MM-DD'),
        }),
      );
    });
  };

  return (
    <SaveDialog
      title="指定接任人"
      open={vacancy !== null}
      onClose={onClose}
      onSave={submit}
      okText="确定接任"
      cancelText="稍后指定"
      saving={saving}
    >
      {vacancy && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={`${vacancy.cadreName}（${vacancy.postType}）已于${dateLabel(vacancy.date)}召回调换，在${vacancy.place}的任职于当日结束。请指定接任干部。`}
          description="接任干部在本村任职后，按规定自动成为本村包扶干部，节点期限自其任职起计算。如接任干部尚未录入，请先在干部名册中新增。"
        />
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form layout="vertical">
        <Form.Item label="接任干部" required>
          <CadreSelect
            value={cadreId}
            onChange={setCadreId}
            cadres={cadres.filter((c) => c.id !== vacancy?.cadreId)}
            width={320}
            testId="successor-cadre"
          />
        </Form.Item>
        <Form.Item label="接任日期" required style={{ marginBottom: 0 }}>
          <DatePicker value={start} onChange={setStart} disabledDate={(d) => (vacancy ? d.isBefore(dayjs(vacancy.date), 'day') : false)} />
        </Form.Item>
      </Form>
    </SaveDialog>
  );
}
