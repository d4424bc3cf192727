/** 请假登记: the month's leave of the township's cadres, with approve / refuse / 销假. */
import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Input, Select, Table, Tag } from 'antd';
import { DatePicker } from '../common/DatePicker';
import { today } from '../app/today';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { LeaveHalf } from '../../../shared/attendance';
import type { MonthGridView } from '../../../shared/api/attendance';
import type { LeaveRequest } from '../../../shared/leave';
import { call } from '../api/client';
import { useCall } from '../api/useCall';
import { ReadOnlyHint } from '../common/useReadOnly';
import { ExportExcelButton } from '../common/ExportExcelButton';
import { sheetFromColumns, type ExportColumn } from '../common/tableSheet';
import { fmtDays } from './gridModel';
import { ApproverFields } from './ApproverFields';
import { LeaveAddDialog } from './LeaveAddDialog';
import { approvedBeyondLevel, type ApprovalLevel } from '../../../shared/leave';
import { monthDayLabel, monthLabel } from '../../../shared/dates';
import { SaveDialog } from '../common/SaveDialog';
import { useDialogSave } from '../common/useDialogSave';

const HALF = { 上: '上午', 下: '下午' } as const;
const STATUS_COLOURS: Record<LeaveRequest['status'], string> = { 待审批: 'gold', 已批准: 'green', 未批准: 'default', 已销假: 'blue' };

/** The 状态 cell as one line of text: state, approver (level), 越权审批, return day. */
function statusText(l: LeaveRequest): string {
  const approved = l.status === '已批准' || l.status === '已销假';
  return [
    l.status,
    l.approver ? ` ${l.approver}${approved ? `（${l.approvalLevel ?? '审批层级未记录'}）` : ''}` : '',
    approved && approvedBeyondLevel(l.approvalLevel, l.requiredLevel) ? ' 越权审批' : '',
    l.returnedOn ? ` ${monthDayLabel(l.returnedOn)}${HALF[l.returnedHalf ?? '上']}返岗` : '',
  ].join('');
}

type Action = { kind: 'approve' | 'reject' | 'return'; leave: LeaveRequest };

export function LeavePanel({
  grid,
  version,
  onChanged,
  highlightId,
  readOnly = false,
}: {
  grid: MonthGridView;
  version: number;
  onChanged: () => void;
  /** A request opened from an alert: shown selected. */
  highlightId?: number;
  readOnly?: boolean;
}) {
  const list = useCall(
    'attendance.leave.list',
    { townshipId: grid.townshipId, month: grid.month },
    `${grid.townshipId}|${grid.month}|${version}`,
  );
  const [adding, setAdding] = useState(false);
  const [action, setAction] = useState<Action | null>(null);
  const [approver, setApprover] = useState('');
  const [level, setLevel] = useState<ApprovalLevel>();
  const [back, setBack] = useState<Dayjs | null>(null);
  const [backHalf, setBackHalf] = useState<LeaveHalf>('上');
  const { saving, error, setError, runSave } = useDialogSave();

  const open = (kind: Action['kind'], leave: LeaveRequest) => {
    setAction({ kind, leave });
    setApprover('');
    setLevel(undefined);
    setBack(dayjs(leave.end).add(1, 'day'));
    setBackHalf('上');
    setError(null);
  };

  const submit = async () => {
    if (!action) return;
    setError(null);
    const leaveId = action.leave.id;
    let send: () => Promise<unknown>;
    if (action.kind === 'approve') {
      if (!level) return setError('请选择实际审批的层级（乡镇党委或县委组织部）');
      send = () => call('attendance.leave.approve', { leaveId, approver, approverLevel: level });
    } else if (action.kind === 'reject') send = () => call('attendance.leave.reject', { leaveId, approver });
    else {
      const returnedOn = (back ?? dayjs(today())).format('YYYY-MM-DD');
      send = () => call('attendance.leave.return', { leaveId, returnedOn, returnedHalf: backHalf });
    }
    await runSave(async () => {
      await send();
      setAction(null);
      onChanged();
    });
  };

  const columns: ExportColumn<LeaveRequest>[] = [
    { title: '干部', dataIndex: 'cadreName', width: 72 },
    { title: '类型', dataIndex: 'type', width: 80 },
    {
      title: '起止',
      key: 'span',
      width: 210,
      render: (_: unknown, l) => `${monthDayLabel(l.start)}${HALF[l.startHalf]} 至 ${monthDayLabel(l.end)}${HALF[l.endHalf]}`,
    },
    { title: '天数', dataIndex: 'days', width: 52, align: 'right', render: (v: number) => fmtDays(v) },
    { title: '事由', dataIndex: 'reason', ellipsis: true },
    { title: '应审批层级', dataIndex: 'requiredLevel', width: 96 },
    {
      title: '状态',
      key: 'status',
      width: 220,
      exportValue: statusText,
      render: (_: unknown, l) => (
        <span>
          <Tag color={STATUS_COLOURS[l.status]}>{l.status}</Tag>
          {l.approver && (
            <span className="ob-muted" data-testid={`approved-by-${l.id}`}>
              {l.approver}
              {l.status === '已批准' || l.status === '已销假' ? `（${l.approvalLevel ?? '审批层级未记录'}）` : ''}
            </span>
          )}
          {(l.status === '已批准' || l.status === '已销假') && approvedBeyondLevel(l.approvalLevel, l.requiredLevel) && (
            <Tag color="red" style={{ marginLeft: 4 }}>
              越权审批
            </Tag>
          )}
          {l.returnedOn && (
            <div className="ob-muted">
              {monthDayLabel(l.returnedOn)}
              {HALF[l.returnedHalf ?? '上']}返岗
            </div>
          )}
        </span>
      ),
    },
    {
      title: '操作',
      key: 'ops',
      noExport: true,
      width: 150,
      render: (_: unknown, l) =>
        readOnly ? null : l.status === '待审批' ? (
          <>
            <Button size="small" type="link" onClick={() => open('approve', l)}>
              批准
            </Button>
            <Button size="small" type="link" onClick={() => open('reject', l)}>
              不批准
            </Button>
          </>
        ) : l.status === '已批准' ? (
          <Button size="small" type="link" onClick={() => open('return', l)}>
            销假
          </Button>
        ) : null,
    },
  ];

  const title = action ? { approve: '批准请假', reject: '不批准', return: '销假' }[action.kind] : '';
  return (
    <div style={{ display: 'flex', flexDirection: 'column', minHeight: 0, flex: 1 }}>
      <div style={{ display: 'flex', marginBottom: 8, alignItems: 'center', gap: 8 }}>
        <span className="ob-muted">
          本县规定：请假 {grid.settings.leaveTownshipMaxDays} 天以内由乡镇党委审批，超过的由县委组织部审批；批准后自动填入考勤表。
        </span>
        <div style={{ flex: 1 }} />
        <ExportExcelButton
          fileName={`${grid.townshipName}${monthLabel(grid.month)}请假登记.xlsx`}
          disabled={!list.data?.length}
          sheets={() => [sheetFromColumns(`${monthLabel(grid.month)}请假登记`, columns, list.data ?? [])]}
        />
        <ReadOnlyHint readOnly={readOnly}>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            登记请假
          </Button>
        </ReadOnlyHint>
      </div>
      {list.error && <Alert type="error" showIcon title={list.error} />}
      <Table<LeaveRequest>
        size="small"
        rowKey="id"
        loading={list.loading}
        dataSource={list.data ?? []}
        pagination={false}
        scroll={{ y: 'calc(100vh - 290px)' }}
        data-testid="leave-table"
        rowClassName={(l) => (l.id === highlightId ? 'ant-table-row-selected' : '')}
        locale={{ emptyText: '本月没有请假记录' }}
        columns={columns}
      />
      <SaveDialog title={title} open={!!action} onClose={() => setAction(null)} onSave={submit} okText="确定" saving={saving}>
        {action && (
          <div style={{ display: 'flex', flexDirection: 'column', gap: 10 }}>
            <div>
              {action.leave.cadreName} {action.leave.type} {monthDayLabel(action.leave.start)}
              {HALF[action.leave.startHalf]} 至 {monthDayLabel(action.leave.end)}
              {HALF[action.leave.endHalf]}，共 {fmtDays(action.leave.days)} 天
            </div>
            {action.kind === 'approve' ? (
              <>
                <Alert
                  type={action.leave.requiredLevel === '县委组织部' ? 'warning' : 'info'}
                  title={`按本县规定须由${action.leave.requiredLevel}审批`}
                  data-testid="required-level"
                />
                <ApproverFields
                  approver={approver}
                  level={level}
                  required={action.leave.requiredLevel}
                  limitDays={grid.settings.leaveTownshipMaxDays}
                  onApprover={setApprover}
                  onLevel={setLevel}
                />
              </>
            ) : action.kind === 'reject' ? (
              <Input
                value={approver}
                onChange={(e) => setApprover(e.target.value)}
                placeholder={`审批人（${action.leave.requiredLevel}）`}
                maxLength={30}
                aria-label="审批人"
              />
            ) : (
              <div style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
                返岗时间
                <DatePicker value={back} onChange={setBack} allowClear={false} aria-label="返岗日期" />
                <Select
                  value={backHalf}
                  onChange={setBackHalf}
                  options={[
                    { value: '上', label: '上午' },
                    { value: '下', label: '下午' },
                  ]}
                  style={{ width: 80 }}
                />
              </div>
            )}
            {error && <Alert type="error" showIcon title={error} />}
          </div>
        )}
      </SaveDialog>
      <LeaveAddDialog
        key={String(adding)}
        open={adding}
        rows={grid.rows}
        settings={grid.settings}
        onClose={() => setAdding(false)}
        onDone={() => {
          setAdding(false);
          onChanged();
        }}
      />
    </div>
  );
}
