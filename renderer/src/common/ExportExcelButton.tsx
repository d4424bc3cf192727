/**
 * 导出Excel: the table as the screen shows it (same columns, Chinese headers, the same texts
 * such as 未录入) written to .xlsx in main; saved through 另存为 on the desktop, downloaded in
 * the browser. `sheets` is called at click time so it exports exactly what is on screen (it may
 * fetch the rest of a list shown page by page).
 */
import { FileExcelOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import type { TableSheet } from '../../../shared/api/output';
import { useAppState } from '../app/AppState';
import { useNotify } from '../util/notify';
import { exportXlsx, outcomeText } from './output';
import { useBusyAction } from './useBusyAction';

export function ExportExcelButton(props: {
  fileName: string;
  sheets: () => TableSheet[] | Promise<TableSheet[]>;
  disabled?: boolean;
  testId?: string;
  size?: 'small' | 'middle';
  iconOnly?: boolean;
}) {
  const { status } = useAppState();
  const { success } = useNotify();
  const { busy, runBusy } = useBusyAction();
  const run = async () => {
    await runBusy(async () => {
      const text = outcomeText(await exportXlsx(status?.host ?? 'bridge', props.fileName, await props.sheets()));
      if (text) success(text);
    }, '导出未完成');
  };
  return (
    <Button
      size={props.size}
      icon={<FileExcelOutlined />}
      onClick={() => void run()}
      loading={busy}
      disabled={props.disabled}
      data-testid={props.testId ?? 'export-xlsx'}
      aria-label="导出Excel"
      title="导出Excel"
    >
      {props.iconOnly ? null : '导出Excel'}
    </Button>
  );
}
