import { can, canSomewhere, type Actor } from '../../domain/policy.js';
import { authorize } from '../../core/authorize.js';
import { forbidden, notFound } from '../../core/errors.js';
import type { ReviewDetail } from './schemas.js';

/**
 * Who sees what of the rating (issue 17): a member reads and writes their own review and sees
 * the cell's published levels; the cell's committee reads the cell's reviews and runs its
 * review (its collective report, comments, vote, proposals); the party committee and the UBKT
 * read all, the committee decides. The office sees none. Outside scope answers as missing.
 */
export interface ReviewScope {
  unit_id: string;
  unit_path: string;
  subject_kind: string;
  member_id: string | null;
}

export const isOwnReview = (actor: Actor, r: Pick<ReviewScope, 'member_id'>): boolean => actor.memberId !== null && actor.memberId === r.member_id;

export function mayReadReview(actor: Actor, r: ReviewScope): boolean {
  return isOwnReview(actor, r) || can(actor, 'review.read', { unitPath: r.unit_path });
}

/** The review must be readable, else 404 (a 403 only for a role that never reads reviews). */
export function authorizeReadReview(actor: Actor, r: ReviewScope | undefined): void {
  if (r && mayReadReview(actor, r)) return;
  if (actor.memberId !== null && !canSomewhere(actor, 'review.read')) throw notFound();
  authorize(actor, 'review.read', null);
}

/** Writing the self-review: the member their own; the cell's committee the cell's collective report. */
export function mayWriteReview(actor: Actor, r: ReviewScope): boolean {
  return r.subject_kind === 'member' ? isOwnReview(actor, r) : can(actor, 'review.cell', { unitPath: r.unit_path });
}

export function authorizeWriteReview(actor: Actor, r: ReviewScope | undefined): void {
  authorizeReadReview(actor, r);
  if (!mayWriteReview(actor, r!)) throw forbidden();
}

/** The cell's side of a review: comments, the vote, the proposal. */
export function authorizeCellWork(actor: Actor, r: ReviewScope | undefined): void {
  authorizeReadReview(actor, r);
  if (!can(actor, 'review.cell', { unitPath: r!.unit_path })) throw forbidden();
}

/**
 * Marking the triggers the rules leave to people on a member's review: the cell's committee or the
 * party committee, never on their own review.
 */
export function mayMarkTriggers(actor: Actor, r: ReviewScope, periodUnitPath: string): boolean {
  if (r.subject_kind !== 'member' || isOwnReview(actor, r)) return false;
  return can(actor, 'review.cell', { unitPath: r.unit_path }) || can(actor, 'review.decide', { unitPath: periodUnitPath });
}

export function authorizeMarkTriggers(actor: Actor, r: ReviewScope | undefined, periodUnitPath: string): void {
  authorizeReadReview(actor, r);
  if (!mayMarkTriggers(actor, r!, periodUnitPath)) throw forbidden();
}

export function reviewActionsFor(actor: Actor, r: ReviewScope & { status: string }, periodOpen: boolean, periodUnitPath: string): ReviewDetail['actions'] {
  const out: ReviewDetail['actions'] = [];
  if (periodOpen && r.status === 'draft' && mayWriteReview(actor, r)) out.push('write', 'submit');
  if (periodOpen && can(actor, 'review.cell', { unitPath: r.unit_path })) out.push('comment', 'vote', 'propose');
  if (periodOpen && mayMarkTriggers(actor, r, periodUnitPath)) out.push('mark');
  if (periodOpen && can(actor, 'review.decide', { unitPath: periodUnitPath })) out.push('decide');
  return out;
}

/** A review meeting: the cell's members read it (to vote), as does whoever reads the cell's reviews. */
export function mayReadReviewMeeting(actor: Actor, rm: { unit_path: string }): boolean {
  return can(actor, 'review.read', { unitPath: rm.unit_path }) || can(actor, 'rating.read_published', { unitPath: rm.unit_path });
}

/** Readable, else 404 like a missing one (a 403 only for a role that reads neither). */
export function authorizeReadReviewMeeting(actor: Actor, rm: { unit_path: string } | undefined): void {
  if (rm && mayReadReviewMeeting(actor, rm)) return;
  authorize(actor, 'rating.read_published', null);
  throw notFound();
}

/** Linking it, opening and closing its ballot: the cell's committee. */
export function authorizeManageReviewMeeting(actor: Actor, rm: { unit_path: string } | undefined): void {
  authorize(actor, 'review.cell', rm ? { unitPath: rm.unit_path } : null);
}
