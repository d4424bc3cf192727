import { useEffect, useRef, useState } from 'react';

/** The shortest scrolling body a table in a filling box gets, however small the window. */
const MIN_BODY_HEIGHT = 160;

/**
 * The scroll height (`scroll.y`) for a table that fills a box: the box's height, kept current
 * with a ResizeObserver, less what sits above the rows (`headerPx`: the column heads, and any
 * toolbar inside the box), never below MIN_BODY_HEIGHT. Put `ref` on the box.
 */
export function useTableBodyHeight<T extends HTMLElement>(headerPx: number) {
  const ref = useRef<T>(null);
  const [height, setHeight] = useState(400);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const ro = new ResizeObserver(([entry]) => {
      if (entry) setHeight(Math.floor(entry.contentRect.height));
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return [ref, Math.max(MIN_BODY_HEIGHT, height - headerPx)] as const;
}
