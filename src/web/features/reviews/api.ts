// Reviews (kiểm điểm, đánh giá, xếp loại — QĐ 366): the API contract's types (type-only imports of
// the server's zod schemas: no zod in the browser), query keys and the queries the screens share.
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import { queryRoots } from '../../lib/queryKeys.js';
import type {
  CreatePeriodBody,
  DecisionsBody,
  LevelOptionView,
  MyReviewsResponse,
  PeriodDetail,
  PeriodSummary,
  QuotaView,
  RatingsResponse,
  ReviewDetail,
  ReviewListItem,
  ReviewListResponse,
  SelfAssessmentBody,
  TriggerMarksResponse,
} from '../../../features/reviews/schemas.js';

export type { CreatePeriodBody, DecisionsBody, LevelOptionView, MyReviewsResponse, PeriodDetail, PeriodSummary, QuotaView, RatingsResponse, ReviewDetail, ReviewListItem, ReviewListResponse, SelfAssessmentBody, TriggerMarksResponse };
export type LevelReason = LevelOptionView['reasons'][number];
export type TriggerView = ReviewDetail['triggers'][number];
export type EvidenceFigure = ReviewDetail['evidence']['figures'][number];
export type Framework = ReviewDetail['framework'];
export type Decision = ReviewDetail['decisions'][number];
export type CellStanding = PeriodDetail['cells'][number];
export type MyReview = MyReviewsResponse['items'][number];
export interface PeriodList {
  items: PeriodSummary[];
  mayOpen: { unitId: string; unitName: string }[];
}
export interface SaveResult {
  revision: number;
  updatedAt: string;
  scoreTotal: number | null;
  levels: LevelOptionView[];
}

/** The review form's query: it owns what is being typed, so a change elsewhere never marks it stale. */
const FORM = 'detail';
export const reviewKeys = {
  all: queryRoots.reviews,
  mine: [...queryRoots.reviews, 'mine'] as const,
  detail: (id: string) => [...queryRoots.reviews, FORM, id] as const,
  periods: (unitId: string | null) => [...queryRoots.reviews, 'periods', unitId] as const,
  period: (id: string) => [...queryRoots.reviews, 'period', id] as const,
  list: (periodId: string, unitId: string | null) => [...queryRoots.reviews, 'list', periodId, unitId] as const,
  ratings: (unitId: string, year: number) => [...queryRoots.reviews, 'ratings', unitId, year] as const,
};

const enc = encodeURIComponent;
export const reviewPath = (id: string, rest = '') => `/reviews/${enc(id)}${rest}`;
export const periodPath = (id: string, rest = '') => `/review-periods/${enc(id)}${rest}`;
/** The cell's board of a period. */
export const cellBoardHref = (unitId: string, periodId?: string) => `/units/${enc(unitId)}/kiem-diem${periodId ? `?period=${enc(periodId)}` : ''}`;
export const ratingsHref = (periodId?: string) => `/ratings${periodId ? `?period=${enc(periodId)}` : ''}`;

export function useMyReviews(enabled = true) {
  return useQuery({ queryKey: reviewKeys.mine, queryFn: ({ signal }) => api<MyReviewsResponse>('/me/reviews', { signal }), enabled });
}

export function useReview(id: string) {
  return useQuery({
    queryKey: reviewKeys.detail(id),
    queryFn: ({ signal }) => api<ReviewDetail>(reviewPath(id), { signal }),
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
}

export function usePeriods(unitId: string | null) {
  return useQuery({
    queryKey: reviewKeys.periods(unitId),
    queryFn: ({ signal }) => api<PeriodList>('/review-periods', { signal, query: { unitId } }),
  });
}

export function usePeriod(id: string | null) {
  return useQuery({ queryKey: reviewKeys.period(id ?? ''), queryFn: ({ signal }) => api<PeriodDetail>(periodPath(id!), { signal }), enabled: id !== null, placeholderData: keepPreviousData });
}

export function usePeriodReviews(periodId: string | null, unitId: string | null) {
  return useQuery({
    queryKey: reviewKeys.list(periodId ?? '', unitId),
    queryFn: ({ signal }) => api<ReviewListResponse>(periodPath(periodId!, '/reviews'), { signal, query: { unitId } }),
    enabled: periodId !== null,
  });
}

export function useRatings(unitId: string | null, year: number) {
  return useQuery({
    queryKey: reviewKeys.ratings(unitId ?? '', year),
    queryFn: ({ signal }) => api<RatingsResponse>(`/units/${enc(unitId!)}/ratings`, { signal, query: { year } }),
    enabled: unitId !== null,
    placeholderData: keepPreviousData,
  });
}

/** After a review or a decision changed: every list and board is stale, the open forms are not. */
export function useReviewsChanged(): () => void {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: queryRoots.reviews, predicate: (q) => q.queryKey[1] !== FORM });
}
