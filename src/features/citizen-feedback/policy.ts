import { can, type Actor } from '../../domain/policy.js';
import { authorize } from '../../core/authorize.js';
import { forbidden } from '../../core/errors.js';
import type { CitizenFeedbackAction } from './schemas.js';

/** What the rules need to know of a citizen's message: the commune it was sent to, the cell it was routed to. */
export interface CitizenFeedbackAccess {
  unitPath: string;
  routedPath: string | null;
  status: string;
}

const inScope = (actor: Actor, action: Parameters<typeof can>[1], f: CitizenFeedbackAccess) =>
  can(actor, action, { unitPath: f.unitPath }) || (f.routedPath !== null && can(actor, action, { unitPath: f.routedPath }));

/** The commune's committee and UBKT, and the leaders of the cell it was routed to. */
export const mayReadCitizenFeedback = (actor: Actor, f: CitizenFeedbackAccess) => inScope(actor, 'citizen_feedback.read', f);
/** Who wrote it and how to reach them: the committee and the cell it was routed to, never UBKT or the office. */
export const maySeeContact = (actor: Actor, f: CitizenFeedbackAccess) => inScope(actor, 'citizen_feedback.contact', f);
export const mayAnswerCitizen = (actor: Actor, f: CitizenFeedbackAccess) => f.status !== 'closed' && inScope(actor, 'citizen_feedback.answer', f);
export const mayTriage = (actor: Actor, f: CitizenFeedbackAccess) => can(actor, 'citizen_feedback.triage', { unitPath: f.unitPath });

export function authorizeCitizenFeedbackRead(actor: Actor, f: CitizenFeedbackAccess | undefined): void {
  if (f && mayReadCitizenFeedback(actor, f)) return;
  authorize(actor, 'citizen_feedback.read', null);
}

export function authorizeTriage(actor: Actor, f: CitizenFeedbackAccess | undefined): void {
  authorizeCitizenFeedbackRead(actor, f);
  if (!mayTriage(actor, f!)) throw forbidden();
}

export function authorizeCitizenAnswer(actor: Actor, f: CitizenFeedbackAccess | undefined): void {
  authorizeCitizenFeedbackRead(actor, f);
  if (!inScope(actor, 'citizen_feedback.answer', f!)) throw forbidden();
}

export function citizenFeedbackActionsFor(actor: Actor, f: CitizenFeedbackAccess): CitizenFeedbackAction[] {
  const actions: CitizenFeedbackAction[] = [];
  if (f.status !== 'closed' && mayTriage(actor, f)) actions.push('triage');
  if (mayAnswerCitizen(actor, f)) actions.push('answer');
  if (maySeeContact(actor, f)) actions.push('see_contact');
  return actions;
}

/** A cell's inbox holds what was routed to it (its path); a commune's, everything sent to it (null). */
export function inboxRoutedOnly(unit: { kind: string; path: string }): string[] | null {
  return unit.kind === 'cell' || unit.kind === 'mass_org' ? [unit.path] : null;
}
