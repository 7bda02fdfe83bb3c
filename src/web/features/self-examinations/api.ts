// "Tự soi, tự sửa": the API contract's types (type-only imports of the server's zod schemas: no
// zod in the browser), query keys, the queries the screens share, and what changes invalidate.
import { keepPreviousData, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../api/client.js';
import type {
  ChecklistAction,
  ChecklistGroup,
  ChecklistItem,
  ChecklistItemHistory,
  ChecklistResponse,
  ChecklistVersionsResponse,
  AddChecklistItemBody,
  UpdateChecklistItemBody,
} from '../../../features/checklist/schemas.js';
import type {
  AccessLogResponse,
  CreateSelfExamBody,
  Followup,
  MySelfExamResponse,
  SaveDraftBody,
  SelfExamAction,
  SelfExamAnswer,
  SelfExamDetail,
  SelfExamSummary,
  Shortcoming,
  StatsResponse,
} from '../../../features/self-examinations/schemas.js';
import type {
  AddPlanItemBody,
  PlanDetail,
  PlanItem,
  PlanItemAction,
  PlanItemProgressBody,
} from '../../../features/correction-plans/schemas.js';
import type {
  AnswerFeedbackBody,
  CreateFeedbackBody,
  FeedbackListResponse,
  FeedbackOptions,
  FeedbackSummary,
} from '../../../features/feedback/schemas.js';
import type {
  CauseKind,
  ExemplaryMark,
  FeedbackDirection,
  FeedbackStatus,
  FeedbackTopic,
  ManifestationMark,
  PlanItemSource,
  PlanItemStatus,
  SelfExamStatus,
} from '../../../shared/enums.js';

export type {
  AccessLogResponse,
  AddChecklistItemBody,
  AddPlanItemBody,
  AnswerFeedbackBody,
  CauseKind,
  ChecklistAction,
  ChecklistGroup,
  ChecklistItem,
  ChecklistItemHistory,
  ChecklistResponse,
  ChecklistVersionsResponse,
  CreateFeedbackBody,
  CreateSelfExamBody,
  ExemplaryMark,
  FeedbackDirection,
  FeedbackListResponse,
  FeedbackOptions,
  FeedbackStatus,
  FeedbackSummary,
  FeedbackTopic,
  Followup,
  ManifestationMark,
  MySelfExamResponse,
  PlanDetail,
  PlanItem,
  PlanItemAction,
  PlanItemProgressBody,
  PlanItemSource,
  PlanItemStatus,
  SaveDraftBody,
  SelfExamAction,
  SelfExamAnswer,
  SelfExamDetail,
  SelfExamStatus,
  SelfExamSummary,
  Shortcoming,
  StatsResponse,
  UpdateChecklistItemBody,
};
export type Mark = ManifestationMark | ExemplaryMark;
export type AccessLogEntry = AccessLogResponse['items'][number];
export type SuggestedPeriod = MySelfExamResponse['suggested'][number];
export type StatsMemberRow = StatsResponse['memberRows'][number];
export type StatsCellRow = StatsResponse['cellRows'][number];
export type StatsDueItem = StatsResponse['dueItems'][number];
export type StatsMonth = StatsResponse['months'][number];
export type StatsManifestation = NonNullable<StatsResponse['manifestations']>[number];

/** Plain lists (no zod) the forms offer: the very values the server validates against. */
export {
  causeKinds as CAUSE_KINDS,
  exemplaryMarks as EXEMPLARY_MARKS,
  feedbackDirections as FEEDBACK_DIRECTIONS,
  feedbackTopics as FEEDBACK_TOPICS,
  manifestationMarks as MANIFESTATION_MARKS,
} from '../../../shared/enums.js';

/** The server's MIN_GROUP (self-examinations/schemas.ts, not importable without zod). */
export const MIN_GROUP = 5;
export const ACCESS_LOG_PAGE_SIZE = 10;
export const FEEDBACK_PAGE_SIZE = 20;

/**
 * Query keys: everything of the area under ['selfexam'] (the member's page, self-examinations,
 * plans, feedback, boards) and the reference checklist under ['checklist']. After any change
 * ['selfexam'] is marked stale, and ['tasks'] too ("Việc của tôi" lists overdue plan items).
 */
export const selfExamKeys = {
  all: ['selfexam'] as const,
  mine: ['selfexam', 'mine'] as const,
  detail: (id: string) => ['selfexam', 'detail', id] as const,
  accessLog: (page: number) => ['selfexam', 'access-log', page] as const,
  stats: (unitId: string, period: string) => ['selfexam', 'stats', unitId, period] as const,
  plan: (id: string) => ['selfexam', 'plan', id] as const,
  feedback: (id: string) => ['selfexam', 'feedback', id] as const,
  feedbackOptions: (unitId: string) => ['selfexam', 'feedback-options', unitId] as const,
  unitFeedback: (unitId: string, p: { status: FeedbackStatus | ''; year: number; page: number }) =>
    ['selfexam', 'unit-feedback', unitId, p] as const,
};
export const checklistKeys = {
  all: ['checklist'] as const,
  version: (unitId: string | null, versionId: string | null) => ['checklist', 'version', unitId, versionId] as const,
  versions: (unitId: string) => ['checklist', 'versions', unitId] as const,
  history: (itemId: string) => ['checklist', 'history', itemId] as const,
};

const enc = encodeURIComponent;
export const selfExamPath = (id: string, rest = '') => `/self-examinations/${enc(id)}${rest}`;
export const planPath = (id: string, rest = '') => `/correction-plans/${enc(id)}${rest}`;
export const feedbackPath = (id: string, rest = '') => `/feedback/${enc(id)}${rest}`;
export const checklistItemPath = (id: string, rest = '') => `/reference/checklist-items/${enc(id)}${rest}`;
const unitPath = (unitId: string, rest: string) => `/units/${enc(unitId)}${rest}`;

/** A 403 or 404 is an answer, not a hiccup: asking again would not change it. */
const retryUnlessAnswered = (count: number, e: unknown) => !(e instanceof ApiError && e.status >= 400 && e.status < 500) && count < 2;

export function useMySelfExam() {
  return useQuery({
    queryKey: selfExamKeys.mine,
    queryFn: ({ signal }) => api<MySelfExamResponse>('/me/self-examination', { signal }),
    retry: retryUnlessAnswered,
  });
}

export function useSelfExam(id: string) {
  return useQuery({
    queryKey: selfExamKeys.detail(id),
    queryFn: ({ signal }) => api<SelfExamDetail>(selfExamPath(id), { signal }),
    retry: retryUnlessAnswered,
    // The form owns its text while it is open: a refetch on focus must not replace what is being typed.
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
}

export function useAccessLog(page: number) {
  return useQuery({
    queryKey: selfExamKeys.accessLog(page),
    queryFn: ({ signal }) => api<AccessLogResponse>('/me/access-log', { signal, query: { page, pageSize: ACCESS_LOG_PAGE_SIZE } }),
    placeholderData: keepPreviousData,
  });
}

export function useSelfExamStats(unitId: string, period: string) {
  return useQuery({
    queryKey: selfExamKeys.stats(unitId, period),
    queryFn: ({ signal }) => api<StatsResponse>(unitPath(unitId, '/self-examination-stats'), { signal, query: { period } }),
    placeholderData: keepPreviousData,
    retry: retryUnlessAnswered,
  });
}

export function usePlan(id: string) {
  return useQuery({
    queryKey: selfExamKeys.plan(id),
    queryFn: ({ signal }) => api<PlanDetail>(planPath(id), { signal }),
    retry: retryUnlessAnswered,
  });
}

export function useFeedback(id: string) {
  return useQuery({
    queryKey: selfExamKeys.feedback(id),
    queryFn: ({ signal }) => api<FeedbackSummary>(feedbackPath(id), { signal }),
    retry: retryUnlessAnswered,
  });
}

export function useFeedbackOptions(unitId: string | null) {
  return useQuery({
    queryKey: selfExamKeys.feedbackOptions(unitId ?? ''),
    queryFn: ({ signal }) => api<FeedbackOptions>(unitPath(unitId!, '/feedback-options'), { signal }),
    enabled: unitId !== null,
    retry: retryUnlessAnswered,
  });
}

export function useUnitFeedback(unitId: string, params: { status: FeedbackStatus | ''; year: number; page: number }, enabled = true) {
  return useQuery({
    queryKey: selfExamKeys.unitFeedback(unitId, params),
    queryFn: ({ signal }) =>
      api<FeedbackListResponse>(unitPath(unitId, '/feedback'), {
        signal,
        query: { status: params.status, year: params.year, page: params.page, pageSize: FEEDBACK_PAGE_SIZE },
      }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** A checklist version: the caller's own (or a unit's) current one, or a given earlier one. */
export function useChecklist(unitId: string | null, versionId: string | null = null, enabled = true) {
  return useQuery({
    queryKey: checklistKeys.version(unitId, versionId),
    queryFn: ({ signal }) =>
      api<ChecklistResponse>('/reference/manifestations', { signal, query: { unitId: unitId ?? undefined, versionId: versionId ?? undefined } }),
    placeholderData: keepPreviousData,
    retry: retryUnlessAnswered,
    enabled,
    staleTime: 5 * 60_000,
  });
}

export function useChecklistVersions(unitId: string | null) {
  return useQuery({
    queryKey: checklistKeys.versions(unitId ?? ''),
    queryFn: ({ signal }) => api<ChecklistVersionsResponse>('/reference/manifestations/versions', { signal, query: { unitId: unitId! } }),
    enabled: unitId !== null,
  });
}

export function useChecklistItemHistory(itemId: string | null) {
  return useQuery({
    queryKey: checklistKeys.history(itemId ?? ''),
    queryFn: ({ signal }) => api<ChecklistItemHistory>(checklistItemPath(itemId!, '/history'), { signal }),
    enabled: itemId !== null,
  });
}

/** After a change anywhere in the area: everything that lists it is stale, and "Việc của tôi". */
export function selfExamChanged(queryClient: QueryClient, plan?: PlanDetail): void {
  if (plan) queryClient.setQueryData(selfExamKeys.plan(plan.id), plan);
  void queryClient.invalidateQueries({
    queryKey: selfExamKeys.all,
    // The open form keeps its own copy; it reloads itself when it needs to.
    predicate: (q) => q.queryKey[1] !== 'detail' && !(plan && q.queryKey[1] === 'plan' && q.queryKey[2] === plan.id),
  });
  void queryClient.invalidateQueries({ queryKey: ['tasks'] });
}

export function useSelfExamChanged(): (plan?: PlanDetail) => void {
  const queryClient = useQueryClient();
  return (plan) => selfExamChanged(queryClient, plan);
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

/** The board of a unit for a period ("2022" or "2022-Q2"). */
export const boardHref = (unitId: string, period: string) => `/units/${enc(unitId)}/tu-soi?period=${enc(period)}`;
