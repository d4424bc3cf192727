import { Button, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import { DatePicker } from '../common/DatePicker';
import { today } from '../app/today';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { ReportRow } from '../../../shared/worklog';
import { call, stageFile } from '../api/client';
import { useCall } from '../api/useCall';
import { useNotify } from '../util/notify';

interface Props {
  row: ReportRow | null;
  cadreId: number;
  cadreName: string;
  category: '工作汇报' | '工作总结';
  onClose: () => void;
  onDone: () => void;
}

/** Marks a period submitted (mount it keyed by period so each opens fresh): pick a material already in the bag, or upload the report (filed into the bag). */
export function SubmitDialog({ row, cadreId, cadreName, category, onClose, onDone }: Props) {
  const { notifyError, success } = useNotify();
  const bag = useCall('bag.list', row ? { cadreId } : null, `${cadreId}|${row?.period}`);
  const materials = (bag.data ?? []).filter((m) => m.category === category);
  // Until the clerk chooses: link from the bag when it already holds a material of the category.
  const [chosenMode, setMode] = useState<'bag' | 'file' | null>(null);
  const mode = chosenMode ?? (materials.length ? 'bag' : 'file');
  const [materialId, setMaterialId] = useState<number | undefined>();
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState('');
  const [date, setDate] = useState<Dayjs>(dayjs(today()));
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (!row) return;
    setBusy(true);
    try {
      const submittedOn = date.format('YYYY-MM-DD');
      if (mode === 'bag') {
        if (!materialId) throw new Error('请选择档案袋中的材料');
        await call('reports.submit', { cadreId, period: row.period, submittedOn, materialId });
      } else {
        if (!file) throw new Error('请选择要上传的报告文件');
        const staged = await stageFile(file, 'attachment', cadreId);
        await call('reports.submit', {
          cadreId,
          period: row.period,
          submittedOn,
          token: staged.token,
          ...(title.trim() ? { title: title.trim() } : {}),
        });
      }
      success(`${row.periodLabel}${row.kind}已登记提交`);
      onDone();
    } catch (err) {
      notifyError(err, '未能登记提交');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={!!row}
      title={row ? `登记${cadreName}${row.periodLabel}${row.kind}` : ''}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="c" onClick={onClose}>
          取消
        </Button>,
        <Button key="ok" type="primary" loading={busy} onClick={() => void submit()}>
          登记提交
        </Button>,
      ]}
    >
      <Form layout="vertical">
        <Form.Item label="提交日期">
          <DatePicker value={date} allowClear={false} onChange={(d) => d && setDate(d)} />
        </Form.Item>
        <Radio.Group value={mode} onChange={(e) => setMode(e.target.value)} style={{ marginBottom: 12 }}>
          <Radio value="bag">档案袋中已有的“{category}”</Radio>
          <Radio value="file">上传报告文件（存入档案袋“{category}”）</Radio>
        </Radio.Group>
        {mode === 'bag' ? (
          <Form.Item label="材料">
            <Select
              placeholder={materials.length ? '选择材料' : `档案袋中还没有“${category}”材料`}
              value={materialId}
              onChange={setMaterialId}
              options={materials.map((m) => ({ value: m.id, label: `《${m.title}》${m.date ?? ''}` }))}
            />
          </Form.Item>
        ) : (
          <>
            <Form.Item label="文件（PDF、Word、图片）">
              <input type="file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
            </Form.Item>
            <Form.Item label="题名（可不填，默认按期次生成）">
              <Input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} />
            </Form.Item>
          </>
        )}
        <Typography.Text type="secondary">撤销提交不会删除档案袋中的材料。</Typography.Text>
      </Form>
    </Modal>
  );
}
