import { describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import { dueState, taskLook } from './look.js';

// The key and its values, so the assertions read what would be said.
const t = ((key: string, values?: Record<string, unknown>) => `${key}${values ? ` ${JSON.stringify(values)}` : ''}`) as unknown as TFunction;

const open = { status: 'open' as const, overdue: false, progressPercent: 40, deadline: '2022-04-30', completedOn: null, closedOn: null };

describe('taskLook', () => {
  it('shows an open task as open, overdue past its deadline, and awaiting evaluation once reported done', () => {
    expect(taskLook(open)).toBe('open');
    expect(taskLook({ ...open, overdue: true })).toBe('overdue');
    // Reported 100%: the assigner's move, even when the deadline has passed meanwhile.
    expect(taskLook({ ...open, overdue: true, progressPercent: 100 })).toBe('awaiting');
  });

  it('shows a closed task by its outcome', () => {
    for (const status of ['on_time', 'late', 'exceeded', 'not_done'] as const) {
      expect(taskLook({ ...open, status, progressPercent: 100 })).toBe(status);
    }
  });
});

describe('dueState', () => {
  it('counts the days left and the days overdue in Vietnam dates', () => {
    expect(dueState(open, '2022-04-25', t)).toEqual({ rest: 'tasks.due.left {"count":5}', overdue: false });
    expect(dueState(open, '2022-04-30', t)).toEqual({ rest: 'tasks.due.today', overdue: false });
    expect(dueState(open, '2022-05-03', t)).toEqual({ rest: 'tasks.due.overdue {"count":3}', overdue: true });
  });

  it('says when the work was finished rather than how late it is, and when a task not done was judged', () => {
    expect(dueState({ ...open, completedOn: '2022-04-28' }, '2022-05-03', t)).toEqual({
      rest: 'tasks.due.completed {"date":"28/04/2022"}',
      overdue: false,
    });
    expect(dueState({ ...open, status: 'not_done', closedOn: '2022-05-10' }, '2022-06-01', t)).toEqual({
      rest: 'tasks.due.closed {"date":"10/05/2022"}',
      overdue: false,
    });
  });
});
