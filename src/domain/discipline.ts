import { checkDisciplineForm, type DisciplineCheck, type DisciplineFormRule } from './inspection.js';

/**
 * Kỷ luật — which forms a deciding body may give a member. Pure: the forms of the rule set in
 * effect (reference data with their source), the member's status and whether they hold a post,
 * the body in; the verdict out. The party's rules are read from the forms, never spelt out here.
 */

export type DisciplineFormCheck = DisciplineCheck | 'not_for_body';

/** May `body` give this form to this member? The member's status and post first, then the body's power. */
export function checkDisciplineDecision(form: DisciplineFormRule, member: { status: string; holdsPost: boolean }, body: string): DisciplineFormCheck {
  const forMember = checkDisciplineForm(form, member);
  if (forMember !== 'ok') return forMember;
  if (form.decidingBodies && !form.decidingBodies.includes(body)) return 'not_for_body';
  return 'ok';
}

/** The forms `body` may give this member, in the rule set's order. */
export function formsForDecision(forms: Iterable<DisciplineFormRule>, member: { status: string; holdsPost: boolean }, body: string): DisciplineFormRule[] {
  return [...forms].filter((f) => checkDisciplineDecision(f, member, body) === 'ok');
}

/** A decision takes effect on or after the day it is made, and is not made in the future. */
export function checkDecisionDates(dates: { decidedOn: string; effectiveOn: string }, today: string): { decidedOn?: 'future'; effectiveOn?: 'before_decided' } {
  return {
    ...(dates.decidedOn > today ? { decidedOn: 'future' as const } : {}),
    ...(dates.effectiveOn < dates.decidedOn ? { effectiveOn: 'before_decided' as const } : {}),
  };
}
