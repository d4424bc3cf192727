import { useSyncExternalStore } from 'react';

/**
 * The operating system's "reduce motion" accessibility setting (CSS prefers-reduced-motion).
 * When it is on, the app turns antd's motion off (modals, drawers, menus and messages appear
 * without animating) and styles.css drops the app's own transitions.
 */
const QUERY = '(prefers-reduced-motion: reduce)';

function media(): MediaQueryList | null {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia(QUERY) : null;
}

function subscribe(onChange: () => void): () => void {
  const m = media();
  if (!m) return () => {};
  m.addEventListener('change', onChange);
  return () => m.removeEventListener('change', onChange);
}

const current = () => media()?.matches ?? false;

/** True while the system asks for reduced motion; follows changes of the setting live. */
export function usePrefersReducedMotion(): boolean {
  return useSyncExternalStore(subscribe, current, () => false);
}
