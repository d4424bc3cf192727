/**
 * A dialog whose OK button runs one save (the caller's submit, usually around useDialogSave's
 * runSave): the button spins while `saving`, 取消 (or the caller's word) closes, and the content
 * is destroyed when hidden so each opening starts afresh. A failure the submit did not catch is
 * reported by settle() instead of being lost.
 */
import { Modal, type ModalProps } from 'antd';
import { settle } from '../util/settle';

export type SaveDialogProps = Omit<ModalProps, 'onOk' | 'onCancel' | 'confirmLoading' | 'destroyOnHidden'> & {
  okText: string;
  saving: boolean;
  onSave: () => Promise<unknown> | void;
  onClose: () => void;
};

export function SaveDialog({ saving, onSave, onClose, cancelText = '取消', ...modal }: SaveDialogProps) {
  return <Modal cancelText={cancelText} {...modal} onCancel={onClose} onOk={settle(onSave)} confirmLoading={saving} destroyOnHidden />;
}
