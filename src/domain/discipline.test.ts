import { describe, expect, it } from 'vitest';
import { checkDecisionDates, checkDisciplineDecision, formsForDecision } from './discipline.js';
import type { DisciplineFormRule } from './inspection.js';

/** Forms as a rule set might keep them: the names and powers here are test data, not the party's rules. */
const form = (code: string, rule: Partial<DisciplineFormRule> = {}): DisciplineFormRule => ({ code, name: code, probationaryAllowed: true, requiresPost: false, confirmed: false, ...rule });
const mild = form('mild', { decidingBodies: ['cell', 'party_committee'] });
const severe = form('severe', { probationaryAllowed: false, decidingBodies: ['party_committee'] });
const postOnly = form('post_only', { probationaryAllowed: false, requiresPost: true, decidingBodies: ['party_committee'] });
const unsaid = form('unsaid', { decidingBodies: null });

describe('discipline decisions', () => {
  const official = { status: 'official', holdsPost: false };
  it('a body gives only the forms the rule set lets it decide; a form that names no bodies is left to every body', () => {
    expect(checkDisciplineDecision(mild, official, 'cell')).toBe('ok');
    expect(checkDisciplineDecision(severe, official, 'cell')).toBe('not_for_body');
    expect(checkDisciplineDecision(severe, official, 'party_committee')).toBe('ok');
    expect(checkDisciplineDecision(unsaid, official, 'cell')).toBe('ok');
  });

  it("the member's status and post are checked before the body's power", () => {
    expect(checkDisciplineDecision(severe, { status: 'probationary', holdsPost: false }, 'cell')).toBe('probationary');
    expect(checkDisciplineDecision(postOnly, official, 'party_committee')).toBe('requires_post');
    expect(checkDisciplineDecision(postOnly, { status: 'official', holdsPost: true }, 'party_committee')).toBe('ok');
  });

  it('offers, in the rule set’s order, the forms a body may give this member', () => {
    const forms = [mild, severe, postOnly, unsaid];
    expect(formsForDecision(forms, official, 'cell').map((f) => f.code)).toEqual(['mild', 'unsaid']);
    expect(formsForDecision(forms, official, 'party_committee').map((f) => f.code)).toEqual(['mild', 'severe', 'unsaid']);
    expect(formsForDecision(forms, { status: 'official', holdsPost: true }, 'party_committee').map((f) => f.code)).toEqual(['mild', 'severe', 'post_only', 'unsaid']);
    expect(formsForDecision(forms, { status: 'probationary', holdsPost: true }, 'party_committee').map((f) => f.code)).toEqual(['mild', 'unsaid']);
  });

  it('a decision is not dated in the future and takes effect on or after its date', () => {
    expect(checkDecisionDates({ decidedOn: '2026-03-02', effectiveOn: '2026-03-02' }, '2026-03-02')).toEqual({});
    expect(checkDecisionDates({ decidedOn: '2026-03-03', effectiveOn: '2026-03-03' }, '2026-03-02')).toEqual({ decidedOn: 'future' });
    expect(checkDecisionDates({ decidedOn: '2026-03-02', effectiveOn: '2026-03-01' }, '2026-03-02')).toEqual({ effectiveOn: 'before_decided' });
    expect(checkDecisionDates({ decidedOn: '2026-03-04', effectiveOn: '2026-03-03' }, '2026-03-02')).toEqual({ decidedOn: 'future', effectiveOn: 'before_decided' });
  });
});
