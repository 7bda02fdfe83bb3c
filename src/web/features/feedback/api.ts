// Feedback between members: the API contract's types (type-only imports of the server's zod
// schemas), query keys, the queries the screens share and what a change invalidates.
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import { queryRoots, selfExamAreaChanged } from '../../lib/queryKeys.js';
import type {
  AnswerFeedbackBody,
  CreateFeedbackBody,
  FeedbackListResponse,
  FeedbackOptions,
  FeedbackSummary,
} from '../../../features/feedback/schemas.js';
import type { FeedbackDirection, FeedbackStatus, FeedbackTopic } from '../../../shared/enums.js';

export type {
  AnswerFeedbackBody,
  CreateFeedbackBody,
  FeedbackDirection,
  FeedbackListResponse,
  FeedbackOptions,
  FeedbackStatus,
  FeedbackSummary,
  FeedbackTopic,
};

/** Plain lists (no zod) the form offers: the very values the server validates against. */
export { feedbackDirections as FEEDBACK_DIRECTIONS, feedbackTopics as FEEDBACK_TOPICS } from '../../../shared/enums.js';

export const FEEDBACK_PAGE_SIZE = 20;

/** Query keys, under the self-examination area's root (the member's page and the boards show feedback). */
export const feedbackKeys = {
  detail: (id: string) => [...queryRoots.selfExam, 'feedback', id] as const,
  options: (unitId: string) => [...queryRoots.selfExam, 'feedback-options', unitId] as const,
  unit: (unitId: string, p: { status: FeedbackStatus | ''; year: number; page: number }) =>
    [...queryRoots.selfExam, 'unit-feedback', unitId, p] as const,
};

const enc = encodeURIComponent;
export const feedbackPath = (id: string, rest = '') => `/feedback/${enc(id)}${rest}`;
const unitPath = (unitId: string, rest: string) => `/units/${enc(unitId)}${rest}`;

export function useFeedback(id: string) {
  return useQuery({
    queryKey: feedbackKeys.detail(id),
    queryFn: ({ signal }) => api<FeedbackSummary>(feedbackPath(id), { signal }),
  });
}

export function useFeedbackOptions(unitId: string | null) {
  return useQuery({
    queryKey: feedbackKeys.options(unitId ?? ''),
    queryFn: ({ signal }) => api<FeedbackOptions>(unitPath(unitId!, '/feedback-options'), { signal }),
    enabled: unitId !== null,
  });
}

export function useUnitFeedback(unitId: string, params: { status: FeedbackStatus | ''; year: number; page: number }, enabled = true) {
  return useQuery({
    queryKey: feedbackKeys.unit(unitId, params),
    queryFn: ({ signal }) =>
      api<FeedbackListResponse>(unitPath(unitId, '/feedback'), {
        signal,
        query: { status: params.status, year: params.year, page: params.page, pageSize: FEEDBACK_PAGE_SIZE },
      }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** After feedback was given or answered: the self-examination area and "Việc của tôi" are stale. */
export function useFeedbackChanged(): () => void {
  const queryClient = useQueryClient();
  return () => selfExamAreaChanged(queryClient);
}

/** The feedback form's address: `/feedback/new?unit=…&to=…&meeting=…`. */
export function newFeedbackHref(params: { unit?: string | null; to?: string | null; meeting?: string | null } = {}): string {
  const q = new URLSearchParams();
  if (params.unit) q.set('unit', params.unit);
  if (params.to) q.set('to', params.to);
  if (params.meeting) q.set('meeting', params.meeting);
  const s = q.toString();
  return s ? `/feedback/new?${s}` : '/feedback/new';
}
