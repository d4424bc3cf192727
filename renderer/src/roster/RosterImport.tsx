import { Alert, Checkbox, Table, Tag } from 'antd';
import { useState } from 'react';
import type { RosterPreview, RosterPreviewRow, RosterResult, RosterRowError } from '../../../shared/domain';
import { call } from '../api/client';
import { ImportSummary, SpreadsheetImportDialog, type ImportPreviewView } from '../common/SpreadsheetImportDialog';
import { SPREADSHEET_ACCEPT, SPREADSHEET_HINT } from '../common/spreadsheetFormats';
import { dateLabel } from '../../../shared/dates';

const DROPZONE = {
  accept: `${SPREADSHEET_ACCEPT},.csv`,
  text: '点击选择或把花名册拖到这里',
  hint: `${SPREADSHEET_HINT}，或 CSV 文件。第一行为表头，需包含“姓名”“身份证号”等列；导入前会先预览，确认后才写入。`,
};

/**
 * Roster import: choose or drop a spreadsheet → preview (the rows to be imported, bad rows,
 * warnings to tick one by one) → confirm. 确认导入 stays disabled until every warning is ticked;
 * the ticked keys go with the commit, which main refuses without them.
 */
export function RosterImport(props: { open: boolean; onClose: () => void; onImported: () => void }) {
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
  const toggle = (key: string, on: boolean) =>
    setTicked((t) => {
      const next = new Set(t);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });
  return (
    <SpreadsheetImportDialog<RosterPreview, RosterResult>
      {...props}
      onClose={() => {
        setTicked(new Set());
        props.onClose();
      }}
      title="导入花名册"
      width={1180}
      style={{ top: 24 }}
      testId="roster"
      dropzone={DROPZONE}
      preview={(token) => {
        setTicked(new Set());
        return call('roster.preview', { token });
      }}
      commit={(token) => call('roster.commit', { token, confirmed: [...ticked] })}
      commitFailed="导入未完成"
      renderPreview={(p, name) => previewView(p, name, ticked, toggle)}
      renderDone={(r) => ({ title: '花名册导入完成', text: `新增 ${r.inserted} 人，更新 ${r.updated} 人，跳过 ${r.skipped} 行。` })}
    />
  );
}

const tags = (cols: string[], color?: string) =>
  cols.map((c) => (
    <Tag key={c} color={color} style={{ marginBottom: 2 }}>
      {c}
    </Tag>
  ));

/** Counts and columns, the good rows in a table, the warnings to tick, then the rows that will be skipped. */
function previewView(
  p: RosterPreview,
  name: string,
  ticked: ReadonlySet<string>,
  toggle: (key: string, on: boolean) => void,
): ImportPreviewView {
  const open = p.warnings.filter((w) => !ticked.has(w.key)).length;
  const defaulted = new Set(p.warnings.filter((w) => w.key.startsWith('partyDefault|')).flatMap((w) => w.rows));
  return {
    confirm: {
      label: open > 0 ? `请先确认 ${open} 条提示` : `确认导入${p.goodRows ? `（${p.goodRows} 行）` : ''}`,
      disabled: p.goodRows === 0 || open > 0,
    },
    body: (
      <ImportSummary
        testId="roster-preview"
        labelWidth={96}
        items={[
          { key: 'f', label: '文件', children: name, span: 3 },
          { key: 'g', label: '可导入', children: <b>{p.goodRows} 行</b> },
          { key: 'n', label: '新增干部', children: <span data-testid="roster-new">{p.newCadres} 人</span> },
          { key: 'u', label: '更新干部', children: <span data-testid="roster-updated">{p.updatedCadres} 人</span> },
          { key: 'c', label: '识别的列', span: 3, children: tags(p.columns, 'blue') },
          ...(p.derivedColumns.length
            ? [
                {
                  key: 'd',
                  label: '按身份证号',
                  span: 3,
                  children: <span data-testid="roster-derived">{tags(p.derivedColumns, 'green')}由身份证号推算，不算缺少</span>,
                },
              ]
            : []),
          ...(p.missingColumns.length
            ? [
                {
                  key: 'm',
                  label: '表格中没有',
                  span: 3,
                  children: <span data-testid="roster-absent">{tags(p.missingColumns)}已有干部保留原值，新增干部为未录入</span>,
                },
              ]
            : []),
        ]}
      >
        {p.warnings.length > 0 && (
          <Alert
            type="warning"
            style={{ marginTop: 12 }}
            title={`导入前请逐条确认（${p.warnings.length - open} / ${p.warnings.length} 已确认）`}
            description={
              <div data-testid="roster-warnings">
                {p.warnings.map((w) => (
                  <div key={w.key} style={{ marginTop: 4 }} data-testid="roster-warning">
                    <Checkbox checked={ticked.has(w.key)} onChange={(e) => toggle(w.key, e.target.checked)}>
                      {w.text}
                    </Checkbox>
                  </div>
                ))}
              </div>
            }
          />
        )}
        {p.rows.length > 0 && (
          <>
            <h4 style={{ margin: '14px 0 6px' }}>将导入的行（{p.rows.length} 行）</h4>
            <Table<RosterPreviewRow>
              size="small"
              rowKey="row"
              pagination={p.rows.length > 50 ? { pageSize: 50, showSizeChanger: false, size: 'small' } : false}
              dataSource={p.rows}
              scroll={{ y: 220, x: 1080 }}
              data-testid="roster-good-rows"
              columns={[
                { title: '行号', dataIndex: 'row', width: 56 },
                { title: '姓名', dataIndex: 'name', width: 80 },
                { title: '性别', dataIndex: 'gender', width: 50 },
                { title: '出生日期', dataIndex: 'birthDate', width: 124, render: (d: string | null) => (d ? dateLabel(d) : '') },
                { title: '身份证号', dataIndex: 'idNumberMasked', width: 168 },
                {
                  title: '政治面貌',
                  key: 'party',
                  width: 136,
                  render: (_: unknown, r) =>
                    r.partyStatus === null ? (
                      <span className="ob-muted">保留原值</span>
                    ) : defaulted.has(r.row) ? (
                      <span style={{ color: '#b54708' }}>{r.partyStatus}（未填）</span>
                    ) : (
                      r.partyStatus
                    ),
                },
                { title: '任职类型', dataIndex: 'postType', width: 136 },
                {
                  title: '派出单位',
                  dataIndex: 'unitName',
                  width: 120,
                  render: (v: string | null) => v ?? <span className="ob-muted">未录入</span>,
                },
                { title: '所在地', dataIndex: 'place' },
                { title: '任职开始', dataIndex: 'start', width: 124, render: (d: string | null) => (d ? dateLabel(d) : '') },
                { title: '导入后', dataIndex: 'action', width: 72 },
              ]}
            />
          </>
        )}
        {p.badRows.length > 0 && (
          <>
            <h4 style={{ margin: '14px 0 6px', color: '#b42318' }}>有问题的行（{p.badRows.length} 行，将跳过，可修改表格后重新导入）</h4>
            <Table<RosterRowError>
              size="small"
              rowKey={(r) => `${r.row}-${r.reason}`}
              pagination={false}
              dataSource={p.badRows}
              scroll={{ y: 160 }}
              data-testid="roster-bad-rows"
              columns={[
                { title: '行号', dataIndex: 'row', width: 70 },
                { title: '姓名', dataIndex: 'name', width: 110, render: (v: string | null) => v ?? '—' },
                { title: '原因', dataIndex: 'reason' },
              ]}
            />
          </>
        )}
      </ImportSummary>
    ),
  };
}
