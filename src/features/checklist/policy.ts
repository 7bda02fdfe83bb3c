import { can, type Actor } from '../../domain/policy.js';
import { authorize } from '../../core/authorize.js';
import type { ChecklistAction } from './schemas.js';

/**
 * Reading a checklist is for everyone it concerns: those whose units lie under the committee
 * that keeps it (a member in a cell reads the commune's), and those above it.
 */
export function mayReadChecklist(actor: Actor, keeperPath: string): boolean {
  return actor.assignments.some((a) => a.unitPath.startsWith(keeperPath) || keeperPath.startsWith(a.unitPath));
}

/** Editing and confirming: the party committee over the unit that keeps the checklist. */
export function authorizeManage(actor: Actor, keeper: { unit_path: string } | undefined): void {
  authorize(actor, 'checklist.manage', keeper ? { unitPath: keeper.unit_path } : null);
}

export function checklistActionsFor(actor: Actor, keeperPath: string, current: boolean): ChecklistAction[] {
  if (!current || !can(actor, 'checklist.manage', { unitPath: keeperPath })) return [];
  return ['edit', 'confirm', 'add', 'remove'];
}
