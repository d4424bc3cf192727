import { Alert, Tabs, Table, Tag } from 'antd';
import type { ImportChange, ImportError, ImportPreview, ImportResult } from '../../../../shared/api/attendanceIo';
import { call } from '../../api/client';
import { ImportSummary, SpreadsheetImportDialog, type ImportPreviewView } from '../../common/SpreadsheetImportDialog';
import { notSpreadsheet, SPREADSHEET_ACCEPT } from '../../common/spreadsheetFormats';
import { monthDayLabel, monthLabel } from '../../../../shared/dates';

const HALF: Record<ImportChange['half'], string> = { 全: '全天', 上: '上午', 下: '下午' };

const DROPZONE = {
  accept: SPREADSHEET_ACCEPT,
  text: '点击选择或把乡镇考勤表拖到这里',
  hint: (
    <>
      Excel（.xlsx、.xls）或 WPS 表格（.et），每名干部一行、每天一列（表头“姓名”和“1”至“31”或“1日”“1号”）。可填
      √、在岗、公出、出差、事假、病假、公假、会议、婚丧产假、缺勤、旷工、×，或字母 Z G S B J H
      Q；半天写“上午事假”。空白按在岗处理。导入前先预览，确认后才写入。
    </>
  ),
};

/** Import a month: pick or drop the township's .xlsx → changes and per-cell errors → 确认导入. */
export function ImportDialog({
  townshipId,
  month,
  ...dialog
}: {
  open: boolean;
  townshipId: number;
  month: string;
  onClose: () => void;
  onImported: () => void;
}) {
  return (
    <SpreadsheetImportDialog<ImportPreview, ImportResult>
      {...dialog}
      title={`导入考勤表（${monthLabel(month)}）`}
      width={780}
      style={{ top: 24 }}
      testId="attendance-import"
      dropzone={DROPZONE}
      refuse={notSpreadsheet}
      preview={(token) => call('attendance.import.preview', { token, townshipId, month })}
      commit={(token) => call('attendance.import.commit', { token, townshipId, month })}
      commitFailed="导入未完成，考勤未改变"
      renderPreview={previewView}
      renderDone={(r) => ({ title: '考勤导入完成', text: `已更新 ${r.cadres} 名干部共 ${r.changed} 个半天的考勤。` })}
    />
  );
}

/** The changes and the per-cell errors (by address, e.g. F7); confirming waits until there are none. */
function previewView(p: ImportPreview, name: string): ImportPreviewView {
  return {
    confirm: {
      label: p.errors.length ? '请先修改表格中的错误' : `确认导入（${p.changes.length} 处）`,
      disabled: p.certified || p.errors.length > 0 || p.changes.length === 0,
    },
    body: (
      <ImportSummary
        testId="attendance-import-preview"
        labelWidth={84}
        items={[
          { key: 'f', label: '文件', children: `${name}（工作表“${p.sheetName}”）`, span: 3 },
          { key: 'm', label: '匹配干部', children: `${p.matched} 人` },
          { key: 'c', label: '变更', children: <b data-testid="import-change-count">{p.changes.length} 处</b> },
          {
            key: 'e',
            label: '错误',
            children: <span style={{ color: p.errors.length ? '#b42318' : undefined }}>{p.errors.length} 处</span>,
          },
          ...(p.unknownCadres.length
            ? [
                {
                  key: 'u',
                  label: '未识别姓名',
                  span: 3,
                  children: (
                    <>
                      {p.unknownCadres.map((u) => (
                        <Tag key={u.row}>
                          第{u.row}行 {u.name}
                        </Tag>
                      ))}
                      <span className="ob-muted">
                        不是{p.townshipName}
                        {monthLabel(p.month)}在任的干部，将跳过
                      </span>
                    </>
                  ),
                },
              ]
            : []),
          ...(p.notInSheet.length ? [{ key: 'n', label: '表中没有', span: 3, children: `${p.notInSheet.join('、')}（保持原样）` }] : []),
        ]}
      >
        {p.certified && (
          <Alert
            type="warning"
            showIcon
            style={{ marginTop: 10 }}
            title="该月考勤已由乡镇党委认定，不能导入；如需修改，须先撤销认定并说明原因"
          />
        )}
        <Tabs
          style={{ marginTop: 6 }}
          defaultActiveKey={p.errors.length ? 'errors' : 'changes'}
          items={[
            {
              key: 'changes',
              label: `将要变更（${p.changes.length}）`,
              children: (
                <Table<ImportChange>
                  size="small"
                  rowKey={(c) => `${c.cadreId}-${c.date}-${c.half}`}
                  dataSource={p.changes}
                  pagination={p.changes.length > 200 ? { pageSize: 200, size: 'small' } : false}
                  scroll={{ y: 220 }}
                  locale={{ emptyText: '表格与系统中的考勤一致，没有需要变更的内容' }}
                  data-testid="import-changes"
                  columns={[
                    { title: '姓名', dataIndex: 'cadre', width: 100 },
                    { title: '日期', dataIndex: 'date', width: 110, render: (d: string) => monthDayLabel(d) },
                    { title: '时段', dataIndex: 'half', width: 70, render: (h: ImportChange['half']) => HALF[h] },
                    { title: '原为', dataIndex: 'from', width: 100 },
                    { title: '改为', dataIndex: 'to', render: (v: string) => <b>{v}</b> },
                  ]}
                />
              ),
            },
            {
              key: 'errors',
              label: <span style={{ color: p.errors.length ? '#b42318' : undefined }}>错误（{p.errors.length}）</span>,
              children: (
                <Table<ImportError>
                  size="small"
                  rowKey={(e) => `${e.column}-${e.message}`}
                  dataSource={p.errors}
                  pagination={false}
                  scroll={{ y: 220 }}
                  locale={{ emptyText: '没有错误' }}
                  data-testid="import-errors"
                  columns={[
                    { title: '单元格', dataIndex: 'column', width: 80 },
                    { title: '问题', dataIndex: 'message' },
                  ]}
                />
              ),
            },
          ]}
        />
      </ImportSummary>
    ),
  };
}
