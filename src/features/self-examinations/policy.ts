import { can, type Actor } from '../../domain/policy.js';
import { authorize } from '../../core/authorize.js';
import { AppError, forbidden } from '../../core/errors.js';
import type { SelfExamAction } from './schemas.js';

/** What the rules need of a self-examination. */
export interface SelfExamScope {
  member_id: string;
  unit_path: string;
  status: string;
}

export const isOwnExam = (actor: Actor, e: Pick<SelfExamScope, 'member_id'>): boolean => actor.memberId !== null && actor.memberId === e.member_id;

/** The member; the cell's committee; the commune's party committee and UBKT. Never the office. */
export function mayReadExam(actor: Actor, e: SelfExamScope): boolean {
  return isOwnExam(actor, e) || can(actor, 'selfexam.read', { unitPath: e.unit_path });
}

/** 403 for an account that reads nobody's self-examination (and this is not its own); 404 outside scope. */
export function authorizeExamRead(actor: Actor, e: SelfExamScope | undefined): void {
  if (e && mayReadExam(actor, e)) return;
  authorize(actor, 'selfexam.read', null);
}

/** The member writes their own; readers who are not the member get 403. */
export function authorizeExamWrite(actor: Actor, e: SelfExamScope | undefined): void {
  authorizeExamRead(actor, e);
  if (!isOwnExam(actor, e!)) throw forbidden();
}

/** Reviewing: the cell committee (or the committee above), never one's own. */
export function authorizeReview(actor: Actor, e: SelfExamScope | undefined): void {
  if (e && isOwnExam(actor, e) && can(actor, 'selfexam.review', { unitPath: e.unit_path })) throw new AppError(403, 'self_exam_review_own');
  authorizeExamRead(actor, e);
  if (!can(actor, 'selfexam.review', { unitPath: e!.unit_path }) || isOwnExam(actor, e!)) throw forbidden();
}

export function selfExamActionsFor(actor: Actor, e: SelfExamScope): SelfExamAction[] {
  const out: SelfExamAction[] = [];
  if (isOwnExam(actor, e) && e.status === 'draft') out.push('edit', 'submit');
  if (!isOwnExam(actor, e) && e.status === 'submitted' && can(actor, 'selfexam.review', { unitPath: e.unit_path })) out.push('review');
  return out;
}
