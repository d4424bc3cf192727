import { Alert, Col, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import { DatePicker } from '../common/DatePicker';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { materialInputSchema } from '../../../shared/api/bag';
import { MATERIAL_CATEGORIES, SECRECY_LEVELS, type Material } from '../../../shared/domain';
import { call } from '../api/client';
import { blankToNull, zodRule } from '../util/zodRule';
import { settle } from '../util/settle';
import { useDialogSave } from '../common/useDialogSave';

const S = materialInputSchema.shape;
const toIso = (d: unknown) => (dayjs.isDayjs(d) ? d.format('YYYY-MM-DD') : null);

interface Values {
  category: string;
  title: string;
  date: Dayjs | null;
  year: number;
  responsible: string;
  docNumber: string;
  secrecy: string;
  notes: string;
}

/** Edit a filed material's catalogue data; stays open when saving fails. */
export function MaterialEditDialog({
  material,
  onClose,
  onSaved,
}: { material: Material | null; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm<Values>();
  const { saving, error, setError, runSave } = useDialogSave({ notifyTitle: '保存未完成' });

  useEffect(() => {
    if (!material) return;
    setError(null);
    form.setFieldsValue({
      category: material.category,
      title: material.title,
      date: material.date ? dayjs(material.date) : null,
      year: material.year,
      responsible: material.responsible ?? '',
      docNumber: material.docNumber ?? '',
      secrecy: material.secrecy,
      notes: material.notes ?? '',
    });
  }, [material, form, setError]);

  const submit = async (v: Values) => {
    if (!material) return;
    const parsed = materialInputSchema.safeParse({
      category: v.category,
      title: v.title,
      date: toIso(v.date),
      year: v.year,
      responsible: blankToNull(v.responsible),
      docNumber: blankToNull(v.docNumber),
      secrecy: v.secrecy,
      notes: blankToNull(v.notes),
    });
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? '输入有误');
    await runSave(async () => {
      await call('bag.update', { id: material.id, material: parsed.data });
      onSaved();
    });
  };

  return (
    <Modal
      title="编辑材料"
      open={material !== null}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="保存"
      confirmLoading={saving}
      width={640}
      mask={{ closable: false }}
      forceRender
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={settle(submit)}
        onValuesChange={(c: Partial<Values>) => {
          if (c.date) form.setFieldsValue({ year: c.date.year() });
        }}
      >
        <Form.Item name="title" label="题名" rules={[zodRule(S.title)]} required>
          <Input maxLength={200} />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="category" label="类别" rules={[zodRule(S.category)]} required>
              <Select options={MATERIAL_CATEGORIES.map((c) => ({ value: c, label: c }))} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="date" label="日期">
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="year" label="年度" rules={[zodRule(S.year)]} required>
              <InputNumber style={{ width: '100%' }} min={2000} max={2100} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="docNumber" label="文号" rules={[zodRule(S.docNumber, blankToNull)]}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="responsible" label="责任者" rules={[zodRule(S.responsible, blankToNull)]}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="secrecy" label="密级">
              <Select options={SECRECY_LEVELS.map((c) => ({ value: c, label: c }))} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="notes" label="备注">
          <Input.TextArea rows={2} maxLength={5000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
