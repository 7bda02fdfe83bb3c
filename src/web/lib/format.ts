// Dates: calendar dates travel as yyyy-mm-dd and are shown dd/mm/yyyy; instants travel as ISO
// timestamps in UTC and are shown in Asia/Ho_Chi_Minh, whatever the device's own time zone.

const TIME_ZONE = 'Asia/Ho_Chi_Minh';
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** '2016-10-30' → '30/10/2016'. */
export function formatDate(iso: string | null | undefined): string | null {
  if (!iso) return null;
  const m = ISO_DATE.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

let dateTimeFormat: Intl.DateTimeFormat | undefined;

/** An instant, as dd/mm/yyyy HH:mm in Vietnam time. */
export function formatDateTime(ts: string): string {
  const d = new Date(ts);
  if (Number.isNaN(d.getTime())) return ts;
  dateTimeFormat ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const p: Record<string, string> = {};
  for (const part of dateTimeFormat.formatToParts(d)) p[part.type] = part.value;
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

/**
 * What the user typed in a date field → yyyy-mm-dd. Accepts d/m/yyyy with / . or - and an ISO
 * date. '' → null; anything else → 'invalid'.
 */
export function parseDateInput(text: string): string | null | 'invalid' {
  const s = text.trim();
  if (s === '') return null;
  let y: number, m: number, d: number;
  const vn = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  const iso = ISO_DATE.exec(s);
  if (vn) [d, m, y] = [Number(vn[1]), Number(vn[2]), Number(vn[3])];
  else if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else return 'invalid';
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return 'invalid';
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Initials for an avatar: the given name (last word) comes first in Vietnamese usage. */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '?';
  const last = words[words.length - 1]!;
  const first = words.length > 1 ? words[0]! : '';
  return (first.charAt(0) + last.charAt(0)).toUpperCase();
}

// Numbers in the UI language: vi-VN writes "92,5 %" (decimal comma, a no-break space before
// the sign), English "92.5%".
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
 * A small rate (feedback per member per month) with two decimals, or, below 0.01, with enough
 * decimals for two significant digits: a rate above zero never reads "0".
 */
export function formatRate(value: number, lng: string): string {
  const digits = value > 0 && value < 0.01 ? Math.ceil(-Math.log10(value)) + 1 : 2;
  return formatNumber(value, lng, digits);
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
