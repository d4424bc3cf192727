/**
 * 用系统程序打开/打印 for a generated PDF (dossier, 考核登记表, results table): the system
 * program opens it and prints from there; the outcome is toasted. Disabled until there is a PDF.
 */
import { PrinterOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { call } from '../api/client';
import { useNotify } from '../util/notify';
import { settle } from '../util/settle';

export function OpenPrintedButton({ pdf }: { pdf: { sha256: string } | null }) {
  const { notifyError, success } = useNotify();
  const open = async () => {
    if (!pdf) return;
    try {
      await call('dossier.openExternal', { sha256: pdf.sha256 });
      success('已用系统程序打开，可在其中打印');
    } catch (err) {
      notifyError(err, '无法用系统程序打开');
    }
  };
  return (
    <Button icon={<PrinterOutlined />} disabled={!pdf} onClick={settle(open)}>
      用系统程序打开/打印
    </Button>
  );
}
