import { useCallback, useLayoutEffect, useRef, useState } from 'react';

/**
 * The width of an element in CSS pixels, measured before the first paint and kept up to date
 * (ResizeObserver), so a chart is drawn at its real size from the start. 0 until attached.
 */
export function useWidth<T extends HTMLElement>(): [(node: T | null) => void, number] {
  const [node, setNode] = useState<T | null>(null);
  const [width, setWidth] = useState(0);
  const observer = useRef<ResizeObserver | null>(null);
  const ref = useCallback((el: T | null) => setNode(el), []);

  useLayoutEffect(() => {
    if (!node) return;
    const measure = () => {
      const w = Math.floor(node.getBoundingClientRect().width);
      if (w > 0) setWidth((old) => (old === w ? old : w));
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    observer.current = new ResizeObserver(measure);
    observer.current.observe(node);
    return () => observer.current?.disconnect();
  }, [node]);

  return [ref, width];
}
