/**
 * 打印 for a generated PDF (dossier, 考核登记表, results table): the system program opens it and
 * prints from there; the outcome is toasted.
 */
import { call } from '../api/client';
import { useNotify } from '../util/notify';

export function useOpenPrinted(): (pdf: { sha256: string } | null) => Promise<void> {
  const { notifyError, success } = useNotify();
  return async (pdf) => {
    if (!pdf) return;
    try {
      await call('dossier.openExternal', { sha256: pdf.sha256 });
      success('已用系统程序打开，可在其中打印');
    } catch (err) {
      notifyError(err, '无法用系统程序打开');
    }
  };
}
