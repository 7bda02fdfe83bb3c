import { describe, expect, it } from 'vitest';
import { addRecords, advanceMarkProblem, arrivalOnMeetingDay, attendanceComplete, compareByPunctuality, derivedLateMinutes, emptyCounts, lateMinutes, meetingStartsAt, mergeCounts, monthsBetween, withRates, type AttendanceCounts } from './attendance.js';
import { localDate, localTime } from './vietnam-time.js';

describe('meeting times (Vietnam, UTC+7, no daylight saving)', () => {
  it('converts a local start to UTC', () => {
    expect(meetingStartsAt('2022-04-15', '19:30')).toBe('2022-04-15T12:30:00.000Z');
    // Early morning local time is the previous UTC day.
    expect(meetingStartsAt('2022-04-15', '06:00')).toBe('2022-04-14T23:00:00.000Z');
    // The same offset in July as in January.
    expect(meetingStartsAt('2022-07-01', '08:00')).toBe('2022-07-01T01:00:00.000Z');
  });

  it('reads local dates and times back', () => {
    expect(localDate('2022-04-14T23:00:00.000Z')).toBe('2022-04-15');
    expect(localDate('2022-04-15T16:59:59.000Z')).toBe('2022-04-15');
    expect(localDate('2022-04-15T17:00:00.000Z')).toBe('2022-04-16');
    expect(localTime('2022-04-15T12:31:00.000Z')).toBe('19:31');
  });

  it('accepts arrivals on the meeting day only', () => {
    expect(arrivalOnMeetingDay('2022-04-15', '2022-04-15T12:40:00Z')).toBe(true);
    expect(arrivalOnMeetingDay('2022-04-15', '2022-04-14T17:00:00Z')).toBe(true); // 00:00 local
    expect(arrivalOnMeetingDay('2022-04-15', '2022-04-14T16:59:00Z')).toBe(false); // 23:59 the day before
    expect(arrivalOnMeetingDay('2022-04-15', '2022-04-15T17:00:00Z')).toBe(false); // 00:00 the day after
  });
});

describe('lateMinutes', () => {
  const start = '2022-04-15T12:30:00.000Z'; // 19:30 local

  it('is 0 for early or punctual arrivals', () => {
    expect(lateMinutes(start, '2022-04-15T12:20:00.000Z', 0)).toBe(0);
    expect(lateMinutes(start, start, 0)).toBe(0);
  });

  it('counts whole minutes after the start', () => {
    expect(lateMinutes(start, '2022-04-15T12:30:59.000Z', 0)).toBe(0);
    expect(lateMinutes(start, '2022-04-15T12:31:00.000Z', 0)).toBe(1);
    expect(lateMinutes(start, '2022-04-15T13:15:30.000Z', 0)).toBe(45);
  });

  it('forgives the grace period, then counts from the scheduled start', () => {
    expect(lateMinutes(start, '2022-04-15T12:34:00.000Z', 5)).toBe(0);
    expect(lateMinutes(start, '2022-04-15T12:35:00.000Z', 5)).toBe(0);
    expect(lateMinutes(start, '2022-04-15T12:36:00.000Z', 5)).toBe(6);
    expect(lateMinutes(start, '2022-04-15T12:40:00.000Z', 5)).toBe(10);
  });

  it('only a present participant with an arrival can be late', () => {
    const meeting = { startsAt: start, graceMinutes: 0 };
    expect(derivedLateMinutes({ status: 'present', arrivedAt: '2022-04-15T12:50:00.000Z' }, meeting)).toBe(20);
    expect(derivedLateMinutes({ status: 'present', arrivedAt: '2022-04-15T12:00:00.000Z' }, meeting)).toBe(0);
    expect(derivedLateMinutes({ status: 'present', arrivedAt: null }, meeting)).toBeNull();
    expect(derivedLateMinutes({ status: 'excused', arrivedAt: null }, meeting)).toBeNull();
    expect(derivedLateMinutes({ status: 'absent', arrivedAt: '2022-04-15T12:50:00.000Z' }, meeting)).toBeNull();
  });
});

describe('attendance statistics', () => {
  /** One meeting: 10 expected, 8 present (2 late by 15 and 5), 1 excused, 1 absent, 1 exempt, 1 pending. */
  function oneMeeting(): AttendanceCounts {
    let c = emptyCounts();
    c = addRecords(c, { status: 'present', late: false }, 6);
    c = addRecords(c, { status: 'present', late: true, lateMinutesTotal: 20 }, 2);
    c = addRecords(c, { status: 'excused', late: false });
    c = addRecords(c, { status: 'absent', late: false });
    c = addRecords(c, { status: 'exempt', late: false });
    c = addRecords(c, { status: 'pending', late: false });
    return c;
  }

  it('counts who was expected, present, on time and late', () => {
    expect(oneMeeting()).toEqual({
      expected: 10,
      present: 8,
      onTime: 6,
      late: 2,
      excused: 1,
      absent: 1,
      exempt: 1,
      pending: 1,
      lateMinutesTotal: 20,
    });
  });

  it('derives the rates: attendance over the expected, punctuality over those present', () => {
    const done = withRates({ ...oneMeeting(), pending: 0 });
    expect(done.attendanceRate).toBe(0.8);
    expect(done.punctualityRate).toBe(0.75);
    expect(done.averageLateMinutes).toBe(10);
  });

  it('has no rates while anyone is pending or the marking is not finished (3 of 22 marked is not 100 %)', () => {
    let c = addRecords(emptyCounts(), { status: 'present', late: false }, 3);
    c = addRecords(c, { status: 'pending', late: false }, 19);
    expect(withRates(c)).toMatchObject({ present: 3, pending: 19, attendanceRate: null, punctualityRate: null, averageLateMinutes: null });
    // Everyone marked, but the caller knows the meeting is still to come.
    const marked = addRecords(emptyCounts(), { status: 'excused', late: false }, 4);
    expect(withRates(marked, false).attendanceRate).toBeNull();
    expect(withRates(marked).attendanceRate).toBe(0);
  });

  it('counts a meeting only from its day on, and only once nobody is pending', () => {
    expect(attendanceComplete('2026-12-15', { pending: 0 }, '2026-12-07')).toBe(false);
    expect(attendanceComplete('2026-12-07', { pending: 1 }, '2026-12-07')).toBe(false);
    expect(attendanceComplete('2026-12-07', { pending: 0 }, '2026-12-07')).toBe(true);
    expect(attendanceComplete('2026-11-15', { pending: 0 }, '2026-12-07')).toBe(true);
  });

  it('before the meeting day, lets only an absence excused in advance be recorded', () => {
    expect(advanceMarkProblem({ status: 'excused', reported: 'before' })).toBeNull();
    expect(advanceMarkProblem({ status: 'pending' })).toBeNull();
    expect(advanceMarkProblem({ status: 'excused', reported: 'after' })).toBe('reported');
    expect(advanceMarkProblem({ status: 'excused' })).toBe('reported');
    for (const status of ['present', 'absent', 'exempt'] as const) expect(advanceMarkProblem({ status })).toBe('status');
  });

  it('has no rates without data rather than zero', () => {
    const r = withRates(emptyCounts());
    expect(r.attendanceRate).toBeNull();
    expect(r.punctualityRate).toBeNull();
    expect(r.averageLateMinutes).toBeNull();
    const allAway = withRates(addRecords(emptyCounts(), { status: 'excused', late: false }, 3));
    expect(allAway.attendanceRate).toBe(0);
    expect(allAway.punctualityRate).toBeNull();
  });

  it('adds groups together', () => {
    const finished = { ...oneMeeting(), pending: 0 };
    const twice = mergeCounts(finished, finished);
    expect(twice.expected).toBe(20);
    expect(twice.lateMinutesTotal).toBe(40);
    expect(withRates(twice).punctualityRate).toBe(0.75);
  });

  it('lists every month of a period, across years', () => {
    expect(monthsBetween('2022-01-01', '2022-12-31')).toHaveLength(12);
    expect(monthsBetween('2022-11-15', '2023-02-01')).toEqual(['2022-11', '2022-12', '2023-01', '2023-02']);
    expect(monthsBetween('2022-05-01', '2022-05-31')).toEqual(['2022-05']);
  });

  it('ranks cells by punctuality, then attendance, cells without data last', () => {
    const cell = (present: number, onTime: number, expected: number) =>
      withRates({ ...emptyCounts(), present, onTime, late: present - onTime, expected });
    const ranked = [cell(10, 5, 10), cell(0, 0, 0), cell(10, 10, 12), cell(10, 10, 10)].sort(compareByPunctuality);
    expect(ranked.map((r) => [r.punctualityRate, r.attendanceRate])).toEqual([
      [1, 1],
      [1, 10 / 12],
      [0.5, 1],
      [null, null],
    ]);
  });
});
