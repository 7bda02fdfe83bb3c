// Local issues: the API contract's types (type-only imports of the server's zod schemas), query
// keys and the queries the screens share.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import { queryRoots } from '../../lib/queryKeys.js';
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
import type { ConfirmationDecision, LocalIssueStatus } from '../../../shared/enums.js';

export type {
  CategoriesResponse,
  ChangeStatusBody,
  ConfirmationBody,
  ConfirmationDecision,
  CreateLocalIssueBody,
  LocalIssueAction,
  LocalIssueDetail,
  LocalIssueListResponse,
  LocalIssueStatus,
  LocalIssueSummary,
  NewIssueFields,
  PublicLocalIssue,
  PublicLocalIssueList,
  TimelineEntry,
};
export { localIssueStatuses as LOCAL_ISSUE_STATUSES } from '../../../shared/enums.js';

export { nextStatuses } from '../../../domain/local-issues.js';

/**
 * Query keys, under ['localissues'] (lib/queryKeys.ts), which citizens' feedback shares: after a
 * change to an issue the whole root is stale (the feedback linked to it shows its progress).
 */
export const localIssueKeys = {
  all: queryRoots.localIssues,
  publicList: (page: number) => [...queryRoots.localIssues, 'public-list', page] as const,
  board: (filters: Record<string, string | number | undefined>) => [...queryRoots.localIssues, 'board', filters] as const,
  issue: (id: string) => [...queryRoots.localIssues, 'issue', id] as const,
  categories: [...queryRoots.localIssues, 'categories'] as const,
};

export function usePublicIssues(page: number) {
  return useQuery({
    queryKey: localIssueKeys.publicList(page),
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
    queryKey: localIssueKeys.board({ ...filters }),
    queryFn: () => api<LocalIssueListResponse>('/local-issues', { query: { ...filters } }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useIssue(id: string) {
  return useQuery({ queryKey: localIssueKeys.issue(id), queryFn: () => api<LocalIssueDetail>(`/local-issues/${id}`) });
}

export function useCategories() {
  return useQuery({
    queryKey: localIssueKeys.categories,
    queryFn: () => api<CategoriesResponse>('/local-issue-categories'),
    staleTime: 10 * 60_000,
  });
}

/** "trước 2014" / "từ 2014" / null. */
export function sinceText(t: (key: 'localissues.since.before' | 'localissues.since.from', o: { year: number }) => string, year: number | null, before: boolean): string | null {
  if (year === null) return null;
  return t(before ? 'localissues.since.before' : 'localissues.since.from', { year });
}
