import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Modal, Result, Spin, Upload, type DescriptionsProps } from 'antd';
import type { CSSProperties, ReactNode } from 'react';
import { useStagedImport, type StagedImportOptions } from './useStagedImport';
import { settle } from '../util/settle';

/** What the preview step shows and how its confirm button reads. */
export interface ImportPreviewView {
  body: ReactNode;
  confirm: { label: ReactNode; disabled: boolean };
}

/**
 * A spreadsheet import dialog: pick or drop the file → reading → the caller's preview with
 * 重新选择文件 / 取消 / confirm → the caller's success result. The file is applied only on confirm.
 * Test ids: `${testId}-dropzone`, `-error`, `-commit`, `-result`; the preview's own is the caller's.
 */
export function SpreadsheetImportDialog<P, R>(
  props: StagedImportOptions<P, R> & {
    open: boolean;
    title: string;
    width: number;
    style?: CSSProperties;
    /** Prefix of the dialog's test ids, e.g. roster. */
    testId: string;
    dropzone: { accept: string; text: string; hint: ReactNode };
    renderPreview: (preview: P, fileName: string) => ImportPreviewView;
    /** The success title and the sentence saying what was imported. */
    renderDone: (result: R) => { title: string; text: ReactNode };
  },
) {
  const { open, title, width, style, testId, dropzone, renderPreview, renderDone, ...flowOptions } = props;
  const flow = useStagedImport(flowOptions);
  const { step } = flow;

  let body: ReactNode;
  let footer: ReactNode[] = [
    <Button key="c" onClick={flow.close}>
      取消
    </Button>,
  ];
  if (step.kind === 'choose') {
    body = (
      <Upload.Dragger
        accept={dropzone.accept}
        multiple={false}
        showUploadList={false}
        beforeUpload={(f) => {
          void flow.read(f);
          return false;
        }}
        data-testid={`${testId}-dropzone`}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{dropzone.text}</p>
        <p className="ant-upload-hint">{dropzone.hint}</p>
      </Upload.Dragger>
    );
  } else if (step.kind === 'reading') {
    body = (
      <Spin description={`正在读取“${step.name}”…`} style={{ display: 'block', padding: 60 }}>
        <div style={{ height: 80 }} />
      </Spin>
    );
  } else if (step.kind === 'preview') {
    const view = renderPreview(step.preview, step.name);
    body = view.body;
    footer = [
      <Button key="back" onClick={flow.reset}>
        重新选择文件
      </Button>,
      ...footer,
      <Button
        key="ok"
        type="primary"
        loading={flow.committing}
        disabled={view.confirm.disabled}
        onClick={settle(flow.commit)}
        data-testid={`${testId}-commit`}
      >
        {view.confirm.label}
      </Button>,
    ];
  } else {
    const done = renderDone(step.result);
    body = <Result status="success" title={done.title} subTitle={<span data-testid={`${testId}-result`}>{done.text}</span>} />;
    footer = [
      <Button key="ok" type="primary" onClick={flow.close}>
        完成
      </Button>,
    ];
  }

  return (
    <Modal
      title={title}
      open={open}
      onCancel={flow.close}
      width={width}
      style={style}
      footer={footer}
      mask={{ closable: false }}
      destroyOnHidden
    >
      {flow.error && <Alert type="error" showIcon title={flow.error} style={{ marginBottom: 12 }} data-testid={`${testId}-error`} />}
      {body}
    </Modal>
  );
}

/** The top of an import preview: the file and its counts in a bordered three-column table, then the details. */
export function ImportSummary(props: { testId: string; labelWidth: number; items: DescriptionsProps['items']; children?: ReactNode }) {
  return (
    <div data-testid={props.testId}>
      <Descriptions
        size="small"
        bordered
        column={3}
        styles={{ label: { whiteSpace: 'nowrap', width: props.labelWidth } }}
        items={props.items}
      />
      {props.children}
    </div>
  );
}
