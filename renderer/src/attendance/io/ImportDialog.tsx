import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Modal, Result, Spin, Tabs, Table, Tag, Upload } from 'antd';
import { useState } from 'react';
import type { ImportChange, ImportError, ImportPreview, ImportResult } from '../../../../shared/api/attendanceIo';
import { call, errorMessage, stageFile } from '../../api/client';
import { useNotify } from '../../util/notify';

type Step =
  | { kind: 'choose' }
  | { kind: 'reading'; name: string }
  | { kind: 'preview'; name: string; token: string; preview: ImportPreview }
  | { kind: 'done'; result: ImportResult };

const HALF: Record<ImportChange['half'], string> = { 全: '全天', 上: '上午', 下: '下午' };
const monthText = (m: string) => `${m.slice(0, 4)}年${Number(m.slice(5))}月`;

/** Import a month: pick or drop the township's .xlsx → changes and per-cell errors → 确认导入. */
export function ImportDialog({
  open,
  townshipId,
  month,
  onClose,
  onImported,
}: {
  open: boolean;
  townshipId: number;
  month: string;
  onClose: () => void;
  onImported: () => void;
}) {
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [error, setError] = useState<string | null>(null);
  const [committing, setCommitting] = useState(false);
  const { notifyError } = useNotify();

  const reset = () => {
    if (step.kind === 'preview') void call('staging.discard', { token: step.token }).catch(() => undefined);
    setStep({ kind: 'choose' });
    setError(null);
  };
  const close = () => {
    reset();
    onClose();
  };

  const read = async (file: File) => {
    setError(null);
    if (!/\.xlsx$/i.test(file.name)) {
      setError(`“${file.name}”不是 Excel 表格（.xlsx）。如为 .xls 或 WPS 表格，请先另存为 .xlsx`);
      return;
    }
    setStep({ kind: 'reading', name: file.name });
    try {
      // 'roster' keeps the file as it is for reading (no attachment inspection)
      const staged = await stageFile(file, 'roster');
      const preview = await call('attendance.import.preview', { token: staged.token, townshipId, month });
      setStep({ kind: 'preview', name: file.name, token: staged.token, preview });
    } catch (err) {
      setError(errorMessage(err));
      setStep({ kind: 'choose' });
    }
  };

  const commit = async () => {
    if (step.kind !== 'preview') return;
    setCommitting(true);
    try {
      const result = await call('attendance.import.commit', { token: step.token, townshipId, month });
      setStep({ kind: 'done', result });
      onImported();
    } catch (err) {
      setError(errorMessage(err));
      notifyError(err, '导入未完成，考勤未改变');
    } finally {
      setCommitting(false);
    }
  };

  let body;
  let footer: React.ReactNode[] = [
    <Button key="c" onClick={close}>
      取消
    </Button>,
  ];
  if (step.kind === 'choose') {
    body = (
      <Upload.Dragger
        accept=".xlsx"
        multiple={false}
        showUploadList={false}
        beforeUpload={(f) => {
          void read(f);
          return false;
        }}
        data-testid="attendance-import-dropzone"
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">点击选择或把乡镇考勤表拖到这里</p>
        <p className="ant-upload-hint">
          Excel（.xlsx），每名干部一行、每天一列（表头“姓名”和“1”至“31”或“1日”“1号”）。可填 √、在岗、公出、出差、事假、病假、公假、会议、婚丧产假、缺勤、旷工、×，或字母
          Z G S B J H Q；半天写“上午事假”。空白按在岗处理。导入前先预览，确认后才写入。
        </p>
      </Upload.Dragger>
    );
  } else if (step.kind === 'reading') {
    body = (
      <Spin description={`正在读取“${step.name}”…`} style={{ display: 'block', padding: 60 }}>
        <div style={{ height: 80 }} />
      </Spin>
    );
  } else if (step.kind === 'preview') {
    const p = step.preview;
    const blocked = p.certified || p.errors.length > 0 || p.changes.length === 0;
    body = (
      <div data-testid="attendance-import-preview">
        <Descriptions
          size="small"
          bordered
          column={3}
          styles={{ label: { whiteSpace: 'nowrap', width: 84 } }}
          items={[
            { key: 'f', label: '文件', children: `${step.name}（工作表“${p.sheetName}”）`, span: 3 },
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
                        <span className="ob-muted">不是{p.townshipName}{monthText(p.month)}在任的干部，将跳过</span>
                      </>
                    ),
                  },
                ]
              : []),
            ...(p.notInSheet.length
              ? [{ key: 'n', label: '表中没有', span: 3, children: `${p.notInSheet.join('、')}（保持原样）` }]
              : []),
          ]}
        />
        {p.certified && (
          <Alert type="warning" showIcon style={{ marginTop: 10 }} title="该月考勤已由乡镇党委认定，不能导入；如需修改，须先撤销认定并说明原因" />
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
                    { title: '日期', dataIndex: 'date', width: 110, render: (d: string) => `${Number(d.slice(5, 7))}月${Number(d.slice(8))}日` },
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
      </div>
    );
    footer = [
      <Button key="back" onClick={reset}>
        重新选择文件
      </Button>,
      <Button key="c" onClick={close}>
        取消
      </Button>,
      <Button key="ok" type="primary" loading={committing} disabled={blocked} onClick={commit} data-testid="attendance-import-commit">
        {p.errors.length ? '请先修改表格中的错误' : `确认导入（${p.changes.length} 处）`}
      </Button>,
    ];
  } else {
    const r = step.result;
    body = (
      <Result
        status="success"
        title="考勤导入完成"
        subTitle={<span data-testid="attendance-import-result">已更新 {r.cadres} 名干部共 {r.changed} 个半天的考勤。</span>}
      />
    );
    footer = [
      <Button key="ok" type="primary" onClick={close}>
        完成
      </Button>,
    ];
  }

  return (
    <Modal title={`导入考勤表（${monthText(month)}）`} open={open} onCancel={close} width={780} style={{ top: 24 }} footer={footer} mask={{ closable: false }} destroyOnHidden>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="attendance-import-error" />}
      {body}
    </Modal>
  );
}
