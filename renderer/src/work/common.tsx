/** Small pieces shared by the work tabs: cadre and year pickers, money in yuan (stored as fen). */
import { InputNumber, Select } from 'antd';
import { useMemo } from 'react';
import type { CadreListRow } from '../../../shared/domain';
import { yuan } from '../../../shared/work';
import { useCall } from '../api/useCall';
import { useAppState } from '../app/AppState';
import { yearOptions as sharedYearOptions } from '../../../shared/dates';

import { thisYear } from '../app/today';

export { thisYear };
/** The year picker's choices on the work tabs ({@link yearChoices}' one rule). */
export const yearOptions = (keep?: number) => sharedYearOptions(thisYear(), keep);

/** All cadres (the county is small: a few hundred), for pickers. */
export function useCadres(): CadreListRow[] {
  const { dataVersion } = useAppState();
  return useCall('cadres.list', {}, `all|${dataVersion}`).data ?? [];
}

export function CadreSelect({
  value,
  onChange,
  cadres,
  width = 260,
  allowClear,
  placeholder = '选择干部（可输入姓名查找）',
  testId,
}: {
  value?: number;
  onChange: (id: number | undefined) => void;
  cadres: CadreListRow[];
  width?: number;
  allowClear?: boolean;
  placeholder?: string;
  testId?: string;
}) {
  const options = useMemo(
    () => cadres.map((c) => ({ value: c.id, label: `${c.name}（${[c.township, c.village].filter(Boolean).join('·') || '未任职'}）` })),
    [cadres],
  );
  return (
    <Select
      showSearch={{ optionFilterProp: 'label' }}
      allowClear={allowClear}
      placeholder={placeholder}
      value={value}
      onChange={(v) => onChange(v ?? undefined)}
      options={options}
      style={{ width }}
      data-testid={testId}
    />
  );
}

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
