// What the caller's roles let the commitments and directives screens offer (the server decides).
import type { MeResponse, UnitDetail } from '../api/types.js';

/**
 * Roles that grant these actions (as src/domain/policy.ts grants them). The server decides; the
 * screens only use these to choose what to offer — a form the caller could not submit.
 */
const ROLES = {
  /** commitment.manage: enter and edit the cell's and members' pledges, import them. */
  manage: ['cell_committee', 'cell_secretary', 'party_committee'],
  /** commitment.read: see every pledge of the unit (not only one's own). */
  read: ['cell_committee', 'cell_secretary', 'party_committee', 'inspection'],
  /** directive.issue. */
  issue: ['party_committee'],
  /** A cell's own leaders: they acknowledge what the cell receives and break it into tasks. */
  lead: ['cell_committee', 'cell_secretary'],
} as const;

/** Does the caller hold a role for `what` at this unit or above it (a role covers its subtree)? */
export function holdsAt(me: MeResponse, what: keyof typeof ROLES, unit: Pick<UnitDetail, 'id' | 'ancestors'>): boolean {
  const roles: readonly string[] = ROLES[what];
  return me.roles.some((r) => roles.includes(r.role) && (r.unitId === unit.id || unit.ancestors.some((a) => a.id === r.unitId)));
}

/**
 * Is this one of the cells the caller leads (secretary or committee of that very cell)? A
 * directive page offers "acknowledge" and "assign" there only: the committee above may act for
 * any cell, but those buttons on every row would bury what the page is for.
 */
export function leadsCell(me: MeResponse, unitId: string): boolean {
  const roles: readonly string[] = ROLES.lead;
  return me.roles.some((r) => roles.includes(r.role) && r.unitId === unitId);
}
