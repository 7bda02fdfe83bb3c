import { can, canSomewhere, type Actor, type Scope } from '../../domain/policy.js';
import { authorize } from '../../core/authorize.js';
import { AppError, forbidden, notFound } from '../../core/errors.js';
import type { CommitmentAction } from './schemas.js';

/** What the rules need of a commitment: whose it is and where it lives. */
export interface CommitmentScope {
  subject_kind: string;
  member_id: string | null;
  unit_path: string;
  confirmed_at: string | null;
  evaluated_at: string | null;
}

/** The caller's own pledge: a member's commitment whose member is the caller. */
export function isOwn(actor: Actor, c: Pick<CommitmentScope, 'subject_kind' | 'member_id'>): boolean {
  return c.subject_kind === 'member' && actor.memberId !== null && c.member_id === actor.memberId;
}

const scopeOf = (c: { unit_path: string }): Scope => ({ unitPath: c.unit_path });

/** The path of a unit's parent (`/a/b/` → `/a/`); null for a root. */
export function parentPath(path: string): string | null {
  const parent = path.slice(0, path.slice(0, -1).lastIndexOf('/') + 1);
  return parent.length > 1 ? parent : null;
}

/**
 * Where the confirming right must be held: over the member's cell for a member's commitment (the
 * cell secretary, or the committee above); over the parent unit for a unit's own commitment, so a
 * cell's own secretary does not confirm the cell's targets — the committee above does.
 */
function confirmScope(c: Pick<CommitmentScope, 'subject_kind' | 'unit_path'>): Scope | null {
  if (c.subject_kind === 'member') return scopeOf(c);
  const parent = parentPath(c.unit_path);
  return parent ? { unitPath: parent } : null;
}

export function canRead(actor: Actor, c: CommitmentScope): boolean {
  return isOwn(actor, c) || can(actor, 'commitment.read', scopeOf(c));
}

/** The subject member writes their own; the cell's leaders (and the committee above) keep everyone's. */
export function canWrite(actor: Actor, c: CommitmentScope): boolean {
  return isOwn(actor, c) || can(actor, 'commitment.manage', scopeOf(c));
}

/** Confirming and evaluating: never one's own; a unit's own from the parent unit. */
export function canConfirm(actor: Actor, c: CommitmentScope): boolean {
  const scope = confirmScope(c);
  return !isOwn(actor, c) && scope !== null && can(actor, 'commitment.confirm', scope);
}

/** Reading one commitment: one's own always; anyone else's with the read right over its unit. */
export function authorizeRead(actor: Actor, c: CommitmentScope | undefined): void {
  if (c && isOwn(actor, c)) return;
  authorize(actor, 'commitment.read', c ? scopeOf(c) : null);
}

/** Editing, deleting, recording progress: the subject member or a manager. */
export function authorizeWrite(actor: Actor, c: CommitmentScope | undefined): void {
  if (c && isOwn(actor, c)) return;
  authorize(actor, 'commitment.manage', c ? scopeOf(c) : null);
}

/**
 * Confirming or evaluating: 403 without the confirming right anywhere; 404 for a commitment the
 * caller cannot even read; 403 for one they read but may not confirm (a cell secretary and the
 * cell's own targets); a member's own answers 403 `commitment_confirm_own` — nobody grades
 * themselves, and saying so helps a secretary who tries it on their own pledge.
 */
export function authorizeConfirm(actor: Actor, c: CommitmentScope | undefined): void {
  if (!canSomewhere(actor, 'commitment.confirm')) throw forbidden();
  if (!c || !canRead(actor, c)) throw notFound();
  if (isOwn(actor, c)) throw new AppError(403, 'commitment_confirm_own');
  if (!canConfirm(actor, c)) throw forbidden();
}

/** What the caller may do with a commitment now, for the UI to offer only what works. */
export function commitmentActionsFor(actor: Actor, c: CommitmentScope): CommitmentAction[] {
  const out: CommitmentAction[] = [];
  const write = canWrite(actor, c);
  const confirm = canConfirm(actor, c);
  const confirmed = c.confirmed_at !== null;
  if (write && !confirmed) out.push('edit');
  if (write && c.evaluated_at === null) out.push('progress');
  if (confirm && !confirmed) out.push('confirm');
  if (confirm && confirmed) out.push('evaluate');
  if (write && !confirmed) out.push('delete');
  return out;
}
