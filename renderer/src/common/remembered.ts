/**
 * Small per-session memory of where the clerk was on a page (year, tab), so coming back to a
 * page from the menu returns to the same place. Kept in sessionStorage: it survives a reload of
 * the window but not a restart of the app.
 */
import { useEffect, useState } from 'react';

const PREFIX = 'onebag.remember.';

export function recall<T>(key: string, valid: (v: unknown) => v is T): T | undefined {
  try {
    const raw = sessionStorage.getItem(PREFIX + key);
    if (raw === null) return undefined;
    const v: unknown = JSON.parse(raw);
    return valid(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

export function remember(key: string, value: unknown): void {
  try {
    sessionStorage.setItem(PREFIX + key, JSON.stringify(value));
  } catch {
    // Storage full or disabled: forgetting the place is harmless.
  }
}

/** A year worth remembering (the pages' year selects offer 2000–2200). */
export const isYear = (v: unknown): v is number => Number.isInteger(v) && (v as number) > 1999 && (v as number) < 2201;

/** A record id (a county, a township). */
export const isId = (v: unknown): v is number => Number.isInteger(v) && (v as number) > 0;

/** State that starts from what was remembered under `key` and is remembered whenever it changes. */
export function useRemembered<T>(key: string, valid: (v: unknown) => v is T): [T | undefined, (v: T | undefined) => void] {
  const [value, setValue] = useState<T | undefined>(() => recall(key, valid));
  useEffect(() => remember(key, value ?? null), [key, value]);
  return [value, setValue];
}
