/**
 * Điểm danh — attendance rules, pure: when a meeting starts, how late someone was, and the
 * rates reports show. Vietnam keeps UTC+7 all year (no daylight saving), so local meeting
 * times convert to UTC with a fixed offset.
 */
import type { AttendanceStatus } from '../shared/enums.js';
import { localDate, vietnamInstant } from './vietnam-time.js';

const MINUTE = 60_000;

/** The UTC instant of a meeting that starts at `time` (HH:MM, local) on `date` (yyyy-mm-dd). */
export const meetingStartsAt = (date: string, time: string): string => vietnamInstant(date, time);

/** An arrival counts only on the meeting's own day (local time); anything else is a typing slip. */
export function arrivalOnMeetingDay(meetingDate: string, arrivedAt: string): boolean {
  return localDate(arrivedAt) === meetingDate;
}

/**
 * Minutes late: whole minutes between the scheduled start and the arrival. Arriving within
 * the grace period is on time (0); beyond it, lateness counts from the scheduled start, so a
 * grace of 5 makes 19:34 on time and 19:40 ten minutes late for a 19:30 start.
 */
export function lateMinutes(startsAt: string, arrivedAt: string, graceMinutes: number): number {
  const minutes = Math.floor((Date.parse(arrivedAt) - Date.parse(startsAt)) / MINUTE);
  return minutes > graceMinutes ? minutes : 0;
}

/** The stored late minutes of a participant: only a present person can be late. */
export function derivedLateMinutes(
  entry: { status: AttendanceStatus; arrivedAt: string | null },
  meeting: { startsAt: string; graceMinutes: number },
): number | null {
  if (entry.status !== 'present' || !entry.arrivedAt) return null;
  return lateMinutes(meeting.startsAt, entry.arrivedAt, meeting.graceMinutes);
}

/**
 * What may be recorded for a meeting before its day (Vietnam time): only an absence excused in
 * advance ("vắng có lý do", reported before), or taking a mark back (pending). Nobody can be
 * present, late or absent at a meeting that has not happened. Answers the entry's field at fault.
 */
export function advanceMarkProblem(entry: { status: AttendanceStatus; reported?: 'before' | 'after' | null | undefined }): 'status' | 'reported' | null {
  if (entry.status === 'pending') return null;
  if (entry.status !== 'excused') return 'status';
  return entry.reported === 'before' ? null : 'reported';
}

/**
 * A meeting's attendance is complete once its day has come (Vietnam time) and nobody on its
 * list is still pending: only then do its figures count in rates and rankings.
 */
export function attendanceComplete(meetingDate: string, counts: Pick<AttendanceCounts, 'pending'>, today: string): boolean {
  return meetingDate <= today && counts.pending === 0;
}

/** Counts of one group of attendance records (a meeting, a month, a cell, a member). */
export interface AttendanceCounts {
  /** Recorded as present, excused or absent: the people the rates are about. */
  expected: number;
  present: number;
  onTime: number;
  late: number;
  excused: number;
  absent: number;
  exempt: number;
  /** Not recorded yet (a planned meeting, or a door list left unfinished). */
  pending: number;
  lateMinutesTotal: number;
}

export interface AttendanceRates extends AttendanceCounts {
  /** present / expected; null when nobody was expected or the marking is not finished. */
  attendanceRate: number | null;
  /** on time / present; null when nobody was present. */
  punctualityRate: number | null;
  /** Average minutes late of those who were late; null when nobody was. */
  averageLateMinutes: number | null;
}

export function emptyCounts(): AttendanceCounts {
  return { expected: 0, present: 0, onTime: 0, late: 0, excused: 0, absent: 0, exempt: 0, pending: 0, lateMinutesTotal: 0 };
}

/** Adds `n` records of one kind (as grouped by SQL) to a tally. */
export function addRecords(
  counts: AttendanceCounts,
  record: { status: AttendanceStatus; late: boolean; lateMinutesTotal?: number },
  n = 1,
): AttendanceCounts {
  const next = { ...counts };
  switch (record.status) {
    case 'present':
      next.present += n;
      next.expected += n;
      if (record.late) {
        next.late += n;
        next.lateMinutesTotal += record.lateMinutesTotal ?? 0;
      } else next.onTime += n;
      break;
    case 'excused':
      next.excused += n;
      next.expected += n;
      break;
    case 'absent':
      next.absent += n;
      next.expected += n;
      break;
    case 'exempt':
      next.exempt += n;
      break;
    case 'pending':
      next.pending += n;
      break;
  }
  return next;
}

export function mergeCounts(a: AttendanceCounts, b: AttendanceCounts): AttendanceCounts {
  const out = emptyCounts();
  for (const key of Object.keys(out) as (keyof AttendanceCounts)[]) out[key] = a[key] + b[key];
  return out;
}

const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

/**
 * The counts with their rates. Rates are about everyone expected, so while anyone is pending
 * (or the caller says the marking is not finished: a meeting still to come) there are none:
 * three marked of twenty-two is not "100 %".
 */
export function withRates(counts: AttendanceCounts, complete = counts.pending === 0): AttendanceRates {
  if (!complete || counts.pending > 0) return { ...counts, attendanceRate: null, punctualityRate: null, averageLateMinutes: null };
  return {
    ...counts,
    attendanceRate: ratio(counts.present, counts.expected),
    punctualityRate: ratio(counts.onTime, counts.present),
    averageLateMinutes: counts.late === 0 ? null : Math.round((counts.lateMinutesTotal / counts.late) * 10) / 10,
  };
}

/** Every month (yyyy-mm) from `from` to `to` (dates yyyy-mm-dd), so charts show empty months too. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  const endKey = to.slice(0, 7);
  for (let guard = 0; guard < 1200; guard++) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    if (key > endKey) break;
    months.push(key);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}

/**
 * Orders cells for the commune's punctuality list: best punctuality first, then best
 * attendance; cells with no data last.
 */
export function compareByPunctuality(a: AttendanceRates, b: AttendanceRates): number {
  const pa = a.punctualityRate ?? -1;
  const pb = b.punctualityRate ?? -1;
  if (pa !== pb) return pb - pa;
  return (b.attendanceRate ?? -1) - (a.attendanceRate ?? -1);
}
