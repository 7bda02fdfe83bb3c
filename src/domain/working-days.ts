import { addDays } from './tasks.js';

/**
 * Ngày làm việc — working days, as inspection and supervision time limits count them: weekends and
 * Vietnam's public holidays are skipped. The holidays are data (reference/vietnam-holidays.json,
 * kept in the rule set the committee confirms), never constants here: Tết follows the lunar
 * calendar and the days off are announced year by year, sometimes with a Saturday worked in
 * exchange.
 */
export interface WorkingCalendar {
  /** Announced days off (yyyy-mm-dd), weekend days inside a holiday run included. */
  daysOff: ReadonlySet<string>;
  /** Saturdays (or Sundays) worked in exchange for a day off. */
  workingWeekendDays: ReadonlySet<string>;
}

export function workingCalendar(daysOff: Iterable<string>, workingWeekendDays: Iterable<string> = []): WorkingCalendar {
  return { daysOff: new Set(daysOff), workingWeekendDays: new Set(workingWeekendDays) };
}

function weekday(day: string): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay();
}

export function isWorkingDay(day: string, calendar: WorkingCalendar): boolean {
  if (calendar.workingWeekendDays.has(day)) return true;
  const d = weekday(day);
  if (d === 0 || d === 6) return false;
  return !calendar.daysOff.has(day);
}

/**
 * The day `n` working days after `start` (the start itself is not counted: a limit of 20 working
 * days from a report received on Friday begins on Monday). n = 0 gives the start itself.
 */
export function addWorkingDays(start: string, n: number, calendar: WorkingCalendar): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0, got ${n}`);
  let day = start;
  let left = n;
  while (left > 0) {
    day = addDays(day, 1);
    if (isWorkingDay(day, calendar)) left--;
  }
  return day;
}

/**
 * Working days from `from` to `to`: the working days after `from` up to and including `to`
 * (so `addWorkingDays(a, n)` is n working days from a). Negative when `to` is before `from`.
 */
export function workingDaysBetween(from: string, to: string, calendar: WorkingCalendar): number {
  if (to < from) return -workingDaysBetween(to, from, calendar);
  let count = 0;
  for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) if (isWorkingDay(day, calendar)) count++;
  return count;
}
