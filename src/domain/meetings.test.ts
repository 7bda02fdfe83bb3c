import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { addRecords, emptyCounts } from './attendance.js';
import { measuredPoints, quarterOf, rubricMaxPoints, scheduleWarnings, scoreLevel, type RubricCriterion, type RubricLevel } from './meetings.js';

describe('scheduleWarnings', () => {
  const monthly = (months: number[], year = 2022) =>
    months.map((m) => ({ kind: 'regular' as const, date: `${year}-${String(m).padStart(2, '0')}-05` }));

  it('is quiet for a cell that met every month and had a thematic meeting each quarter', () => {
    const meetings = [
      ...monthly([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]),
      ...['2022-02-20', '2022-05-20', '2022-08-20', '2022-11-20'].map((date) => ({ kind: 'thematic' as const, date })),
    ];
    expect(scheduleWarnings(meetings, '2022-01-01', '2022-12-31')).toEqual([]);
  });

  it('names each month without a regular meeting and each ended quarter without a thematic one', () => {
    const meetings = [...monthly([1, 2, 4, 5, 6]), { kind: 'thematic' as const, date: '2022-02-20' }];
    expect(scheduleWarnings(meetings, '2022-01-01', '2022-07-15')).toEqual([
      { kind: 'regular', month: '2022-03' },
      { kind: 'thematic', quarter: '2022-Q2' },
      { kind: 'regular', month: '2022-07' },
    ]);
  });

  it('does not judge the future or a quarter that has not ended', () => {
    expect(scheduleWarnings([], '2026-01-01', '2026-02-10')).toEqual([
      { kind: 'regular', month: '2026-01' },
      { kind: 'regular', month: '2026-02' },
    ]);
    expect(scheduleWarnings([], '2026-12-01', '2026-11-30')).toEqual([]);
  });

  it('a thematic meeting does not stand in for the monthly one', () => {
    expect(scheduleWarnings([{ kind: 'thematic', date: '2022-01-10' }], '2022-01-01', '2022-01-31')).toEqual([
      { kind: 'regular', month: '2022-01' },
    ]);
  });

  it('knows the quarters', () => {
    expect(['2022-01-01', '2022-03-31', '2022-04-01', '2022-12-31'].map(quarterOf)).toEqual(['2022-Q1', '2022-Q1', '2022-Q2', '2022-Q4']);
  });
});

describe('rubric scoring', () => {
  const rubric = JSON.parse(fs.readFileSync(new URL('../../reference/meeting-rubric-sample.json', import.meta.url), 'utf8')) as {
    criteria: RubricCriterion[];
    levels: RubricLevel[];
  };
  const criterion = (code: string) => rubric.criteria.find((c) => c.code === code)!;

  it('the sample rubric adds up to 100 points with four levels', () => {
    expect(rubricMaxPoints(rubric.criteria)).toBe(100);
    expect(rubric.levels.map((l) => l.name)).toEqual(['Tốt', 'Khá', 'Trung bình', 'Kém']);
    expect(rubric.criteria.filter((c) => c.measure).map((c) => c.code)).toEqual(['attendance', 'punctual', 'tasks']);
  });

  function facts(present: number, onTime: number, expected: number, tasks = 0) {
    let attendance = addRecords(emptyCounts(), { status: 'present', late: false }, onTime);
    attendance = addRecords(attendance, { status: 'present', late: true, lateMinutesTotal: 10 * (present - onTime) }, present - onTime);
    attendance = addRecords(attendance, { status: 'absent', late: false }, expected - present);
    return { attendance, tasks, tasksNamed: tasks };
  }

  it('gives full attendance points from the threshold up, and a share below it', () => {
    expect(measuredPoints(criterion('attendance'), facts(20, 20, 22))).toBe(15); // 90.9 %
    expect(measuredPoints(criterion('attendance'), facts(18, 18, 20))).toBe(15); // exactly 90 %
    expect(measuredPoints(criterion('attendance'), facts(15, 15, 20))).toBe(12.5); // 75 % of 90 % → 12.5
    expect(measuredPoints(criterion('attendance'), facts(0, 0, 0))).toBe(0);
  });

  it('measures attendance against everyone expected, those not marked yet too', () => {
    // 3 present, 19 not marked: 3/22, not 3/3.
    const attendance = addRecords(addRecords(emptyCounts(), { status: 'present', late: false }, 3), { status: 'pending', late: false }, 19);
    expect(measuredPoints(criterion('attendance'), { attendance, tasks: 0, tasksNamed: 0 })).toBe(2);
  });

  it('gives punctuality points in proportion to those on time, in half points', () => {
    expect(measuredPoints(criterion('punctual'), facts(20, 20, 20))).toBe(10);
    expect(measuredPoints(criterion('punctual'), facts(20, 14, 20))).toBe(7);
    expect(measuredPoints(criterion('punctual'), facts(21, 16, 22))).toBe(7.5); // 76.2 % → 7.62 → 7.5
  });

  it('needs tasks with named owners for the task criterion', () => {
    expect(measuredPoints(criterion('tasks'), facts(10, 10, 10, 4))).toBe(15);
    expect(measuredPoints(criterion('tasks'), facts(10, 10, 10, 0))).toBe(0);
    expect(measuredPoints(criterion('tasks'), { ...facts(10, 10, 10), tasks: 4, tasksNamed: 2 })).toBe(7.5);
  });

  it('leaves the chair\'s criteria to the chair', () => {
    expect(measuredPoints(criterion('criticism'), facts(10, 10, 10, 3))).toBeNull();
  });

  it('finds the level a total reaches', () => {
    expect(scoreLevel(95, rubric.levels)).toBe('Tốt');
    expect(scoreLevel(90, rubric.levels)).toBe('Tốt');
    expect(scoreLevel(89.5, rubric.levels)).toBe('Khá');
    expect(scoreLevel(50, rubric.levels)).toBe('Trung bình');
    expect(scoreLevel(12, rubric.levels)).toBe('Kém');
    expect(scoreLevel(5, [{ name: 'Đạt', min: 10 }])).toBeNull();
  });
});
