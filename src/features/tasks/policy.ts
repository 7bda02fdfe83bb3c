import { can, type Actor } from '../../domain/policy.js';
import { authorize } from '../../core/authorize.js';
import { forbidden } from '../../core/errors.js';
import type { TaskAction } from './schemas.js';

/** What the rules need to know of a task: where it lives, who owns it, who shares it. */
export interface TaskAccess {
  /** Path of the assigning unit. */
  unitPath: string;
  ownerMemberId: string | null;
  /** Path of the owning unit (a mass organisation, a cell), when a unit owns it. */
  ownerUnitPath: string | null;
  coworkerIds: readonly string[];
  status: string;
}

/** The owner member or a co-worker: the people doing the work. */
function isOwnWork(actor: Actor, task: TaskAccess): boolean {
  return actor.memberId !== null && (task.ownerMemberId === actor.memberId || task.coworkerIds.includes(actor.memberId));
}

/**
 * Who reads a task: those who read tasks where it was assigned or where it was handed (the
 * owning cell's members see the commune's task to their cell), and the people doing it — a
 * member sees their own task even when the commune assigned it.
 */
export function mayReadTask(actor: Actor, task: TaskAccess): boolean {
  return (
    isOwnWork(actor, task) ||
    can(actor, 'task.read', { unitPath: task.unitPath }) ||
    (task.ownerUnitPath !== null && can(actor, 'task.read', { unitPath: task.ownerUnitPath }))
  );
}

/**
 * Who reports progress: the owner member and the co-workers. A unit has no account (a mass
 * organisation) or acts through its leaders (a cell), so for a unit's task the leaders of the
 * owning unit, or of the assigning unit, report on its behalf.
 */
export function mayReportTask(actor: Actor, task: TaskAccess): boolean {
  if (isOwnWork(actor, task)) return true;
  if (task.ownerUnitPath === null) return false;
  return can(actor, 'task.assign', { unitPath: task.ownerUnitPath }) || can(actor, 'task.assign', { unitPath: task.unitPath });
}

/** The assigner closes: those who assign tasks in the assigning unit. */
export function mayCloseTask(actor: Actor, task: TaskAccess): boolean {
  return can(actor, 'task.assign', { unitPath: task.unitPath });
}

/**
 * Reading a task: 403 for an account that reads no tasks anywhere, 404 for a task it cannot
 * see (exactly like a missing one).
 */
export function authorizeTaskRead(actor: Actor, task: TaskAccess | undefined): void {
  if (task && mayReadTask(actor, task)) return;
  authorize(actor, 'task.read', null);
}

/** Reporting: whoever sees the task but is not doing it gets 403; anyone else 404. */
export function authorizeTaskReport(actor: Actor, task: TaskAccess | undefined): void {
  authorizeTaskRead(actor, task);
  if (!mayReportTask(actor, task!)) throw forbidden();
}

/** Closing: a member who sees their own task but does not assign work gets 403. */
export function authorizeTaskClose(actor: Actor, task: TaskAccess | undefined): void {
  authorizeTaskRead(actor, task);
  if (!mayCloseTask(actor, task!)) throw forbidden();
}

/** What the task page may offer the caller: nothing once the task is closed. */
export function taskActionsFor(actor: Actor, task: TaskAccess): TaskAction[] {
  if (task.status !== 'open') return [];
  const actions: TaskAction[] = [];
  if (mayReportTask(actor, task)) actions.push('report');
  if (mayCloseTask(actor, task)) actions.push('close');
  return actions;
}
