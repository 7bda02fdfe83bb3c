/**
 * Pure rules of local issues (vấn đề tồn tại, nổi cộm): which status changes are allowed and
 * what each one must say, when an issue is overdue, and how the people's word is counted.
 */
import type { ConfirmationDecision, LocalIssueStatus } from '../shared/enums.js';
import { can, type Actor } from './policy.js';

/** What a status change must carry, or the reason it is refused. */
export type TransitionProblem =
  | { field: 'status'; problem: 'same' | 'not_allowed' }
  | { field: 'resolutionSummary'; problem: 'required' | 'only_when_resolving' }
  | { field: 'note'; problem: 'required' };

const allowed: Record<LocalIssueStatus, readonly LocalIssueStatus[]> = {
  new: ['in_progress', 'resolved', 'unresolvable'],
  in_progress: ['resolved', 'unresolvable'],
  // Reopening: the people disputed it, or it came back.
  resolved: ['in_progress'],
  unresolvable: ['in_progress'],
};

/**
 * The rules of a status change: resolving says what was done (the people confirm that), "cannot
 * be resolved now" says why, reopening says why. Every problem is reported at once.
 */
export function checkTransition(
  from: LocalIssueStatus,
  to: LocalIssueStatus,
  input: { note?: string | undefined; resolutionSummary?: string | undefined },
): TransitionProblem[] {
  if (from === to) return [{ field: 'status', problem: 'same' }];
  if (!allowed[from].includes(to)) return [{ field: 'status', problem: 'not_allowed' }];
  const problems: TransitionProblem[] = [];
  if (to === 'resolved' && !input.resolutionSummary) problems.push({ field: 'resolutionSummary', problem: 'required' });
  if (to !== 'resolved' && input.resolutionSummary) problems.push({ field: 'resolutionSummary', problem: 'only_when_resolving' });
  const reopening = from === 'resolved' || from === 'unresolvable';
  if ((to === 'unresolvable' || reopening) && !input.note) problems.push({ field: 'note', problem: 'required' });
  return problems;
}

/** The statuses a status change may move to from `from` (for the UI). */
export function nextStatuses(from: LocalIssueStatus): readonly LocalIssueStatus[] {
  return allowed[from];
}

/** Still being worked on past its deadline (dates are Vietnam dates, yyyy-mm-dd). */
export function isIssueOverdue(issue: { status: string; deadline: string | null }, today: string): boolean {
  return (issue.status === 'new' || issue.status === 'in_progress') && issue.deadline !== null && issue.deadline < today;
}

/** Counts of the people's word on one resolution round. */
export function countConfirmations(decisions: readonly ConfirmationDecision[]): { confirmed: number; disputed: number } {
  let confirmed = 0;
  let disputed = 0;
  for (const d of decisions) if (d === 'confirm') confirmed++;
  else disputed++;
  return { confirmed, disputed };
}

/** "Since when" as people say it: "2018", "trước 2014". */
export function sinceText(sinceYear: number | null, sinceBefore: boolean, lang: 'vi' | 'en' = 'vi'): string | null {
  if (sinceYear === null) return null;
  if (!sinceBefore) return String(sinceYear);
  return lang === 'vi' ? `trước ${sinceYear}` : `before ${sinceYear}`;
}

// --- who may do what with an issue ------------------------------------------------------------

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
