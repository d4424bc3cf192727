import { DeleteOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Col, DatePicker, Form, Input, Modal, Popconfirm, Radio, Row, Select, Table, Tag, Tooltip } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import {
  CHECK_KINDS,
  CHECK_KIND_LEVEL,
  CHECK_LEVELS,
  capFromCheckAbsences,
  capLabel,
  defaultLevelOf,
  type Candidate,
  type CheckDetail,
  type CheckKind,
  type CheckLevel,
} from '../../../shared/events';
import { call, errorMessage } from '../api/client';
import { useCall } from '../api/useCall';
import { useAppState } from '../app/AppState';
import { useNotify } from '../util/notify';
import { servesAt, townshipOptions } from './options';

interface Head {
  townshipId?: number;
  kind: CheckKind;
  level: CheckLevel;
  date: Dayjs;
  checker: string;
  findings: string;
}

interface Mark {
  included: boolean;
  onPost: boolean;
  reason: string;
}

const CAP_COLORS: Record<string, string> = { 不限: 'default', 不得评优: 'gold', 最高基本称职: 'orange', 不称职: 'red' };

/**
 * A check from an inspection report: level, kind, date, checker, findings, and each cadre
 * checked found on post or not. Shows, per cadre, the year's count with this check and the
 * grade cap it implies under the county's thresholds.
 */
export function CheckDialog(props: {
  open: boolean;
  checkId: number | null;
  defaultTownshipId?: number;
  onClose: () => void;
  onSaved: (k: CheckDetail) => void;
  onRemoved: () => void;
}) {
  const { open, checkId, defaultTownshipId, onClose, onSaved, onRemoved } = props;
  const { org } = useAppState();
  const { notifyError, success } = useNotify();
  const [form] = Form.useForm<Head>();
  const [marks, setMarks] = useState<Map<number, Mark>>(new Map());
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const townshipId = Form.useWatch('townshipId', form);
  const date = Form.useWatch('date', form);
  const kind = Form.useWatch('kind', form);
  const iso = dayjs.isDayjs(date) ? date.format('YYYY-MM-DD') : null;

  useEffect(() => {
    // Mounted afresh for each record (see EventsPage), so only a saved record needs loading.
    if (!open) return;
    if (checkId === null) {
      form.resetFields();
      form.setFieldsValue({ townshipId: defaultTownshipId, kind: '县级抽查', level: '县级', date: dayjs(), checker: '', findings: '' });
      return;
    }
    call('checks.get', { id: checkId }).then(
      (k) => {
        form.setFieldsValue({ townshipId: k.townshipId, kind: k.kind, level: k.level, date: dayjs(k.date), checker: k.checker, findings: k.findings ?? '' });
        setMarks(new Map(k.results.map((r) => [r.cadreId, { included: true, onPost: r.onPost, reason: r.reason ?? '' }])));
      },
      (err: unknown) => setError(errorMessage(err)),
    );
  }, [open, checkId, defaultTownshipId, form]);

  const input = open && townshipId && iso ? { townshipId, date: iso, ...(checkId ? { checkId } : {}) } : null;
  const cand = useCall('events.candidates', input, JSON.stringify(input));
  const rows: Candidate[] = useMemo(() => cand.data?.cadres ?? [], [cand.data]);

  // New check: everyone checked and on post by default; saved check: the unlisted stay unlisted.
  const markOf = (id: number): Mark => marks.get(id) ?? { included: checkId === null, onPost: true, reason: '' };

  const setMark = (id: number, patch: Partial<Mark>) => setMarks((prev) => new Map(prev).set(id, { ...markOf(id), ...prev.get(id), ...patch }));

  const save = async () => {
    let head: Head;
    try {
      head = await form.validateFields();
    } catch {
      return;
    }
    const results = rows
      .filter((c) => markOf(c.cadreId).included)
      .map((c) => {
        const m = markOf(c.cadreId);
        return { cadreId: c.cadreId, onPost: m.onPost, reason: m.reason.trim() || null };
      });
    setSaving(true);
    setError(null);
    try {
      const saved = await call('checks.save', {
        ...(checkId ? { id: checkId } : {}),
        check: {
          townshipId: head.townshipId!,
          level: head.level,
          kind: head.kind,
          date: head.date.format('YYYY-MM-DD'),
          checker: head.checker,
          findings: head.findings || null,
        },
        results,
      });
      success(checkId ? '已保存修改' : '已登记督查记录');
      onSaved(saved);
    } catch (err) {
      setError(errorMessage(err));
      notifyError(err, '保存未完成');
    } finally {
      setSaving(false);
    }
  };

  const remove = async () => {
    if (!checkId) return;
    try {
      await call('checks.remove', { id: checkId });
      success('已删除该督查记录');
      onRemoved();
    } catch (err) {
      notifyError(err, '删除未完成');
    }
  };

  const thresholds = cand.data?.thresholds;
  const fixedLevel = kind ? CHECK_KIND_LEVEL[kind as CheckKind] : null;
  const checked = rows.filter((c) => markOf(c.cadreId).included).length;
  const off = rows.filter((c) => markOf(c.cadreId).included && markOf(c.cadreId).onPost === false).length;

  return (
    <Modal
      title={checkId ? '督查记录' : '登记督查'}
      open={open}
      onCancel={onClose}
      width={940}
      style={{ top: 24 }}
      mask={{ closable: false }}
      destroyOnHidden
      footer={[
        checkId ? (
          <Popconfirm key="del" title="删除该督查记录？" okText="删除" cancelText="取消" onConfirm={remove}>
            <Button danger icon={<DeleteOutlined />} style={{ float: 'left' }}>
              删除
            </Button>
          </Popconfirm>
        ) : null,
        <Button key="cancel" onClick={onClose}>
          取消
        </Button>,
        <Button key="ok" type="primary" loading={saving} onClick={save}>
          保存
        </Button>,
      ]}
    >
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        data-testid="check-form"
        onValuesChange={(changed: Partial<Head>) => {
          if (changed.kind) form.setFieldValue('level', defaultLevelOf(changed.kind));
        }}
      >
        <Row gutter={12}>
          <Col span={6}>
            <Form.Item name="townshipId" label="乡镇" rules={[{ required: true, message: '请选择乡镇' }]} style={{ marginBottom: 10 }}>
              <Select options={townshipOptions(org)} placeholder="选择乡镇" showSearch={{ optionFilterProp: 'label' }} />
            </Form.Item>
          </Col>
          <Col span={5}>
            <Form.Item name="kind" label="督查方式" rules={[{ required: true, message: '请选择督查方式' }]} style={{ marginBottom: 10 }}>
              <Select options={CHECK_KINDS.map((k) => ({ value: k, label: k }))} />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item name="level" label="层级" rules={[{ required: true, message: '请选择层级' }]} style={{ marginBottom: 10 }}>
              <Select disabled={fixedLevel !== null} options={CHECK_LEVELS.map((l) => ({ value: l, label: l }))} />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item name="date" label="督查日期" rules={[{ required: true, message: '请选择日期' }]} style={{ marginBottom: 10 }}>
              <DatePicker style={{ width: '100%' }} allowClear={false} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
            </Form.Item>
          </Col>
          <Col span={5}>
            <Form.Item name="checker" label="督查人 / 督查组" rules={[{ required: true, whitespace: true, message: '请填写督查人或督查组' }, { max: 100, message: '督查人不能超过100个字' }]} style={{ marginBottom: 10 }}>
              <Input placeholder="如：县委组织部督查组" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="findings" label="督查发现" rules={[{ max: 2000, message: '督查发现不能超过2000个字' }]} style={{ marginBottom: 10 }}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} placeholder="按督查报告摘录" />
        </Form.Item>
      </Form>

      <div style={{ display: 'flex', alignItems: 'baseline', gap: 12, margin: '2px 0 6px' }}>
        <strong>被督查干部</strong>
        <span className="ob-muted" data-testid="check-tally">
          督查 {checked} 人，不在岗 {off} 人
        </span>
        {thresholds && (
          <span className="ob-muted" style={{ marginLeft: 'auto', fontSize: 12 }}>
            本县规定：不在岗{thresholds.noExcellentAt}次不得评优，{thresholds.maxBasicAt}次最高基本称职，{thresholds.incompetentAt}次评为不称职
          </span>
        )}
      </div>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} />}
      {cand.error && <Alert type="error" showIcon title={cand.error} style={{ marginBottom: 8 }} />}
      <Table<Candidate>
        size="small"
        rowKey="cadreId"
        dataSource={rows}
        loading={cand.loading}
        pagination={false}
        scroll={{ y: 280 }}
        locale={{ emptyText: townshipId ? '该乡镇在这一天没有任职的选派干部' : '请先选择乡镇和日期' }}
        data-testid="check-cadres"
        columns={[
          {
            title: '督查',
            width: 56,
            align: 'center',
            render: (_, c) => (
              <Checkbox aria-label={`督查${c.name}`} checked={markOf(c.cadreId).included} onChange={(e) => setMark(c.cadreId, { included: e.target.checked })} />
            ),
          },
          { title: '姓名', dataIndex: 'name', width: 84 },
          { title: '任职', width: 104, ellipsis: true, render: (_, c) => servesAt(c.village) },
          {
            title: '是否在岗',
            width: 136,
            render: (_, c) => {
              const m = markOf(c.cadreId);
              return (
                <Radio.Group
                  size="small"
                  optionType="button"
                  buttonStyle="solid"
                  disabled={!m?.included}
                  value={m?.onPost === false ? 'n' : 'y'}
                  onChange={(e) => setMark(c.cadreId, { onPost: e.target.value === 'y' })}
                  options={[
                    { value: 'y', label: '在岗' },
                    { value: 'n', label: '不在岗' },
                  ]}
                  aria-label={`${c.name}是否在岗`}
                />
              );
            },
          },
          {
            title: '原因',
            render: (_, c) => {
              const m = markOf(c.cadreId);
              if (!m?.included) return null;
              return (
                <Input
                  size="small"
                  value={m.reason}
                  maxLength={200}
                  placeholder={m.onPost ? '' : '必填，如：回县城办事未请假'}
                  aria-label={`${c.name}原因`}
                  status={!m.onPost && !m.reason.trim() ? 'warning' : undefined}
                  onChange={(e) => setMark(c.cadreId, { reason: e.target.value })}
                />
              );
            },
          },
          {
            title: '本年不在岗',
            width: 92,
            align: 'right',
            render: (_, c) => {
              const m = markOf(c.cadreId);
              const n = c.checkAbsences + (m?.included && !m.onPost ? 1 : 0);
              return n > 0 ? <span style={{ color: '#b91c1c' }}>{n} 次</span> : <span className="ob-muted">0</span>;
            },
          },
          {
            title: '评定上限',
            width: 112,
            render: (_, c) => {
              if (!thresholds) return null;
              const m = markOf(c.cadreId);
              const cap = capFromCheckAbsences(c.checkAbsences + (m?.included && !m.onPost ? 1 : 0), thresholds);
              const label = capLabel(cap);
              return (
                <Tooltip title={cap.reason}>
                  <Tag color={CAP_COLORS[label]} data-testid={`cap-${c.cadreId}`}>
                    {label}
                  </Tag>
                </Tooltip>
              );
            },
          },
        ]}
      />
    </Modal>
  );
}
