/** County attendance settings and the holiday calendar (data the clerk corrects, not code). */
import { DeleteOutlined } from '@ant-design/icons';
import { Alert, Button, Divider, Drawer, Form, Input, InputNumber, Select, Switch, Table } from 'antd';
import { DatePicker } from '../common/DatePicker';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { AttendanceSettings, HolidayEntry, HolidayKind } from '../../../shared/attendance';
import { call, errorMessage } from '../api/client';
import { useCall } from '../api/useCall';
import { ReadOnlyHint } from '../common/useReadOnly';
import { useNotify } from '../util/notify';
import { dateLabel } from '../../../shared/dates';
import { settle } from '../util/settle';

export function SettingsDrawer({
  open,
  readOnly = false,
  countyId,
  countyName,
  year,
  onClose,
  onChanged,
}: {
  open: boolean;
  /** Review copy: the county's settings are shown, not editable (holidays are this machine's own). */
  readOnly?: boolean;
  countyId: number;
  countyName: string;
  year: number;
  onClose: () => void;
  onChanged: () => void;
}) {
  const { success } = useNotify();
  const [tick, setTick] = useState(0);
  // The rules in force for the year shown (versioned per year: 规则设置); saving adds a version for that year.
  const rules = useCall('rules.get', open ? { countyId, year } : null, `${open}|${countyId}|${year}|${tick}`);
  const s = { data: rules.data?.settings };
  const hol = useCall('attendance.holidays.list', open ? { year } : null, `${open}|${year}|${tick}`);
  // Unsaved edits; null shows what is stored.
  const [edited, setDraft] = useState<AttendanceSettings | null>(null);
  const draft = edited ?? s.data ?? null;
  const [error, setError] = useState<string | null>(null);
  const [hDate, setHDate] = useState<Dayjs | null>(null);
  const [hKind, setHKind] = useState<HolidayKind>('holiday');
  const [hName, setHName] = useState('');
  const [hError, setHError] = useState<string | null>(null);

  const save = async () => {
    if (!draft) return;
    setError(null);
    try {
      const { gongchuCountsOnPost, monthlyMinimum, leaveTownshipMaxDays } = draft;
      await call('rules.set', { countyId, year, patch: { gongchuCountsOnPost, monthlyMinimum, leaveTownshipMaxDays } });
      success('考勤设置已保存');
      setDraft(null);
      setTick((t) => t + 1);
      onChanged();
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  const holidayOp = async (fn: () => Promise<unknown>) => {
    setHError(null);
    try {
      await fn();
      setTick((t) => t + 1);
      onChanged();
    } catch (err) {
      setHError(errorMessage(err));
    }
  };

  return (
    <Drawer title={`${countyName}考勤设置`} open={open} onClose={onClose} size={600} destroyOnHidden>
      {draft && (
        <Form layout="horizontal" labelCol={{ span: 9 }} disabled={readOnly}>
          <Form.Item label="公出计入在岗天数" htmlFor="att-gongchu">
            <Switch checked={draft.gongchuCountsOnPost} onChange={(v) => setDraft({ ...draft, gongchuCountsOnPost: v })} id="att-gongchu" />
          </Form.Item>
          <Form.Item label="每月最少在岗天数" htmlFor="att-minimum">
            <InputNumber
              min={1}
              max={31}
              value={draft.monthlyMinimum}
              onChange={(v) => setDraft({ ...draft, monthlyMinimum: Number(v) })}
              id="att-minimum"
            />
          </Form.Item>
          <Form.Item label="乡镇审批天数上限" htmlFor="att-leave-max" extra="请假不超过此天数由乡镇党委审批，超过由县委组织部审批">
            <InputNumber
              min={0.5}
              max={60}
              step={0.5}
              value={draft.leaveTownshipMaxDays}
              onChange={(v) => setDraft({ ...draft, leaveTownshipMaxDays: Number(v) })}
              id="att-leave-max"
            />
          </Form.Item>
          <div className="ob-muted" style={{ marginBottom: 8 }}>
            保存为{year}年起施行的规则。认定期限、督查限制、休息日、报告期限等见左侧“规则设置”。
          </div>
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} />}
          <ReadOnlyHint readOnly={readOnly}>
            <Button type="primary" onClick={settle(save)}>
              保存设置
            </Button>
          </ReadOnlyHint>
        </Form>
      )}
      <Divider titlePlacement="start">{year}年节假日及调休</Divider>
      <div style={{ display: 'flex', gap: 6, marginBottom: 8 }}>
        <DatePicker value={hDate} onChange={setHDate} aria-label="节假日日期" style={{ width: 140 }} />
        <Select
          value={hKind}
          onChange={setHKind}
          style={{ width: 110 }}
          options={[
            { value: 'holiday', label: '放假' },
            { value: 'workday', label: '调休上班' },
          ]}
        />
        <Input
          value={hName}
          onChange={(e) => setHName(e.target.value)}
          placeholder="节日名称，如 国庆节"
          maxLength={20}
          style={{ flex: 1 }}
          aria-label="节日名称"
        />
        <Button
          onClick={settle(() =>
            holidayOp(async () => {
              if (!hDate) throw new Error('请选择日期');
              await call('attendance.holidays.set', { date: hDate.format('YYYY-MM-DD'), kind: hKind, name: hName });
              setHName('');
            }),
          )}
        >
          添加 / 修改
        </Button>
      </div>
      {hError && <Alert type="error" showIcon title={hError.replace(/^操作失败：/, '')} style={{ marginBottom: 8 }} />}
      <Table<HolidayEntry>
        size="small"
        rowKey="date"
        dataSource={hol.data ?? []}
        loading={hol.loading}
        pagination={false}
        scroll={{ y: 320 }}
        columns={[
          { title: '日期', dataIndex: 'date', width: 130, render: (d: string) => dateLabel(d) },
          { title: '安排', dataIndex: 'kind', width: 90, render: (k: HolidayKind) => (k === 'holiday' ? '放假' : '调休上班') },
          { title: '节日', dataIndex: 'name' },
          {
            title: '',
            key: 'del',
            width: 50,
            render: (_: unknown, h) => (
              <Button
                size="small"
                type="text"
                icon={<DeleteOutlined />}
                aria-label={`删除${h.date}`}
                onClick={settle(() => holidayOp(() => call('attendance.holidays.delete', { date: h.date })))}
              />
            ),
          },
        ]}
      />
    </Drawer>
  );
}
