// Months of the attendance reports in the UI language (numbers and percentages: lib/format.ts).

/** yyyy-mm → { month: 1..12, year }. */
export function splitMonth(month: string): { month: number; year: number } {
  return { year: Number(month.slice(0, 4)), month: Number(month.slice(5, 7)) };
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
