// Citizens' feedback: the API contract's types (type-only imports of the server's zod schemas),
// query keys and the queries the public pages and the staff inbox share.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import { queryRoots } from '../../lib/queryKeys.js';
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
import type { CitizenFeedbackStatus } from '../../../shared/enums.js';

export type {
  AnswerBody,
  CitizenFeedbackListResponse,
  CitizenFeedbackStatus,
  CitizenFeedbackSummary,
  PublicFeedbackBody,
  PublicFeedbackForm,
  PublicFeedbackReceipt,
  PublicFeedbackStatus,
  TriageBody,
};
export { citizenFeedbackStatuses as CITIZEN_FEEDBACK_STATUSES } from '../../../shared/enums.js';

export { MAX_CITIZEN_CONTENT as MAX_CONTENT } from '../../../domain/citizen-feedback.js';

/**
 * Query keys, under the local issues' root ['localissues'] (lib/queryKeys.ts): a triaged or
 * answered feedback marks the whole root stale, since it may have become or joined an issue.
 */
export const citizenFeedbackKeys = {
  all: queryRoots.localIssues,
  form: [...queryRoots.localIssues, 'public-form'] as const,
  tracking: (code: string) => [...queryRoots.localIssues, 'tracking', code] as const,
  inbox: (filters: Record<string, string | number | undefined>) => [...queryRoots.localIssues, 'inbox', filters] as const,
  detail: (id: string) => [...queryRoots.localIssues, 'feedback', id] as const,
};

/** The public form's choices (the commune's villages and topics); staff forms offer the same villages. */
export function usePublicForm() {
  return useQuery({
    queryKey: citizenFeedbackKeys.form,
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
    queryKey: citizenFeedbackKeys.tracking(code),
    queryFn: () => api<PublicFeedbackStatus>(`/public/feedback/${encodeURIComponent(code)}`),
    enabled: code !== '',
    retry: false,
    meta: { allow401: true },
  });
}

export function useInbox(filters: { unitId: string; status?: string | undefined; page: number }) {
  return useQuery({
    queryKey: citizenFeedbackKeys.inbox({ ...filters }),
    queryFn: () => api<CitizenFeedbackListResponse>('/citizen-feedback', { query: { ...filters } }),
    placeholderData: keepPreviousData,
  });
}

export function useCitizenFeedback(id: string) {
  return useQuery({
    queryKey: citizenFeedbackKeys.detail(id),
    queryFn: () => api<CitizenFeedbackSummary>(`/citizen-feedback/${id}`),
  });
}
