import { can, type Actor } from '../../domain/policy.js';
import { authorize } from '../../core/authorize.js';
import { forbidden } from '../../core/errors.js';
import type { LocalIssueAction } from './schemas.js';

/** What the rules need to know of an issue: whose list it is on, its village, who is responsible. */
export interface IssueAccess {
  /** The committee's unit whose list it is on. */
  unitPath: string;
  villagePath: string | null;
  responsiblePath: string | null;
  status: string;
}

/** The access facts of a stored issue row. */
export const issueAccessOf = (i: { unit_path: string; village_path: string | null; responsible_path: string | null; status: string }): IssueAccess => ({
  unitPath: i.unit_path,
  villagePath: i.village_path,
  responsiblePath: i.responsible_path,
  status: i.status,
});

/** The committee that keeps the list (and any committee above it). */
export function mayManageIssue(actor: Actor, issue: IssueAccess): boolean {
  return can(actor, 'local_issue.manage', { unitPath: issue.unitPath });
}

/**
 * Who reads an issue: those who read the commune's list, and in a cell those whose village it is
 * in or whose cell is responsible for it.
 */
export function mayReadIssue(actor: Actor, issue: IssueAccess): boolean {
  return (
    can(actor, 'local_issue.read', { unitPath: issue.unitPath }) ||
    (issue.villagePath !== null && can(actor, 'local_issue.read', { unitPath: issue.villagePath })) ||
    (issue.responsiblePath !== null && can(actor, 'local_issue.read', { unitPath: issue.responsiblePath }))
  );
}

/** Only the party committee and the responsible unit change an issue. */
export function mayRespondToIssue(actor: Actor, issue: IssueAccess): boolean {
  return mayManageIssue(actor, issue) || (issue.responsiblePath !== null && can(actor, 'local_issue.respond', { unitPath: issue.responsiblePath }));
}

/** The village cell's leaders give the cell's word on a resolution. */
export function mayConfirmAsCell(actor: Actor, issue: IssueAccess): boolean {
  return issue.villagePath !== null && can(actor, 'local_issue.confirm', { unitPath: issue.villagePath });
}

/** Reading: 403 for an account that reads no issues anywhere, 404 for one it cannot see (like a missing one). */
export function authorizeIssueRead(actor: Actor, issue: IssueAccess | undefined): void {
  if (issue && mayReadIssue(actor, issue)) return;
  authorize(actor, 'local_issue.read', null);
}

/** Changing: whoever sees the issue but neither keeps the list nor is responsible gets 403. */
export function authorizeIssueRespond(actor: Actor, issue: IssueAccess | undefined): void {
  authorizeIssueRead(actor, issue);
  if (!mayRespondToIssue(actor, issue!)) throw forbidden();
}

/** Naming who is responsible and making it public: the committee only. */
export function authorizeIssueManage(actor: Actor, issue: IssueAccess | undefined): void {
  authorizeIssueRead(actor, issue);
  if (!mayManageIssue(actor, issue!)) throw forbidden();
}

/** The village cell's word: those who see it but are not the village cell's leaders get 403. */
export function authorizeCellConfirmation(actor: Actor, issue: IssueAccess | undefined): void {
  authorizeIssueRead(actor, issue);
  if (!mayConfirmAsCell(actor, issue!)) throw forbidden();
}

export function issueActionsFor(actor: Actor, issue: IssueAccess, cellHasConfirmed: boolean): LocalIssueAction[] {
  const actions: LocalIssueAction[] = [];
  if (mayRespondToIssue(actor, issue)) actions.push('edit', 'change_status');
  if (mayRespondToIssue(actor, issue) && (issue.status === 'new' || issue.status === 'in_progress')) actions.push('add_task');
  if (mayManageIssue(actor, issue)) actions.push('set_responsibility');
  if (issue.status === 'resolved' && !cellHasConfirmed && mayConfirmAsCell(actor, issue)) actions.push('confirm');
  return actions;
}
