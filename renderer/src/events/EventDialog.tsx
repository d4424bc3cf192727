import { Col, Form, Input, Row, Select } from 'antd';
import { DatePicker } from '../common/DatePicker';
import dayjs, { type Dayjs } from 'dayjs';
import { EVENT_KINDS, type EventDetail, type EventKind } from '../../../shared/events';
import { call } from '../api/client';
import { useAppState } from '../app/AppState';
import { PresenceTable } from '../common/PresenceTable';
import { RecordDialog, useRecordEditor, useRecordLoad } from '../common/RecordDialog';
import { usePresenceMarks } from '../common/usePresenceMarks';
import { useTownshipReadOnly } from '../common/useReadOnly';
import { TownshipFormItem, useCandidates } from './fields';
import { servesAt } from './options';
import { today } from '../app/today';

interface Head {
  townshipId?: number;
  kind: EventKind;
  title: string;
  date: Dayjs;
  place: string;
  notes: string;
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
  const [form] = Form.useForm<Head>();
  const townshipId = Form.useWatch('townshipId', form);
  // A saved record of an imported county opens for reading only.
  const readOnly = useTownshipReadOnly(townshipId);
  const cand = useCandidates(open, townshipId, Form.useWatch('date', form), eventId ? { eventId } : {});
  const future = cand.iso !== null && cand.iso > today();
  // Cadres without a stored mark: on a new event all are expected and present (the clerk marks
  // the exceptions); on a saved one, those not listed stay unlisted.
  const marks = usePresenceMarks({ included: eventId === null, present: future ? null : true, reason: '' });

  const editor = useRecordEditor<Head, EventDetail>({
    id: eventId,
    form,
    save: (head) =>
      call('events.save', {
        ...(eventId ? { id: eventId } : {}),
        event: {
          townshipId: head.townshipId!,
          kind: head.kind,
          title: head.title,
          date: head.date.format('YYYY-MM-DD'),
          place: head.place ?? '',
          notes: head.notes || null,
        },
        expected: marks.listed(cand.rows).map(({ person, mark }) => ({
          cadreId: person.cadreId,
          present: future ? null : mark.present,
          absenceReason: mark.present === false ? mark.reason : null,
        })),
      }),
    remove: (id) => call('events.remove', { id }),
    createdText: '已登记五必到事项',
    removedText: '已删除该事项',
    onSaved,
    onRemoved,
  });
  useRecordLoad(open, eventId, form, {
    fresh: () => ({ townshipId: defaultTownshipId, kind: '重要会议', title: '', date: dayjs(today()), place: '', notes: '' }),
    saved: async (id) => {
      const e = await call('events.get', { id });
      marks.load(e.expected.map((x) => [x.cadreId, { included: true, present: x.present, reason: x.absenceReason ?? '' }]));
      return { townshipId: e.townshipId, kind: e.kind, title: e.title, date: dayjs(e.date), place: e.place, notes: e.notes ?? '' };
    },
    failed: editor.setError,
  });

  const tally = marks.tally(cand.rows);

  return (
    <RecordDialog
      title={eventId ? '五必到事项' : '登记五必到事项'}
      open={open}
      width={900}
      onClose={onClose}
      editor={editor}
      removeConfirm="删除该事项及其到会记录？"
      readOnly={readOnly}
    >
      <Form form={form} layout="vertical" requiredMark={false} data-testid="event-form">
        <Row gutter={12}>
          <Col span={6}>
            <TownshipFormItem org={org} />
          </Col>
          <Col span={5}>
            <Form.Item name="kind" label="类别" rules={[{ required: true, message: '请选择类别' }]} style={{ marginBottom: 10 }}>
              <Select options={EVENT_KINDS.map((k) => ({ value: k, label: k }))} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="title"
              label="事项名称"
              rules={[
                { required: true, whitespace: true, message: '请填写事项名称' },
                { max: 100, message: '事项名称不能超过100个字' },
              ]}
              style={{ marginBottom: 10 }}
            >
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

      <PresenceTable
        heading="应到干部"
        tally={`应到 ${tally.listed} 人${future ? '（事项尚未发生，届时再标记到会情况）' : `，缺席 ${tally.absent} 人`}`}
        tallyTestId="event-tally"
        errors={[editor.error, cand.error]}
        rows={cand.rows}
        marks={marks}
        loading={cand.loading}
        emptyText={cand.emptyText}
        testId="event-cadres"
        scrollY={300}
        servesAt={(c) => servesAt(c.village)}
        include={{ title: '应到', aria: (name) => `${name}应到` }}
        presence={{
          title: '到会',
          width: 120,
          present: '到',
          absent: '缺',
          aria: (name) => `${name}到会情况`,
          pending: future ? <span className="ob-muted">未发生</span> : undefined,
        }}
        reason={{ title: '缺席原因', aria: (name) => `${name}缺席原因`, placeholder: '必填，如：外出未请假', whenPresent: false }}
        count={{ title: '本年缺席', width: 84, prior: (c) => c.eventAbsences }}
      />
    </RecordDialog>
  );
}
