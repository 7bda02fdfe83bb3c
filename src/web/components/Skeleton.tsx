import type { CSSProperties } from 'react';

/** A grey placeholder block while data loads (hidden from assistive technology). */
export function Skeleton({ h, w, ml }: { h: number; w?: number | string; ml?: number }) {
  const style: CSSProperties = { height: h, width: w, marginLeft: ml };
  return <div className="ts-skeleton" style={style} aria-hidden="true" />;
}
