import type { CommitmentDirection, CommitmentResult, TaskOutcome, TaskStatus } from '../shared/enums.js';

/**
 * Pure rules for tasks and commitments. Dates are `yyyy-mm-dd` strings in Vietnam time, which
 * compare correctly as text.
 */

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The date `days` after (before, when negative) a date. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** yyyy-mm-dd → dd/mm/yyyy, as messages show dates. */
export function displayDate(date: string): string {
  return date.split('-').reverse().join('/');
}

/** Quá hạn: still open after its deadline day. */
export function isOverdue(task: { status: string; deadline: string }, today: string): boolean {
  return task.status === 'open' && task.deadline < today;
}

/**
 * The outcomes an assigner may close a task with, given when (if ever) the work was finished:
 * work finished by the deadline is on time or exceeded; finished after it, late; never finished,
 * not done. "Not done" stays possible for finished work that did not meet the deliverable.
 */
export function allowedOutcomes(deadline: string, completedOn: string | null): TaskOutcome[] {
  if (completedOn === null) return ['not_done'];
  return completedOn <= deadline ? ['on_time', 'exceeded', 'not_done'] : ['late', 'not_done'];
}

/** The outcome the close form proposes: judged by the completion date against the deadline. */
export function classifyOutcome(deadline: string, completedOn: string | null, exceeded = false): TaskOutcome {
  if (completedOn === null) return 'not_done';
  if (completedOn > deadline) return 'late';
  return exceeded ? 'exceeded' : 'on_time';
}

/** Ngày chậm giao: days a cell took to pass a job on to a mass organisation. */
export function handDownDelayDays(receivedOn: string | null, handedDownOn: string | null): number | null {
  if (receivedOn === null || handedDownOn === null) return null;
  return Math.max(0, daysBetween(receivedOn, handedDownOn));
}

export interface TaskCounts {
  total: number;
  open: number;
  overdue: number;
  onTime: number;
  late: number;
  exceeded: number;
  notDone: number;
  /** Closed tasks done on time or beyond (on time + exceeded) over all closed, 0–1; null with none closed. */
  onTimeRate: number | null;
  /** Exceeded over all closed, 0–1 (QĐ 366's "excellent" needs ≥ 30%). */
  exceededRate: number | null;
}

/** Year (or any period) figures of a set of tasks, as reports and the rating use them. */
export function taskCounts(tasks: readonly { status: TaskStatus | string; deadline: string }[], today: string): TaskCounts {
  return taskCountsOf(tasks.map((task) => ({ status: task.status, overdue: isOverdue(task, today), n: 1 })));
}

/** A group of tasks counted together (by SQL): `n` tasks of one status, overdue or not. */
export interface TaskBucket {
  status: TaskStatus | string;
  overdue: boolean;
  n: number;
}

/** The same figures from pre-counted groups, so reports count in SQL rather than load every task. */
export function taskCountsOf(buckets: readonly TaskBucket[]): TaskCounts {
  const counts = { total: 0, open: 0, overdue: 0, onTime: 0, late: 0, exceeded: 0, notDone: 0 };
  for (const { status, overdue, n } of buckets) {
    counts.total += n;
    switch (status) {
      case 'open':
        counts.open += n;
        if (overdue) counts.overdue += n;
        break;
      case 'on_time':
        counts.onTime += n;
        break;
      case 'late':
        counts.late += n;
        break;
      case 'exceeded':
        counts.exceeded += n;
        break;
      case 'not_done':
        counts.notDone += n;
        break;
    }
  }
  const closed = counts.onTime + counts.late + counts.exceeded + counts.notDone;
  return {
    ...counts,
    onTimeRate: closed === 0 ? null : (counts.onTime + counts.exceeded) / closed,
    exceededRate: closed === 0 ? null : counts.exceeded / closed,
  };
}

/** Mean of the known delays, one decimal; null when there are none. */
export function averageDelay(delays: readonly (number | null)[]): number | null {
  const known = delays.filter((d): d is number => d !== null);
  if (known.length === 0) return null;
  return Math.round((known.reduce((a, b) => a + b, 0) / known.length) * 10) / 10;
}

/**
 * Percent of a measurable target reached, one decimal. More-is-better: actual / target.
 * Less-is-better: target / actual (reaching a zero target with zero is 100%).
 */
export function commitmentPercent(target: number, actual: number, direction: CommitmentDirection): number {
  let ratio: number;
  if (direction === 'more') {
    ratio = target === 0 ? (actual >= 0 ? 1 : 0) : actual / target;
  } else if (actual === 0) {
    ratio = target >= 0 ? (target === 0 ? 1 : 2) : 0;
  } else {
    ratio = target === 0 ? 0 : target / actual;
  }
  return Math.round(Math.max(0, ratio) * 1000) / 10;
}

/** A measurable commitment's result follows from its percent: over 100 exceeds, 100 achieves. */
export function measurableResult(percent: number): CommitmentResult {
  if (percent > 100) return 'exceeded';
  if (percent >= 100) return 'achieved';
  return 'not_achieved';
}

/** Has the commitment year ended (evaluation before then needs a reason)? */
export function yearEnded(year: number, today: string): boolean {
  return today > `${year}-12-31`;
}
