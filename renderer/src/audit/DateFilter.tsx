/**
 * A date filter that reads what people type — 2025-03-05, 2025/3/5, 2025年3月5日, 20250305,
 * or a month (2025-03, 2025年3月: its first day as a start, its last day as an end) — instead
 * of the browser's date field, which shows mm/dd/yyyy on an English system.
 */
import { Input, Tooltip } from 'antd';
import { parseChineseDate } from '../../../shared/dates';

const pad = (n: number) => String(n).padStart(2, '0');

/** The ISO date a typed text stands for, or null; `end` makes a month its last day. */
export function typedDate(text: string, end: boolean): string | null {
  const t = text.trim();
  if (!t) return null;
  const day = parseChineseDate(t);
  if (day) return day;
  const first = parseChineseDate(t, { allowMonth: true });
  if (!first || !end) return first;
  const [y, m] = first.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${y}-${pad(m)}-${pad(last)}`;
}

export function DateFilter({
  value,
  onChange,
  end,
  label,
}: { value: string; onChange: (text: string) => void; end: boolean; label: string }) {
  const bad = value.trim() !== '' && typedDate(value, end) === null;
  return (
    <Tooltip open={bad} title="日期格式不对，请写成 2025-03-05、2025年3月5日 或 2025-03" placement="bottom">
      <Input
        allowClear
        value={value}
        onChange={(e) => onChange(e.target.value)}
        status={bad ? 'error' : undefined}
        placeholder={end ? '结束日期，如 2025-12-31' : '开始日期，如 2025-01-01'}
        style={{ width: 170 }}
        aria-label={label}
        aria-invalid={bad}
      />
    </Tooltip>
  );
}
