// Meeting times are local to Vietnam (UTC+7 all year, no daylight saving), whatever the
// device's own time zone: a date is yyyy-mm-dd, a time HH:MM, an instant an ISO timestamp.
import { lateMinutes } from '../../domain/attendance.js';
import { localTime, todayInVietnam } from '../../domain/vietnam-time.js';

export { lateMinutes };

/** Today's date in Vietnam (the domain's one definition). */
export const todayLocal = todayInVietnam;

/** The time now in Vietnam, HH:MM. */
export function nowLocalTime(now = new Date()): string {
  return localTime(now.toISOString());
}

/** An instant's Vietnam time, HH:MM. */
export function timeOf(instant: string): string {
  return localTime(instant);
}

/** The instant of HH:MM on a meeting date, Vietnam time, with its offset ("2022-04-09T19:31:00+07:00"). */
export function instantOn(date: string, time: string): string {
  return `${date}T${time}:00+07:00`;
}

/** '2022-04-09' → 'Thứ Bảy' (or 'Saturday'). */
export function weekday(date: string, language: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'vi-VN', { weekday: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y!, m! - 1, d!)),
  );
}

/** Roman numerals of a quarter: 1 → 'I'. */
export const QUARTER_NAMES = ['I', 'II', 'III', 'IV'] as const;

/** The current year in Vietnam. */
export function currentYear(): number {
  return Number(todayLocal().slice(0, 4));
}
