// The roots of the query keys that more than one feature uses, in one place: a feature builds its
// keys under its root, and a change in one feature marks another's screens stale by that root
// without importing the other feature. (Units, members, accounts and audit: api/queries.ts.)
import type { QueryClient, QueryKey } from '@tanstack/react-query';

export const queryRoots = {
  meetings: ['meetings'],
  reports: ['reports'],
  tasks: ['tasks'],
  directives: ['directives'],
  commitments: ['commitments'],
  /** Self-examinations, correction plans and feedback between members: the member's page and the boards show all three. */
  selfExam: ['selfexam'],
  checklist: ['checklist'],
  /** The inspection rules (QĐ 296): the rules page edits them, the inspection screens read their kinds and limits. */
  inspectionRules: ['inspectionrules'],
  /** The rating rules (QĐ 366): the rules page edits them, the reviews read their levels, framework and quota. */
  ratingRules: ['ratingrules'],
  /** Local issues and citizens' feedback: feedback becomes an issue, and an issue's progress shows to the citizen. */
  localIssues: ['localissues'],
  /** Inspection and supervision: a case's recommendations become tasks and correction items. */
  inspections: ['inspections'],
  /** The rating (QĐ 366): a member's review, the cell's and the committee's boards, the decisions. */
  reviews: ['reviews'],
} as const;

const FORM = 'detail';
/** An open self-examination form: it owns what is being typed, so a change elsewhere never marks it stale. */
export const selfExamFormKey = (id: string) => [...queryRoots.selfExam, FORM, id] as const;

/**
 * After a change to a self-examination, a correction plan or feedback between members: every query
 * of the area is stale except the open forms and `fresh` (a key the caller has just set from the
 * server's answer), and so is "Việc của tôi", which lists overdue plan items.
 */
export function selfExamAreaChanged(queryClient: QueryClient, fresh?: QueryKey): void {
  void queryClient.invalidateQueries({
    queryKey: queryRoots.selfExam,
    predicate: (q) => q.queryKey[1] !== FORM && !(fresh && fresh.every((part, i) => q.queryKey[i] === part)),
  });
  void queryClient.invalidateQueries({ queryKey: queryRoots.tasks });
}
