import { can, canSomewhere, type Actor, type Scope } from '../../domain/policy.js';
import { forbidden, notFound } from '../../core/errors.js';
import type { FeedbackAction } from './schemas.js';

/** What the rules need of a feedback. */
export interface FeedbackScope {
  unit_path: string;
  direction: string;
  giver_member_id: string | null;
  receiver_member_id: string | null;
  grave: number;
  status: string;
}

const scopeOf = (f: { unit_path: string }): Scope => ({ unitPath: f.unit_path });
const isGiver = (actor: Actor, f: FeedbackScope) => actor.memberId !== null && f.giver_member_id === actor.memberId;
const isReceiver = (actor: Actor, f: FeedbackScope) => actor.memberId !== null && f.receiver_member_id === actor.memberId;

/**
 * Who sees a feedback: its author (when not anonymous), the member it is addressed to, and the
 * cell's leaders and the commune's. One pointing at a grave manifestation: its author, the cell
 * committee and UBKT only — not the member it names, not other members, not the commune's
 * committee outside UBKT.
 */
export function mayReadFeedback(actor: Actor, f: FeedbackScope): boolean {
  if (isGiver(actor, f)) return true;
  if (Number(f.grave) === 1) return can(actor, 'feedback.read_grave', scopeOf(f));
  return isReceiver(actor, f) || can(actor, 'feedback.read', scopeOf(f));
}

/**
 * Who answers: the member it is addressed to; upward feedback, the cell's committee; grave
 * feedback, the cell committee (recording how it is handled).
 */
export function mayAnswerFeedback(actor: Actor, f: FeedbackScope): boolean {
  if (f.status !== 'open' || !mayReadFeedback(actor, f)) return false;
  if (Number(f.grave) === 1) return can(actor, 'feedback.give_as_cell', scopeOf(f));
  if (f.direction === 'upward') return isReceiver(actor, f) || can(actor, 'feedback.answer_upward', scopeOf(f));
  return isReceiver(actor, f);
}

/** 403 for an account that neither gives nor reads feedback anywhere; otherwise 404 for what it may not see. */
export function authorizeFeedbackRead(actor: Actor, f: FeedbackScope | undefined): void {
  if (f && mayReadFeedback(actor, f)) return;
  if (!canSomewhere(actor, 'feedback.give') && !canSomewhere(actor, 'feedback.read')) throw forbidden();
  throw notFound();
}

export function feedbackActionsFor(actor: Actor, f: FeedbackScope): FeedbackAction[] {
  return mayAnswerFeedback(actor, f) ? ['answer'] : [];
}
