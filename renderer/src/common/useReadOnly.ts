/**
 * Review copies: counties imported from another department's bundle are read-only
 * (the database refuses every write). These hooks let pages hide or disable the
 * controls that would only fail on save. Viewing, searching and printing stay.
 */
import { cloneElement, createElement, isValidElement, useMemo, type ReactElement, type ReactNode } from 'react';
import { Tooltip } from 'antd';
import type { CadreDetail, CadreListRow, OrgTree } from '../../../shared/domain';
import { useCall } from '../api/useCall';
import { useAppState } from '../app/AppState';

/** Shown on every disabled control of a review copy. */
export const READ_ONLY_HINT = '评审副本，只读';

export interface ReadOnlyIndex {
  county: (id: number | null | undefined) => boolean;
  countyName: (name: string | null | undefined) => boolean;
  township: (id: number | null | undefined) => boolean;
  village: (id: number | null | undefined) => boolean;
  cadre: (c: Pick<CadreDetail, 'postings'> | null | undefined) => boolean;
  /** List rows carry names only; county names are unique in one data folder. */
  cadreRow: (c: Pick<CadreListRow, 'county'> | null | undefined) => boolean;
  /** True when any county in this data folder is a review copy. */
  any: boolean;
}

/** The county a cadre belongs to now: the current posting's, else the latest one's. */
export function cadreCountyId(c: Pick<CadreDetail, 'postings'> | null | undefined): number | null {
  if (!c || c.postings.length === 0) return null;
  const current = c.postings.find((p) => p.end === null) ?? [...c.postings].sort((a, b) => b.start.localeCompare(a.start))[0];
  return current?.countyId ?? null;
}

export function readOnlyIndex(org: OrgTree | null): ReadOnlyIndex {
  const counties = new Set<number>();
  const names = new Set<string>();
  const townships = new Set<number>();
  const villages = new Set<number>();
  for (const c of org?.counties ?? []) {
    if (!c.readOnly) continue;
    counties.add(c.id);
    names.add(c.name);
    for (const t of c.townships) {
      townships.add(t.id);
      for (const v of t.villages) villages.add(v.id);
    }
  }
  const has = (s: Set<number>) => (id: number | null | undefined) => id !== null && id !== undefined && s.has(id);
  const county = has(counties);
  return {
    county,
    countyName: (n) => !!n && names.has(n),
    township: has(townships),
    village: has(villages),
    // The current posting decides; a cadre whose posting ended belongs to the latest one.
    cadre: (c) => county(cadreCountyId(c)),
    cadreRow: (c) => !!c?.county && names.has(c.county),
    any: counties.size > 0,
  };
}

export function useReadOnlyIndex(): ReadOnlyIndex {
  const { org } = useAppState();
  return useMemo(() => readOnlyIndex(org), [org]);
}

export const useCountyReadOnly = (countyId: number | null | undefined) => useReadOnlyIndex().county(countyId);
export const useTownshipReadOnly = (townshipId: number | null | undefined) => useReadOnlyIndex().township(townshipId);
export const useVillageReadOnly = (villageId: number | null | undefined) => useReadOnlyIndex().village(villageId);
export const useCadreReadOnly = (cadre: Pick<CadreDetail, 'postings'> | null | undefined) => useReadOnlyIndex().cadre(cadre);

/** For pages that only hold a cadre id: fetches the postings once (cheap) when any copy exists. */
export function useCadreIdReadOnly(cadreId: number | null | undefined): boolean {
  const idx = useReadOnlyIndex();
  const { dataVersion } = useAppState();
  const need = idx.any && cadreId !== null && cadreId !== undefined;
  const got = useCall('cadres.get', need ? { id: cadreId } : null, `${need ? cadreId : ''}|${dataVersion}`);
  return need && got.data?.id === cadreId ? idx.cadre(got.data) : false;
}

/**
 * Wraps one control: when `readOnly`, the control is disabled and hovering it says why.
 * The span carries the tooltip because a disabled button fires no mouse events.
 */
export function ReadOnlyHint({ readOnly, children }: { readOnly: boolean; children: ReactNode }): ReactNode {
  if (!readOnly || !isValidElement(children)) return children;
  const disabled = cloneElement(children as ReactElement<{ disabled?: boolean }>, { disabled: true });
  return createElement(
    Tooltip,
    { title: READ_ONLY_HINT },
    createElement(
      'span',
      { className: 'ob-readonly-hint', 'data-testid': 'readonly-hint', style: { display: 'inline-block', cursor: 'not-allowed' } },
      disabled,
    ),
  );
}
