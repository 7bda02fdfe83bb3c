import { can, type Action, type Actor } from '../../domain/policy.js';
import { authorize } from '../../core/authorize.js';

/**
 * Reading a rule set is for everyone it concerns: those whose units lie under the unit that keeps
 * it (a member in a cell reads the commune's, the office too) and those above it.
 */
export function mayReadRuleSet(actor: Actor, keeperPath: string): boolean {
  return actor.assignments.some((a) => a.unitPath.startsWith(keeperPath) || keeperPath.startsWith(a.unitPath));
}

/**
 * Changing a set: the set's own action over the keeper. A version the caller may not read answers
 * like a missing one (404); one they read but may not change is a 403.
 */
export function authorizeManageRuleSet(actor: Actor, action: Action, keeper: { unit_path: string } | undefined): void {
  const readable = keeper && mayReadRuleSet(actor, keeper.unit_path);
  authorize(actor, action, readable ? { unitPath: keeper.unit_path } : null);
}

/** What the viewer may do to a version: edit and confirm its items, when it is current and theirs to manage. */
export function ruleSetActionsFor(actor: Actor, action: Action, keeperPath: string, current: boolean): ('edit' | 'confirm')[] {
  if (!current || !can(actor, action, { unitPath: keeperPath })) return [];
  return ['edit', 'confirm'];
}
