import { Button, Popover, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { DatePicker } from '../common/DatePicker';
import dayjs from 'dayjs';
import { useState } from 'react';
import { REPORT_CATEGORY, type ReportRow } from '../../../shared/worklog';
import { dateLabel } from '../../../shared/dates';
import { call } from '../api/client';
import { useCall } from '../api/useCall';
import { useNotify } from '../util/notify';
import { ExportExcelButton } from '../common/ExportExcelButton';
import { sheetFromColumns, type ExportColumn } from '../common/tableSheet';
import { SubmitDialog } from './SubmitDialog';

const STATUS_COLOR = { 已提交: 'green', 待提交: 'blue', 逾期: 'red' } as const;

function statusText(r: ReportRow): string {
  if (r.status === '已提交') return r.lateDays ? `已提交（迟${r.lateDays}天）` : '已提交';
  if (r.status === '逾期') return `逾期${r.lateDays}天`;
  return '待提交';
}

/** 季度报告 and 半年总结 owed in the year: due date (settable per cadre), status, 提交. */
export function ReportsTab({
  cadreId,
  cadreName,
  year,
  readOnly = false,
}: { cadreId: number; cadreName: string; year: number; readOnly?: boolean }) {
  const { notifyError, success } = useNotify();
  const list = useCall('reports.list', { cadreId, year }, `${cadreId}|${year}`);
  const [submitting, setSubmitting] = useState<ReportRow | null>(null);

  /** Sends one change of a report, says `done` when given, and reloads; a refusal is toasted. */
  const change = async (send: () => Promise<unknown>, done?: string) => {
    try {
      await send();
      if (done) success(done);
      list.reload();
    } catch (err) {
      notifyError(err);
    }
  };
  const setDue = (r: ReportRow, due: string | null) =>
    change(
      () => call('reports.setDue', { cadreId, period: r.period, dueDate: due }),
      due ? `${r.periodLabel}报送期限改为${due}` : `${r.periodLabel}报送期限恢复为本县默认`,
    );
  const confirmLink = (r: ReportRow) =>
    change(() => call('reports.confirmLink', { cadreId, period: r.period }), `已确认《${r.materialTitle}》为${r.periodLabel}${r.kind}`);
  const withdraw = (r: ReportRow) => change(() => call('reports.unsubmit', { cadreId, period: r.period }));
  const columns: ExportColumn<ReportRow>[] = [
    { title: '期次', dataIndex: 'periodLabel', width: 150 },
    { title: '类别', dataIndex: 'kind', width: 90 },
    {
      title: '报送期限',
      key: 'due',
      width: 220,
      exportValue: (r) => (r.dueCustom ? `${r.dueDate}（已单独设置）` : r.dueDate),
      render: (_: unknown, r: ReportRow) => (
        <Space size={4}>
          <span>{dateLabel(r.dueDate)}</span>
          {r.dueCustom ? <Tag>已单独设置</Tag> : null}
          {readOnly ? null : (
            <Popover
              trigger="click"
              title={`${r.periodLabel}报送期限`}
              content={
                <Space direction="vertical">
                  <DatePicker value={dayjs(r.dueDate)} allowClear={false} onChange={(d) => d && void setDue(r, d.format('YYYY-MM-DD'))} />
                  {r.dueCustom ? (
                    <Button size="small" onClick={() => void setDue(r, null)}>
                      恢复本县默认
                    </Button>
                  ) : null}
                </Space>
              }
            >
              <Button size="small" type="link">
                修改
              </Button>
            </Popover>
          )}
        </Space>
      ),
    },
    {
      title: '状态',
      key: 'status',
      width: 130,
      exportValue: statusText,
      render: (_: unknown, r: ReportRow) => <Tag color={STATUS_COLOR[r.status]}>{statusText(r)}</Tag>,
    },
    {
      title: '报送材料',
      key: 'material',
      exportValue: (r) => (r.materialTitle ? `《${r.materialTitle}》${r.submittedOn}提交${r.linkToConfirm ? '（待确认）' : ''}` : '—'),
      render: (_: unknown, r: ReportRow) =>
        r.materialTitle ? (
          <span>
            《{r.materialTitle}》<Typography.Text type="secondary">{r.submittedOn ? dateLabel(r.submittedOn) : ''}提交</Typography.Text>
            {r.linkToConfirm ? (
              <Tooltip title="归档时按材料日期自动关联到本期，请核对后确认">
                <Tag color="orange" style={{ marginLeft: 6 }} data-testid="report-to-confirm">
                  待确认
                </Tag>
              </Tooltip>
            ) : null}
          </span>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    {
      title: '操作',
      key: 'act',
      noExport: true,
      width: 170,
      render: (_: unknown, r: ReportRow) =>
        readOnly ? (
          <Typography.Text type="secondary">评审副本，只读</Typography.Text>
        ) : r.status === '已提交' ? (
          <Space size={4}>
            {r.linkToConfirm ? (
              <Button size="small" type="primary" onClick={() => void confirmLink(r)} data-testid="report-confirm">
                确认
              </Button>
            ) : null}
            <Button size="small" onClick={() => void withdraw(r)}>
              {r.linkToConfirm ? '取消关联' : '撤销提交'}
            </Button>
          </Space>
        ) : (
          <Button size="small" type="primary" onClick={() => setSubmitting(r)}>
            提交
          </Button>
        ),
    },
  ];

  return (
    <>
      <div style={{ display: 'flex', alignItems: 'flex-start', gap: 12, marginBottom: 8 }}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0, flex: 1 }}>
          选派干部每季度报告一次工作进展情况，每半年形成书面工作总结。季度报告归入档案袋“工作汇报”，半年总结归入“工作总结”。
        </Typography.Paragraph>
        <ExportExcelButton
          fileName={`${cadreName}${year}年报告报送.xlsx`}
          disabled={(list.data ?? []).length === 0}
          sheets={() => [sheetFromColumns(`${year}年报告报送`, columns, list.data ?? [])]}
        />
      </div>
      <Table
        size="small"
        rowKey="period"
        loading={list.loading}
        dataSource={list.data ?? []}
        pagination={false}
        locale={{ emptyText: list.error ?? `${year}年不在任职期内，无需报送` }}
        data-testid="reports-table"
        columns={columns}
      />
      <SubmitDialog
        key={submitting?.period ?? ''}
        row={submitting}
        cadreId={cadreId}
        cadreName={cadreName}
        category={submitting ? REPORT_CATEGORY[submitting.kind] : '工作汇报'}
        onClose={() => setSubmitting(null)}
        onDone={() => {
          setSubmitting(null);
          list.reload();
        }}
      />
    </>
  );
}
