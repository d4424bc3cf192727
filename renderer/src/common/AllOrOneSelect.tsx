/**
 * A filter whose first choice is "all" (全部乡镇, 全市汇总…): `value` undefined shows it, and
 * choosing it gives undefined back. Record ids start at 1, so 0 stands for "all" inside.
 */
import { Select, type SelectProps } from 'antd';

export function AllOrOneSelect({
  value,
  onChange,
  allLabel,
  options,
  ...select
}: Omit<SelectProps<number>, 'value' | 'onChange' | 'options'> & {
  value: number | undefined;
  onChange: (id: number | undefined) => void;
  allLabel: string;
  options: { value: number; label: string }[];
}) {
  return (
    <Select<number>
      value={value ?? 0}
      onChange={(v) => onChange(v || undefined)}
      options={[{ value: 0, label: allLabel }, ...options]}
      {...select}
    />
  );
}
