// The cell's review meeting and its secret ballot: the API contract's types (type-only imports of
// the server's zod schemas), query keys and queries. Keys live under their own root: nothing
// outside these screens shows a review meeting.
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type {
  CastBallotBody,
  CellReviewResponse,
  LinkMeetingBody,
  MyBallotsResponse,
  PeriodDetail,
  PeriodSummary,
  ProposalBody,
  ReviewMeetingDetail,
  VoteCountsBody,
} from '../../../features/reviews/schemas.js';
import type { MeetingListResponse } from '../../../features/meetings/schemas.js';

export type { CastBallotBody, CellReviewResponse, LinkMeetingBody, MyBallotsResponse, PeriodDetail, PeriodSummary, ProposalBody, ReviewMeetingDetail, VoteCountsBody };
export type MeetingReview = ReviewMeetingDetail['reviews'][number];
export type VoteMode = ReviewMeetingDetail['voteMode'];

/** How often an open ballot's progress is asked for again. */
export const BALLOT_POLL_MS = 3000;

export const reviewMeetingKeys = {
  all: ['review-meetings'] as const,
  detail: (id: string) => ['review-meetings', 'detail', id] as const,
  mine: ['review-meetings', 'mine'] as const,
  periods: (unitId: string) => ['review-meetings', 'periods', unitId] as const,
  period: (id: string) => ['review-meetings', 'period', id] as const,
  meetings: (unitId: string, year: number) => ['review-meetings', 'meetings', unitId, year] as const,
};

export const reviewMeetingPath = (id: string, rest = '') => `/review-meetings/${encodeURIComponent(id)}${rest}`;

/** The review meeting; asked again every few seconds while `poll` says so (an open ballot). */
export function useReviewMeeting(id: string, poll: (d: ReviewMeetingDetail | undefined) => boolean = () => false) {
  return useQuery({
    queryKey: reviewMeetingKeys.detail(id),
    queryFn: ({ signal }) => api<ReviewMeetingDetail>(reviewMeetingPath(id), { signal }),
    refetchInterval: (q) => (poll(q.state.data) ? BALLOT_POLL_MS : false),
  });
}

/** The open secret ballots of my cell (home card). */
export function useMyBallots(enabled = true) {
  return useQuery({
    queryKey: reviewMeetingKeys.mine,
    queryFn: ({ signal }) => api<MyBallotsResponse>('/me/review-ballots', { signal }),
    enabled,
  });
}

/** The periods a cell takes part in (its committee reads them). */
export function useCellPeriods(unitId: string | null) {
  return useQuery({
    queryKey: reviewMeetingKeys.periods(unitId ?? ''),
    queryFn: ({ signal }) => api<{ items: PeriodSummary[] }>('/review-periods', { signal, query: { unitId: unitId! } }),
    enabled: unitId !== null,
  });
}

export function usePeriod(id: string | null) {
  return useQuery({
    queryKey: reviewMeetingKeys.period(id ?? ''),
    queryFn: ({ signal }) => api<PeriodDetail>(`/review-periods/${encodeURIComponent(id!)}`, { signal }),
    enabled: id !== null,
  });
}

/** The cell's meetings of the year, to link one. */
export function useCellMeetings(unitId: string, year: number) {
  return useQuery({
    queryKey: reviewMeetingKeys.meetings(unitId, year),
    queryFn: ({ signal }) =>
      api<MeetingListResponse>(`/units/${encodeURIComponent(unitId)}/meetings`, { signal, query: { from: `${year}-01-01`, to: `${year}-12-31`, page: 1, pageSize: 50 } }),
  });
}
