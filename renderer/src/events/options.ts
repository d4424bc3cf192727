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

/** Where a cadre serves, for a table cell. */
export const servesAt = (village: string | null) => village ?? '乡镇';
