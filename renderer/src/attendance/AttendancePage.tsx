/**
 * 考勤: a township's month. Pick the township and month (default: last month), mark the
 * exceptions on the grid, record leave, certify with the scan; settings and history in drawers.
 */
import { HistoryOutlined, SettingOutlined } from '@ant-design/icons';
import { useShowsRecordsOf } from '../common/shownCounties';
import { Alert, Button, Empty, Segmented, Select, Spin } from 'antd';
import { DatePicker } from '../common/DatePicker';
import { today } from '../app/today';
import dayjs from 'dayjs';
import { useCallback, useMemo, useState } from 'react';
import type { GridRow } from '../../../shared/api/attendance';
import { useCall } from '../api/useCall';
import { useAppState } from '../app/AppState';
import { withRows } from '../common/gridRows';
import { ExportExcelButton } from '../common/ExportExcelButton';
import { useTownshipReadOnly } from '../common/useReadOnly';
import { FilePreview } from '../preview/FilePreview';
import { useNotify } from '../util/notify';
import { AttendanceIoActions } from './io/AttendanceIoActions';
import { CertBanner, Legend } from './CertBanner';
import { CertifyDialog } from './CertifyDialog';
import { holidayNotes, lastMonth } from './gridModel';
import { monthGridSheet, monthTitle } from './gridSheet';
import { HistoryDrawer } from './HistoryDrawer';
import { LeavePanel } from './LeavePanel';
import { MonthGrid } from './MonthGrid';
import { RevokeDialog } from './RevokeDialog';
import { SettingsDrawer } from './SettingsDrawer';
import { OpenVerifications } from './OpenVerifications';
import { useGridEdits } from './useGridEdits';
import { settle } from '../util/settle';

type Dialog = 'certify' | 'revoke' | 'history' | 'settings' | 'scan' | null;

export function AttendancePage(props: { townshipId?: number; month?: string; leaveId?: number }) {
  const { org, navigate } = useAppState();
  const { notifyError, success } = useNotify();
  const townships = useMemo(() => (org?.counties ?? []).flatMap((c) => c.townships.map((t) => ({ ...t, county: c.name }))), [org]);
  const townshipId = props.townshipId ?? townships[0]?.id;
  const month = props.month ?? lastMonth();
  const [version, setVersion] = useState(0);
  // An alert about a leave request opens the leave list with that request highlighted.
  const [tab, setTab] = useState<'grid' | 'leave'>(props.leaveId ? 'leave' : 'grid');
  const [dialog, setDialog] = useState<Dialog>(null);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const view = useCall('attendance.grid', townshipId === undefined ? null : { townshipId, month }, `${townshipId}|${month}|${version}`);
  const grid = view.data ?? null;
  const { error, update } = view;

  const onRows = useCallback((rows: GridRow[]) => update((g) => withRows(g, rows)), [update]);
  const onEditError = useCallback((err: unknown) => notifyError(err, '修改未保存'), [notifyError]);
  const edits = useGridEdits(townshipId, month, onRows, onEditError);
  // Stable void callbacks for the grid (its rows are memoised); a failure shows in Chinese.
  const { apply, undo, redo } = edits;
  const handlers = useMemo(() => ({ apply: settle(apply), undo: settle(undo), redo: settle(redo) }), [apply, undo, redo]);
  // A township of an imported county: look, search and print only.
  const readOnly = useTownshipReadOnly(townshipId);
  useShowsRecordsOf({ townships: [townshipId] });

  const go = (p: { townshipId?: number; month?: string }) =>
    navigate({ kind: 'attendance', townshipId: p.townshipId ?? townshipId, month: p.month ?? month });

  if (org && townships.length === 0) {
    return <Empty style={{ marginTop: 80 }} description="还没有乡镇。请先导入花名册或在干部资料中登记任职乡镇。" />;
  }
  const current = grid && grid.townshipId === townshipId && grid.month === month ? grid : null;
  // The shown township month, for its panels (认定, 撤销认定, 历史记录); each says when it is open.
  const monthPanel = current && {
    townshipId: current.townshipId,
    townshipName: current.townshipName,
    month,
    onClose: () => setDialog(null),
  };
  const shortCount = current?.rows.filter((r) => r.counts.onPost < r.counts.required).length ?? 0;
  const county = org?.counties.find((c) => c.id === current?.countyId);

  return (
    <>
      <div className="ob-page-title">
        <h2>考勤登记</h2>
        <Select
          value={townshipId}
          onChange={(v) => go({ townshipId: v })}
          style={{ width: 120 }}
          aria-label="乡镇"
          data-testid="att-township"
          options={(org?.counties ?? []).map((c) => ({ label: c.name, options: c.townships.map((t) => ({ value: t.id, label: t.name })) }))}
        />
        <DatePicker
          picker="month"
          value={dayjs(`${month}-01`)}
          onChange={(d) => d && go({ month: d.format('YYYY-MM') })}
          disabledDate={(d) => d.isAfter(dayjs(today()), 'month')}
          allowClear={false}
          format="YYYY年M月"
          style={{ width: 120 }}
          aria-label="月份"
          data-testid="att-month"
        />
        <Segmented
          value={tab}
          onChange={(v) => setTab(v as 'grid' | 'leave')}
          options={[
            { value: 'grid', label: '月考勤表' },
            { value: 'leave', label: '请假登记' },
          ]}
        />
        <div style={{ flex: 1 }} />
        {townshipId !== undefined && (
          <AttendanceIoActions
            townshipId={townshipId}
            month={month}
            certified={!!current?.certification}
            readOnly={readOnly}
            onChanged={reload}
          />
        )}
        {/* Short labels: the toolbar (with printing and import) must fit one line at 1366 px. */}
        {/* 请假登记 exports its own list (LeavePanel). */}
        {tab === 'grid' && (
          <ExportExcelButton
            iconOnly
            fileName={current ? `${monthTitle(current)}.xlsx` : '考勤.xlsx'}
            disabled={!current || current.rows.length === 0}
            sheets={() => (current ? [monthGridSheet(current)] : [])}
          />
        )}
        <Button
          icon={<HistoryOutlined />}
          onClick={() => setDialog('history')}
          disabled={!current}
          aria-label="历史记录"
          title="本月历史记录"
        />
        <Button
          icon={<SettingOutlined />}
          onClick={() => setDialog('settings')}
          disabled={!current}
          aria-label="考勤设置"
          title="考勤设置与节假日"
        />
      </div>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} />}
      {townshipId !== undefined && <OpenVerifications townshipId={townshipId} version={version} />}
      {!current ? (
        <Spin style={{ marginTop: 80 }} />
      ) : tab === 'leave' ? (
        <LeavePanel grid={current} version={version} onChanged={reload} highlightId={props.leaveId} readOnly={readOnly} />
      ) : (
        <>
          <CertBanner
            grid={current}
            readOnly={readOnly}
            canUndo={edits.canUndo}
            canRedo={edits.canRedo}
            onUndo={handlers.undo}
            onRedo={handlers.redo}
            onCertify={() => setDialog('certify')}
            onRevoke={() => setDialog('revoke')}
            onShowScan={() => setDialog('scan')}
          />
          {current.rows.length === 0 ? (
            <Empty style={{ marginTop: 60 }} description="本月没有在该乡镇任职的选派干部" />
          ) : (
            <MonthGrid
              key={`${current.townshipId}|${current.month}`}
              grid={current}
              readOnly={readOnly}
              onEdits={handlers.apply}
              onUndo={handlers.undo}
              onRedo={handlers.redo}
              onPasteError={(m) => notifyError(new Error(m), '粘贴未完成')}
            />
          )}
          <Legend />
          <div className="ob-att-legend" data-testid="att-foot">
            <span>
              共 {current.rows.length} 人；每月最少在岗 {current.settings.monthlyMinimum} 天（到任不满一月的按比例折算），公出
              {current.settings.gongchuCountsOnPost ? '计入' : '不计入'}在岗
              {shortCount > 0 && <b style={{ color: '#b42318' }}>；{shortCount} 人在岗不足</b>}
            </span>
            {holidayNotes(current.days).map((n) => (
              <span key={n}>{n}</span>
            ))}
          </div>
        </>
      )}
      {current && monthPanel && (
        <>
          <CertifyDialog
            key={`certify-${dialog === 'certify'}`}
            {...monthPanel}
            open={dialog === 'certify' && !readOnly}
            cadreCount={current.rows.length}
            onDone={(filed) => {
              setDialog(null);
              success(`已认定并锁定，扫描件已归入 ${filed} 名干部的资料袋`);
              reload();
            }}
          />
          <RevokeDialog
            key={`revoke-${dialog === 'revoke'}`}
            {...monthPanel}
            open={dialog === 'revoke' && !readOnly}
            onDone={() => {
              setDialog(null);
              success('已撤销认定，现在可以修改本月考勤');
              reload();
            }}
          />
          <HistoryDrawer {...monthPanel} open={dialog === 'history'} version={version} />
          <SettingsDrawer
            open={dialog === 'settings'}
            readOnly={readOnly}
            countyId={current.countyId}
            countyName={county?.name ?? ''}
            year={Number(month.slice(0, 4))}
            onClose={() => setDialog(null)}
            onChanged={reload}
          />
          <FilePreview file={dialog === 'scan' ? current.scan : null} onClose={() => setDialog(null)} />
        </>
      )}
    </>
  );
}
