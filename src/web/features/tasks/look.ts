// How a task reads in lists: its look (status, overdue, awaiting evaluation) and where its
// deadline stands today. Pure functions, tested in look.test.ts.
import type { TFunction } from 'i18next';
import { formatDate } from '../../lib/format.js';
import { daysBetween } from '../../../domain/tasks.js';
import type { TaskSummary } from './api.js';

/**
 * How a task looks in lists: its status, except that an open task is "overdue" past its deadline
 * and "awaiting evaluation" once its owner reported it 100% done (the assigner's move next).
 */
export type TaskLook = TaskSummary['status'] | 'overdue' | 'awaiting';

export function taskLook(task: Pick<TaskSummary, 'status' | 'overdue' | 'progressPercent'>): TaskLook {
  if (task.status !== 'open') return task.status;
  if (task.progressPercent >= 100) return 'awaiting';
  return task.overdue ? 'overdue' : 'open';
}

/**
 * How a task's deadline stands today: "quá hạn 3 ngày", "còn 5 ngày", "xong ngày 28/04/2022",
 * "đánh giá ngày …" (null when there is nothing to add to the date).
 */
export function dueState(
  task: Pick<TaskSummary, 'deadline' | 'status' | 'completedOn' | 'closedOn'>,
  today: string,
  t: TFunction,
): { rest: string | null; overdue: boolean } {
  if (task.completedOn) return { rest: t('tasks.due.completed', { date: formatDate(task.completedOn) }), overdue: false };
  // Closed without being finished ("not done"): when it was judged, not a finishing date.
  if (task.status !== 'open') {
    return { rest: task.closedOn ? t('tasks.due.closed', { date: formatDate(task.closedOn) }) : null, overdue: false };
  }
  const days = daysBetween(today, task.deadline);
  if (days < 0) return { rest: t('tasks.due.overdue', { count: -days }), overdue: true };
  if (days === 0) return { rest: t('tasks.due.today'), overdue: false };
  return { rest: t('tasks.due.left', { count: days }), overdue: false };
}
