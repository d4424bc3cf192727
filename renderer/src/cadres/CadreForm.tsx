import { Alert, Button, Cascader, Col, Drawer, Form, Input, Row, Select, Space } from 'antd';
import { DatePicker } from '../common/DatePicker';
import { today } from '../app/today';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { cadreInputSchema, postingInputSchema, type CadreInput } from '../../../shared/api/cadres';
import { CADRE_LEVELS, GENDERS, PARTY_STATUSES, POST_TYPES, type CadreDetail } from '../../../shared/domain';
import { checkIdNumber } from '../../../shared/idNumber';
import { call, errorMessage } from '../api/client';
import { useAppState } from '../app/AppState';
import { useConfirmLeave, useUnsavedGuard } from '../common/useUnsavedGuard';
import { useNotify } from '../util/notify';
import { blankToNull, zodRule } from '../util/zodRule';
import { postingCascade } from './orgOptions';
import { UnitSelect } from './UnitSelect';
import { settle } from '../util/settle';

interface FormValues {
  name: string;
  idNumber: string;
  gender?: string;
  birthDate?: Dayjs | null;
  partyStatus?: string;
  phone?: string;
  unitId?: number | null;
  level?: string;
  postType?: string;
  place?: number[];
  start?: Dayjs | null;
  end?: Dayjs | null;
}

const S = cadreInputSchema.shape;
const toIso = (d: unknown) => (dayjs.isDayjs(d) ? d.format('YYYY-MM-DD') : null);

/** Create (with a first posting) or edit a cadre; the drawer stays open when saving fails. */
export function CadreForm({
  open,
  cadre,
  onClose,
  onSaved,
}: {
  open: boolean;
  cadre: CadreDetail | null;
  onClose: () => void;
  onSaved: (c: CadreDetail) => void;
}) {
  const [form] = Form.useForm<FormValues>();
  const { org } = useAppState();
  const { notifyError } = useNotify();
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const cascade = useMemo(() => postingCascade(org), [org]);
  const creating = cadre === null;

  useEffect(() => {
    if (!open) return;
    setSaveError(null);
    form.resetFields();
    if (cadre) {
      form.setFieldsValue({
        name: cadre.name,
        idNumber: cadre.idNumber,
        gender: cadre.gender,
        birthDate: cadre.birthDate ? dayjs(cadre.birthDate) : null,
        partyStatus: cadre.partyStatus,
        phone: cadre.phone ?? '',
        unitId: cadre.unitId,
        level: cadre.level,
        postType: cadre.postType,
      });
    } else {
      form.setFieldsValue({ partyStatus: '中共党员', level: '县级', start: dayjs(today()) });
    }
  }, [open, cadre, form]);

  // Typed but not saved: closing asks first, and so does leaving the page (common/useUnsavedGuard.ts).
  // Touched for one opening of one record: cleared on close and after a save.
  const [touchedOf, setTouchedOf] = useState<CadreDetail | 'new' | null>(null);
  const touched = open && touchedOf === (cadre ?? 'new');
  const release = useUnsavedGuard(touched ? (creating ? '新增干部表单' : '干部信息表单') : null);
  const confirmLeave = useConfirmLeave();
  const close = () =>
    void confirmLeave().then((ok) => {
      if (!ok) return;
      setTouchedOf(null);
      onClose();
    });

  const onValuesChange = (changed: Partial<FormValues>) => {
    setTouchedOf(cadre ?? 'new');
    if (changed.idNumber !== undefined) {
      const r = checkIdNumber(changed.idNumber);
      if (r.valid) form.setFieldsValue({ gender: r.gender, birthDate: dayjs(r.birthDate) });
    }
  };

  const submit = async (v: FormValues) => {
    const input = {
      name: v.name,
      gender: v.gender,
      birthDate: toIso(v.birthDate),
      idNumber: v.idNumber,
      partyStatus: v.partyStatus,
      phone: blankToNull(v.phone),
      unitId: v.unitId ?? null,
      level: v.level,
      postType: v.postType,
    };
    const parsed = cadreInputSchema.safeParse(input);
    if (!parsed.success) {
      setSaveError(parsed.error.issues[0]?.message ?? '输入有误');
      return;
    }
    let posting = null;
    if (creating && v.place && v.place.length >= 2) {
      const p = postingInputSchema.safeParse({
        townshipId: v.place[1],
        villageId: v.place[2] ?? null,
        start: toIso(v.start),
        end: toIso(v.end),
      });
      if (!p.success) {
        setSaveError(p.error.issues[0]?.message ?? '任职信息有误');
        return;
      }
      posting = p.data;
    }
    setSaving(true);
    setSaveError(null);
    try {
      const saved: CadreDetail = creating
        ? await call('cadres.create', { cadre: input as CadreInput, posting })
        : await call('cadres.update', { id: cadre.id, cadre: input as CadreInput });
      release();
      setTouchedOf(null);
      onSaved(saved);
    } catch (err) {
      setSaveError(errorMessage(err));
      notifyError(err, '保存未完成');
    } finally {
      setSaving(false);
    }
  };

  const enumOptions = (xs: readonly string[]) => xs.map((x) => ({ value: x, label: x }));

  return (
    <Drawer
      title={creating ? '新增干部' : `编辑干部信息 — ${cadre.name}`}
      open={open}
      onClose={close}
      size={620}
      destroyOnHidden
      mask={{ closable: false }}
      footer={
        <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Button onClick={close}>取消</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()} data-testid="cadre-save">
            保存
          </Button>
        </Space>
      }
    >
      {saveError && <Alert type="error" showIcon title={saveError} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={settle(submit)} onValuesChange={onValuesChange} requiredMark>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="name" label="姓名" rules={[zodRule(S.name)]} required>
              <Input maxLength={30} autoFocus />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="idNumber" label="身份证号" rules={[zodRule(S.idNumber)]} required tooltip="输入完整后自动填写性别和出生日期">
              <Input maxLength={18} style={{ fontVariantNumeric: 'tabular-nums' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="gender" label="性别" rules={[zodRule(S.gender)]} required>
              <Select options={enumOptions(GENDERS)} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="birthDate" label="出生日期" rules={[zodRule(S.birthDate, toIso)]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="partyStatus" label="政治面貌" rules={[zodRule(S.partyStatus)]} required>
              <Select options={enumOptions(PARTY_STATUSES)} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="phone" label="联系电话" rules={[zodRule(S.phone, blankToNull)]}>
              <Input maxLength={20} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="postType" label="任职类型" rules={[zodRule(S.postType)]} required>
              <Select options={enumOptions(POST_TYPES)} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="level" label="选派层级" rules={[zodRule(S.level)]} required>
              <Select options={enumOptions(CADRE_LEVELS)} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="unitId" label="派出单位">
              <UnitSelect />
            </Form.Item>
          </Col>
        </Row>
        {creating && (
          <>
            <div style={{ fontWeight: 600, margin: '4px 0 12px', borderTop: '1px solid #eee', paddingTop: 12 }}>
              首次任职{' '}
              <span className="ob-muted" style={{ fontWeight: 400 }}>
                （可暂不填写，之后在详情页“调动”中添加）
              </span>
            </div>
            <Form.Item name="place" label="县 / 乡镇 / 村">
              <Cascader
                options={cascade}
                changeOnSelect
                placeholder={cascade.length ? '选择乡镇，驻村干部再选择村' : '尚无乡镇，请先导入花名册'}
                showSearch
                style={{ width: '100%' }}
              />
            </Form.Item>
            <Row gutter={16}>
              <Col span={12}>
                <Form.Item name="start" label="任职开始日期">
                  <DatePicker style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name="end" label="计划结束日期">
                  <DatePicker style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            </Row>
          </>
        )}
      </Form>
    </Drawer>
  );
}
