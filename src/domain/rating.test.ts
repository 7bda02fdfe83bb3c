import { describe, expect, it } from 'vitest';
import { ballotSheetProblems, bestAllowedLevel, excellentQuota, levelOptions, proposedLevel, quotaCheck, scoreProblems, scoreTotal, tallyBallots, type RatingLevelRule, type RatingTrigger } from './rating.js';

/** The four levels as the starting reference data states them (QĐ 366, from press reports). */
const levels: RatingLevelRule[] = [
  { code: 'HTXSNV', name: 'Hoàn thành xuất sắc nhiệm vụ', minScore: 90, allTasksDone: true, allTasksOnTime: true, minExceededShare: 0.3, maxLateShare: null, shortcomingsFixed: true },
  { code: 'HTTNV', name: 'Hoàn thành tốt nhiệm vụ', minScore: 70, allTasksDone: true, allTasksOnTime: true, minExceededShare: null, maxLateShare: null, shortcomingsFixed: false },
  { code: 'HTNV', name: 'Hoàn thành nhiệm vụ', minScore: 50, allTasksDone: true, allTasksOnTime: false, minExceededShare: null, maxLateShare: 0.2, shortcomingsFixed: false },
  { code: 'KHTNV', name: 'Không hoàn thành nhiệm vụ', minScore: 0, allTasksDone: false, allTasksOnTime: false, minExceededShare: null, maxLateShare: null, shortcomingsFixed: false },
];
const disciplined: RatingTrigger = { code: 'disciplined', name: 'Bị xử lý kỷ luật trong kỳ', capsAt: 'KHTNV', source: 'Quy định 366-QĐ/TW' };
const tasks = (onTime: number, late = 0, exceeded = 0, notDone = 0) => ({ onTime, late, exceeded, notDone });
const allowed = (o: ReturnType<typeof levelOptions>) => o.filter((x) => x.allowed).map((x) => x.code);

describe('levels the evidence allows', () => {
  it('every task on time and a third exceeded, shortcomings fixed: any level the points reach', () => {
    const evidence = { tasks: tasks(6, 0, 4), unfixedShortcomings: 0, triggers: [] };
    expect(allowed(levelOptions(levels, evidence, 92))).toEqual(['HTXSNV', 'HTTNV', 'HTNV', 'KHTNV']);
    expect(allowed(levelOptions(levels, evidence, 80))).toEqual(['HTTNV', 'HTNV', 'KHTNV']);
    expect(levelOptions(levels, evidence, 80)[0]!.reasons).toEqual([{ key: 'score', minScore: 90, score: 80 }]);
  });

  it('2 tasks late: cannot be Hoàn thành tốt; more than a fifth late: not even Hoàn thành', () => {
    const twoOfTen = levelOptions(levels, { tasks: tasks(8, 2), unfixedShortcomings: 0, triggers: [] }, null);
    expect(allowed(twoOfTen)).toEqual(['HTNV', 'KHTNV']);
    expect(twoOfTen[1]!.reasons).toEqual([{ key: 'tasks_late', count: 2 }]);
    const threeOfTen = levelOptions(levels, { tasks: tasks(7, 3), unfixedShortcomings: 0, triggers: [] }, null);
    expect(threeOfTen[2]!.reasons).toEqual([{ key: 'late_share', share: 0.3, max: 0.2 }]);
    expect(bestAllowedLevel(levels, { tasks: tasks(7, 3), unfixedShortcomings: 0, triggers: [] }, 75)).toBe('KHTNV');
  });

  it('excellence needs the exceeded share and fixed shortcomings; a task not done rules out every completed level', () => {
    const few = levelOptions(levels, { tasks: tasks(8, 0, 2), unfixedShortcomings: 1, triggers: [] }, 95);
    expect(few[0]!.reasons).toEqual([
      { key: 'exceeded_share', share: 0.2, min: 0.3 },
      { key: 'shortcomings_unfixed', count: 1 },
    ]);
    expect(allowed(levelOptions(levels, { tasks: tasks(9, 0, 0, 1), unfixedShortcomings: 0, triggers: [] }, 95))).toEqual(['KHTNV']);
  });

  it('a year without tasks cannot be excellent (nothing exceeded) but may be good', () => {
    expect(allowed(levelOptions(levels, { tasks: tasks(0), unfixedShortcomings: 0, triggers: [] }, 85))).toEqual(['HTTNV', 'HTNV', 'KHTNV']);
  });

  it('disciplined this year: capped at Không hoàn thành whatever the points, the rule named', () => {
    const options = levelOptions(levels, { tasks: tasks(10, 0, 5), unfixedShortcomings: 0, triggers: [disciplined] }, 96);
    expect(allowed(options)).toEqual(['KHTNV']);
    expect(options[0]!.reasons).toEqual([{ key: 'trigger', trigger: disciplined }]);
  });
});

describe('points, quota and vote', () => {
  it('points per criterion stay within the framework', () => {
    const groups = [
      { code: 'common', name: 'Nhóm tiêu chí chung', max: 30, criteria: [{ code: 'politics', name: 'a', max: null }, { code: 'unity', name: 'b', max: 10 }] },
      { code: 'tasks', name: 'Nhóm tiêu chí về kết quả', max: 70, criteria: [{ code: 'results', name: 'c', max: null }] },
    ];
    expect(scoreProblems(groups, { politics: 25, unity: 5, results: 70 })).toEqual([]);
    expect(scoreProblems(groups, { politics: 31 })).toEqual([{ code: 'politics', max: 30, kind: 'criterion' }]);
    expect(scoreProblems(groups, { unity: 11 })).toEqual([{ code: 'unity', max: 10, kind: 'criterion' }]);
    expect(scoreProblems(groups, { politics: 25, unity: 10 })).toEqual([{ code: 'common', max: 30, kind: 'group' }]);
    expect(scoreProblems(groups, { results: -1, other: 3 })).toEqual([{ code: 'results', max: 70, kind: 'criterion' }, { code: 'other', max: 0, kind: 'unknown' }]);
    expect(scoreTotal({ politics: 25, unity: 5.5, results: 60 })).toBe(90.5);
    expect(scoreTotal({})).toBeNull();
  });

  it('the quota of excellent is a share of those rated good, rounded down', () => {
    expect(excellentQuota(14, 20)).toBe(2);
    expect(excellentQuota(15, 20)).toBe(3);
    expect(excellentQuota(4, 20)).toBe(0);
    expect(quotaCheck({ excellent: 4, good: 15 }, 20)).toEqual({ limit: 3, over: 1 });
    expect(quotaCheck({ excellent: 3, good: 15 }, 20)).toEqual({ limit: 3, over: 0 });
  });

  it('the cell proposes the best level with more than half the official members, votes for better levels counting down', () => {
    const votes = tallyBallots([{ level: 'HTXSNV' }, { level: 'HTXSNV' }, { level: 'HTTNV' }, { level: 'HTTNV' }, { level: 'HTNV' }, { level: null }]);
    expect(votes).toEqual({ HTXSNV: 2, HTTNV: 2, HTNV: 1 });
    expect(proposedLevel(levels, votes, { denominator: 7, majority: 0.5, cumulative: true })).toBe('HTTNV');
    expect(proposedLevel(levels, votes, { denominator: 7, majority: 0.5, cumulative: false })).toBeNull();
    expect(proposedLevel(levels, votes, { denominator: 0, majority: 0.5, cumulative: true })).toBeNull();
  });

  it('a ballot sheet names every review on the ballot once, with a level of the rules or blank', () => {
    const onBallot = ['a', 'b', 'c'];
    expect(ballotSheetProblems(onBallot, levels, [{ reviewId: 'c', level: null }, { reviewId: 'a', level: 'HTNV' }, { reviewId: 'b', level: 'HTXSNV' }])).toEqual([]);
    expect(ballotSheetProblems(onBallot, levels, [{ reviewId: 'a', level: 'HTNV' }, { reviewId: 'a', level: 'HTNV' }, { reviewId: 'x', level: 'GIOI' }])).toEqual([
      { kind: 'not_on_ballot', index: 1 },
      { kind: 'not_on_ballot', index: 2 },
      { kind: 'level', index: 2 },
      { kind: 'missing', reviewIds: ['b', 'c'] },
    ]);
  });
});
