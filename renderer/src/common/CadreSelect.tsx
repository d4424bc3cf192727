/** The cadre picker of every page that chooses one cadre (work tabs, evaluation), and the cadres it lists. */
import { Select } from 'antd';
import { useMemo } from 'react';
import type { CadreListRow } from '../../../shared/domain';
import { useCall } from '../api/useCall';
import { useAppState } from '../app/AppState';

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
