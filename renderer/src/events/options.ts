import type { DefaultOptionType } from 'antd/es/select';
import type { OrgTree } from '../../../shared/domain';

/**
 * Township choices, grouped by county when there is more than one. `forNew` greys out the
 * townships of imported review copies (records cannot be added there; saved ones still show).
 */
export function townshipOptions(org: OrgTree | null, forNew = false): DefaultOptionType[] {
  const counties = org?.counties ?? [];
  const opts = (c: (typeof counties)[number]) => c.townships.map((t) => ({ value: t.id, label: t.name, disabled: forNew && c.readOnly }));
  if (counties.length === 1) return opts(counties[0]!);
  return counties.map((c) => ({ label: c.readOnly && forNew ? `${c.name}（评审副本，只读）` : c.name, options: opts(c) }));
}

/** The current year and the six before it (records older than that are rare; any year can be typed in the CLI). */
export function yearOptions(extra?: number) {
  const now = new Date().getFullYear();
  const years = Array.from({ length: 7 }, (_, i) => now - i);
  if (extra && !years.includes(extra)) years.push(extra);
  return years.sort((a, b) => b - a).map((y) => ({ value: y, label: `${y}年` }));
}

/** 2024-08-05 → 2024年8月5日 */
export const dateZh = (d: string) => `${d.slice(0, 4)}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
/** 2024-08 → 2024年8月 */
export const monthZh = (m: string) => `${m.slice(0, 4)}年${Number(m.slice(5, 7))}月`;

export const localToday = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** Where a cadre serves, for a table cell. */
export const servesAt = (village: string | null) => village ?? '乡镇';
