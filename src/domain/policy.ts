import type { Role } from './roles.js';

/**
 * Who may do what (DESIGN.md §1). A role assignment (role, unit) applies to the unit's whole
 * subtree. `can()` is the single decision point; features map their records to a `Scope`
 * (the unit path the record lives in) and call it through their own policy.ts.
 */
export const actions = [
  'unit.read',
  'unit.create',
  'unit.update',
  'unit.move',
  'unit.archive',
  'member.read',
  'member.create',
  'member.update',
  'account.manage',
  'audit.read',
  'meeting.read',
  'meeting.manage',
  'meeting.approve',
  'attendance.report',
  'rubric.manage',
  'task.read',
  'task.assign',
  'directive.read',
  'directive.issue',
  'commitment.read',
  'commitment.manage',
  'commitment.confirm',
  'work.report',
  'checklist.manage',
  'selfexam.read',
  'selfexam.review',
  'correction.verify',
  'feedback.give',
  'feedback.give_as_cell',
  'feedback.read',
  'feedback.read_grave',
  'feedback.answer_upward',
  'local_issue.read',
  'local_issue.manage',
  'local_issue.respond',
  'local_issue.confirm',
  'local_issue.category_manage',
  'citizen_feedback.read',
  'citizen_feedback.triage',
  'citizen_feedback.contact',
  'citizen_feedback.answer',
  'inspection_rules.manage',
  'inspection.read',
  'inspection.manage',
  'discipline.read',
  'discipline.decide',
  'rating_rules.manage',
  'review_period.manage',
  'review.read',
  'review.cell',
  'review.decide',
  'rating.read_published',
  'overview.read',
] as const;
export type Action = (typeof actions)[number];

/** Which roles grant each action (within the role's subtree). */
const grants: Record<Action, readonly Role[]> = {
  'unit.read': ['member', 'cell_committee', 'cell_secretary', 'party_committee', 'inspection', 'office'],
  'unit.create': ['party_committee', 'office'],
  'unit.update': ['party_committee', 'office'],
  'unit.move': ['party_committee', 'office'],
  'unit.archive': ['party_committee', 'office'],
  'member.read': ['member', 'cell_committee', 'cell_secretary', 'party_committee', 'inspection', 'office'],
  // Rosters are the office's job; the committee may do everything in its subtree.
  'member.create': ['party_committee', 'office'],
  'member.update': ['party_committee', 'office'],
  'account.manage': ['party_committee', 'office'],
  // Separation of duties: the office keeps the records but does not read their history.
  'audit.read': ['party_committee', 'inspection'],
  // Meetings are the cell's own business: its members read them, its committee runs them.
  // The office keeps rosters, not minutes (they record feedback between members).
  'meeting.read': ['member', 'cell_committee', 'cell_secretary', 'party_committee', 'inspection'],
  'meeting.manage': ['cell_committee', 'cell_secretary', 'party_committee'],
  // Signing the minutes is the secretary's (or the committee's above).
  'meeting.approve': ['cell_secretary', 'party_committee'],
  // Everyone's punctuality: the cell's leaders and the commune; a member sees only their own.
  'attendance.report': ['cell_committee', 'cell_secretary', 'party_committee', 'inspection'],
  // Rubrics are reference data.
  'rubric.manage': ['party_committee', 'office'],
  // Tasks are the cell's work: its members see them, its leaders (and the committee above)
  // assign and close them. An owner or co-worker reports progress on their own task wherever it
  // lives (tasks/policy.ts). The office keeps rosters, not the work.
  'task.read': ['member', 'cell_committee', 'cell_secretary', 'party_committee', 'inspection'],
  'task.assign': ['cell_committee', 'cell_secretary', 'party_committee'],
  // Directives go from a committee down to cells; the cell's members may read what they act on.
  'directive.read': ['member', 'cell_committee', 'cell_secretary', 'party_committee', 'inspection'],
  'directive.issue': ['party_committee'],
  // Commitments: a member writes their own (tasks/policy.ts); the cell's leaders keep the cell's
  // and may enter members' on their behalf (paper pledges, imports).
  'commitment.read': ['cell_committee', 'cell_secretary', 'party_committee', 'inspection'],
  'commitment.manage': ['cell_committee', 'cell_secretary', 'party_committee'],
  // The secretary confirms and evaluates a member's; the committee above, a cell's.
  'commitment.confirm': ['cell_secretary', 'party_committee'],
  // Completion and hand-down figures of a cell or the commune.
  'work.report': ['cell_committee', 'cell_secretary', 'party_committee', 'inspection'],
  // The self-examination checklist is the committee's reference data: it compares the wording with
  // the official text and confirms it (the office keeps records, not their content).
  'checklist.manage': ['party_committee'],
  // Self-examinations are sensitive personal data: the member, the cell's committee and the
  // commune's committee and UBKT read them (each read by someone else is logged); never the office.
  'selfexam.read': ['cell_committee', 'cell_secretary', 'party_committee', 'inspection'],
  'selfexam.review': ['cell_committee', 'cell_secretary', 'party_committee'],
  // Verifying a correction as done is the cell committee's word (never one's own item).
  'correction.verify': ['cell_committee', 'cell_secretary', 'party_committee'],
  // Members give feedback in their own cell; the cell's committee also speaks for the cell.
  'feedback.give': ['member', 'cell_committee', 'cell_secretary'],
  'feedback.give_as_cell': ['cell_committee', 'cell_secretary'],
  // Everyone's feedback in a cell: its leaders and the commune's. Feedback pointing at the grave
  // manifestations (political ideology, "tự diễn biến, tự chuyển hóa") only the cell committee and UBKT.
  'feedback.read': ['cell_committee', 'cell_secretary', 'party_committee', 'inspection'],
  'feedback.read_grave': ['cell_committee', 'cell_secretary', 'inspection'],
  // Upward feedback (about how the cell is led) is answered by its committee.
  'feedback.answer_upward': ['cell_committee', 'cell_secretary'],
  // Local issues are the commune's public business: everyone in the party reads those of their
  // unit (a cell sees its village's and its own responsibilities, local-issues/policy.ts); the
  // committee keeps the list; the responsible unit's leaders work on it; the village cell's
  // leaders give the cell's word on a resolution. The office keeps rosters, not the issues.
  'local_issue.read': ['member', 'cell_committee', 'cell_secretary', 'party_committee', 'inspection'],
  'local_issue.manage': ['party_committee'],
  'local_issue.respond': ['cell_committee', 'cell_secretary', 'party_committee'],
  'local_issue.confirm': ['cell_committee', 'cell_secretary'],
  'local_issue.category_manage': ['party_committee'],
  // Citizens' messages: the committee triages them and sees who wrote; UBKT reads them to
  // supervise, without the contact; a cell's leaders read, answer and see the contact of those
  // routed to their cell (citizen-feedback/policy.ts).
  'citizen_feedback.read': ['cell_committee', 'cell_secretary', 'party_committee', 'inspection'],
  'citizen_feedback.triage': ['party_committee'],
  'citizen_feedback.contact': ['cell_committee', 'cell_secretary', 'party_committee'],
  'citizen_feedback.answer': ['cell_committee', 'cell_secretary', 'party_committee'],
  // The inspection rules (QĐ 296) are the committee's reference data; its UBKT works by them.
  'inspection_rules.manage': ['party_committee', 'inspection'],
  // Case files are restricted: the UBKT and the committee of the deciding unit; a cell's committee
  // for the cell's own supervision of its members (its case files live at the cell). A subject
  // sees what is addressed to them once notified (inspections/policy.ts). Never the office.
  'inspection.read': ['cell_committee', 'cell_secretary', 'party_committee', 'inspection'],
  'inspection.manage': ['cell_committee', 'cell_secretary', 'party_committee', 'inspection'],
  // Discipline records: the member's cell leaders and the commune's committee and UBKT; the
  // member reads their own. Deciding: the cell (reprimand, warning of its members), the committee, the UBKT.
  'discipline.read': ['cell_committee', 'cell_secretary', 'party_committee', 'inspection'],
  'discipline.decide': ['cell_secretary', 'party_committee', 'inspection'],
  // The rating (QĐ 366): the committee keeps its rules and periods and decides; the cell's
  // committee runs the cell's review (its collective report, comments, vote, proposals); the UBKT
  // reads. A member writes and reads their own review (reviews/policy.ts). Never the office.
  'rating_rules.manage': ['party_committee'],
  'review_period.manage': ['party_committee'],
  'review.read': ['cell_committee', 'cell_secretary', 'party_committee', 'inspection'],
  'review.cell': ['cell_committee', 'cell_secretary'],
  'review.decide': ['party_committee'],
  // Published levels: every member of the cell sees the cell's, like its meetings.
  'rating.read_published': ['member', 'cell_committee', 'cell_secretary', 'party_committee', 'inspection'],
  // The overview (Tổng quan): counts only, never a record's content — the commune's committee,
  // UBKT and office for their commune and below, a cell's leaders for their cell.
  'overview.read': ['cell_committee', 'cell_secretary', 'party_committee', 'inspection', 'office'],
};

export interface Assignment {
  role: Role;
  unitId: string;
  /** Materialised path of the assigned unit: `/root/…/unit/`. */
  unitPath: string;
}

export interface Actor {
  accountId: string;
  memberId: string | null;
  assignments: Assignment[];
}

/** Where a record lives: the path of its unit. */
export interface Scope {
  unitPath: string;
}

export function isWithin(unitPath: string, scopePath: string): boolean {
  return unitPath.startsWith(scopePath);
}

/** May the actor do `action` somewhere (for navigation and for telling 403 from 404)? */
export function canSomewhere(actor: Actor, action: Action): boolean {
  const allowed = grants[action];
  return actor.assignments.some((a) => allowed.includes(a.role));
}

/** May the actor do `action` on a record in `scope`? */
export function can(actor: Actor, action: Action, scope: Scope): boolean {
  const allowed = grants[action];
  return actor.assignments.some((a) => allowed.includes(a.role) && isWithin(scope.unitPath, a.unitPath));
}

/** Unit paths under which the actor may do `action` (for filtering lists in SQL). */
export function scopePaths(actor: Actor, action: Action): string[] {
  const allowed = grants[action];
  // One path per unit, even when several roles are held there (a secretary is also a member).
  const paths = [...new Set(actor.assignments.filter((a) => allowed.includes(a.role)).map((a) => a.unitPath))];
  // Drop paths already covered by a shorter one, so queries stay small.
  return paths.filter((p) => !paths.some((q) => q !== p && p.startsWith(q)));
}

/**
 * The decision for one record, as the API reports it: an actor with no role for the action
 * anywhere gets 403; a record outside every scope answers exactly like a missing one (404).
 */
export type Decision = 'allow' | 'forbidden' | 'not_found';
export function decide(actor: Actor, action: Action, scope: Scope | null): Decision {
  if (!canSomewhere(actor, action)) return 'forbidden';
  if (!scope || !can(actor, action, scope)) return 'not_found';
  return 'allow';
}

/** Actions the actor may take on a record in `scope`, for the UI to show only what works. */
export function allowedActions(actor: Actor, scope: Scope, candidates: readonly Action[]): Action[] {
  return candidates.filter((action) => can(actor, action, scope));
}
