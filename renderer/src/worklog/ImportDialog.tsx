import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Space, Spin, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { ImportEntry, ImportPreview } from '../../../shared/api/worklog';
import { call, stageFile } from '../api/client';
import { useNotify } from '../util/notify';
import { dateLabel } from '../../../shared/dates';
import { entryText } from './entryText';
import { useBusyAction } from '../common/useBusyAction';

interface Props {
  open: boolean;
  cadreId: number;
  cadreName: string;
  year: number;
  onClose: () => void;
  onImported: () => void;
}

/** Drop a .docx/.xlsx log → see how it splits into entries, with problems → 确认导入. */
export function ImportDialog({ open, cadreId, cadreName, year, onClose, onImported }: Props) {
  const { success } = useNotify();
  const { busy, runBusy } = useBusyAction();
  const [file, setFile] = useState<{ token: string; name: string } | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [over, setOver] = useState(false);

  const reset = () => {
    if (file) void call('staging.discard', { token: file.token }).catch(() => undefined);
    setFile(null);
    setPreview(null);
  };
  const close = () => {
    reset();
    onClose();
  };

  const take = async (f: File | undefined) => {
    if (!f) return;
    reset();
    await runBusy(async () => {
      const staged = await stageFile(f, 'attachment', cadreId);
      setFile({ token: staged.token, name: staged.name });
      setPreview(await call('worklog.importPreview', { cadreId, token: staged.token, year }));
    }, `「${f.name}」无法导入`);
  };

  const commit = async () => {
    if (!file) return;
    await runBusy(async () => {
      const r = await call('worklog.importCommit', { cadreId, token: file.token, year });
      success(`已导入${r.imported}条日志${r.skipped ? `，跳过${r.skipped}条` : ''}`);
      setFile(null);
      setPreview(null);
      onImported();
    }, '导入未完成，数据未改变');
  };

  const columns = [
    { title: '位置', dataIndex: 'where', width: 76 },
    {
      title: '日期',
      dataIndex: 'date',
      width: 124,
      render: (d: string | null) => (d ? dateLabel(d) : <Typography.Text type="danger">无</Typography.Text>),
    },
    { title: '类型', dataIndex: 'kind', width: 56 },
    {
      title: '内容',
      key: 'text',
      render: (_: unknown, e: ImportEntry) => (
        <div style={{ whiteSpace: 'pre-wrap' }}>{entryText(e, { separator: '\n', place: true })}</div>
      ),
    },
    {
      title: '检查',
      key: 'check',
      width: 200,
      render: (_: unknown, e: ImportEntry) =>
        e.errors.length || e.warnings.length ? (
          <Space direction="vertical" size={2}>
            {e.errors.map((m) => (
              <Tag key={m} color="red" style={{ whiteSpace: 'normal' }}>
                {m}
              </Tag>
            ))}
            {e.warnings.map((m) => (
              <Tag key={m} color="orange" style={{ whiteSpace: 'normal' }}>
                {m}
              </Tag>
            ))}
          </Space>
        ) : (
          <Tag color="green">可导入</Tag>
        ),
    },
  ];

  return (
    <Modal
      open={open}
      title={`导入${cadreName}的工作日志（${year}年）`}
      width={980}
      onCancel={close}
      destroyOnHidden
      footer={[
        <Button key="c" onClick={close}>
          取消
        </Button>,
        <Button
          key="ok"
          type="primary"
          disabled={!preview || preview.ready === 0}
          loading={busy && !!preview}
          onClick={() => void commit()}
        >
          确认导入{preview ? `（${preview.ready}条）` : ''}
        </Button>,
      ]}
    >
      <div
        data-testid="worklog-import-drop"
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          void take(e.dataTransfer.files[0]);
        }}
        style={{
          border: `1px dashed ${over ? '#8b1c17' : '#d1d5db'}`,
          borderRadius: 6,
          padding: 14,
          textAlign: 'center',
          background: over ? '#fffaf5' : '#fafafa',
          marginBottom: 10,
        }}
      >
        <InboxOutlined style={{ fontSize: 28, color: '#8b1c17' }} />
        <div>
          将干部交来的 Word（.docx）或 Excel、WPS 表格（.xlsx、.xls、.et）日志拖到这里，或
          <label style={{ color: '#8b1c17', cursor: 'pointer' }}>
            选择文件
            <input type="file" accept=".docx,.xlsx,.xls,.et" hidden onChange={(e) => void take(e.target.files?.[0])} />
          </label>
        </div>
        <div className="wl-hint">
          Word：以日期开头的段落（如 2025年3月5日、3月5日）开始一条日志；Excel：首行为 日期、类型、地点、走访对象、情况、困难、下步打算
          等列名
        </div>
      </div>
      {busy && !preview ? <Spin style={{ display: 'block', margin: 20 }} /> : null}
      {preview ? (
        <>
          <Alert
            type={preview.ready ? 'info' : 'warning'}
            showIcon
            style={{ marginBottom: 8 }}
            message={`「${file?.name}」拆分为${preview.entries.length}条日志，其中${preview.ready}条可导入${
              preview.entries.length - preview.ready ? `，${preview.entries.length - preview.ready}条有问题将跳过` : ''
            }。确认前不会保存任何内容。`}
            description={
              preview.problems.length ? (
                <ul style={{ margin: 0, paddingLeft: 18 }} data-testid="worklog-import-problems">
                  {preview.problems.map((p, i) => (
                    <li key={i}>
                      {p.where ? `${p.where}：` : ''}
                      {p.message}
                    </li>
                  ))}
                </ul>
              ) : undefined
            }
          />
          <Table
            size="small"
            rowKey="where"
            columns={columns}
            dataSource={preview.entries}
            pagination={false}
            scroll={{ y: 340 }}
            data-testid="worklog-import-preview"
          />
        </>
      ) : null}
    </Modal>
  );
}
