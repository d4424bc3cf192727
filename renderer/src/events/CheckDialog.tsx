import { Col, Form, Input, Row, Select, Tag, Tooltip } from 'antd';
import { DatePicker } from '../common/DatePicker';
import { today } from '../app/today';
import dayjs, { type Dayjs } from 'dayjs';
import {
  CHECK_KINDS,
  CHECK_KIND_LEVEL,
  CHECK_LEVELS,
  defaultLevelOf,
  type CheckDetail,
  type CheckKind,
  type CheckLevel,
} from '../../../shared/events';
import { capFromCheckAbsences, capLabel } from '../../../shared/grades';
import { call } from '../api/client';
import { useTownshipReadOnly } from '../common/useReadOnly';
import { useAppState } from '../app/AppState';
import { PresenceTable } from '../common/PresenceTable';
import { RecordDialog, useRecordEditor, useRecordLoad } from '../common/RecordDialog';
import { absencesWith, usePresenceMarks } from '../common/usePresenceMarks';
import { TownshipFormItem, useCandidates } from './fields';
import { servesAt } from './options';

interface Head {
  townshipId?: number;
  kind: CheckKind;
  level: CheckLevel;
  date: Dayjs;
  checker: string;
  findings: string;
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
  const [form] = Form.useForm<Head>();
  const townshipId = Form.useWatch('townshipId', form);
  // A saved record of an imported county opens for reading only.
  const readOnly = useTownshipReadOnly(townshipId);
  const kind = Form.useWatch('kind', form);
  const cand = useCandidates(open, townshipId, Form.useWatch('date', form), checkId ? { checkId } : {});
  // New check: everyone checked and on post by default; saved check: the unlisted stay unlisted.
  const marks = usePresenceMarks({ included: checkId === null, present: true, reason: '' });

  const editor = useRecordEditor<Head, CheckDetail>({
    id: checkId,
    form,
    save: (head) =>
      call('checks.save', {
        ...(checkId ? { id: checkId } : {}),
        check: {
          townshipId: head.townshipId!,
          level: head.level,
          kind: head.kind,
          date: head.date.format('YYYY-MM-DD'),
          checker: head.checker,
          findings: head.findings || null,
        },
        results: marks.listed(cand.rows).map(({ person, mark }) => ({
          cadreId: person.cadreId,
          onPost: mark.present !== false,
          reason: mark.reason.trim() || null,
        })),
      }),
    remove: (id) => call('checks.remove', { id }),
    createdText: '已登记督查记录',
    removedText: '已删除该督查记录',
    onSaved,
    onRemoved,
  });
  useRecordLoad(open, checkId, form, {
    fresh: () => ({ townshipId: defaultTownshipId, kind: '县级抽查', level: '县级', date: dayjs(today()), checker: '', findings: '' }),
    saved: async (id) => {
      const k = await call('checks.get', { id });
      marks.load(k.results.map((r) => [r.cadreId, { included: true, present: r.onPost, reason: r.reason ?? '' }]));
      return {
        townshipId: k.townshipId,
        kind: k.kind,
        level: k.level,
        date: dayjs(k.date),
        checker: k.checker,
        findings: k.findings ?? '',
      };
    },
    failed: editor.setError,
  });

  const { thresholds } = cand;
  const fixedLevel = kind ? CHECK_KIND_LEVEL[kind as CheckKind] : null;
  const tally = marks.tally(cand.rows);

  return (
    <RecordDialog
      title={checkId ? '督查记录' : '登记督查'}
      open={open}
      width={940}
      onClose={onClose}
      editor={editor}
      removeConfirm="删除该督查记录？"
      readOnly={readOnly}
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
            <TownshipFormItem org={org} />
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
              <DatePicker style={{ width: '100%' }} allowClear={false} disabledDate={(d) => d.isAfter(dayjs(today()), 'day')} />
            </Form.Item>
          </Col>
          <Col span={5}>
            <Form.Item
              name="checker"
              label="督查人 / 督查组"
              rules={[
                { required: true, whitespace: true, message: '请填写督查人或督查组' },
                { max: 100, message: '督查人不能超过100个字' },
              ]}
              style={{ marginBottom: 10 }}
            >
              <Input placeholder="如：县委组织部督查组" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="findings"
          label="督查发现"
          rules={[{ max: 2000, message: '督查发现不能超过2000个字' }]}
          style={{ marginBottom: 10 }}
        >
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} placeholder="按督查报告摘录" />
        </Form.Item>
      </Form>

      <PresenceTable
        heading="被督查干部"
        tally={`督查 ${tally.listed} 人，不在岗 ${tally.absent} 人`}
        tallyTestId="check-tally"
        aside={
          thresholds &&
          `本县规定：不在岗${thresholds.noExcellentAt}次不得评优，${thresholds.maxBasicAt}次最高基本称职，${thresholds.incompetentAt}次评为不称职`
        }
        errors={[editor.error, cand.error]}
        rows={cand.rows}
        marks={marks}
        loading={cand.loading}
        emptyText={cand.emptyText}
        testId="check-cadres"
        scrollY={280}
        servesAt={(c) => servesAt(c.village)}
        include={{ title: '督查', aria: (name) => `督查${name}` }}
        presence={{ title: '是否在岗', width: 136, present: '在岗', absent: '不在岗', aria: (name) => `${name}是否在岗` }}
        reason={{ title: '原因', aria: (name) => `${name}原因`, placeholder: '必填，如：回县城办事未请假', whenPresent: true }}
        count={{ title: '本年不在岗', width: 92, prior: (c) => c.checkAbsences }}
        extraColumns={[
          {
            title: '评定上限',
            width: 112,
            render: (_, c) => {
              if (!thresholds) return null;
              const cap = capFromCheckAbsences(absencesWith(c.checkAbsences, marks.markOf(c.cadreId)), thresholds);
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
    </RecordDialog>
  );
}
