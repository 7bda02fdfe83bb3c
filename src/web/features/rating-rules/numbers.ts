// Numbers of the rating rules as people type and read them: shares (0..1) shown as percentages.

/** A number typed by a person ("12,5" too): null when empty, 'invalid' when not a number within min..max. */
export function numberIn(text: string, min: number, max: number): number | null | 'invalid' {
  const s = text.trim().replace(',', '.');
  if (s === '') return null;
  if (!/^\d+(\.\d+)?$/.test(s)) return 'invalid';
  const n = Number(s);
  return n < min || n > max ? 'invalid' : n;
}

/** A share (0..1) as the percentage a person reads ("30", "66.67"); empty for none. */
export const asPercent = (share: number | null): string => (share === null ? '' : String(Math.round(share * 10000) / 100));

/** A percentage typed back into a share, to four decimals (66.67 % → 0.6667). */
export const asShare = (percent: number): number => Math.round(percent * 100) / 10000;
