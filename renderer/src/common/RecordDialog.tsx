import { DeleteOutlined } from '@ant-design/icons';
import { Button, ConfigProvider, Modal, Popconfirm, Tooltip, type FormInstance } from 'antd';
import { useEffect, useEffectEvent, type ReactNode } from 'react';
import { errorMessage } from '../api/client';
import { useNotify } from '../util/notify';
import { settle } from '../util/settle';
import { useDialogSave } from './useDialogSave';

/**
 * Saving and deleting one record from a form dialog: validates the form, saves, toasts,
 * keeps the error for the dialog to show; delete toasts or reports.
 */
export function useRecordEditor<H, D>(opts: {
  /** The saved record's id, null for a new one. */
  id: number | null;
  form: FormInstance<H>;
  /** Saves the validated head (with whatever else the dialog holds) and returns the saved record. */
  save: (head: H) => Promise<D>;
  /** Deletes the saved record (offered only when there is one). */
  remove: (id: number) => Promise<unknown>;
  /** Toast for a new record saved, e.g. 已登记督查记录 (an edit says 已保存修改). */
  createdText: string;
  removedText: string;
  onSaved: (saved: D) => void;
  onRemoved: () => void;
}) {
  const { notifyError, success } = useNotify();
  const { saving, error, setError, runSave } = useDialogSave({ notifyTitle: '保存未完成' });

  const save = async () => {
    let head: H;
    try {
      head = await opts.form.validateFields();
    } catch {
      return;
    }
    setError(null);
    await runSave(async () => {
      const saved = await opts.save(head);
      success(opts.id === null ? opts.createdText : '已保存修改');
      opts.onSaved(saved);
    });
  };

  const { id } = opts;
  const remove =
    id !== null
      ? async () => {
          try {
            await opts.remove(id);
            success(opts.removedText);
            opts.onRemoved();
          } catch (err) {
            notifyError(err, '删除未完成');
          }
        }
      : undefined;

  return { error, setError, saving, save, remove };
}

export type RecordEditor = ReturnType<typeof useRecordEditor>;

/**
 * Fills a record dialog's form when it opens: `fresh()` gives a new record's values, `saved(id)`
 * reads a saved one's (and whatever else the dialog holds); a failure goes to `failed`.
 * The dialog is mounted afresh for each record.
 */
export function useRecordLoad<H>(
  open: boolean,
  id: number | null,
  form: FormInstance<H>,
  fill: NoInfer<{ fresh: () => Partial<H>; saved: (id: number) => Promise<Partial<H>>; failed: (message: string) => void }>,
) {
  const run = useEffectEvent((recordId: number | null) => {
    if (recordId === null) {
      form.resetFields();
      form.setFieldsValue(fill.fresh() as Parameters<FormInstance<H>['setFieldsValue']>[0]);
      return;
    }
    fill.saved(recordId).then(
      (values) => form.setFieldsValue(values as Parameters<FormInstance<H>['setFieldsValue']>[0]),
      (err: unknown) => fill.failed(errorMessage(err)),
    );
  });
  useEffect(() => {
    if (open) run(id);
  }, [open, id]);
}

/** A record's form dialog: 删除 (with confirmation, saved records only), 取消, 保存. */
export function RecordDialog(props: {
  title: string;
  open: boolean;
  width: number;
  onClose: () => void;
  editor: Pick<RecordEditor, 'saving' | 'save' | 'remove'>;
  /** Confirmation asked before deleting, e.g. 删除该事项及其到会记录？ */
  removeConfirm: string;
  /** A review copy's record: every field disabled, only 关闭. */
  readOnly?: boolean;
  children: ReactNode;
}) {
  const { editor } = props;
  const frame = {
    title: props.title,
    open: props.open,
    onCancel: props.onClose,
    width: props.width,
    style: { top: 24 },
    destroyOnHidden: true,
  };
  if (props.readOnly) {
    return (
      <Modal
        {...frame}
        footer={[
          <Tooltip key="hint" title="评审副本，只读">
            <span className="ob-muted" style={{ float: 'left', lineHeight: '32px' }} data-testid="record-readonly">
              评审副本，只读
            </span>
          </Tooltip>,
          <Button key="close" onClick={props.onClose}>
            关闭
          </Button>,
        ]}
      >
        <ConfigProvider componentDisabled>{props.children}</ConfigProvider>
      </Modal>
    );
  }
  return (
    <Modal
      {...frame}
      mask={{ closable: false }}
      footer={[
        editor.remove ? (
          <Popconfirm key="del" title={props.removeConfirm} okText="删除" cancelText="取消" onConfirm={settle(editor.remove)}>
            <Button danger icon={<DeleteOutlined />} style={{ float: 'left' }}>
              删除
            </Button>
          </Popconfirm>
        ) : null,
        <Button key="cancel" onClick={props.onClose}>
          取消
        </Button>,
        <Button key="ok" type="primary" loading={editor.saving} onClick={settle(editor.save)}>
          保存
        </Button>,
      ]}
    >
      {props.children}
    </Modal>
  );
}
