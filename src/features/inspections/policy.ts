import { can, type Actor } from '../../domain/policy.js';
import { authorize } from '../../core/authorize.js';
import { forbidden, notFound } from '../../core/errors.js';
import type { InspectionDetail, ProgrammeDetail } from './schemas.js';

/**
 * Who sees a case (DESIGN.md §1, issue 16): the case file is the deciding body's — the UBKT and the
 * committee of the deciding unit (a cell's committee for the cell's own supervision of its
 * members). The subject sees what is addressed to them once notified: the member for a case
 * about them, the cell's secretary for a case about the cell. Everyone else — other members, the
 * office, another cell's secretary, the subject before the notice — gets 404, as for a missing case.
 */
export interface CaseScope {
  unit_path: string;
  subject_unit_id: string;
  subject_unit_path: string;
  subject_member_id: string | null;
  notified_on: string | null;
}

/** The member the case is about: they never read their own case file, only what is addressed to them. */
export const isSubjectMember = (actor: Actor, c: Pick<CaseScope, 'subject_member_id'>): boolean => actor.memberId !== null && actor.memberId === c.subject_member_id;

export function mayReadCaseFile(actor: Actor, c: CaseScope): boolean {
  return !isSubjectMember(actor, c) && can(actor, 'inspection.read', { unitPath: c.unit_path });
}

export function mayManageCase(actor: Actor, c: CaseScope): boolean {
  return !isSubjectMember(actor, c) && can(actor, 'inspection.manage', { unitPath: c.unit_path });
}

/** The subject's side: the member, or the secretary of the cell the case is about, once notified. */
export function isNotifiedSubject(actor: Actor, c: CaseScope): boolean {
  if (c.notified_on === null) return false;
  if (c.subject_member_id) return isSubjectMember(actor, c);
  return actor.assignments.some((a) => a.role === 'cell_secretary' && a.unitId === c.subject_unit_id);
}

export type CaseViewer = InspectionDetail['viewer'];

/** How the actor sees the case, or 404 (never 403: a member may be a subject, so nothing may say a case exists). */
export function viewerOf(actor: Actor, c: CaseScope | undefined): CaseViewer {
  if (c && mayReadCaseFile(actor, c)) return 'staff';
  if (c && isNotifiedSubject(actor, c)) return 'subject';
  throw notFound();
}

/** Working on the case file: 403 for a role that never manages cases, 404 outside scope. */
export function authorizeManageCase(actor: Actor, c: CaseScope | undefined): void {
  if (c && mayManageCase(actor, c)) return;
  if (c && (mayReadCaseFile(actor, c) || isNotifiedSubject(actor, c))) throw forbidden();
  authorize(actor, 'inspection.manage', null);
}

/** Lists and the UBKT home of a unit. */
export function authorizeUnitCases(actor: Actor, unit: { path: string } | undefined): void {
  authorize(actor, 'inspection.read', unit ? { unitPath: unit.path } : null);
}

export function caseActionsFor(actor: Actor, c: CaseScope & { status: string }, state: { nextStep: string | null; subjectReportOpen: boolean }): InspectionDetail['actions'] {
  const out: InspectionDetail['actions'] = [];
  if (mayManageCase(actor, c)) {
    if (c.status === 'open' && state.nextStep && state.nextStep !== 'conclusion') out.push('record_step');
    if (c.status === 'open') out.push('extend');
    if (c.status === 'open' && state.nextStep === 'conclusion') out.push('conclude');
    out.push('open_linked');
  }
  if (state.subjectReportOpen && isNotifiedSubject(actor, c)) out.push('subject_report');
  if (mayReadCaseFile(actor, c)) out.push('download');
  return out;
}

/** Programmes: read with inspection.read, kept with inspection.manage over the programme's unit. */
export function programmeActionsFor(actor: Actor, unitPath: string, status: string): ProgrammeDetail['actions'] {
  const out: ProgrammeDetail['actions'] = [];
  if (can(actor, 'inspection.manage', { unitPath })) {
    out.push('add_item');
    if (status === 'draft') out.push('adopt');
  }
  out.push('download');
  return out;
}

export const mayManageIn = (actor: Actor, unitPath: string): boolean => can(actor, 'inspection.manage', { unitPath });
