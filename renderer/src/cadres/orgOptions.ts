import type { OrgTree } from '../../../shared/domain';

export interface OrgFilterNode {
  value: string;
  title: string;
  children?: OrgFilterNode[];
}

/** County → township tree for the list filter; values are "c:<id>" or "t:<id>". */
export function orgFilterTree(org: OrgTree | null): OrgFilterNode[] {
  if (!org) return [];
  return org.counties.map((c) => ({
    value: `c:${c.id}`,
    title: c.name,
    children: c.townships.map((t) => ({ value: `t:${t.id}`, title: t.name })),
  }));
}

export function parseOrgFilter(v: string | undefined): { countyId?: number; townshipId?: number } {
  if (!v) return {};
  const [k, id] = v.split(':');
  if (k === 'c') return { countyId: Number(id) };
  if (k === 't') return { townshipId: Number(id) };
  return {};
}

export interface CascadeOption {
  value: number;
  label: string;
  children?: CascadeOption[];
}

/**
 * County → township → village options for the posting cascader (the village is optional).
 * Imported review copies are left out: nobody can post a cadre there.
 */
export function postingCascade(org: OrgTree | null): CascadeOption[] {
  if (!org) return [];
  return org.counties
    .filter((c) => !c.readOnly)
    .map((c) => ({
      value: c.id,
      label: c.name,
      children: c.townships.map((t) => ({
        value: t.id,
        label: t.name,
        children: t.villages.length ? t.villages.map((v) => ({ value: v.id, label: v.name })) : undefined,
      })),
    }));
}

/** [countyId, townshipId, villageId?] from a posting's township/village. */
export function cascadePath(org: OrgTree | null, townshipId: number, villageId: number | null): number[] {
  const county = org?.counties.find((c) => c.townships.some((t) => t.id === townshipId));
  if (!county) return [];
  return villageId ? [county.id, townshipId, villageId] : [county.id, townshipId];
}

export const placeLabel = (county: string | null, township: string | null, village: string | null) =>
  [county, township, village].filter(Boolean).join(' / ');
