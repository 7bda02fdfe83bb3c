import type { Actor } from '../../domain/policy.js';
import { authorizeManageRuleSet, mayReadRuleSet, ruleSetActionsFor } from '../rule-sets/policy.js';

/** Reading: like the inspection rules, everyone under or above the committee that keeps them, the office included. */
export const mayReadRatingRules = mayReadRuleSet;

/** Editing and confirming: the party committee over the unit that keeps the rules. */
export function authorizeManageRatingRules(actor: Actor, keeper: { unit_path: string } | undefined): void {
  authorizeManageRuleSet(actor, 'rating_rules.manage', keeper);
}

export function ratingRuleActionsFor(actor: Actor, keeperPath: string, current: boolean): ('edit' | 'confirm')[] {
  return ruleSetActionsFor(actor, 'rating_rules.manage', keeperPath, current);
}
