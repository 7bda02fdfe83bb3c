import { describe, expect, it } from 'vitest';
import { actions, allowedActions, can, canSomewhere, decide, scopePaths, type Action, type Actor, type Assignment } from './policy.js';
import type { Role } from './roles.js';

/**
 * A made-up organisation:
 *   /P/                province
 *   /P/C/              commune
 *   /P/C/A/            cell A      /P/C/A/M/  a mass organisation under A
 *   /P/C/B/            cell B
 *   /P/C/AB/           cell AB (its id starts with A's: prefix tricks must not leak)
 *   /P/D/              another commune
 */
const P = '/P/';
const C = '/P/C/';
const A = '/P/C/A/';
const AM = '/P/C/A/M/';
const B = '/P/C/B/';
const AB = '/P/C/AB/';
const D = '/P/D/';

const at = (role: Role, unitPath: string): Assignment => ({
  role,
  unitPath,
  unitId: unitPath.split('/').filter(Boolean).at(-1)!,
});
const actor = (...assignments: Assignment[]): Actor => ({ accountId: 'acc', memberId: null, assignments });
const scope = (unitPath: string) => ({ unitPath });

describe('can', () => {
  it('applies a role to the whole subtree of its unit', () => {
    const committee = actor(at('party_committee', C));
    for (const path of [C, A, AM, B, AB]) {
      expect(can(committee, 'member.update', scope(path)), path).toBe(true);
      expect(can(committee, 'unit.create', scope(path)), path).toBe(true);
    }
  });

  it('never reaches above or beside the assigned unit', () => {
    const committee = actor(at('party_committee', C));
    expect(can(committee, 'unit.read', scope(P))).toBe(false);
    expect(can(committee, 'unit.read', scope(D))).toBe(false);
  });

  it('keeps sibling cells apart, even when one id is a prefix of the other', () => {
    const secretaryA = actor(at('cell_secretary', A));
    expect(can(secretaryA, 'member.read', scope(A))).toBe(true);
    expect(can(secretaryA, 'member.read', scope(AM))).toBe(true);
    expect(can(secretaryA, 'member.read', scope(B))).toBe(false);
    expect(can(secretaryA, 'member.read', scope(AB))).toBe(false);
    expect(can(secretaryA, 'member.read', scope(C))).toBe(false);
  });

  it('limits a member role to its own cell, and to reading', () => {
    const member = actor(at('member', A));
    expect(can(member, 'unit.read', scope(A))).toBe(true);
    expect(can(member, 'member.read', scope(A))).toBe(true);
    expect(can(member, 'member.read', scope(B))).toBe(false);
    expect(can(member, 'member.read', scope(C))).toBe(false);
    for (const action of ['unit.create', 'unit.update', 'unit.move', 'unit.archive', 'member.create', 'member.update', 'account.manage', 'audit.read'] as const) {
      expect(can(member, action, scope(A)), action).toBe(false);
    }
  });

  it('lets the office manage units, rosters and accounts but not read the audit trail', () => {
    const office = actor(at('office', C));
    for (const action of ['unit.read', 'unit.create', 'unit.update', 'unit.move', 'unit.archive', 'member.read', 'member.create', 'member.update', 'account.manage'] as const) {
      expect(can(office, action, scope(A)), action).toBe(true);
    }
    expect(can(office, 'audit.read', scope(A))).toBe(false);
    expect(can(office, 'audit.read', scope(C))).toBe(false);
  });

  it('lets inspection read everything and the audit trail, but change nothing', () => {
    const inspection = actor(at('inspection', C));
    expect(can(inspection, 'unit.read', scope(AM))).toBe(true);
    expect(can(inspection, 'member.read', scope(B))).toBe(true);
    expect(can(inspection, 'audit.read', scope(A))).toBe(true);
    for (const action of ['member.update', 'member.create', 'unit.update', 'unit.create', 'unit.move', 'unit.archive', 'account.manage'] as const) {
      expect(can(inspection, action, scope(A)), action).toBe(false);
    }
  });

  it('does not let cell secretaries or cell committees change the roster or the tree', () => {
    for (const role of ['cell_secretary', 'cell_committee'] as const) {
      const a = actor(at(role, A));
      expect(can(a, 'member.read', scope(A))).toBe(true);
      expect(can(a, 'member.update', scope(A))).toBe(false);
      expect(can(a, 'unit.update', scope(A))).toBe(false);
      expect(can(a, 'audit.read', scope(A))).toBe(false);
    }
  });

  it('combines assignments: each role counts only in its own subtree', () => {
    // Office in cell B, plain member in cell A.
    const mixed = actor(at('member', A), at('office', B));
    expect(can(mixed, 'member.update', scope(B))).toBe(true);
    expect(can(mixed, 'member.update', scope(A))).toBe(false);
    expect(can(mixed, 'member.read', scope(A))).toBe(true);
    expect(can(mixed, 'member.read', scope(C))).toBe(false);
  });

  it('allows nothing to an actor without assignments', () => {
    const nobody = actor();
    for (const action of actions) expect(can(nobody, action, scope(A)), action).toBe(false);
  });
});

describe('canSomewhere', () => {
  it('answers whether any assignment grants the action, wherever it is', () => {
    expect(canSomewhere(actor(at('office', B)), 'member.update')).toBe(true);
    expect(canSomewhere(actor(at('office', B)), 'audit.read')).toBe(false);
    expect(canSomewhere(actor(at('inspection', D)), 'audit.read')).toBe(true);
    expect(canSomewhere(actor(at('member', A)), 'member.read')).toBe(true);
    expect(canSomewhere(actor(at('member', A), at('cell_secretary', A)), 'member.update')).toBe(false);
    expect(canSomewhere(actor(), 'unit.read')).toBe(false);
  });
});

describe('decide', () => {
  it('allows inside the scope', () => {
    expect(decide(actor(at('office', C)), 'member.update', scope(A))).toBe('allow');
  });

  it('forbids (403) when no role grants the action anywhere, whatever the record', () => {
    const secretary = actor(at('cell_secretary', A));
    expect(decide(secretary, 'member.update', scope(A))).toBe('forbidden');
    expect(decide(secretary, 'member.update', scope(B))).toBe('forbidden');
    expect(decide(secretary, 'member.update', null)).toBe('forbidden');
    expect(decide(actor(at('office', C)), 'audit.read', scope(A))).toBe('forbidden');
  });

  it('answers a record outside the scope exactly like a missing one (404)', () => {
    const officeB = actor(at('office', B));
    expect(decide(officeB, 'member.update', scope(A))).toBe('not_found');
    expect(decide(officeB, 'member.update', scope(AB))).toBe('not_found');
    expect(decide(officeB, 'member.update', null)).toBe('not_found');
    expect(decide(actor(at('member', A)), 'member.read', scope(B))).toBe('not_found');
  });
});

describe('scopePaths', () => {
  it('lists the units where the action is granted', () => {
    expect(scopePaths(actor(at('office', A), at('office', B)), 'member.update').sort()).toEqual([A, B]);
    expect(scopePaths(actor(at('member', A), at('office', B)), 'member.update')).toEqual([B]);
    expect(scopePaths(actor(at('office', C)), 'audit.read')).toEqual([]);
    expect(scopePaths(actor(), 'unit.read')).toEqual([]);
  });

  it('collapses nested scopes into the outermost one', () => {
    const committee = actor(at('member', A), at('party_committee', C), at('cell_secretary', AM));
    expect(scopePaths(committee, 'unit.read')).toEqual([C]);
    const inner = actor(at('cell_secretary', AM), at('member', A));
    expect(scopePaths(inner, 'member.read')).toEqual([A]);
  });

  it('keeps siblings whose ids share a prefix apart', () => {
    expect(scopePaths(actor(at('member', A), at('member', AB)), 'unit.read').sort()).toEqual([A, AB]);
  });

  it('lists one path once even when several roles are held on the same unit', () => {
    // A cell secretary is also a member of the same cell: one subtree, one path.
    const secretary = actor(at('cell_secretary', A), at('member', A));
    expect(scopePaths(secretary, 'unit.read')).toEqual([A]);
  });
});

describe('allowedActions', () => {
  const candidates: readonly Action[] = ['unit.update', 'unit.move', 'unit.archive', 'unit.create', 'member.create', 'audit.read'];

  it('offers only what the actor may do on that record', () => {
    expect(allowedActions(actor(at('office', C)), scope(A), candidates)).toEqual([
      'unit.update',
      'unit.move',
      'unit.archive',
      'unit.create',
      'member.create',
    ]);
    expect(allowedActions(actor(at('party_committee', C)), scope(A), candidates)).toEqual([...candidates]);
    expect(allowedActions(actor(at('inspection', C)), scope(A), candidates)).toEqual(['audit.read']);
    expect(allowedActions(actor(at('cell_secretary', A), at('member', A)), scope(A), candidates)).toEqual([]);
  });

  it('offers nothing outside the scope', () => {
    expect(allowedActions(actor(at('office', B)), scope(A), candidates)).toEqual([]);
    expect(allowedActions(actor(at('party_committee', A)), scope(C), candidates)).toEqual([]);
  });
});
