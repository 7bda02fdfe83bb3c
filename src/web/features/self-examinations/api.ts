// Self-examinations: the API contract's types (type-only imports of the server's zod schemas: no
// zod in the browser), query keys, the queries the screens share, and what a change invalidates.
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import { queryRoots, selfExamAreaChanged, selfExamFormKey } from '../../lib/queryKeys.js';
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
// What a self-examination carries: the checklist it answers, and feedback on the member's page.
import type { ChecklistGroup, ChecklistItem, ChecklistResponse } from '../../../features/checklist/schemas.js';
import type { FeedbackSummary } from '../../../features/feedback/schemas.js';
import type { CauseKind, ExemplaryMark, ManifestationMark, SelfExamStatus } from '../../../shared/enums.js';

export type {
  AccessLogResponse,
  CauseKind,
  ChecklistGroup,
  ChecklistItem,
  ChecklistResponse,
  CreateSelfExamBody,
  ExemplaryMark,
  FeedbackSummary,
  Followup,
  ManifestationMark,
  MySelfExamResponse,
  SaveDraftBody,
  SelfExamAction,
  SelfExamAnswer,
  SelfExamDetail,
  SelfExamStatus,
  SelfExamSummary,
  Shortcoming,
  StatsResponse,
};
export type Mark = ManifestationMark | ExemplaryMark;
export type AccessLogEntry = AccessLogResponse['items'][number];
export type SuggestedPeriod = MySelfExamResponse['suggested'][number];
export type StatsMemberRow = StatsResponse['memberRows'][number];
export type StatsCellRow = StatsResponse['cellRows'][number];
export type StatsDueItem = StatsResponse['dueItems'][number];
export type StatsMonth = StatsResponse['months'][number];
export type StatsManifestation = NonNullable<StatsResponse['manifestations']>[number];

/** Plain lists (no zod) the form offers: the very values the server validates against. */
export {
  causeKinds as CAUSE_KINDS,
  exemplaryMarks as EXEMPLARY_MARKS,
  manifestationMarks as MANIFESTATION_MARKS,
} from '../../../shared/enums.js';

/** The server's MIN_GROUP (self-examinations/schemas.ts, not importable without zod). */
export const MIN_GROUP = 5;
export const ACCESS_LOG_PAGE_SIZE = 10;

/**
 * Query keys, under the area's root ['selfexam'] (lib/queryKeys.ts), which correction plans and
 * feedback between members share: after a change in any of them the whole root is stale.
 */
export const selfExamKeys = {
  all: queryRoots.selfExam,
  mine: [...queryRoots.selfExam, 'mine'] as const,
  detail: selfExamFormKey,
  accessLog: (page: number) => [...queryRoots.selfExam, 'access-log', page] as const,
  stats: (unitId: string, period: string) => [...queryRoots.selfExam, 'stats', unitId, period] as const,
};

const enc = encodeURIComponent;
export const selfExamPath = (id: string, rest = '') => `/self-examinations/${enc(id)}${rest}`;
const unitPath = (unitId: string, rest: string) => `/units/${enc(unitId)}${rest}`;

export function useMySelfExam() {
  return useQuery({
    queryKey: selfExamKeys.mine,
    queryFn: ({ signal }) => api<MySelfExamResponse>('/me/self-examination', { signal }),
  });
}

export function useSelfExam(id: string) {
  return useQuery({
    queryKey: selfExamKeys.detail(id),
    queryFn: ({ signal }) => api<SelfExamDetail>(selfExamPath(id), { signal }),
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
  });
}

/** After a self-examination changed: the area's lists and "Việc của tôi" are stale (selfExamAreaChanged). */
export function useSelfExamChanged(): () => void {
  const queryClient = useQueryClient();
  return () => selfExamAreaChanged(queryClient);
}

/** The board of a unit for a period ("2022" or "2022-Q2"). */
export const boardHref = (unitId: string, period: string) => `/units/${enc(unitId)}/tu-soi?period=${enc(period)}`;
