/**
 * A button's long action (generate, export, import, create): `busy` while it runs, and a failure
 * toasted under the caller's title with main's own message; nothing else changes on failure.
 */
import { useState } from 'react';
import { useNotify } from '../util/notify';

export function useBusyAction() {
  const { notifyError } = useNotify();
  const [busy, setBusy] = useState(false);

  /** Runs one action; a failure is toasted as `failTitle` (e.g. 导出未完成). */
  const runBusy = async (action: () => Promise<unknown>, failTitle: string): Promise<void> => {
    setBusy(true);
    try {
      await action();
    } catch (err) {
      notifyError(err, failTitle);
    } finally {
      setBusy(false);
    }
  };

  return { busy, runBusy };
}
