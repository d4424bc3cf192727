import { MergeCellsOutlined } from '@ant-design/icons';
import { Alert, Button, Input, Modal, Progress, Select, Table, Tag } from 'antd';
import { DatePicker } from '../common/DatePicker';
import dayjs from 'dayjs';
import { useState } from 'react';
import { materialInputSchema } from '../../../shared/api';
import { FILE_FLAG_LABELS, FILE_KIND_LABELS, MATERIAL_CATEGORIES, type MaterialCategory } from '../../../shared/domain';
import { call, errorMessage } from '../api/client';
import { yearOf } from '../util/format';
import { mergeRows, type IntakeRow, type RefusedFile } from './intake';

export interface IntakeProgress {
  done: number;
  total: number;
  current: string | null;
}

/**
 * Confirmation table for files dropped on a bag: one row per file with the suggested
 * category, title and date (editable), duplicates named, refused files in red. 归档 files
 * each row as one material; rows that fail stay in the table with their reason.
 */
export function IntakeDialog({
  cadreId,
  cadreName,
  open,
  rows,
  setRows,
  refused,
  progress,
  onCancel,
  onFiled,
}: {
  cadreId: number;
  cadreName: string;
  open: boolean;
  rows: IntakeRow[];
  setRows: (fn: (rows: IntakeRow[]) => IntakeRow[]) => void;
  refused: RefusedFile[];
  progress: IntakeProgress | null;
  onCancel: () => void;
  onFiled: (count: number, allDone: boolean) => void;
}) {
  const [selected, setSelected] = useState<string[]>([]);
  const [filing, setFiling] = useState(false);
  const uploading = progress !== null && progress.done < progress.total;

  const patch = (key: string, p: Partial<IntakeRow>) =>
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...p, error: undefined } : r)));

  const file = async () => {
    setFiling(true);
    let filed = 0;
    const failed: IntakeRow[] = [];
    for (const row of rows) {
      const material = {
        category: row.category,
        title: row.title,
        date: row.date,
        year: yearOf(row.date),
        responsible: null,
        docNumber: null,
        secrecy: '公开' as const,
        notes: null,
      };
      const parsed = materialInputSchema.safeParse(material);
      if (!parsed.success) {
        failed.push({ ...row, error: parsed.error.issues[0]?.message ?? '输入有误' });
        continue;
      }
      try {
        await call('bag.add', { cadreId, material: parsed.data, files: row.files.map((f) => f.token) });
        filed++;
      } catch (err) {
        failed.push({ ...row, error: errorMessage(err) });
      }
    }
    setFiling(false);
    setSelected([]);
    setRows(() => failed);
    onFiled(filed, failed.length === 0);
  };

  return (
    <Modal
      title={`归档到 ${cadreName} 的资料袋`}
      open={open}
      onCancel={onCancel}
      width={1080}
      mask={{ closable: false }}
      destroyOnHidden
      footer={[
        <Button key="merge" icon={<MergeCellsOutlined />} disabled={selected.length < 2 || filing} onClick={() => { setRows((rs) => mergeRows(rs, selected)); setSelected([]); }}>
          合并选中文件为一件材料
        </Button>,
        <Button key="cancel" onClick={onCancel} disabled={filing}>
          取消
        </Button>,
        <Button key="ok" type="primary" loading={filing} disabled={uploading || rows.length === 0} onClick={file} data-testid="intake-file">
          归档{rows.length ? `（${rows.length} 件）` : ''}
        </Button>,
      ]}
    >
      {progress && uploading && (
        <div style={{ marginBottom: 12 }}>
          <div className="ob-muted">
            正在读取第 {progress.done + 1} / {progress.total} 个文件：{progress.current}
          </div>
          <Progress percent={Math.round((progress.done / progress.total) * 100)} size="small" />
        </div>
      )}
      {refused.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={`${refused.length} 个文件未能接收`}
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }} data-testid="refused-files">
              {refused.map((r, i) => (
                <li key={`${r.name}-${i}`} style={{ color: '#b42318' }}>
                  {r.name}：{r.reason}
                </li>
              ))}
            </ul>
          }
        />
      )}
      <Table<IntakeRow>
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={rows}
        scroll={{ y: 380 }}
        locale={{ emptyText: uploading ? '正在读取文件…' : '没有可归档的文件' }}
        rowSelection={{ selectedRowKeys: selected, onChange: (k) => setSelected(k as string[]) }}
        data-testid="intake-table"
        columns={[
          {
            title: '文件',
            key: 'files',
            width: 280,
            render: (_: unknown, r) => (
              <div>
                {r.files.map((f) => (
                  <div key={f.token} style={{ wordBreak: 'break-all' }}>
                    {f.name}{' '}
                    <span className="ob-muted">
                      （{FILE_KIND_LABELS[f.kind]}
                      {f.pageCount ? `，${f.pageCount} 页` : ''}）
                    </span>
                    {(f.flags ?? []).map((flag) => (
                      <Tag key={flag} color="red" style={{ marginLeft: 4 }} data-testid="staged-flag">
                        {FILE_FLAG_LABELS[flag]}
                      </Tag>
                    ))}
                    {f.notice && <div style={{ color: "#b54708" }} data-testid="staged-notice">「{f.name}」{f.notice}</div>}
                    {f.duplicateOf && (
                      <Tag color="orange" style={{ marginLeft: 4, whiteSpace: 'normal' }}>
                        与「{f.duplicateOf}」内容相同
                      </Tag>
                    )}
                  </div>
                ))}
                {r.error && <div style={{ color: '#b42318' }}>{r.error}</div>}
              </div>
            ),
          },
          {
            title: '类别',
            key: 'category',
            width: 150,
            render: (_: unknown, r) => (
              <Select<MaterialCategory>
                value={r.category}
                style={{ width: '100%' }}
                options={MATERIAL_CATEGORIES.map((c) => ({ value: c, label: c }))}
                onChange={(v) => patch(r.key, { category: v })}
              />
            ),
          },
          {
            title: '题名',
            key: 'title',
            render: (_: unknown, r) => (
              <>
                <Input value={r.title} maxLength={200} status={r.title.trim() ? undefined : 'error'} onChange={(e) => patch(r.key, { title: e.target.value })} />
                {r.pageHint && (
                  <div className="ob-muted" style={{ fontSize: 12 }} data-testid="intake-page-hint">
                    {r.pageHint}
                  </div>
                )}
              </>
            ),
          },
          {
            title: '日期',
            key: 'date',
            width: 150,
            render: (_: unknown, r) => (
              <DatePicker
                value={r.date ? dayjs(r.date) : null}
                style={{ width: '100%' }}
                onChange={(d) => patch(r.key, { date: d ? d.format('YYYY-MM-DD') : null })}
              />
            ),
          },
        ]}
      />
    </Modal>
  );
}
