/**
 * Dates and times in Vietnam, the one home for them. Vietnam keeps UTC+7 all year (no daylight
 * saving), so local dates and times convert to UTC instants with a fixed offset. Stored times
 * are UTC; what a person sees and what "today" means are Vietnamese.
 */

export const VIETNAM_OFFSET = '+07:00';
const OFFSET_MS = 7 * 3600_000;

/** The UTC instant of local `time` (HH:MM) on local `date` (yyyy-mm-dd). */
export function vietnamInstant(date: string, time: string): string {
  return new Date(`${date}T${time}:00${VIETNAM_OFFSET}`).toISOString();
}

/** The local calendar date (yyyy-mm-dd) of a UTC instant. */
export function localDate(instant: string | Date): string {
  const t = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  return new Date(t + OFFSET_MS).toISOString().slice(0, 10);
}

/** The local time (HH:MM) of a UTC instant. */
export function localTime(instant: string): string {
  return new Date(Date.parse(instant) + OFFSET_MS).toISOString().slice(11, 16);
}

/** Today's date in Vietnam (yyyy-mm-dd): what "overdue", "this year" and "due soon" count from. */
export function todayInVietnam(now: Date = new Date()): string {
  return localDate(now);
}
