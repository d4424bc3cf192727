/** Small pieces shared by the work tabs: year pickers, money in yuan (stored as fen); the cadre picker is common/CadreSelect.tsx. */
import { InputNumber, Select } from 'antd';
import { yuan } from '../../../shared/work';
import { yearOptions as sharedYearOptions } from '../../../shared/dates';

import { thisYear } from '../app/today';

export { thisYear };
/** The year picker's choices on the work tabs ({@link yearChoices}' one rule). */
export const yearOptions = (keep?: number) => sharedYearOptions(thisYear(), keep);

export function YearSelect({ value, onChange, width = 110 }: { value: number; onChange: (y: number) => void; width?: number }) {
  return <Select value={value} onChange={onChange} options={yearOptions(value)} style={{ width }} data-testid="work-year" />;
}

/** Yuan with 2 decimals in, fen out. */
export function MoneyInput({
  value,
  onChange,
  width = 160,
  placeholder,
  testId,
}: {
  value?: number | null;
  onChange?: (fen: number | null) => void;
  width?: number | string;
  placeholder?: string;
  testId?: string;
}) {
  return (
    <InputNumber<number>
      value={value === null || value === undefined ? null : value / 100}
      onChange={(v) => onChange?.(v === null ? null : Math.round(v * 100))}
      min={0}
      precision={2}
      step={100}
      suffix="元"
      placeholder={placeholder}
      style={{ width }}
      data-testid={testId}
    />
  );
}

export const Money = ({ fen, danger }: { fen: number; danger?: boolean }) => (
  <span style={{ fontVariantNumeric: 'tabular-nums', color: danger ? '#cf1322' : undefined }}>{yuan(fen)}</span>
);
