import { Alert, Checkbox, Col, Form, Input, Row, Select } from 'antd';
import { useEffect, useMemo } from 'react';
import { projectInputSchema } from '../../../shared/api/work';
import { FUND_SOURCES, PROJECT_KINDS, PROJECT_STATUSES, yuan, type Project } from '../../../shared/work';
import { call } from '../api/client';
import { useAppState } from '../app/AppState';
import { CadreSelect, useCadres } from '../common/CadreSelect';
import { MoneyInput, thisYear, yearOptions } from './common';
import { useDialogSave } from '../common/useDialogSave';
import { SaveDialog } from '../common/SaveDialog';

interface Values {
  cadreId?: number;
  villageId?: number;
  name?: string;
  kind?: string;
  year?: number;
  status?: string;
  funds?: Record<string, number | null>;
  inPark?: boolean;
  notes?: string;
}

/** New or edited project: cadre, village, kind, year, status, funds by source, park. */
export function ProjectForm({
  open,
  project,
  cadreId,
  onClose,
  onSaved,
}: {
  open: boolean;
  project: Project | null;
  cadreId?: number;
  onClose: () => void;
  onSaved: (p: Project) => void;
}) {
  const [form] = Form.useForm<Values>();
  const { org } = useAppState();
  const cadres = useCadres();
  const { saving, error, setError, runSave } = useDialogSave();
  const funds = Form.useWatch('funds', form);
  const chosen = Form.useWatch('cadreId', form);
  const total = Object.values(funds ?? {}).reduce<number>((s, v) => s + (v ?? 0), 0);

  const villageOptions = useMemo(
    () =>
      (org?.counties ?? []).flatMap((c) =>
        c.townships.map((t) => ({
          label: `${c.name}${t.name}`,
          title: t.name,
          options: t.villages.map((v) => ({ value: v.id, label: `${t.name} ${v.name}` })),
        })),
      ),
    [org],
  );

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    if (project) {
      form.setFieldsValue({
        ...project,
        notes: project.notes ?? '',
        funds: Object.fromEntries(project.funds.map((f) => [f.source, f.amountFen])),
      });
    } else {
      form.setFieldsValue({ cadreId, year: thisYear(), status: '谋划中', kind: '产业发展', inPark: false, funds: {} });
    }
  }, [open, project, cadreId, form, setError]);

  // A new project's village defaults to the cadre's current village.
  useEffect(() => {
    if (!open || project || !chosen || form.getFieldValue('villageId')) return;
    const c = cadres.find((x) => x.id === chosen);
    const t = org?.counties.flatMap((k) => k.townships).find((x) => x.name === c?.township);
    const v = t?.villages.find((x) => x.name === c?.village);
    if (v) form.setFieldValue('villageId', v.id);
  }, [chosen, open, project, cadres, org, form]);

  const submit = async () => {
    const v = form.getFieldsValue(true) as Values;
    const parsed = projectInputSchema.safeParse({
      cadreId: v.cadreId,
      villageId: v.villageId,
      name: v.name ?? '',
      kind: v.kind,
      year: v.year,
      status: v.status,
      funds: FUND_SOURCES.filter((s) => (v.funds?.[s] ?? 0) > 0).map((s) => ({ source: s, amountFen: v.funds![s]! })),
      inPark: Boolean(v.inPark),
      notes: v.notes ?? null,
    });
    if (!v.cadreId) return setError('请选择负责的干部');
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? '输入有误');
    await runSave(async () => {
      onSaved(await call('work.projects.save', project ? { id: project.id, project: parsed.data } : { project: parsed.data }));
    });
  };

  return (
    <SaveDialog
      title={project ? `修改项目 — ${project.name}` : '新增乡村振兴项目'}
      open={open}
      onClose={onClose}
      onSave={submit}
      okText="保存"
      saving={saving}
      width={720}
      styles={{ body: { maxHeight: 'calc(100vh - 220px)', overflowY: 'auto' } }}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="project-error" />}
      <Form form={form} layout="vertical" requiredMark={false}>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="cadreId" label="负责干部">
              <CadreSelect cadres={cadres} onChange={(id) => form.setFieldValue('cadreId', id)} width={330} testId="project-cadre" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="villageId" label="项目所在村">
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                options={villageOptions}
                placeholder="选择村"
                data-testid="project-village"
              />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="name" label="项目名称">
              <Input maxLength={100} placeholder="如：食用菌种植大棚" data-testid="project-name" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="kind" label="项目类别">
              <Select options={PROJECT_KINDS.map((k) => ({ value: k, label: k }))} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="year" label="项目年度">
              <Select options={yearOptions()} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="status" label="项目状态">
              <Select options={PROJECT_STATUSES.map((k) => ({ value: k, label: k }))} />
            </Form.Item>
          </Col>
        </Row>
        <div style={{ fontWeight: 500, marginBottom: 6 }}>
          资金来源 <span className="ob-muted">（总投资 {yuan(total)} 元，为各来源之和）</span>
        </div>
        <Row gutter={12}>
          {FUND_SOURCES.map((s) => (
            <Col span={8} key={s}>
              <Form.Item name={['funds', s]} label={s} style={{ marginBottom: 10 }}>
                <MoneyInput width="100%" testId={`fund-${s}`} />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Form.Item name="inPark" valuePropName="checked" style={{ marginBottom: 8 }}>
          <Checkbox>落户“第一书记产业园”（收益按“飞地”政策由园区和所在村分配）</Checkbox>
        </Form.Item>
        <Form.Item name="notes" label="备注" style={{ marginBottom: 0 }}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </SaveDialog>
  );
}
