/**
 * Which counties' records the current screen shows. Pages say so with useShowsRecordsOf; the
 * review-copy banner (exchange/ReadOnlyBanner.tsx) names only the imported (read-only) counties
 * among them, so it appears where imported data is on screen and not while the clerk works on
 * their own county.
 */
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type { OrgTree } from '../../../shared/domain';
import { useAppState } from '../app/AppState';

/** What a screen shows, in whatever terms it knows (ids, or county names in list rows). */
export interface OnScreen {
  counties?: readonly (number | null | undefined)[];
  townships?: readonly (number | null | undefined)[];
  villages?: readonly (number | null | undefined)[];
  countyNames?: readonly (string | null | undefined)[];
}

const mounted = new Map<symbol, readonly number[]>();
const listeners = new Set<() => void>();
let snapshot: readonly number[] = [];

function publish(): void {
  snapshot = [...new Set([...mounted.values()].flat())].sort((a, b) => a - b);
  for (const l of listeners) l();
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

/** The county ids behind what a screen shows (unknown ids and names are left out). */
export function countiesOnScreen(org: OrgTree | null, on: OnScreen): number[] {
  const out = new Set<number>();
  const wanted = {
    counties: new Set(on.counties ?? []),
    townships: new Set(on.townships ?? []),
    villages: new Set(on.villages ?? []),
    names: new Set(on.countyNames ?? []),
  };
  for (const c of org?.counties ?? []) {
    if (wanted.counties.has(c.id) || wanted.names.has(c.name)) out.add(c.id);
    for (const t of c.townships) {
      if (wanted.townships.has(t.id)) out.add(c.id);
      for (const v of t.villages) if (wanted.villages.has(v.id)) out.add(c.id);
    }
  }
  return [...out].sort((a, b) => a - b);
}

/** Declares, while the calling screen is mounted, that it shows records of these counties. */
export function useShowsRecordsOf(on: OnScreen): void {
  const { org } = useAppState();
  const ids = countiesOnScreen(org, on);
  const key = ids.join(',');
  useEffect(() => {
    const token = Symbol('screen');
    mounted.set(token, key === '' ? [] : key.split(',').map(Number));
    publish();
    return () => {
      mounted.delete(token);
      publish();
    };
  }, [key]);
}

/** The counties whose records are on screen now. */
export function useCountiesOnScreen(): readonly number[] {
  const ids = useSyncExternalStore(subscribe, () => snapshot);
  return useMemo(() => ids, [ids]);
}
