import { describe, expect, it } from 'vitest';
import {
  addDays,
  allowedOutcomes,
  averageDelay,
  classifyOutcome,
  commitmentPercent,
  daysBetween,
  displayDate,
  handDownDelayDays,
  isOverdue,
  measurableResult,
  taskCounts,
  taskCountsOf,
  yearEnded,
} from './tasks.js';

describe('daysBetween', () => {
  it('counts whole calendar days, across months, leap days and years', () => {
    expect(daysBetween('2022-04-15', '2022-04-15')).toBe(0);
    expect(daysBetween('2022-04-15', '2022-04-20')).toBe(5);
    expect(daysBetween('2022-04-20', '2022-04-15')).toBe(-5);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2022-12-31', '2023-01-01')).toBe(1);
  });
});

describe('isOverdue', () => {
  it('is an open task after its deadline day, never a closed one', () => {
    expect(isOverdue({ status: 'open', deadline: '2022-04-30' }, '2022-05-01')).toBe(true);
    // The deadline day itself is still in time.
    expect(isOverdue({ status: 'open', deadline: '2022-04-30' }, '2022-04-30')).toBe(false);
    for (const status of ['on_time', 'late', 'exceeded', 'not_done']) {
      expect(isOverdue({ status, deadline: '2022-04-30' }, '2022-06-01')).toBe(false);
    }
  });
});

describe('classifyOutcome and allowedOutcomes', () => {
  const deadline = '2022-04-30';

  it('done on time: by the deadline day (inclusive), or exceeded when the assigner says so', () => {
    expect(classifyOutcome(deadline, '2022-04-20')).toBe('on_time');
    expect(classifyOutcome(deadline, '2022-04-30')).toBe('on_time');
    expect(classifyOutcome(deadline, '2022-04-20', true)).toBe('exceeded');
  });

  it('done late: finished after the deadline, even when more was done than asked', () => {
    expect(classifyOutcome(deadline, '2022-05-01')).toBe('late');
    expect(classifyOutcome(deadline, '2022-05-01', true)).toBe('late');
  });

  it('not done: never finished', () => {
    expect(classifyOutcome(deadline, null)).toBe('not_done');
    expect(classifyOutcome(deadline, null, true)).toBe('not_done');
  });

  it('offers the outcomes the dates allow; "not done" always stays possible', () => {
    expect(allowedOutcomes(deadline, '2022-04-30')).toEqual(['on_time', 'exceeded', 'not_done']);
    expect(allowedOutcomes(deadline, '2022-05-01')).toEqual(['late', 'not_done']);
    expect(allowedOutcomes(deadline, null)).toEqual(['not_done']);
  });

  it('the proposed outcome is always one of the allowed ones', () => {
    for (const completed of [null, '2022-04-01', '2022-04-30', '2022-05-01', '2023-01-01']) {
      for (const exceeded of [false, true]) {
        expect(allowedOutcomes(deadline, completed)).toContain(classifyOutcome(deadline, completed, exceeded));
      }
    }
  });
});

describe('handDownDelayDays and averageDelay', () => {
  it('counts the days from receiving a job to passing it to a mass organisation', () => {
    expect(handDownDelayDays('2022-04-15', '2022-04-15')).toBe(0);
    expect(handDownDelayDays('2022-04-15', '2022-04-22')).toBe(7);
    expect(handDownDelayDays('2022-03-28', '2022-04-02')).toBe(5);
  });

  it('is unknown without both dates, and never negative', () => {
    expect(handDownDelayDays(null, '2022-04-22')).toBeNull();
    expect(handDownDelayDays('2022-04-15', null)).toBeNull();
    expect(handDownDelayDays('2022-04-22', '2022-04-15')).toBe(0);
  });

  it('averages the known delays to one decimal; none known is null', () => {
    expect(averageDelay([1, 2, null, 4])).toBe(2.3);
    expect(averageDelay([0, 0])).toBe(0);
    expect(averageDelay([null])).toBeNull();
    expect(averageDelay([])).toBeNull();
  });
});

describe('taskCounts (year statistics)', () => {
  const today = '2022-07-01';
  const tasks = [
    { status: 'open', deadline: '2022-06-30' }, // overdue
    { status: 'open', deadline: '2022-07-01' }, // due today: not overdue
    { status: 'open', deadline: '2022-08-15' },
    { status: 'on_time', deadline: '2022-03-31' },
    { status: 'on_time', deadline: '2022-04-30' },
    { status: 'exceeded', deadline: '2022-05-31' },
    { status: 'late', deadline: '2022-02-28' },
    { status: 'not_done', deadline: '2022-01-31' },
  ];

  it('counts each status, the overdue among the open, and the rates over closed tasks', () => {
    expect(taskCounts(tasks, today)).toEqual({
      total: 8,
      open: 3,
      overdue: 1,
      onTime: 2,
      late: 1,
      exceeded: 1,
      notDone: 1,
      // (2 on time + 1 exceeded) of 5 closed; 1 exceeded of 5.
      onTimeRate: 0.6,
      exceededRate: 0.2,
    });
  });

  it('has no rates while nothing is closed', () => {
    expect(taskCounts([], today)).toMatchObject({ total: 0, onTimeRate: null, exceededRate: null });
    expect(taskCounts([{ status: 'open', deadline: '2022-01-01' }], today)).toMatchObject({ total: 1, open: 1, overdue: 1, onTimeRate: null });
  });

  it('QĐ 366 "excellent" figures: all on time with a third exceeded', () => {
    const year = [...Array(7).fill({ status: 'on_time', deadline: '2022-05-01' }), ...Array(3).fill({ status: 'exceeded', deadline: '2022-05-01' })];
    expect(taskCounts(year, today)).toMatchObject({ onTimeRate: 1, exceededRate: 0.3 });
  });

  it('gives the same figures from groups counted in SQL', () => {
    expect(
      taskCountsOf([
        { status: 'open', overdue: true, n: 1 },
        { status: 'open', overdue: false, n: 2 },
        { status: 'on_time', overdue: false, n: 2 },
        { status: 'exceeded', overdue: false, n: 1 },
        { status: 'late', overdue: false, n: 1 },
        { status: 'not_done', overdue: false, n: 1 },
      ]),
    ).toEqual(taskCounts(tasks, today));
  });
});

describe('commitmentPercent', () => {
  it('more is better: actual over target', () => {
    expect(commitmentPercent(10, 10, 'more')).toBe(100);
    expect(commitmentPercent(10, 12, 'more')).toBe(120);
    expect(commitmentPercent(3, 2, 'more')).toBe(66.7);
    expect(commitmentPercent(10, 0, 'more')).toBe(0);
  });

  it('less is better: target over actual', () => {
    expect(commitmentPercent(5, 5, 'less')).toBe(100);
    expect(commitmentPercent(6, 4, 'less')).toBe(150);
    expect(commitmentPercent(2, 4, 'less')).toBe(50);
  });

  it('zero targets: reaching zero is 100%; beating a positive less-is-better target with zero doubles it', () => {
    expect(commitmentPercent(0, 0, 'more')).toBe(100);
    expect(commitmentPercent(0, 3, 'more')).toBe(100);
    expect(commitmentPercent(0, 0, 'less')).toBe(100);
    expect(commitmentPercent(0, 2, 'less')).toBe(0);
    expect(commitmentPercent(3, 0, 'less')).toBe(200);
  });
});

describe('measurableResult', () => {
  it('over 100% exceeds, exactly 100% achieves, below does not', () => {
    expect(measurableResult(120)).toBe('exceeded');
    expect(measurableResult(100.1)).toBe('exceeded');
    expect(measurableResult(100)).toBe('achieved');
    expect(measurableResult(99.9)).toBe('not_achieved');
    expect(measurableResult(0)).toBe('not_achieved');
  });
});

describe('yearEnded', () => {
  it('a year ends after its 31 December', () => {
    expect(yearEnded(2022, '2022-12-31')).toBe(false);
    expect(yearEnded(2022, '2023-01-01')).toBe(true);
    expect(yearEnded(2022, '2022-06-30')).toBe(false);
    expect(yearEnded(2021, '2022-06-30')).toBe(true);
  });
});

describe('addDays and displayDate', () => {
  it('moves a date by whole days and shows it as dd/mm/yyyy', () => {
    expect(addDays('2022-04-15', 14)).toBe('2022-04-29');
    expect(addDays('2022-03-01', -1)).toBe('2022-02-28');
    expect(addDays('2022-12-25', 10)).toBe('2023-01-04');
    expect(displayDate('2022-04-05')).toBe('05/04/2022');
  });
});
