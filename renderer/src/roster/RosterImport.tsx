import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Modal, Result, Spin, Table, Tag, Upload } from 'antd';
import { useState } from 'react';
import type { RosterPreview, RosterResult, RosterRowError } from '../../../shared/domain';
import { call, errorMessage, stageFile } from '../api/client';
import { useNotify } from '../util/notify';

type Step =
  | { kind: 'choose' }
  | { kind: 'reading'; name: string }
  | { kind: 'preview'; name: string; token: string; preview: RosterPreview }
  | { kind: 'done'; result: RosterResult };

/** Roster import: choose or drop a spreadsheet → preview (columns, counts, bad rows, new units) → confirm. */
export function RosterImport({ open, onClose, onImported }: { open: boolean; onClose: () => void; onImported: () => void }) {
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
    setStep({ kind: 'reading', name: file.name });
    try {
      const staged = await stageFile(file, 'roster');
      const preview = await call('roster.preview', { token: staged.token });
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
      const result = await call('roster.commit', { token: step.token });
      setStep({ kind: 'done', result });
      onImported();
    } catch (err) {
      setError(errorMessage(err));
      notifyError(err, '导入未完成');
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
        accept=".xlsx,.csv"
        multiple={false}
        showUploadList={false}
        beforeUpload={(f) => {
          void read(f);
          return false;
        }}
        data-testid="roster-dropzone"
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">点击选择或把花名册拖到这里</p>
        <p className="ant-upload-hint">支持 Excel（.xlsx）和 CSV 文件。第一行为表头，需包含“姓名”“身份证号”等列；导入前会先预览，确认后才写入。</p>
      </Upload.Dragger>
    );
  } else if (step.kind === 'reading') {
    body = <Spin description={`正在读取“${step.name}”…`} style={{ display: 'block', padding: 60 }}><div style={{ height: 80 }} /></Spin>;
  } else if (step.kind === 'preview') {
    const p = step.preview;
    body = (
      <div data-testid="roster-preview">
        <Descriptions
          size="small"
          bordered
          column={3}
          styles={{ label: { whiteSpace: 'nowrap', width: 96 } }}
          items={[
            { key: 'f', label: '文件', children: step.name, span: 3 },
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
        />
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
      </div>
    );
    footer = [
      <Button key="back" onClick={reset}>
        重新选择文件
      </Button>,
      <Button key="c" onClick={close}>
        取消
      </Button>,
      <Button key="ok" type="primary" loading={committing} disabled={p.goodRows === 0} onClick={commit} data-testid="roster-commit">
        确认导入{p.goodRows ? `（${p.goodRows} 行）` : ''}
      </Button>,
    ];
  } else {
    const r = step.result;
    body = (
      <Result
        status="success"
        title="花名册导入完成"
        subTitle={<span data-testid="roster-result">新增 {r.inserted} 人，更新 {r.updated} 人，跳过 {r.skipped} 行。</span>}
      />
    );
    footer = [
      <Button key="ok" type="primary" onClick={close}>
        完成
      </Button>,
    ];
  }

  return (
    <Modal title="导入花名册" open={open} onCancel={close} width={760} footer={footer} mask={{ closable: false }} destroyOnHidden>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="roster-error" />}
      {body}
    </Modal>
  );
}
