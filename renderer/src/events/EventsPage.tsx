import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Select, Table, Tabs, Tag } from 'antd';
import { useShowsRecordsOf } from '../common/shownCounties';
import { useEffect, useMemo, useState } from 'react';
import type { CheckSummary, EventSummary } from '../../../shared/events';
import { call } from '../api/client';
import { useCall } from '../api/useCall';
import { useAppState } from '../app/AppState';
import { ExportExcelButton } from '../common/ExportExcelButton';
import { sheetFromColumns, type ExportColumn } from '../common/tableSheet';
import { ReadOnlyHint, useReadOnlyIndex } from '../common/useReadOnly';
import { useTableBodyHeight } from '../util/useTableBodyHeight';
import { CheckDialog } from './CheckDialog';
import { EventDialog } from './EventDialog';
import { VerificationsTab } from './VerificationsTab';
import { townshipOptions } from './options';
import { dateLabel, yearOptions } from '../../../shared/dates';
import { thisYear } from '../app/today';

type Tab = 'events' | 'checks' | 'verifications';
const KIND_COLORS: Record<string, string> = {
  重要会议: 'blue',
  重点工作: 'geekblue',
  难点问题: 'purple',
  重大纠纷: 'volcano',
  突发事件: 'red',
};
const LEVEL_COLORS: Record<string, string> = { 乡镇: 'default', 县级: 'blue', 市级: 'magenta' };

/**
 * Who was absent (or not on post): "N 人：names" in red; else `none`, quiet. A plain function, not a
 * component: 导出Excel reads the cell's element tree as text (tableSheet.ts) and cannot look inside one.
 */
function missingCell(count: number, names: string, none: string) {
  if (count === 0) return <span className="ob-muted">{none}</span>;
  return (
    <span style={{ color: '#b91c1c' }}>
      {count} 人：{names}
    </span>
  );
}

const eventColumns: ExportColumn<EventSummary>[] = [
  { title: '日期', dataIndex: 'date', width: 124, render: (d: string) => dateLabel(d) },
  { title: '乡镇', dataIndex: 'township', width: 90 },
  { title: '类别', dataIndex: 'kind', width: 90, render: (k: string) => <Tag color={KIND_COLORS[k]}>{k}</Tag> },
  { title: '事项', dataIndex: 'title', ellipsis: true },
  { title: '地点', dataIndex: 'place', width: 150, ellipsis: true },
  { title: '应到', dataIndex: 'expected', width: 56, align: 'right' },
  { title: '实到', dataIndex: 'present', width: 56, align: 'right' },
  {
    title: '缺席',
    width: 170,
    ellipsis: true,
    render: (_, r) => missingCell(r.absent, r.absentNames, r.unmarked > 0 ? `${r.unmarked} 人未标记` : '无'),
  },
];

const checkColumns: ExportColumn<CheckSummary>[] = [
  { title: '日期', dataIndex: 'date', width: 124, render: (d: string) => dateLabel(d) },
  { title: '乡镇', dataIndex: 'township', width: 90 },
  { title: '层级', dataIndex: 'level', width: 64, render: (l: string) => <Tag color={LEVEL_COLORS[l]}>{l}</Tag> },
  { title: '方式', dataIndex: 'kind', width: 90 },
  { title: '督查人', dataIndex: 'checker', width: 150, ellipsis: true },
  { title: '督查发现', dataIndex: 'findings', ellipsis: true, render: (f: string | null) => f ?? <span className="ob-muted">—</span> },
  { title: '督查人数', dataIndex: 'checked', width: 76, align: 'right' },
  {
    title: '不在岗',
    width: 160,
    ellipsis: true,
    render: (_, r) => missingCell(r.notOnPost, r.notOnPostNames, '无'),
  },
];

/**
 * 五必到与督查: the year's five-must events and checks of a township (or all), each opening
 * its form. Opened with an eventId / checkId (from an alert) it lands on that record.
 */
export function EventsPage({
  eventId,
  checkId,
  tab: initialTab,
  year: initialYear,
}: { eventId?: number; checkId?: number; tab?: Tab; year?: number }) {
  const { org } = useAppState();
  const [tab, setTab] = useState<Tab>(initialTab ?? (checkId ? 'checks' : 'events'));
  const [year, setYear] = useState(initialYear ?? thisYear());
  const [townshipId, setTownshipId] = useState<number>();
  const [openEvent, setOpenEvent] = useState<number | null | undefined>(eventId);
  const [openCheck, setOpenCheck] = useState<number | null | undefined>(checkId);
  const [version, setVersion] = useState(0);
  const [boxRef, tableY] = useTableBodyHeight<HTMLDivElement>(96);
  const ro = useReadOnlyIndex();
  // Nothing can be added when the chosen township (or every county) is a review copy.
  const cannotAdd = ro.township(townshipId) || (!!org && org.counties.length > 0 && org.counties.every((c) => c.readOnly));

  // Landing from an alert (or another alert while here): show the record's tab and open it.
  const [landed, setLanded] = useState({ eventId, checkId });
  if (landed.eventId !== eventId || landed.checkId !== checkId) {
    setLanded({ eventId, checkId });
    if (eventId) {
      setTab('events');
      setOpenEvent(eventId);
    }
    if (checkId) {
      setTab('checks');
      setOpenCheck(checkId);
    }
  }
  // …and the year it belongs to.
  useEffect(() => {
    if (eventId)
      call('events.get', { id: eventId }).then(
        (e) => setYear(Number(e.date.slice(0, 4))),
        () => undefined,
      );
    if (checkId)
      call('checks.get', { id: checkId }).then(
        (k) => setYear(Number(k.date.slice(0, 4))),
        () => undefined,
      );
  }, [eventId, checkId]);

  const filter = useMemo(() => ({ year, ...(townshipId ? { townshipId } : {}) }), [year, townshipId]);
  const key = `${JSON.stringify(filter)}|${version}`;
  const events = useCall('events.list', filter, key);
  const checks = useCall('checks.list', filter, key);
  const changed = () => setVersion((v) => v + 1);
  useShowsRecordsOf({
    townships:
      tab === 'events'
        ? (events.data ?? []).map((e) => e.townshipId)
        : tab === 'checks'
          ? (checks.data ?? []).map((c) => c.townshipId)
          : [],
  });

  /** How an event or check dialog ends: closed; saved (the list turns to the record's year); removed. */
  const recordDialogEnds = (close: () => void) => ({
    onClose: close,
    onSaved: (r: { date: string }) => {
      close();
      setYear(Number(r.date.slice(0, 4)));
      changed();
    },
    onRemoved: () => {
      close();
      changed();
    },
  });

  const eventTable = (
    <Table<EventSummary>
      size="small"
      rowKey="id"
      dataSource={events.data ?? []}
      loading={events.loading}
      pagination={false}
      scroll={{ y: tableY }}
      data-testid="event-table"
      locale={{ emptyText: `${year}年暂无五必到事项记录` }}
      onRow={(r) => ({ onClick: () => setOpenEvent(r.id), style: { cursor: 'pointer' } })}
      rowClassName={(r) => (r.id === eventId ? 'ant-table-row-selected' : '')}
      columns={eventColumns}
    />
  );

  const checkTable = (
    <Table<CheckSummary>
      size="small"
      rowKey="id"
      dataSource={checks.data ?? []}
      loading={checks.loading}
      pagination={false}
      scroll={{ y: tableY }}
      data-testid="check-table"
      locale={{ emptyText: `${year}年暂无督查记录` }}
      onRow={(r) => ({ onClick: () => setOpenCheck(r.id), style: { cursor: 'pointer' } })}
      rowClassName={(r) => (r.id === checkId ? 'ant-table-row-selected' : '')}
      columns={checkColumns}
    />
  );

  const error = tab === 'events' ? events.error : tab === 'checks' ? checks.error : null;
  return (
    <>
      <div className="ob-page-title">
        <h2>五必到与督查</h2>
        <span className="ob-muted">按会议记录和督查报告登记；缺席、不在岗自动进入预警和年度考核</span>
        <div style={{ flex: 1 }} />
        <Select value={year} onChange={setYear} options={yearOptions(thisYear(), year)} style={{ width: 110 }} aria-label="年度" />
        <Select
          allowClear
          placeholder="全部乡镇"
          value={townshipId}
          onChange={setTownshipId}
          options={townshipOptions(org)}
          style={{ width: 150 }}
          aria-label="乡镇"
        />
        <Button icon={<ReloadOutlined />} onClick={changed} title="刷新" />
        {/* 登记核查 exports its own list (VerificationsTab). */}
        {tab === 'verifications' ? null : (
          <ExportExcelButton
            fileName={tab === 'events' ? `${year}年五必到.xlsx` : `${year}年督查.xlsx`}
            disabled={tab === 'events' ? !events.data?.length : !checks.data?.length}
            sheets={() => [
              tab === 'events'
                ? sheetFromColumns(`${year}年五必到`, eventColumns, events.data ?? [])
                : sheetFromColumns(`${year}年督查`, checkColumns, checks.data ?? []),
            ]}
          />
        )}
        <ReadOnlyHint readOnly={cannotAdd}>
          {tab === 'verifications' ? null : tab === 'events' ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpenEvent(null)}>
              登记五必到事项
            </Button>
          ) : (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpenCheck(null)}>
              登记督查
            </Button>
          )}
        </ReadOnlyHint>
      </div>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 10 }} />}
      <div ref={boxRef} className="ob-fill" style={{ background: '#fff', padding: '0 12px' }}>
        <Tabs
          activeKey={tab}
          onChange={(k) => setTab(k as Tab)}
          items={[
            { key: 'events', label: `五必到${events.data ? `（${events.data.length}）` : ''}`, children: eventTable },
            { key: 'checks', label: `督查${checks.data ? `（${checks.data.length}）` : ''}`, children: checkTable },
            {
              key: 'verifications',
              label: '登记核查',
              children: <VerificationsTab year={year} townshipId={townshipId} version={version} height={tableY + 40} onChanged={changed} />,
            },
          ]}
        />
      </div>
      {openEvent !== undefined && (
        <EventDialog
          key={`e${openEvent ?? 'new'}`}
          open
          eventId={openEvent ?? null}
          defaultTownshipId={townshipId}
          {...recordDialogEnds(() => setOpenEvent(undefined))}
        />
      )}
      {openCheck !== undefined && (
        <CheckDialog
          key={`k${openCheck ?? 'new'}`}
          open
          checkId={openCheck ?? null}
          defaultTownshipId={townshipId}
          {...recordDialogEnds(() => setOpenCheck(undefined))}
        />
      )}
    </>
  );
}
