import { describe, expect, it } from 'vitest';
import {
  aggregateIfLargeEnough,
  askedPeriod,
  feedbackRate,
  monthsElapsed,
  percentOf,
  periodKey,
  periodKeysOf,
  periodLabelVi,
  planCounts,
  planItemDueSoon,
  planItemFixedOnTime,
  planItemOverdue,
  statsPeriod,
  statsPeriodLabelVi,
  type PlanItemState,
} from './self-examination.js';

const item = (over: Partial<PlanItemState> = {}): PlanItemState => ({ status: 'open', deadline: '2022-06-30', claimedOn: null, verifiedOn: null, ...over });

describe('periods', () => {
  it('the period the cell asked for: its coming thematic meeting, else the one its other members opened most', () => {
    const year = { period: { kind: 'year' as const, year: 2026, quarter: null, meetingId: null }, meetingDate: null };
    const quarter = { period: { kind: 'quarter' as const, year: 2026, quarter: 4, meetingId: null }, meetingDate: null };
    const thematic = (id: string, date: string) => ({ period: { kind: 'thematic' as const, year: 2026, quarter: null, meetingId: id }, meetingDate: date });
    const none = new Map<string, number>();
    expect(askedPeriod([year, quarter], none, '2026-12-07')).toBeNull();
    expect(askedPeriod([year, quarter], new Map([['Q2026-4', 6], ['Y2026', 2]]), '2026-12-07')).toEqual({ index: 1, by: 'cell' });
    expect(askedPeriod([year, quarter], new Map([['Y2026', 3]]), '2026-12-07')).toEqual({ index: 0, by: 'cell' });
    // A coming thematic meeting wins over the cell's habit; the soonest of two; one already held does not count.
    const periods = [year, quarter, thematic('past', '2026-12-02'), thematic('later', '2027-01-20'), thematic('soon', '2026-12-18')];
    expect(askedPeriod(periods, new Map([['Q2026-4', 6]]), '2026-12-07')).toEqual({ index: 4, by: 'thematic_meeting' });
    expect(askedPeriod([year, quarter, thematic('today', '2026-12-07')], none, '2026-12-07')).toEqual({ index: 2, by: 'thematic_meeting' });
    expect(askedPeriod([year, quarter, thematic('past', '2026-12-02')], none, '2026-12-07')).toBeNull();
  });

  it('keys one self-examination per member per year, quarter or thematic meeting', () => {
    expect(periodKey({ kind: 'year', year: 2022, quarter: null, meetingId: null })).toBe('Y2022');
    expect(periodKey({ kind: 'quarter', year: 2022, quarter: 2, meetingId: null })).toBe('Q2022-2');
    expect(periodKey({ kind: 'thematic', year: 2022, quarter: null, meetingId: 'm-1' })).toBe('Mm-1');
  });

  it('names them as a secretary would write them', () => {
    expect(periodLabelVi({ kind: 'year', year: 2022, quarter: null, meetingId: null })).toBe('Năm 2022');
    expect(periodLabelVi({ kind: 'quarter', year: 2022, quarter: 4, meetingId: null })).toBe('Quý IV/2022');
    expect(periodLabelVi({ kind: 'thematic', year: 2022, quarter: null, meetingId: 'm' }, '2022-04-14')).toBe('Sinh hoạt chuyên đề 14/04/2022');
    expect(periodLabelVi({ kind: 'thematic', year: 2022, quarter: null, meetingId: 'm' })).toBe('Sinh hoạt chuyên đề 2022');
    expect(statsPeriodLabelVi('2022')).toBe('Năm 2022');
    expect(statsPeriodLabelVi('2022-Q2')).toBe('Quý II/2022');
  });

  it('turns a stats period into its dates and months, leap February included', () => {
    expect(statsPeriod('2022')).toMatchObject({ year: 2022, quarter: null, from: '2022-01-01', to: '2022-12-31' });
    expect(statsPeriod('2022').months).toHaveLength(12);
    expect(statsPeriod('2024-Q1')).toEqual({ year: 2024, quarter: 1, from: '2024-01-01', to: '2024-03-31', months: ['2024-01', '2024-02', '2024-03'] });
    expect(statsPeriod('2022-Q2').to).toBe('2022-06-30');
    expect(statsPeriod('2022-Q4')).toMatchObject({ from: '2022-10-01', to: '2022-12-31' });
  });

  it('counts a year\'s own, its quarters\' and its thematic self-examinations for the year; only its own for a quarter', () => {
    expect(periodKeysOf('2022')).toEqual({ year: 2022, keys: ['Y2022', 'Q2022-1', 'Q2022-2', 'Q2022-3', 'Q2022-4'], thematic: true });
    expect(periodKeysOf('2022-Q3')).toEqual({ year: 2022, keys: ['Q2022-3'], thematic: false });
  });

  it('counts only the months begun by today in a running year', () => {
    const months = statsPeriod('2022').months;
    expect(monthsElapsed(months, '2022-04-15')).toBe(4);
    expect(monthsElapsed(months, '2023-01-02')).toBe(12);
    expect(monthsElapsed(months, '2021-12-31')).toBe(0);
  });
});

describe('plan item status', () => {
  it('is overdue past its deadline unless fixed, or reported fixed by the deadline', () => {
    expect(planItemOverdue(item(), '2022-06-30')).toBe(false);
    expect(planItemOverdue(item(), '2022-07-01')).toBe(true);
    expect(planItemOverdue(item({ status: 'returned' }), '2022-07-01')).toBe(true);
    expect(planItemOverdue(item({ status: 'fixed', verifiedOn: '2022-08-01' }), '2022-09-01')).toBe(false);
    // Reported on time, waiting for the cell committee: the member is not late.
    expect(planItemOverdue(item({ status: 'claimed', claimedOn: '2022-06-30' }), '2022-07-20')).toBe(false);
    // Reported after the deadline: it was overdue and still is until verified.
    expect(planItemOverdue(item({ status: 'claimed', claimedOn: '2022-07-05' }), '2022-07-20')).toBe(true);
  });

  it('is fixed on time when reported (or, without a report, verified) by the deadline', () => {
    expect(planItemFixedOnTime(item())).toBeNull();
    expect(planItemFixedOnTime(item({ status: 'fixed', claimedOn: '2022-06-28', verifiedOn: '2022-07-10' }))).toBe(true);
    expect(planItemFixedOnTime(item({ status: 'fixed', claimedOn: '2022-07-02', verifiedOn: '2022-07-03' }))).toBe(false);
    expect(planItemFixedOnTime(item({ status: 'fixed', verifiedOn: '2022-06-30' }))).toBe(true);
    expect(planItemFixedOnTime(item({ status: 'fixed', verifiedOn: '2022-07-01' }))).toBe(false);
  });

  it('is due soon within 14 days (or as asked), never once overdue or fixed', () => {
    expect(planItemDueSoon(item(), '2022-06-16')).toBe(true);
    expect(planItemDueSoon(item(), '2022-06-15')).toBe(false);
    expect(planItemDueSoon(item(), '2022-06-15', 15)).toBe(true);
    expect(planItemDueSoon(item(), '2022-07-01')).toBe(false);
    expect(planItemDueSoon(item({ status: 'fixed', verifiedOn: '2022-06-01' }), '2022-06-20')).toBe(false);
  });

  it('counts a plan: open (returned counts as open), waiting, fixed, fixed on time, overdue', () => {
    const items = [
      item(),
      item({ status: 'returned', deadline: '2022-05-31' }),
      item({ status: 'claimed', claimedOn: '2022-06-01' }),
      item({ status: 'fixed', claimedOn: '2022-06-10', verifiedOn: '2022-06-12' }),
      item({ status: 'fixed', claimedOn: '2022-07-10', verifiedOn: '2022-07-12' }),
    ];
    expect(planCounts(items, '2022-06-15')).toEqual({ total: 5, open: 2, claimed: 1, fixed: 2, fixedOnTime: 1, overdue: 1 });
    expect(planCounts(items, '2022-07-01')).toEqual({ total: 5, open: 2, claimed: 1, fixed: 2, fixedOnTime: 1, overdue: 2 });
    expect(planCounts([], '2022-07-01')).toEqual({ total: 0, open: 0, claimed: 0, fixed: 0, fixedOnTime: 0, overdue: 0 });
  });
});

describe('aggregates', () => {
  it('gives percentages with one decimal, none of an empty base', () => {
    expect(percentOf(2, 3)).toBe(66.7);
    expect(percentOf(0, 5)).toBe(0);
    expect(percentOf(5, 5)).toBe(100);
    expect(percentOf(1, 0)).toBeNull();
  });

  it('gives feedback per member per month unrounded (a few feedbacks in a big commune are not 0), none without members or months', () => {
    expect(feedbackRate(3, 24, 12)).toBeCloseTo(3 / 288, 12);
    expect(feedbackRate(4, 700, 12)).toBeGreaterThan(0);
    expect(feedbackRate(48, 24, 4)).toBe(0.5);
    expect(feedbackRate(5, 0, 12)).toBeNull();
    expect(feedbackRate(5, 10, 0)).toBeNull();
  });

  it('shows how often manifestations are marked only for groups of at least k, and builds nothing below', () => {
    let built = 0;
    const build = () => {
      built += 1;
      return { CT1: 1 };
    };
    expect(aggregateIfLargeEnough(4, 5, build)).toBeNull();
    expect(built).toBe(0);
    expect(aggregateIfLargeEnough(5, 5, build)).toEqual({ CT1: 1 });
    expect(built).toBe(1);
  });
});
