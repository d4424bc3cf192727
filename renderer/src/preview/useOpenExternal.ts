/**
 * 用系统程序打开 for a stored file: `opening` while the system program is asked, and its refusal
 * (no program for the type, file missing) kept in `openError` for the dialog to show.
 */
import { useState } from 'react';
import { call, errorMessage } from '../api/client';

export function useOpenExternal() {
  const [opening, setOpening] = useState(false);
  const [openError, setOpenError] = useState<string | null>(null);

  const openExternal = async (sha256: string): Promise<void> => {
    setOpening(true);
    setOpenError(null);
    try {
      await call('files.openExternal', { sha256 });
    } catch (err) {
      setOpenError(errorMessage(err));
    } finally {
      setOpening(false);
    }
  };

  return { opening, openError, setOpenError, openExternal };
}
