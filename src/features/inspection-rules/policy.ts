import { can, type Actor } from '../../domain/policy.js';
import { authorize } from '../../core/authorize.js';

/** Everyone whose units lie under the committee that keeps the rules reads them (like the checklist). */
export function mayReadRules(actor: Actor, keeperPath: string): boolean {
  return actor.assignments.some((a) => a.unitPath.startsWith(keeperPath) || keeperPath.startsWith(a.unitPath));
}

/** Editing and confirming: the party committee and its inspection committee over the keeper. */
export function authorizeManageRules(actor: Actor, keeper: { unit_path: string } | undefined): void {
  authorize(actor, 'inspection_rules.manage', keeper ? { unitPath: keeper.unit_path } : null);
}

export function ruleActionsFor(actor: Actor, keeperPath: string, current: boolean): ('edit' | 'confirm')[] {
  if (!current || !can(actor, 'inspection_rules.manage', { unitPath: keeperPath })) return [];
  return ['edit', 'confirm'];
}
