import { Table, Tag } from 'antd';
import type { RosterPreview, RosterResult, RosterRowError } from '../../../shared/domain';
import { call } from '../api/client';
import { ImportSummary, SpreadsheetImportDialog, type ImportPreviewView } from '../common/SpreadsheetImportDialog';

const DROPZONE = {
  accept: '.xlsx,.csv',
  text: '点击选择或把花名册拖到这里',
  hint: '支持 Excel（.xlsx）和 CSV 文件。第一行为表头，需包含“姓名”“身份证号”等列；导入前会先预览，确认后才写入。',
};

/** Roster import: choose or drop a spreadsheet → preview (columns, counts, bad rows, new units) → confirm. */
export function RosterImport(props: { open: boolean; onClose: () => void; onImported: () => void }) {
  return (
    <SpreadsheetImportDialog<RosterPreview, RosterResult>
      {...props}
      title="导入花名册"
      width={760}
      testId="roster"
      dropzone={DROPZONE}
      preview={(token) => call('roster.preview', { token })}
      commit={(token) => call('roster.commit', { token })}
      commitFailed="导入未完成"
      renderPreview={previewView}
      renderDone={(r) => ({ title: '花名册导入完成', text: `新增 ${r.inserted} 人，更新 ${r.updated} 人，跳过 ${r.skipped} 行。` })}
    />
  );
}

/** Columns found and missing, counts, the rows that will be skipped and the units to be created. */
function previewView(p: RosterPreview, name: string): ImportPreviewView {
  return {
    confirm: { label: `确认导入${p.goodRows ? `（${p.goodRows} 行）` : ''}`, disabled: p.goodRows === 0 },
    body: (
      <ImportSummary
        testId="roster-preview"
        labelWidth={96}
        items={[
          { key: 'f', label: '文件', children: name, span: 3 },
          { key: 'g', label: '可导入', children: <b>{p.goodRows} 行</b> },
          { key: 'n', label: '新增干部', children: <span data-testid="roster-new">{p.newCadres} 人</span> },
          { key: 'u', label: '更新干部', children: <span data-testid="roster-updated">{p.updatedCadres} 人</span> },
          {
            key: 'c',
            label: '识别的列',
            span: 3,
            children: p.columns.map((c) => (
              <Tag key={c} color="blue" style={{ marginBottom: 2 }}>
                {c}
              </Tag>
            )),
          },
          ...(p.missingColumns.length
            ? [
                {
                  key: 'm',
                  label: '缺少的列',
                  span: 3,
                  children: p.missingColumns.map((c) => (
                    <Tag key={c} color="red">
                      {c}
                    </Tag>
                  )),
                },
              ]
            : []),
        ]}
      >
        {p.badRows.length > 0 && (
          <>
            <h4 style={{ margin: '14px 0 6px', color: '#b42318' }}>有问题的行（{p.badRows.length} 行，将跳过，可修改表格后重新导入）</h4>
            <Table<RosterRowError>
              size="small"
              rowKey={(r) => `${r.row}-${r.reason}`}
              pagination={false}
              dataSource={p.badRows}
              scroll={{ y: 180 }}
              data-testid="roster-bad-rows"
              columns={[
                { title: '行号', dataIndex: 'row', width: 70 },
                { title: '姓名', dataIndex: 'name', width: 110, render: (v: string | null) => v ?? '—' },
                { title: '原因', dataIndex: 'reason' },
              ]}
            />
          </>
        )}
        {p.newUnits.length > 0 && (
          <>
            <h4 style={{ margin: '14px 0 6px' }}>将新建的组织和单位（{p.newUnits.length} 个）</h4>
            <div style={{ maxHeight: 110, overflowY: 'auto' }} data-testid="roster-new-units">
              {p.newUnits.map((u) => (
                <Tag key={u} style={{ marginBottom: 4 }}>
                  {u}
                </Tag>
              ))}
            </div>
          </>
        )}
      </ImportSummary>
    ),
  };
}
