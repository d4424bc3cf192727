/**
 * 季度调度: a county's four quarters (已调度 / 未调度 / 未结束); the chosen quarter's 调度会 with
 * every posted cadre's progress, problems and next steps, beside their quarterly report and where
 * it was sent (派出单位 / 上一级党委).
 */
import { Alert, Button, Card, ConfigProvider, Form, Input, Space, Table, Tag, Typography } from 'antd';
import { useShowsRecordsOf } from '../common/shownCounties';
import { today } from '../app/today';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { quarterLabel, type QuarterCadre, type RoutedReport, type SchedulingQuarter } from '../../../shared/scheduling';
import { call } from '../api/client';
import { useCall } from '../api/useCall';
import { useAppState } from '../app/AppState';
import { CountySelect } from '../common/CountySelect';
import { DatePicker } from '../common/DatePicker';
import { ExportExcelButton } from '../common/ExportExcelButton';
import { sheetFromColumns, type ExportColumn } from '../common/tableSheet';
import { READ_ONLY_HINT, useCountyReadOnly } from '../common/useReadOnly';
import { useNotify } from '../util/notify';
import { ReportRouteDialog } from './ReportRouteDialog';
import { thisYear, YearSelect } from './common';
import { dateLabel } from '../../../shared/dates';
import { isId, useRemembered } from '../common/remembered';

const STATE_COLOR: Record<string, string> = { 已调度: 'green', 未调度: 'red', 未结束: 'default' };
type Progress = { progress: string; problems: string; nextSteps: string };

/** A cadre's reports and where they went, line by line as the column shows them. */
function reportLines(c: QuarterCadre): string {
  if (c.reports.length === 0) return '本季度报告未提交';
  return c.reports
    .flatMap((r) => [
      `${r.kind} ${dateLabel(r.submittedOn)}提交`,
      ...r.routes.map((x) => `${dateLabel(x.sentOn)} 报${x.recipientKind}（${x.recipient}）`),
    ])
    .join('\n');
}

export function SchedulingTab() {
  const { org, dataVersion } = useAppState();
  const counties = org?.counties ?? [];
  const [picked, setPicked] = useRemembered('scheduling.county', isId);
  // A remembered county that is no longer here (a review copy removed) is passed over.
  const countyId = counties.find((c) => c.id === picked)?.id ?? counties.find((c) => !c.readOnly)?.id ?? counties[0]?.id;
  const [year, setYear] = useState(thisYear());
  const summary = useCall('scheduling.year', countyId ? { countyId, year } : null, `${countyId}|${year}|${dataVersion}`);
  const [chosen, setChosen] = useState<number>();
  // Opens on the first quarter missing its 调度, else the latest ended one.
  const quarters = summary.data ?? [];
  const quarter =
    chosen ??
    quarters.find((q) => q.state === '未调度')?.quarter ??
    [...quarters].reverse().find((q) => q.state !== '未结束')?.quarter ??
    1;
  const detail = useCall(
    'scheduling.quarter',
    countyId ? { countyId, year, quarter } : null,
    `${countyId}|${year}|${quarter}|${dataVersion}`,
  );

  return (
    <div className="ob-scroll-pane" style={{ width: '100%' }}>
      <Space wrap style={{ marginBottom: 8 }}>
        <CountySelect counties={counties} value={countyId} onChange={setPicked} />
        <YearSelect
          value={year}
          onChange={(y) => {
            setYear(y);
            setChosen(undefined);
          }}
        />
        {quarters.map((q) => (
          <Button
            key={q.quarter}
            type={q.quarter === quarter ? 'primary' : 'default'}
            onClick={() => setChosen(q.quarter)}
            data-testid={`quarter-${q.quarter}`}
          >
            第{'一二三四'[q.quarter - 1]}季度{' '}
            <Tag color={STATE_COLOR[q.state]} style={{ marginLeft: 6, marginRight: 0 }}>
              {q.state}
            </Tag>
          </Button>
        ))}
      </Space>
      {summary.error && <Alert type="error" showIcon title={summary.error} />}
      {detail.data && (
        <QuarterEditor key={`${detail.data.countyId}|${year}|${quarter}|${detail.data.meeting?.id ?? 0}|${dataVersion}`} q={detail.data} />
      )}
    </div>
  );
}

function QuarterEditor({ q }: { q: SchedulingQuarter }) {
  const { refresh } = useAppState();
  const { success, notifyError } = useNotify();
  const readOnly = useCountyReadOnly(q.countyId);
  useShowsRecordsOf({ counties: [q.countyId] });
  const m = q.meeting;
  const [date, setDate] = useState<Dayjs | null>(m ? dayjs(m.meetingDate) : null);
  const [place, setPlace] = useState(m?.place ?? '');
  const [chairedBy, setChairedBy] = useState(m?.chairedBy ?? '');
  const [problems, setProblems] = useState(m?.problems ?? '');
  const [nextSteps, setNextSteps] = useState(m?.nextSteps ?? '');
  const [progress, setProgress] = useState<Map<number, Progress>>(
    () =>
      new Map(
        q.cadres
          .filter((c) => c.progress)
          .map((c) => [c.cadreId, { progress: c.progress!.progress, problems: c.progress!.problems, nextSteps: c.progress!.nextSteps }]),
      ),
  );
  const [saving, setSaving] = useState(false);
  const [routing, setRouting] = useState<{ cadre: QuarterCadre; report: RoutedReport } | null>(null);
  const label = quarterLabel(q.year, q.quarter);

  const edit = (cadreId: number, field: keyof Progress, value: string) =>
    setProgress((old) => {
      const next = new Map(old);
      const cur = next.get(cadreId) ?? { progress: '', problems: '', nextSteps: '' };
      next.set(cadreId, { ...cur, [field]: value });
      return next;
    });
  const save = async () => {
    if (!date) return notifyError(new Error('请选择调度会日期'), '调度会未保存');
    setSaving(true);
    try {
      const entries = [...progress].filter(([, p]) => p.progress.trim() || p.problems.trim() || p.nextSteps.trim());
      await call('scheduling.save', {
        countyId: q.countyId,
        year: q.year,
        quarter: q.quarter,
        meetingDate: date.format('YYYY-MM-DD'),
        place,
        chairedBy,
        problems,
        nextSteps,
        progress: entries.map(([cadreId, p]) => ({ cadreId, ...p })),
      });
      success(`${label}调度会已保存`);
      void refresh();
    } catch (err) {
      notifyError(err, '调度会未保存');
    } finally {
      setSaving(false);
    }
  };
  const recorded = useMemo(() => q.cadres.filter((c) => c.progress).length, [q.cadres]);
  const area = (cadreId: number, field: keyof Progress, placeholder: string) => (
    <Input.TextArea
      autoSize={{ minRows: 1, maxRows: 4 }}
      value={progress.get(cadreId)?.[field] ?? ''}
      placeholder={placeholder}
      onChange={(e) => edit(cadreId, field, e.target.value)}
      maxLength={2000}
      data-testid={`progress-${cadreId}-${field}`}
    />
  );
  const text = (cadreId: number, field: keyof Progress) => progress.get(cadreId)?.[field].trim() || null;
  const columns: ExportColumn<QuarterCadre>[] = [
    {
      title: '干部',
      key: 'who',
      width: 150,
      exportValue: (c) => [c.name, c.township, c.village].filter(Boolean).join(' '),
      render: (_, c) => (
        <>
          {c.name}
          <div className="ob-muted">{[c.township, c.village].filter(Boolean).join(' ')}</div>
        </>
      ),
    },
    {
      title: '工作进展',
      key: 'p',
      exportValue: (c) => text(c.cadreId, 'progress'),
      render: (_, c) => area(c.cadreId, 'progress', '工作开展情况'),
    },
    {
      title: '存在的问题',
      key: 'pr',
      width: 200,
      exportValue: (c) => text(c.cadreId, 'problems'),
      render: (_, c) => area(c.cadreId, 'problems', ''),
    },
    {
      title: '下一步计划',
      key: 'n',
      width: 200,
      exportValue: (c) => text(c.cadreId, 'nextSteps'),
      render: (_, c) => area(c.cadreId, 'nextSteps', ''),
    },
    {
      title: '工作报告及报送',
      key: 'r',
      width: 240,
      exportValue: reportLines,
      render: (_, c) =>
        c.reports.length === 0 ? (
          <span className="ob-muted">本季度报告未提交</span>
        ) : (
          c.reports.map((r) => (
            <div key={r.kind} style={{ marginBottom: 4 }}>
              {r.kind} {dateLabel(r.submittedOn)}提交
              {r.routes.map((x) => (
                <div key={x.recipientKind} className="ob-muted">
                  {dateLabel(x.sentOn)} 报{x.recipientKind}（{x.recipient}）
                </div>
              ))}
              <Button
                size="small"
                type="link"
                style={{ padding: 0 }}
                onClick={() => setRouting({ cadre: c, report: r })}
                data-testid={`route-${c.cadreId}-${r.kind}`}
              >
                登记报送
              </Button>
            </div>
          ))
        ),
    },
  ];

  return (
    <ConfigProvider componentDisabled={readOnly}>
      {readOnly && <Alert type="info" showIcon title={`${READ_ONLY_HINT}：可查看，不能修改`} style={{ marginBottom: 8 }} />}
      {!m && q.ended && <Alert type="warning" showIcon style={{ marginBottom: 8 }} title={`${q.county}${label}已结束，尚未登记调度会`} />}
      {q.holdAllowance && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 8 }}
          title="按本县设置，市级选派干部本季度的补助须在调度会登记其工作进展后发放"
        />
      )}
      <Card size="small" title={`${q.county} ${label}驻乡村干部工作调度会`} style={{ marginBottom: 8 }}>
        <Form layout="inline" style={{ rowGap: 8 }}>
          <Form.Item label="会议日期" required>
            <DatePicker value={date} onChange={setDate} disabledDate={(d) => d.isAfter(dayjs(today()), 'day')} data-testid="meeting-date" />
          </Form.Item>
          <Form.Item label="地点">
            <Input value={place} onChange={(e) => setPlace(e.target.value)} maxLength={100} style={{ width: 220 }} />
          </Form.Item>
          <Form.Item label="主持人">
            <Input value={chairedBy} onChange={(e) => setChairedBy(e.target.value)} maxLength={100} style={{ width: 160 }} />
          </Form.Item>
        </Form>
        <Form layout="vertical" style={{ marginTop: 8 }}>
          <Form.Item label="存在的问题（全县）" style={{ marginBottom: 8 }}>
            <Input.TextArea rows={2} value={problems} onChange={(e) => setProblems(e.target.value)} maxLength={4000} />
          </Form.Item>
          <Form.Item label="下一步工作计划（全县）" style={{ marginBottom: 8 }}>
            <Input.TextArea rows={2} value={nextSteps} onChange={(e) => setNextSteps(e.target.value)} maxLength={4000} />
          </Form.Item>
        </Form>
        <Space>
          <Button type="primary" loading={saving} onClick={() => void save()} data-testid="meeting-save">
            保存调度会
          </Button>
          <Typography.Text type="secondary">
            当季在任选派干部 {q.cadres.length} 人，已登记工作进展 {recorded} 人
          </Typography.Text>
          {/* An explicit disabled keeps the export usable on a review copy (the ConfigProvider disables the rest). */}
          <ExportExcelButton
            fileName={`${q.county}${label}工作调度.xlsx`}
            disabled={q.cadres.length === 0}
            sheets={() => [sheetFromColumns(`${label}工作调度`, columns, q.cadres)]}
          />
        </Space>
      </Card>
      <Table<QuarterCadre>
        size="small"
        rowKey="cadreId"
        pagination={false}
        dataSource={q.cadres}
        locale={{ emptyText: '本季度本县没有在任的选派干部' }}
        columns={columns}
        data-testid="scheduling-table"
      />
      <ReportRouteDialog
        key={routing ? `${routing.cadre.cadreId}|${routing.report.kind}` : 'none'}
        target={routing}
        onClose={() => setRouting(null)}
        onSaved={() => {
          setRouting(null);
          success('报送情况已登记');
          void refresh();
        }}
      />
    </ConfigProvider>
  );
}
