// Local issues and citizen feedback: the API contract's types (type-only imports of the server's zod
// schemas), query keys and the queries the screens share.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type {
  CategoriesResponse,
  ChangeStatusBody,
  ConfirmationBody,
  CreateLocalIssueBody,
  LocalIssueAction,
  LocalIssueDetail,
  LocalIssueListResponse,
  LocalIssueSummary,
  NewIssueFields,
  PublicLocalIssue,
  PublicLocalIssueList,
  TimelineEntry,
} from '../../../features/local-issues/schemas.js';
import type {
  AnswerBody,
  CitizenFeedbackListResponse,
  CitizenFeedbackSummary,
  PublicFeedbackBody,
  PublicFeedbackForm,
  PublicFeedbackReceipt,
  PublicFeedbackStatus,
  TriageBody,
} from '../../../features/citizen-feedback/schemas.js';
import type { CitizenFeedbackStatus, ConfirmationDecision, LocalIssueStatus } from '../../../shared/enums.js';

export type {
  AnswerBody,
  CategoriesResponse,
  ChangeStatusBody,
  CitizenFeedbackListResponse,
  CitizenFeedbackStatus,
  CitizenFeedbackSummary,
  ConfirmationBody,
  ConfirmationDecision,
  CreateLocalIssueBody,
  LocalIssueAction,
  LocalIssueDetail,
  LocalIssueListResponse,
  LocalIssueStatus,
  LocalIssueSummary,
  NewIssueFields,
  PublicFeedbackBody,
  PublicFeedbackForm,
  PublicFeedbackReceipt,
  PublicFeedbackStatus,
  PublicLocalIssue,
  PublicLocalIssueList,
  TimelineEntry,
  TriageBody,
};
export { citizenFeedbackStatuses as CITIZEN_FEEDBACK_STATUSES, localIssueStatuses as LOCAL_ISSUE_STATUSES } from '../../../shared/enums.js';

export { nextStatuses } from '../../../domain/local-issues.js';
export { MAX_CITIZEN_CONTENT as MAX_CONTENT } from '../../../domain/citizen-feedback.js';

export const keys = {
  all: ['localissues'] as const,
  form: ['localissues', 'public-form'] as const,
  tracking: (code: string) => ['localissues', 'tracking', code] as const,
  publicList: (page: number) => ['localissues', 'public-list', page] as const,
  board: (filters: Record<string, string | number | undefined>) => ['localissues', 'board', filters] as const,
  issue: (id: string) => ['localissues', 'issue', id] as const,
  categories: ['localissues', 'categories'] as const,
  inbox: (filters: Record<string, string | number | undefined>) => ['localissues', 'inbox', filters] as const,
  feedback: (id: string) => ['localissues', 'feedback', id] as const,
};

export function usePublicForm() {
  return useQuery({
    queryKey: keys.form,
    queryFn: () => api<PublicFeedbackForm>('/public/feedback-form'),
    staleTime: 10 * 60_000,
    meta: { allow401: true },
  });
}

/** Codes as people type them: upper case, spaces and odd dashes dropped, grouped by four. */
export function normalizeCode(raw: string): string {
  const s = raw.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return s.match(/.{1,4}/g)?.join('-') ?? '';
}

export function useTracking(code: string) {
  return useQuery({
    queryKey: keys.tracking(code),
    queryFn: () => api<PublicFeedbackStatus>(`/public/feedback/${encodeURIComponent(code)}`),
    enabled: code !== '',
    retry: false,
    meta: { allow401: true },
  });
}

export function usePublicIssues(page: number) {
  return useQuery({
    queryKey: keys.publicList(page),
    queryFn: () => api<PublicLocalIssueList>('/public/local-issues', { query: { page } }),
    placeholderData: keepPreviousData,
    meta: { allow401: true },
  });
}

export interface BoardFilters {
  unitId: string;
  status?: string | undefined;
  categoryCode?: string | undefined;
  villageUnitId?: string | undefined;
  overdue?: string | undefined;
  q?: string | undefined;
  page: number;
  pageSize?: number | undefined;
}

export function useBoard(filters: BoardFilters, enabled = true) {
  return useQuery({
    queryKey: keys.board({ ...filters }),
    queryFn: () => api<LocalIssueListResponse>('/local-issues', { query: { ...filters } }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useIssue(id: string) {
  return useQuery({ queryKey: keys.issue(id), queryFn: () => api<LocalIssueDetail>(`/local-issues/${id}`) });
}

export function useCategories() {
  return useQuery({ queryKey: keys.categories, queryFn: () => api<CategoriesResponse>('/local-issue-categories'), staleTime: 10 * 60_000 });
}

export function useInbox(filters: { unitId: string; status?: string | undefined; page: number }) {
  return useQuery({
    queryKey: keys.inbox({ ...filters }),
    queryFn: () => api<CitizenFeedbackListResponse>('/citizen-feedback', { query: { ...filters } }),
    placeholderData: keepPreviousData,
  });
}

export function useFeedback(id: string) {
  return useQuery({ queryKey: keys.feedback(id), queryFn: () => api<CitizenFeedbackSummary>(`/citizen-feedback/${id}`) });
}

/** "trước 2014" / "từ 2014" / null. */
export function sinceText(t: (key: 'localissues.since.before' | 'localissues.since.from', o: { year: number }) => string, year: number | null, before: boolean): string | null {
  if (year === null) return null;
  return t(before ? 'localissues.since.before' : 'localissues.since.from', { year });
}
