/**
 * Asks before a record is deleted or cleared: a confirmation naming the record in Chinese,
 * reachable by keyboard (the dialog takes focus; Enter confirms, Esc cancels). Cancelling
 * calls nothing. A refusal from main is shown with its Chinese reason and changes nothing.
 */
import { App } from 'antd';
import { useCallback, type ReactNode } from 'react';
import { useNotify } from '../util/notify';

export interface RemoveRequest {
  /** The question, naming the record: 删除王伟2024年第1季度的补助发放记录？ */
  title: string;
  /** What goes with it, or what stays. */
  content?: ReactNode;
  /** The confirming button: 删除 unless the action is better called 清除 or 移出. */
  okText?: string;
  remove: () => Promise<unknown>;
  /** The toast after success: 已删除. */
  done: string;
  /** The title of the error notice on refusal: 未删除. */
  failed: string;
  onRemoved: () => void;
}

export function useConfirmRemove(): (r: RemoveRequest) => void {
  const { modal } = App.useApp();
  const { notifyError, success } = useNotify();
  return useCallback(
    (r: RemoveRequest) => {
      modal.confirm({
        title: r.title,
        content: r.content,
        okText: r.okText ?? '删除',
        okButtonProps: { danger: true },
        cancelText: '取消',
        onOk: async () => {
          try {
            await r.remove();
            success(r.done);
            r.onRemoved();
          } catch (err) {
            notifyError(err, r.failed);
          }
        },
      });
    },
    [modal, notifyError, success],
  );
}
