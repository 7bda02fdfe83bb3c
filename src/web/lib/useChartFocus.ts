import { useRef, useState, type KeyboardEvent } from 'react';

/**
 * Keyboard and pointer behaviour shared by the month charts (attendance, tasks): the months are
 * one tab stop, arrows (and Home/End) move between them, focus or hover shows the tooltip,
 * Escape hides it. `pointProps(i, label)` goes on month i's `<g>`.
 */
export function useChartFocus(count: number, firstIndex: number) {
  const [active, setActive] = useState<number | null>(null);
  const [focusIndex, setFocusIndex] = useState(() => Math.max(0, firstIndex));
  const points = useRef<(SVGGElement | null)[]>([]);

  const moveTo = (i: number) => {
    const next = Math.max(0, Math.min(count - 1, i));
    setFocusIndex(next);
    setActive(next);
    points.current[next]?.focus();
  };
  const onKeyDown = (e: KeyboardEvent<SVGGElement>, i: number) => {
    const keys: Record<string, number> = { ArrowRight: i + 1, ArrowDown: i + 1, ArrowLeft: i - 1, ArrowUp: i - 1, Home: 0, End: count - 1 };
    if (e.key in keys) {
      e.preventDefault();
      moveTo(keys[e.key]!);
    } else if (e.key === 'Escape') setActive(null);
  };

  const pointProps = (i: number, label: string) => ({
    ref: (el: SVGGElement | null) => {
      points.current[i] = el;
    },
    className: 'ts-rp-month',
    role: 'img' as const,
    'aria-label': label,
    tabIndex: i === focusIndex ? 0 : -1,
    onFocus: () => {
      setFocusIndex(i);
      setActive(i);
    },
    onBlur: () => setActive(null),
    onMouseEnter: () => setActive(i),
    onKeyDown: (e: KeyboardEvent<SVGGElement>) => onKeyDown(e, i),
    'data-active': active === i || undefined,
  });

  /** Left edge of a tooltip `tipWidth` wide over the active point, kept inside the chart. */
  const tooltipLeft = (width: number, left: number, band: number, tipWidth: number) =>
    active === null ? 0 : Math.max(0, Math.min(width - tipWidth, left + band * (active + 0.5) - tipWidth / 2));

  return { active, hide: () => setActive(null), pointProps, tooltipLeft };
}
