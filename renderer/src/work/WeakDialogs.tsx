/** 登记节点 (date, description, evidence files) and 记录处理 (约谈 / 召回调换 on record). */
import { Alert, Form, Input, Select } from 'antd';
import { DatePicker } from '../common/DatePicker';
import { today } from '../app/today';
import { dateLabel } from '../../../shared/dates';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import {
  MILESTONE_RULE,
  WEAK_ACTIONS,
  type MilestoneEvaluation,
  type MilestoneKind,
  type WeakAction,
  type WeakVillage,
} from '../../../shared/weakVillages';
import { call, stageFile } from '../api/client';
import { useDialogSave } from '../common/useDialogSave';
import { SaveDialog } from '../common/SaveDialog';

/** What each dialog on a weak village's record is given: the village, and it answers with the village as saved. */
export interface WeakVillageDialogProps {
  village: WeakVillage;
  onClose: () => void;
  onSaved: (w: WeakVillage) => void;
}

export function MilestoneDialog({ village, kind, onClose, onSaved }: WeakVillageDialogProps & { kind: MilestoneKind | null }) {
  const existing = village.milestones.find((m) => m.kind === kind);
  const [date, setDate] = useState<Dayjs | null>(null);
  const [description, setDescription] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const { saving, error, setError, runSave } = useDialogSave();
  useEffect(() => {
    setDate(existing ? dayjs(existing.date) : dayjs(today()));
    setDescription(existing?.description ?? '');
    setFiles([]);
    setError(null);
  }, [kind, existing, setError]);

  const submit = async () => {
    if (!kind) return;
    if (!date) return setError('请选择日期');
    await runSave(async () => {
      const tokens: string[] = [];
      for (const f of files) tokens.push((await stageFile(f, 'attachment')).token);
      onSaved(
        await call('work.weak.setMilestone', {
          villageId: village.villageId,
          kind,
          date: date.format('YYYY-MM-DD'),
          description,
          evidenceTokens: tokens,
        }),
      );
    });
  };

  return (
    <SaveDialog
      title={`${village.village} — ${kind ?? ''}`}
      open={kind !== null}
      onClose={onClose}
      onSave={submit}
      okText="保存"
      saving={saving}
    >
      {kind && (
        <p className="ob-muted" style={{ marginTop: 0 }}>
          要求：{MILESTONE_RULE[kind]}（自包扶干部任职开始计算）。
        </p>
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form layout="vertical">
        <Form.Item label={kind === '摘帽' ? '摘帽日期' : '形成日期'} required>
          <DatePicker value={date} onChange={setDate} disabledDate={(d) => d.isAfter(dayjs(today()), 'day')} />
        </Form.Item>
        <Form.Item label="情况说明" required>
          <Input.TextArea
            rows={3}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            maxLength={1000}
            placeholder="如：村两委会议研究确定发展食用菌产业"
          />
        </Form.Item>
        <Form.Item label="佐证材料（会议记录、批复文件等扫描件，可多选）" style={{ marginBottom: 0 }}>
          <input type="file" multiple onChange={(e) => setFiles(Array.from(e.target.files ?? []))} />
          {existing && existing.evidence.length > 0 && (
            <div className="ob-muted">已有 {existing.evidence.length} 个文件，新选择的文件将追加。</div>
          )}
        </Form.Item>
      </Form>
    </SaveDialog>
  );
}

export interface ActionTarget {
  cadreId: number;
  name: string;
  m: MilestoneEvaluation;
}

export function ActionDialog({ village, target, onClose, onSaved }: WeakVillageDialogProps & { target: ActionTarget | null }) {
  const [action, setAction] = useState<WeakAction>('约谈');
  const [date, setDate] = useState<Dayjs | null>(dayjs(today()));
  const [by, setBy] = useState('县委组织部');
  const [notes, setNotes] = useState('');
  const { saving, error, setError, runSave } = useDialogSave();
  useEffect(() => {
    if (!target) return;
    setAction(target.m.requiredAction ?? '约谈');
    setDate(dayjs(today()));
    setNotes('');
    setError(null);
  }, [target, setError]);

  const submit = async () => {
    if (!target) return;
    if (!date) return setError('请选择处理日期');
    await runSave(async () => {
      onSaved(
        await call('work.weak.recordAction', {
          villageId: village.villageId,
          cadreId: target.cadreId,
          milestone: target.m.kind,
          action,
          date: date.format('YYYY-MM-DD'),
          by,
          notes: notes || null,
        }),
      );
    });
  };

  return (
    <SaveDialog
      title={`记录处理 — ${target?.name ?? ''}`}
      open={target !== null}
      onClose={onClose}
      onSave={submit}
      okText="记录在案"
      saving={saving}
    >
      {target && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`${target.name}包扶的${village.village}未能${MILESTONE_RULE[target.m.kind]}（期限${dateLabel(target.m.dueDate)}），按规定应予${target.m.requiredAction}。`}
        />
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form layout="vertical">
        <Form.Item label="处理方式" required>
          <Select value={action} onChange={setAction} options={WEAK_ACTIONS.map((a) => ({ value: a, label: a }))} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item label="处理日期" required>
          <DatePicker value={date} onChange={setDate} disabledDate={(d) => d.isAfter(dayjs(today()), 'day')} />
        </Form.Item>
        <Form.Item label="处理单位或人员" required>
          <Input value={by} onChange={(e) => setBy(e.target.value)} maxLength={100} />
        </Form.Item>
        <Form.Item label="处理情况" style={{ marginBottom: 0 }}>
          <Input.TextArea rows={3} value={notes} onChange={(e) => setNotes(e.target.value)} maxLength={2000} />
        </Form.Item>
      </Form>
    </SaveDialog>
  );
}
