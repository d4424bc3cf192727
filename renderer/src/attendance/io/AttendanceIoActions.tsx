import { FileExcelOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Space, Tooltip } from 'antd';
import { useState } from 'react';
import type { RegisterPdfResult } from '../../../../shared/api/attendanceIo';
import { call } from '../../api/client';
import { READ_ONLY_HINT } from '../../common/useReadOnly';
import { useNotify } from '../../util/notify';
import { ImportDialog } from './ImportDialog';
import { RegisterPreview } from './RegisterPreview';

/** Register printing (filled or blank) and spreadsheet import for one township month. */
export function AttendanceIoActions({
  townshipId,
  month,
  certified,
  readOnly = false,
  onChanged,
}: {
  townshipId: number;
  month: string;
  certified: boolean;
  readOnly?: boolean;
  onChanged: () => void;
}) {
  const [busy, setBusy] = useState<'filled' | 'blank' | null>(null);
  const [pdf, setPdf] = useState<RegisterPdfResult | null>(null);
  const [importing, setImporting] = useState(false);
  const { notifyError } = useNotify();

  const print = async (blank: boolean) => {
    setBusy(blank ? 'blank' : 'filled');
    try {
      setPdf(await call('attendance.register.pdf', { townshipId, month, blank }));
    } catch (err) {
      notifyError(err, '登记表未能生成');
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <Space wrap size={8} data-testid="attendance-io">
        <Button icon={<PrinterOutlined />} loading={busy === 'filled'} disabled={busy !== null} onClick={() => void print(false)}>
          打印登记表
        </Button>
        <Tooltip title="只印姓名和日期，不印考勤标记，供乡镇手工填写">
          <Button
            icon={<PrinterOutlined />}
            loading={busy === 'blank'}
            disabled={busy !== null}
            onClick={() => void print(true)}
            aria-label="打印空白登记表"
          >
            打印空白表
          </Button>
        </Tooltip>
        <Tooltip title={readOnly ? READ_ONLY_HINT : certified ? '该月已认定，须先撤销认定才能导入' : '从乡镇的考勤表（.xlsx）导入本月考勤'}>
          <Button
            icon={<FileExcelOutlined />}
            disabled={certified || readOnly}
            onClick={() => setImporting(true)}
            data-testid="attendance-import-open"
          >
            导入表格
          </Button>
        </Tooltip>
      </Space>
      <RegisterPreview pdf={pdf} onClose={() => setPdf(null)} />
      <ImportDialog
        open={importing && !readOnly}
        townshipId={townshipId}
        month={month}
        onClose={() => setImporting(false)}
        onImported={onChanged}
      />
    </>
  );
}
