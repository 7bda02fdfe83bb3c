import { describe, expect, it } from 'vitest';
import { addWorkingDays, isWorkingDay, workingCalendar, workingDaysBetween } from './working-days.js';

// Tết Bính Ngọ 2026 as announced: 14/2 (Saturday) to 22/2 (Sunday); Giỗ Tổ 26/4 (Sunday) moved to 27/4.
const tet2026 = workingCalendar(['2026-02-14', '2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22', '2026-04-26', '2026-04-27']);
const none = workingCalendar([]);

describe('working days', () => {
  it('skips weekends', () => {
    expect(isWorkingDay('2026-12-05', none)).toBe(false); // Saturday
    expect(isWorkingDay('2026-12-06', none)).toBe(false); // Sunday
    expect(isWorkingDay('2026-12-07', none)).toBe(true);
    // A report received on Friday: the first working day counted is Monday.
    expect(addWorkingDays('2026-12-04', 1, none)).toBe('2026-12-07');
    expect(addWorkingDays('2026-12-04', 5, none)).toBe('2026-12-11');
    expect(addWorkingDays('2026-12-07', 0, none)).toBe('2026-12-07');
  });

  it('skips the days off of Tết, so 20 working days stretch over the holiday', () => {
    expect(isWorkingDay('2026-02-17', tet2026)).toBe(false);
    expect(isWorkingDay('2026-02-23', tet2026)).toBe(true);
    // Friday 13/2 + 1 working day is Monday 23/2, after nine days off.
    expect(addWorkingDays('2026-02-13', 1, tet2026)).toBe('2026-02-23');
    // 20 working days from Monday 2/2: 9 before Tết (3/2–13/2), then 11 from 23/2 → 9/3.
    expect(addWorkingDays('2026-02-02', 20, tet2026)).toBe('2026-03-09');
    expect(addWorkingDays('2026-02-02', 20, none)).toBe('2026-03-02');
    expect(workingDaysBetween('2026-02-02', '2026-03-09', tet2026)).toBe(20);
    expect(workingDaysBetween('2026-03-09', '2026-02-02', tet2026)).toBe(-20);
  });

  it('counts a Saturday worked in exchange, and a holiday moved off a Sunday', () => {
    const swapped = workingCalendar(['2025-05-02'], ['2025-04-26']);
    expect(isWorkingDay('2025-04-26', swapped)).toBe(true);
    expect(isWorkingDay('2025-05-02', swapped)).toBe(false);
    expect(addWorkingDays('2026-04-24', 1, tet2026)).toBe('2026-04-28');
  });

  it('refuses a fractional or negative count', () => {
    expect(() => addWorkingDays('2026-01-05', 1.5, none)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-01-05', -1, none)).toThrow(RangeError);
  });
});
