import { DeleteOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Col, DatePicker, Form, Input, Modal, Popconfirm, Radio, Row, Select, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { EVENT_KINDS, type Candidate, type EventDetail, type EventKind } from '../../../shared/events';
import { call, errorMessage } from '../api/client';
import { useCall } from '../api/useCall';
import { useAppState } from '../app/AppState';
import { useNotify } from '../util/notify';
import { localToday, servesAt, townshipOptions } from './options';

interface Head {
  townshipId?: number;
  kind: EventKind;
  title: string;
  date: Dayjs;
  place: string;
  notes: string;
}

/** One cadre's line in the form: listed as expected, 到 / 缺 / not yet marked, reason. */
interface Mark {
  included: boolean;
  present: boolean | null;
  reason: string;
}

/**
 * A five-must event: kind, title, date, place, and the township's cadres of that date, all
 * expected and present by default — the clerk marks the exceptions from the minutes.
 */
export function EventDialog(props: {
  open: boolean;
  eventId: number | null;
  defaultTownshipId?: number;
  onClose: () => void;
  onSaved: (e: EventDetail) => void;
  onRemoved: () => void;
}) {
  const { open, eventId, defaultTownshipId, onClose, onSaved, onRemoved } = props;
  const { org } = useAppState();
  const { notifyError, success } = useNotify();
  const [form] = Form.useForm<Head>();
  const [marks, setMarks] = useState<Map<number, Mark>>(new Map());
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const townshipId = Form.useWatch('townshipId', form);
  const date = Form.useWatch('date', form);
  const iso = dayjs.isDayjs(date) ? date.format('YYYY-MM-DD') : null;
  const future = iso !== null && iso > localToday();

  useEffect(() => {
    // Mounted afresh for each record (see EventsPage), so only a saved record needs loading.
    if (!open) return;
    if (eventId === null) {
      form.resetFields();
      form.setFieldsValue({ townshipId: defaultTownshipId, kind: '重要会议', title: '', date: dayjs(), place: '', notes: '' });
      return;
    }
    call('events.get', { id: eventId }).then(
      (e) => {
        form.setFieldsValue({ townshipId: e.townshipId, kind: e.kind, title: e.title, date: dayjs(e.date), place: e.place, notes: e.notes ?? '' });
        setMarks(new Map(e.expected.map((x) => [x.cadreId, { included: true, present: x.present, reason: x.absenceReason ?? '' }])));
      },
      (err: unknown) => setError(errorMessage(err)),
    );
  }, [open, eventId, defaultTownshipId, form]);

  const input = open && townshipId && iso ? { townshipId, date: iso, ...(eventId ? { eventId } : {}) } : null;
  const cand = useCall('events.candidates', input, JSON.stringify(input));
  const rows: Candidate[] = useMemo(() => cand.data?.cadres ?? [], [cand.data]);

  // Cadres without a stored mark: on a new event all are expected and present (the clerk marks
  // the exceptions); on a saved one, those not listed stay unlisted.
  const markOf = (id: number): Mark => marks.get(id) ?? { included: eventId === null, present: future ? null : true, reason: '' };

  const setMark = (id: number, patch: Partial<Mark>) => setMarks((prev) => new Map(prev).set(id, { ...markOf(id), ...prev.get(id), ...patch }));

  const save = async () => {
    let head: Head;
    try {
      head = await form.validateFields();
    } catch {
      return;
    }
    const expected = rows
      .filter((c) => markOf(c.cadreId).included)
      .map((c) => {
        const m = markOf(c.cadreId);
        return { cadreId: c.cadreId, present: future ? null : m.present, absenceReason: m.present === false ? m.reason : null };
      });
    setSaving(true);
    setError(null);
    try {
      const saved = await call('events.save', {
        ...(eventId ? { id: eventId } : {}),
        event: {
          townshipId: head.townshipId!,
          kind: head.kind,
          title: head.title,
          date: head.date.format('YYYY-MM-DD'),
          place: head.place ?? '',
          notes: head.notes || null,
        },
        expected,
      });
      success(eventId ? '已保存修改' : '已登记五必到事项');
      onSaved(saved);
    } catch (err) {
      setError(errorMessage(err));
      notifyError(err, '保存未完成');
    } finally {
      setSaving(false);
    }
  };

  const remove = async () => {
    if (!eventId) return;
    try {
      await call('events.remove', { id: eventId });
      success('已删除该事项');
      onRemoved();
    } catch (err) {
      notifyError(err, '删除未完成');
    }
  };

  const included = rows.filter((c) => markOf(c.cadreId).included).length;
  const absent = rows.filter((c) => markOf(c.cadreId).included && markOf(c.cadreId).present === false).length;

  return (
    <Modal
      title={eventId ? '五必到事项' : '登记五必到事项'}
      open={open}
      onCancel={onClose}
      width={900}
      style={{ top: 24 }}
      mask={{ closable: false }}
      destroyOnHidden
      footer={[
        eventId ? (
          <Popconfirm key="del" title="删除该事项及其到会记录？" okText="删除" cancelText="取消" onConfirm={remove}>
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
      <Form form={form} layout="vertical" requiredMark={false} data-testid="event-form">
        <Row gutter={12}>
          <Col span={6}>
            <Form.Item name="townshipId" label="乡镇" rules={[{ required: true, message: '请选择乡镇' }]} style={{ marginBottom: 10 }}>
              <Select options={townshipOptions(org)} placeholder="选择乡镇" showSearch={{ optionFilterProp: 'label' }} />
            </Form.Item>
          </Col>
          <Col span={5}>
            <Form.Item name="kind" label="类别" rules={[{ required: true, message: '请选择类别' }]} style={{ marginBottom: 10 }}>
              <Select options={EVENT_KINDS.map((k) => ({ value: k, label: k }))} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="title" label="事项名称" rules={[{ required: true, whitespace: true, message: '请填写事项名称' }, { max: 100, message: '事项名称不能超过100个字' }]} style={{ marginBottom: 10 }}>
              <Input placeholder="如：防汛工作部署会" />
            </Form.Item>
          </Col>
          <Col span={5}>
            <Form.Item name="date" label="日期" rules={[{ required: true, message: '请选择日期' }]} style={{ marginBottom: 10 }}>
              <DatePicker style={{ width: '100%' }} allowClear={false} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={10}>
            <Form.Item name="place" label="地点" rules={[{ max: 100, message: '地点不能超过100个字' }]} style={{ marginBottom: 10 }}>
              <Input placeholder="如：镇政府三楼会议室" />
            </Form.Item>
          </Col>
          <Col span={14}>
            <Form.Item name="notes" label="备注" rules={[{ max: 2000, message: '备注不能超过2000个字' }]} style={{ marginBottom: 10 }}>
              <Input placeholder="可填会议纪要文号等" />
            </Form.Item>
          </Col>
        </Row>
      </Form>

      <div style={{ display: 'flex', alignItems: 'baseline', gap: 12, margin: '2px 0 6px' }}>
        <strong>应到干部</strong>
        <span className="ob-muted" data-testid="event-tally">
          应到 {included} 人{future ? '（事项尚未发生，届时再标记到会情况）' : `，缺席 ${absent} 人`}
        </span>
      </div>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} />}
      {cand.error && <Alert type="error" showIcon title={cand.error} style={{ marginBottom: 8 }} />}
      <Table<Candidate>
        size="small"
        rowKey="cadreId"
        dataSource={rows}
        loading={cand.loading}
        pagination={false}
        scroll={{ y: 300 }}
        locale={{ emptyText: townshipId ? '该乡镇在这一天没有任职的选派干部' : '请先选择乡镇和日期' }}
        data-testid="event-cadres"
        columns={[
          {
            title: '应到',
            width: 56,
            align: 'center',
            render: (_, c) => (
              <Checkbox
                aria-label={`${c.name}应到`}
                checked={markOf(c.cadreId).included}
                onChange={(e) => setMark(c.cadreId, { included: e.target.checked })}
              />
            ),
          },
          { title: '姓名', dataIndex: 'name', width: 84 },
          { title: '任职', width: 110, ellipsis: true, render: (_, c) => servesAt(c.village) },
          {
            title: '到会',
            width: 120,
            render: (_, c) => {
              const m = markOf(c.cadreId);
              if (future) return <span className="ob-muted">未发生</span>;
              return (
                <Radio.Group
                  size="small"
                  optionType="button"
                  buttonStyle="solid"
                  disabled={!m?.included}
                  value={m?.present === null || m?.present === undefined ? undefined : m.present ? 'y' : 'n'}
                  onChange={(e) => setMark(c.cadreId, { present: e.target.value === 'y' })}
                  options={[
                    { value: 'y', label: '到' },
                    { value: 'n', label: '缺' },
                  ]}
                  aria-label={`${c.name}到会情况`}
                />
              );
            },
          },
          {
            title: '缺席原因',
            render: (_, c) => {
              const m = markOf(c.cadreId);
              if (!m?.included || m.present !== false) return null;
              return (
                <Input
                  size="small"
                  value={m.reason}
                  maxLength={200}
                  placeholder="必填，如：外出未请假"
                  aria-label={`${c.name}缺席原因`}
                  status={m.reason.trim() ? undefined : 'warning'}
                  onChange={(e) => setMark(c.cadreId, { reason: e.target.value })}
                />
              );
            },
          },
          {
            title: '本年缺席',
            width: 84,
            align: 'right',
            render: (_, c) => {
              const m = markOf(c.cadreId);
              const n = c.eventAbsences + (m?.included && m.present === false ? 1 : 0);
              return n > 0 ? <span style={{ color: '#b91c1c' }}>{n} 次</span> : <span className="ob-muted">0</span>;
            },
          },
        ]}
      />
    </Modal>
  );
}
