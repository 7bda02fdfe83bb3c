import { can, type Actor } from '../../domain/policy.js';
import { authorize } from '../../core/authorize.js';
import { AppError, forbidden } from '../../core/errors.js';
import type { PlanItemAction } from './schemas.js';

/** What the rules need of a plan: whose it is and where it lives. */
export interface PlanScope {
  member_id: string;
  unit_path: string;
}

export const isOwnPlan = (actor: Actor, plan: Pick<PlanScope, 'member_id'>): boolean => actor.memberId !== null && actor.memberId === plan.member_id;

/** The member, and those who read self-examinations in the member's cell (never the office). */
export function mayReadPlan(actor: Actor, plan: PlanScope): boolean {
  return isOwnPlan(actor, plan) || can(actor, 'selfexam.read', { unitPath: plan.unit_path });
}

export function mayVerify(actor: Actor, plan: PlanScope): boolean {
  return !isOwnPlan(actor, plan) && can(actor, 'correction.verify', { unitPath: plan.unit_path });
}

/** Reading: 403 for an account that reads nobody's plan and this is not its own; 404 outside scope. */
export function authorizePlanRead(actor: Actor, plan: PlanScope | undefined): void {
  if (plan && mayReadPlan(actor, plan)) return;
  authorize(actor, 'selfexam.read', null);
}

/** Writing items and progress is the member's own: a reader who is not the member gets 403. */
export function authorizePlanWrite(actor: Actor, plan: PlanScope | undefined): void {
  authorizePlanRead(actor, plan);
  if (!isOwnPlan(actor, plan!)) throw forbidden();
}

/** Verifying: never one's own item (403 saying so); 404 for a plan outside the caller's scope. */
export function authorizeVerify(actor: Actor, plan: PlanScope | undefined): void {
  if (plan && isOwnPlan(actor, plan) && can(actor, 'correction.verify', { unitPath: plan.unit_path })) throw new AppError(403, 'plan_item_verify_own');
  if (plan && mayVerify(actor, plan)) return;
  if (plan && mayReadPlan(actor, plan)) throw forbidden();
  authorize(actor, 'correction.verify', null);
}

export function planItemActionsFor(actor: Actor, plan: PlanScope, item: { status: string; source_kind: string }): PlanItemAction[] {
  if (item.status === 'fixed') return [];
  const out: PlanItemAction[] = [];
  if (isOwnPlan(actor, plan)) {
    out.push('progress');
    if (item.status !== 'claimed') out.push('claim');
  }
  // An inspection's recommendation is verified by the UBKT on the case, not by the cell.
  if (mayVerify(actor, plan) && item.source_kind !== 'inspection') out.push('verify');
  return out;
}
