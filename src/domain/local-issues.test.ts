import { describe, expect, it } from 'vitest';
import { checkTransition, countConfirmations, isIssueOverdue, nextStatuses, sinceText } from './local-issues.js';

describe('status changes of a local issue', () => {
  it('resolving says what was done; "cannot be resolved now" and reopening say why', () => {
    expect(checkTransition('in_progress', 'resolved', { resolutionSummary: 'Đã giao đất cho 38/38 hộ.' })).toEqual([]);
    expect(checkTransition('in_progress', 'resolved', {})).toEqual([{ field: 'resolutionSummary', problem: 'required' }]);
    expect(checkTransition('new', 'unresolvable', {})).toEqual([{ field: 'note', problem: 'required' }]);
    expect(checkTransition('resolved', 'in_progress', {})).toEqual([{ field: 'note', problem: 'required' }]);
    expect(checkTransition('resolved', 'in_progress', { note: 'Người dân chưa đồng ý.' })).toEqual([]);
    expect(checkTransition('new', 'in_progress', {})).toEqual([]);
  });

  it('refuses a change to the same status, a step back to "new", and a summary outside resolving', () => {
    expect(checkTransition('new', 'new', {})).toEqual([{ field: 'status', problem: 'same' }]);
    expect(checkTransition('in_progress', 'new', {})).toEqual([{ field: 'status', problem: 'not_allowed' }]);
    expect(checkTransition('resolved', 'unresolvable', { note: 'x' })).toEqual([{ field: 'status', problem: 'not_allowed' }]);
    expect(checkTransition('new', 'in_progress', { resolutionSummary: 'x' })).toEqual([{ field: 'resolutionSummary', problem: 'only_when_resolving' }]);
    expect(checkTransition('unresolvable', 'resolved', { resolutionSummary: 'x' })).toEqual([{ field: 'status', problem: 'not_allowed' }]);
    // Every problem at once.
    expect(checkTransition('in_progress', 'unresolvable', { resolutionSummary: 'x' })).toEqual([
      { field: 'resolutionSummary', problem: 'only_when_resolving' },
      { field: 'note', problem: 'required' },
    ]);
  });

  it('offers the UI exactly the allowed next statuses', () => {
    expect(nextStatuses('new')).toEqual(['in_progress', 'resolved', 'unresolvable']);
    expect(nextStatuses('in_progress')).toEqual(['resolved', 'unresolvable']);
    expect(nextStatuses('resolved')).toEqual(['in_progress']);
    expect(nextStatuses('unresolvable')).toEqual(['in_progress']);
  });
});

describe('overdue, counts and "since when"', () => {
  it('is overdue only while still open, after (not on) its deadline, and never without one', () => {
    expect(isIssueOverdue({ status: 'in_progress', deadline: '2026-12-01' }, '2026-12-02')).toBe(true);
    expect(isIssueOverdue({ status: 'new', deadline: '2026-12-02' }, '2026-12-02')).toBe(false);
    expect(isIssueOverdue({ status: 'resolved', deadline: '2020-01-01' }, '2026-12-02')).toBe(false);
    expect(isIssueOverdue({ status: 'unresolvable', deadline: '2020-01-01' }, '2026-12-02')).toBe(false);
    expect(isIssueOverdue({ status: 'in_progress', deadline: null }, '2026-12-02')).toBe(false);
  });

  it('counts the people\'s confirmations and disputes', () => {
    expect(countConfirmations([])).toEqual({ confirmed: 0, disputed: 0 });
    expect(countConfirmations(['confirm', 'dispute', 'confirm'])).toEqual({ confirmed: 2, disputed: 1 });
  });

  it('says "since when" the way people do', () => {
    expect(sinceText(2014, true)).toBe('trước 2014');
    expect(sinceText(2018, false)).toBe('2018');
    expect(sinceText(2014, true, 'en')).toBe('before 2014');
    expect(sinceText(null, true)).toBeNull();
  });
});
