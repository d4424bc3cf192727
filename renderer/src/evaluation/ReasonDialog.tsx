/**
 * A dangerous year action (reopen, finalise with scores missing) that needs a written reason:
 * too short a reason is refused in Chinese and nothing is sent; a refusal from main is shown
 * and the dialog stays open.
 */
import { Form, Input } from 'antd';
import { useState, type ReactNode } from 'react';
import { SaveDialog } from '../common/SaveDialog';
import { useBusyAction } from '../common/useBusyAction';

export function ReasonDialog({
  open,
  title,
  okText,
  intro,
  label,
  placeholder,
  minLength,
  tooShort,
  blockShortOk = false,
  failTitle,
  testId,
  send,
  onClose,
  onDone,
}: {
  open: boolean;
  title: string;
  okText: string;
  intro: ReactNode;
  /** The field's label, also the text area's accessible name (prefixed by what it is for). */
  label: { field: string; aria: string };
  placeholder: string;
  minLength: number;
  tooShort: string;
  /** Keep OK disabled until the reason is long enough (not only refuse on click). */
  blockShortOk?: boolean;
  failTitle: string;
  testId?: string;
  /** Sends the trimmed reason and tells the clerk it worked. */
  send: (reason: string) => Promise<void>;
  onClose: () => void;
  onDone: () => void;
}) {
  const [reason, setReason] = useState('');
  const { busy, runBusy } = useBusyAction();
  const [error, setError] = useState<string | null>(null);
  const short = reason.trim().length < minLength;

  const submit = async () => {
    if (short) {
      setError(tooShort);
      return;
    }
    await runBusy(async () => {
      await send(reason.trim());
      setReason('');
      onDone();
    }, failTitle);
  };

  return (
    <SaveDialog
      open={open}
      title={title}
      okText={okText}
      okButtonProps={{ danger: true, disabled: blockShortOk && short }}
      saving={busy}
      onSave={submit}
      onClose={onClose}
      data-testid={testId}
    >
      {intro}
      <Form layout="vertical">
        <Form.Item label={label.field} required validateStatus={error ? 'error' : undefined} help={error}>
          <Input.TextArea
            value={reason}
            onChange={(e) => {
              setReason(e.target.value);
              setError(null);
            }}
            rows={3}
            maxLength={500}
            placeholder={placeholder}
            aria-label={label.aria}
            autoFocus
          />
        </Form.Item>
      </Form>
    </SaveDialog>
  );
}
