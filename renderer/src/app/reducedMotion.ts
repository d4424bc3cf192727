import { useSyncExternalStore } from 'react';

/**
 * The operating system's "reduce motion" accessibility setting (CSS prefers-reduced-motion).
 * When it is on, Root turns antd's motion token and click wave off: modals, drawers, menus and
 * messages appear and go without animating. (Forcing CSS animation durations to ~0 instead left
 * antd's dropdowns placed off screen: antd's own switch is the one to use.)
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
