/**
 * A record list that fills the rest of its tab: a load error above it, then a white box whose
 * small table scrolls inside (no pages), with the row the page was opened for highlighted.
 */
import { Alert, Table, type TableProps } from 'antd';
import { useTableBodyHeight } from '../util/useTableBodyHeight';

export function FillTable<T extends object>({
  error,
  scrollX,
  picked,
  ...table
}: Omit<TableProps<T>, 'scroll' | 'pagination' | 'size' | 'rowClassName'> & {
  error: string | null;
  /** The table's full width; narrower windows scroll sideways. */
  scrollX: number;
  /** The row the page was opened for (from an alert or a link). */
  picked: (row: T) => boolean;
}) {
  const [boxRef, tableY] = useTableBodyHeight<HTMLDivElement>(40);
  return (
    <>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} />}
      <div ref={boxRef} className="ob-fill" style={{ background: '#fff' }}>
        <Table<T>
          size="small"
          pagination={false}
          scroll={{ x: scrollX, y: tableY }}
          rowClassName={(r) => (picked(r) ? 'ant-table-row-selected' : '')}
          {...table}
        />
      </div>
    </>
  );
}
