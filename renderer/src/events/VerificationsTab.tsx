/**
 * 登记核查: the register cross-checks of the year — a check found a cadre away on a day the
 * township's certified register shows 在岗 — filtered by county, township and state. Each row
 * shows the check, the certified register day it contradicts, the cadre and the certifying
 * secretary; an open one is concluded here, and a 属实 one leads to the month's register to
 * correct and certify again.
 */
import { Alert, Button, Select, Space, Table, Tag } from 'antd';
import { useShowsRecordsOf } from '../common/shownCounties';
import { useMemo, useState } from 'react';
import { VERIFICATION_STATES, verificationState, type VerificationState, type VerificationView } from '../../../shared/verifications';
import { useCall } from '../api/useCall';
import { useAppState } from '../app/AppState';
import { useReadOnlyIndex } from '../common/useReadOnly';
import { ExportExcelButton } from '../common/ExportExcelButton';
import { sheetFromColumns, type ExportColumn } from '../common/tableSheet';
import { ConcludeDialog } from './ConcludeDialog';
import { dateLabel, monthLabel } from '../../../shared/dates';

const STATE_COLORS: Record<VerificationState, string> = { 待核查: 'red', 属实: 'volcano', 不属实: 'green' };

export function VerificationsTab({
  year,
  townshipId,
  version,
  height,
  onChanged,
}: { year: number; townshipId?: number; version: number; height: number; onChanged: () => void }) {
  const { org, navigate } = useAppState();
  const ro = useReadOnlyIndex();
  const [countyId, setCountyId] = useState<number>();
  const [state, setState] = useState<VerificationState>();
  const [open, setOpen] = useState<VerificationView | null>(null);
  const [notice, setNotice] = useState<VerificationView | null>(null);
  const filter = useMemo(
    () => ({ year, ...(countyId ? { countyId } : {}), ...(townshipId ? { townshipId } : {}), ...(state ? { state } : {}) }),
    [year, countyId, townshipId, state],
  );
  const list = useCall('verifications.list', filter, `${JSON.stringify(filter)}|${version}`);
  const counties = org?.counties ?? [];
  useShowsRecordsOf({ townships: (list.data ?? []).map((v) => v.townshipId) });
  const columns: ExportColumn<VerificationView>[] = [
    {
      title: '状态',
      width: 76,
      exportValue: (v) => verificationState(v),
      render: (_, v) => <Tag color={STATE_COLORS[verificationState(v)]}>{verificationState(v)}</Tag>,
    },
    { title: '督查日期', dataIndex: 'date', width: 118, render: (d: string) => dateLabel(d) },
    { title: '乡镇', dataIndex: 'township', width: 84 },
    { title: '干部', dataIndex: 'cadreName', width: 72 },
    { title: '督查', width: 190, ellipsis: true, render: (_, v) => `${v.checkKind}（${v.checkLevel}，${v.checker}）` },
    {
      title: '所认定的考勤',
      width: 210,
      exportValue: (v) =>
        `${monthLabel(v.date.slice(0, 7))}考勤表记为在岗\n${v.secretaryName} ${dateLabel(v.certifiedOn.slice(0, 10))}认定${v.certificationActive ? '' : '（已撤销）'}`,
      render: (_, v) => (
        <span>
          {monthLabel(v.date.slice(0, 7))}考勤表记为在岗
          <br />
          <span className="ob-muted">
            {v.secretaryName} {dateLabel(v.certifiedOn.slice(0, 10))}认定{v.certificationActive ? '' : '（已撤销）'}
          </span>
        </span>
      ),
    },
    {
      title: '核查情况',
      ellipsis: true,
      render: (_, v) =>
        v.outcome ? (
          <span title={`${v.explanation ?? ''}${v.action ? `；处理：${v.action}` : ''}`}>
            {v.explanation}
            {v.action ? `；处理：${v.action}` : ''}
            <span className="ob-muted">（{dateLabel(v.concludedOn!)}）</span>
          </span>
        ) : (
          <span title={v.finding}>{v.finding}</span>
        ),
    },
    {
      title: '',
      width: 96,
      noExport: true,
      render: (_, v) =>
        !v.outcome ? (
          <Button
            size="small"
            type="primary"
            disabled={ro.township(v.townshipId)}
            onClick={() => setOpen(v)}
            data-testid={`conclude-${v.id}`}
          >
            办结
          </Button>
        ) : (
          <Button size="small" onClick={() => navigate({ kind: 'attendance', townshipId: v.townshipId, month: v.date.slice(0, 7) })}>
            考勤表
          </Button>
        ),
    },
  ];

  return (
    <div data-testid="verifications">
      <Space style={{ margin: '4px 0 8px' }} wrap>
        {counties.length > 1 && (
          <Select
            allowClear
            placeholder="全部县（市、区）"
            value={countyId}
            onChange={setCountyId}
            options={counties.map((c) => ({ value: c.id, label: c.name }))}
            style={{ width: 160 }}
            aria-label="县（市、区）"
          />
        )}
        <Select
          allowClear
          placeholder="全部状态"
          value={state}
          onChange={setState}
          options={VERIFICATION_STATES.map((s) => ({ value: s, label: s }))}
          style={{ width: 120 }}
          aria-label="核查状态"
          data-testid="verification-state"
        />
        <ExportExcelButton
          fileName={`${year}年考勤登记核查.xlsx`}
          disabled={!list.data?.length}
          sheets={() => [sheetFromColumns(`${year}年考勤登记核查`, columns, list.data ?? [])]}
        />
        <span className="ob-muted">
          督查发现干部不在岗、而乡镇党委书记签字认定的考勤表记为在岗的，逐起核查；属实的撤销该月认定，更正后重新认定。
        </span>
      </Space>
      {list.error && <Alert type="error" showIcon title={list.error} style={{ marginBottom: 8 }} />}
      {notice && (
        <Alert
          type="warning"
          showIcon
          closable
          onClose={() => setNotice(null)}
          style={{ marginBottom: 8 }}
          data-testid="revoked-notice"
          title={`核查属实，${notice.township}${monthLabel(notice.date.slice(0, 7))}考勤的认定已撤销：请更正登记后由乡镇党委重新认定。`}
          action={
            <Button
              size="small"
              type="primary"
              onClick={() => navigate({ kind: 'attendance', townshipId: notice.townshipId, month: notice.date.slice(0, 7) })}
            >
              前往考勤表
            </Button>
          }
        />
      )}
      <Table<VerificationView>
        size="small"
        rowKey="id"
        dataSource={list.data ?? []}
        loading={list.loading}
        pagination={false}
        scroll={{ y: Math.max(160, height - 56) }}
        data-testid="verification-table"
        locale={{ emptyText: `${year}年没有${state ?? ''}考勤登记不实核查` }}
        columns={columns}
      />
      {open && (
        <ConcludeDialog
          verification={open}
          onClose={() => setOpen(null)}
          onConcluded={(v, revoked) => {
            setOpen(null);
            setNotice(revoked ? v : null);
            onChanged();
          }}
        />
      )}
    </div>
  );
}
