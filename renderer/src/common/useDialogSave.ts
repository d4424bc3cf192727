/**
 * A dialog's save: the OK button spins while one save runs, and a refusal from main stays in
 * `error` (its own Chinese message) for the dialog to show above its buttons. The dialog sets
 * its own validation messages with `setError` and clears `error` where it always did.
 */
import { useState } from 'react';
import { errorMessage } from '../api/client';
import { useNotify } from '../util/notify';

export function useDialogSave(opts: { /** Also toasts a failure under this title, e.g. 保存未完成. */ notifyTitle?: string } = {}) {
  const { notifyError } = useNotify();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  /** Runs one save; a failure becomes `error` (and a toast when asked for), then goes to `onFailure`. */
  const runSave = async (save: () => Promise<unknown>, onFailure?: (err: unknown) => void): Promise<void> => {
    setSaving(true);
    try {
      await save();
    } catch (err) {
      setError(errorMessage(err));
      if (opts.notifyTitle) notifyError(err, opts.notifyTitle);
      onFailure?.(err);
    } finally {
      setSaving(false);
    }
  };

  return { saving, error, setError, runSave };
}
