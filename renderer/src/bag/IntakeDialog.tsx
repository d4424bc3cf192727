import { MergeCellsOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Input, InputNumber, Modal, Progress, Select, Table, Tag } from 'antd';
import { DatePicker } from '../common/DatePicker';
import dayjs from 'dayjs';
import { useState } from 'react';
import { materialInputSchema } from '../../../shared/api/bag';
import { FILE_FLAG_LABELS, FILE_KIND_LABELS, MATERIAL_CATEGORIES, type CadreListRow, type MaterialCategory } from '../../../shared/domain';
import { call, errorMessage } from '../api/client';
import { duplicateNote, mergeRows, rowProblem, suggestResponsible, type IntakeProgress, type IntakeRow } from './intake';
import { useNotify } from '../util/notify';
import { settle } from '../util/settle';
import type { Intake } from './useIntake';

/**
 * Confirmation table for files dropped on a bag (or, in a batch, for several cadres): one row per
 * file with the cadre (batch only), suggested category, title, 责任者, date and year (editable),
 * duplicates named with a 仍然归档 tick, refused files in red. 归档 files each row as one material
 * in its own transaction, with progress; rows that fail stay in the table with their reason.
 */
export function IntakeDialog({
  title,
  cadres,
  intake,
  onFiled,
}: {
  title: string;
  /** Batch intake: the cadres a row can go to (a 干部 column is shown). */
  cadres?: readonly CadreListRow[];
  /** The files being taken in (useIntake); the dialog closes it once every row is filed. */
  intake: Intake;
  /** After each 归档 (some rows may be left with their reason): the bag has new materials. */
  onFiled: () => void;
}) {
  const { open, rows, setRows, refused, progress, cancel: onCancel } = intake;
  const { success } = useNotify();
  const [selected, setSelected] = useState<string[]>([]);
  const [filing, setFiling] = useState<IntakeProgress | null>(null);
  const uploading = progress !== null && progress.done < progress.total;

  const patch = (key: string, p: Partial<IntakeRow>) =>
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...p, error: undefined } : r)));
  const cadreById = new Map((cadres ?? []).map((c) => [c.id, c]));
  const chooseCadre = (r: IntakeRow, id: number | null) => {
    const before = r.cadreId === null ? undefined : cadreById.get(r.cadreId);
    const next = id === null ? undefined : cadreById.get(id);
    // The 责任者 follows the cadre unless the clerk typed their own.
    const auto = !r.responsible || (before && r.responsible === suggestResponsible(before));
    patch(r.key, { cadreId: id, ...(auto ? { responsible: next ? suggestResponsible(next) : '' } : {}) });
  };

  const file = async () => {
    let filed = 0;
    const failed: IntakeRow[] = [];
    /** Content filed now, for rows left behind that hold the same file. */
    const filedNow = new Map<string, string>();
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      setFiling({ done: i, total: rows.length, current: row.title });
      const problem = rowProblem(row, rows);
      if (problem) {
        failed.push({ ...row, error: problem });
        continue;
      }
      const material = {
        category: row.category,
        title: row.title,
        date: row.date,
        year: row.year!,
        responsible: row.responsible.trim() || null,
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
        await call('bag.add', { cadreId: row.cadreId!, material: parsed.data, files: row.files.map((f) => f.token) });
        filed++;
        const who = cadres ? cadreById.get(row.cadreId!)?.name : undefined;
        for (const f of row.files) filedNow.set(f.sha256, `「${row.title}」（${who ? `${who}，` : ''}本次已归档）`);
      } catch (err) {
        failed.push({ ...row, error: errorMessage(err) });
      }
    }
    setFiling(null);
    setSelected([]);
    // A file filed now is no longer "earlier in this intake" for the rows left, but already filed.
    setRows(() =>
      failed.map((r) => ({
        ...r,
        files: r.files.map((f) => (f.duplicateOf || !filedNow.has(f.sha256) ? f : { ...f, duplicateOf: filedNow.get(f.sha256)! })),
      })),
    );
    if (filed) success(`已归档 ${filed} 件材料`);
    onFiled();
    if (failed.length === 0) intake.close();
  };

  return (
    <Modal
      title={title}
      open={open}
      onCancel={onCancel}
      width={cadres ? 1280 : 1160}
      mask={{ closable: false }}
      destroyOnHidden
      footer={[
        <Button
          key="merge"
          icon={<MergeCellsOutlined />}
          disabled={selected.length < 2 || filing !== null}
          onClick={() => {
            setRows((rs) => mergeRows(rs, selected));
            setSelected([]);
          }}
        >
          合并选中文件为一件材料
        </Button>,
        <Button key="cancel" onClick={onCancel} disabled={filing !== null}>
          取消
        </Button>,
        <Button
          key="ok"
          type="primary"
          loading={filing !== null}
          disabled={uploading || rows.length === 0}
          onClick={settle(file)}
          data-testid="intake-file"
        >
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
      {filing && (
        <div style={{ marginBottom: 12 }} data-testid="intake-filing">
          <div className="ob-muted">
            正在归档第 {filing.done + 1} / {filing.total} 件：{filing.current}
          </div>
          <Progress percent={Math.round((filing.done / filing.total) * 100)} size="small" />
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
          ...(cadres
            ? [
                {
                  title: '干部',
                  key: 'cadre',
                  width: 180,
                  render: (_: unknown, r: IntakeRow) => (
                    <Select<number>
                      showSearch={{ optionFilterProp: 'label' }}
                      allowClear
                      value={r.cadreId ?? undefined}
                      placeholder="选择干部"
                      status={r.cadreId === null ? 'error' : undefined}
                      style={{ width: '100%' }}
                      options={cadres.map((c) => ({
                        value: c.id,
                        label: `${c.name}${c.village ? `（${c.village}）` : c.township ? `（${c.township}）` : ''}`,
                      }))}
                      onChange={(v) => chooseCadre(r, v ?? null)}
                      data-testid="intake-cadre"
                    />
                  ),
                },
              ]
            : []),
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
                    {f.notice && (
                      <div style={{ color: '#b54708' }} data-testid="staged-notice">
                        「{f.name}」{f.notice}
                      </div>
                    )}
                  </div>
                ))}
                {duplicateNote(r, rows) && (
                  <div style={{ color: '#b54708' }} data-testid="intake-duplicate">
                    {duplicateNote(r, rows)}
                    <div>
                      <Checkbox
                        checked={!!r.duplicateConfirmed}
                        onChange={(e) => patch(r.key, { duplicateConfirmed: e.target.checked })}
                        data-testid="intake-duplicate-confirm"
                      >
                        仍然归档
                      </Checkbox>
                    </div>
                  </div>
                )}
                {r.error && (
                  <div style={{ color: '#b42318' }} data-testid="intake-row-error">
                    {r.error}
                  </div>
                )}
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
                <Input
                  value={r.title}
                  maxLength={200}
                  status={r.title.trim() ? undefined : 'error'}
                  onChange={(e) => patch(r.key, { title: e.target.value })}
                />
                <Input
                  value={r.responsible}
                  maxLength={100}
                  prefix={<span className="ob-muted">责任者</span>}
                  placeholder="未录入"
                  style={{ marginTop: 4 }}
                  onChange={(e) => patch(r.key, { responsible: e.target.value })}
                  data-testid="intake-responsible"
                />
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
                onChange={(d) => patch(r.key, d ? { date: d.format('YYYY-MM-DD'), year: d.year() } : { date: null })}
                data-testid="intake-date"
              />
            ),
          },
          {
            title: '年度',
            key: 'year',
            width: 96,
            render: (_: unknown, r) => (
              <InputNumber<number>
                value={r.year}
                min={2000}
                max={2100}
                precision={0}
                controls={false}
                placeholder="未识别"
                status={r.year === null ? 'error' : undefined}
                style={{ width: '100%' }}
                onChange={(v) => patch(r.key, { year: v ?? null })}
                data-testid="intake-year"
              />
            ),
          },
        ]}
      />
    </Modal>
  );
}
