import type { Actor } from '../../domain/policy.js';
import { mayConfirmAsCell, mayManageIssue, mayReadIssue, mayRespondToIssue, type IssueAccess } from '../../domain/local-issues.js';

// The rules themselves are pure and live in the domain, where the tasks feature reads them too.
export { issueAccessOf, mayConfirmAsCell, mayManageIssue, mayReadIssue, mayRespondToIssue, type IssueAccess } from '../../domain/local-issues.js';
import { authorize } from '../../core/authorize.js';
import { forbidden } from '../../core/errors.js';
import type { LocalIssueAction } from './schemas.js';

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
