/** The 县（市、区） picker of a page that works on one county; shown only when there is a choice. */
import { Select } from 'antd';

export function CountySelect({
  counties,
  value,
  onChange,
}: {
  counties: readonly { id: number; name: string }[];
  value: number | undefined;
  onChange: (countyId: number) => void;
}) {
  if (counties.length <= 1) return null;
  return (
    <Select
      value={value}
      onChange={onChange}
      options={counties.map((c) => ({ value: c.id, label: c.name }))}
      style={{ width: 140 }}
      aria-label="县（市、区）"
    />
  );
}
