import { describe, expect, it } from 'vitest';
import { monthState, overviewPeriod, overviewPeriodProblem, previousYearPeriod, rankingScore, weakIndicators } from './overview.js';

describe('overview rules', () => {
  it('the period: this month by default, the month of the one end given; a year at most', () => {
    expect(overviewPeriod({}, '2026-02-10')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(overviewPeriod({ from: '2024-02-05' }, '2026-12-08')).toEqual({ from: '2024-02-05', to: '2024-02-29' });
    expect(overviewPeriodProblem({ from: '2024-01-01', to: '2024-12-31' })).toBeNull();
    expect(overviewPeriodProblem({ from: '2024-01-01', to: '2025-01-01' })).toEqual({ field: 'to', problem: 'overview_period_too_long' });
    expect(overviewPeriodProblem({ from: '2024-02-01', to: '2024-01-31' })).toEqual({ field: 'to', problem: 'period_invalid' });
  });

  it('last year: the same dates, a month still ending on its last day', () => {
    expect(previousYearPeriod({ from: '2024-02-01', to: '2024-02-29' })).toEqual({ from: '2023-02-01', to: '2023-02-28' });
    expect(previousYearPeriod({ from: '2025-02-01', to: '2025-02-28' })).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(previousYearPeriod({ from: '2026-04-10', to: '2026-04-20' })).toEqual({ from: '2025-04-10', to: '2025-04-20' });
  });

  it("a grid month: held, scheduled this month, missing (an earlier month's meeting never held), future", () => {
    const today = '2026-12-08';
    expect(monthState('2026-11', { held: 3, of: 3, planned: false }, today)).toBe('held');
    expect(monthState('2026-12', { held: 2, of: 3, planned: true }, today)).toBe('planned');
    expect(monthState('2026-11', { held: 2, of: 3, planned: true }, today)).toBe('missing');
    expect(monthState('2026-12', { held: 0, of: 3, planned: false }, today)).toBe('missing');
    expect(monthState('2027-01', { held: 0, of: 3, planned: false }, today)).toBe('future');
  });

  it('the score: the mean of the shares that have figures; under 80 % is weak', () => {
    const shares = { regularMonths: 1, attendance: 0.9, punctuality: 0.5, tasksOnTime: null, selfExamCoverage: 0.6 };
    expect(rankingScore(shares)).toBeCloseTo(0.75);
    expect(weakIndicators(shares)).toEqual(['punctuality', 'selfExamCoverage']);
    expect(rankingScore({ regularMonths: null, attendance: null, punctuality: null, tasksOnTime: null, selfExamCoverage: null })).toBeNull();
  });
});
