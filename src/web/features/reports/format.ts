// Numbers of the attendance reports in the UI language: vi-VN writes "92,5 %" (decimal comma,
// a no-break space before the sign), English "92.5%".

const cache = new Map<string, Intl.NumberFormat>();

function numberFormat(lng: string, digits: number): Intl.NumberFormat {
  const key = `${lng}:${digits}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lng === 'en' ? 'en-GB' : 'vi-VN', { maximumFractionDigits: digits });
    cache.set(key, f);
  }
  return f;
}

/** A whole or decimal number: 6.552 (vi), 6,552 (en). */
export function formatNumber(value: number, lng: string, digits = 1): string {
  return numberFormat(lng, digits).format(value);
}

/**
 * A rate 0..1 as a percentage with one decimal; '—' when there is no rate. Never shows 100 %
 * for a rate below 1 (99,96 % reads 99,9 %), so "everyone on time" stays exact.
 */
export function formatPercent(rate: number | null | undefined, lng: string, empty = '—'): string {
  if (rate === null || rate === undefined || Number.isNaN(rate)) return empty;
  let value = Math.round(rate * 1000) / 10;
  if (value >= 100 && rate < 1) value = 99.9;
  const n = numberFormat(lng, 1).format(value);
  return lng === 'en' ? `${n}%` : `${n}\u00a0%`;
}

/** yyyy-mm → { month: 1..12, year }. */
export function splitMonth(month: string): { month: number; year: number } {
  return { year: Number(month.slice(0, 4)), month: Number(month.slice(5, 7)) };
}

/** Today's calendar year in Vietnam, whatever the device's time zone. */
export function currentYear(): number {
  return new Date(Date.now() + 7 * 3_600_000).getUTCFullYear();
}

/** Today's date (yyyy-mm-dd) in Vietnam. */
export function todayIso(): string {
  return new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
}

const monthNames = new Map<string, Intl.DateTimeFormat>();
/** Short month name for languages that use one ("Jan"); Vietnamese numbers its months. */
export function monthName(month: number, lng: string): string {
  let f = monthNames.get(lng);
  if (!f) {
    f = new Intl.DateTimeFormat(lng === 'en' ? 'en-GB' : 'vi-VN', { month: 'short', timeZone: 'UTC' });
    monthNames.set(lng, f);
  }
  return f.format(new Date(Date.UTC(2000, month - 1, 1)));
}
