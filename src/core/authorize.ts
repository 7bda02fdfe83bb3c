import { decide, type Action, type Actor, type Scope } from '../domain/policy.js';
import { forbidden, notFound } from './errors.js';

/**
 * The one gate every route passes: 403 when the caller has no role for the action anywhere,
 * 404 when the record is missing or outside their scope (the two must look the same).
 */
export function authorize(actor: Actor, action: Action, scope: Scope | null | undefined): void {
  const decision = decide(actor, action, scope ?? null);
  if (decision === 'forbidden') throw forbidden();
  if (decision === 'not_found') throw notFound();
}
