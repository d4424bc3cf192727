/** Small pieces shared by the work tabs: cadre and year pickers, money in yuan (stored as fen). */
import { InputNumber, Select } from 'antd';
import { useMemo } from 'react';
import type { CadreListRow } from '../../../shared/domain';
import { yuan } from '../../../shared/work';
import { useCall } from '../api/useCall';
import { useAppState } from '../app/AppState';

export const thisYear = () => new Date().getFullYear();
export const yearOptions = (from = 2018) => {
  const to = thisYear() + 1;
  return Array.from({ length: to - from + 1 }, (_, i) => to - i).map((y) => ({ value: y, label: `${y}年` }));
};

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
  return <Select value={value} onChange={onChange} options={yearOptions()} style={{ width }} data-testid="work-year" />;
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
