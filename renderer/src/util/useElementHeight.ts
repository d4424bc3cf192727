import { useEffect, useRef, useState } from 'react';

/** Height of an element, kept current with a ResizeObserver (for virtual tables). */
export function useElementHeight<T extends HTMLElement>(initial = 400) {
  const ref = useRef<T>(null);
  const [height, setHeight] = useState(initial);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const ro = new ResizeObserver(([entry]) => {
      if (entry) setHeight(Math.floor(entry.contentRect.height));
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return [ref, height] as const;
}
