// Meetings: the API contract's types (type-only imports of the server's zod schemas: no zod in
// the browser), query keys, and the queries and cache updates the meeting screens share.
import { keepPreviousData, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../api/client.js';
import { queryRoots } from '../../lib/queryKeys.js';
import type {
  AgendaBody,
  AgendaItem,
  AttendanceBody,
  AttendanceEntry,
  CreateMeetingBody,
  CreateOutcomeBody,
  ImportBody,
  MeetingDetail,
  MeetingListResponse,
  MeetingOptions,
  MeetingSummary,
  Outcome,
  Participant,
  Rubric,
  ScoreBody,
  TaskSummary,
  UpdateMeetingBody,
  attendanceResponse,
  importResponse,
  minutesVersion,
  meetingScore,
} from '../../../features/meetings/schemas.js';
import type {
  AttendanceStatus,
  MeetingKind,
  MeetingStatus,
  OutcomeKind,
  TaskStatus,
} from '../../../shared/enums.js';

export type {
  AgendaBody,
  AgendaItem,
  AttendanceBody,
  AttendanceEntry,
  CreateMeetingBody,
  CreateOutcomeBody,
  ImportBody,
  MeetingDetail,
  MeetingListResponse,
  MeetingOptions,
  MeetingSummary,
  Outcome,
  Participant,
  Rubric,
  ScoreBody,
  TaskSummary,
  UpdateMeetingBody,
  AttendanceStatus,
  MeetingKind,
  MeetingStatus,
  OutcomeKind,
  TaskStatus,
};
export type AttendanceResponse = z.infer<typeof attendanceResponse>;
export type ImportResponse = z.infer<typeof importResponse>;
export type MinutesVersion = z.infer<typeof minutesVersion>;
export type MeetingScore = z.infer<typeof meetingScore>;

/** Plain lists (no zod) the forms offer: the very values the server validates against. */
export {
  attendanceStatuses as ATTENDANCE_STATUSES,
  meetingKinds as MEETING_KINDS,
  outcomeKinds as OUTCOME_KINDS,
} from '../../../shared/enums.js';

/** Meeting lists are paged by the server; a year of one cell fits on one page. */
export const MEETING_PAGE_SIZE = 50;

/**
 * Query keys, all under ['meetings']. After any meeting change: ['meetings'] and ['reports'] are
 * invalidated (the meeting's own detail is set from the answer rather than fetched again).
 */
export const meetingKeys = {
  all: queryRoots.meetings,
  list: (unitId: string, range: MeetingRange, page: number) => [...queryRoots.meetings, 'list', unitId, { ...range, page }] as const,
  detail: (id: string) => [...queryRoots.meetings, 'detail', id] as const,
  options: (unitId: string) => [...queryRoots.meetings, 'options', unitId] as const,
};

/** The meetings a list shows: those dated within [from, to], of one kind when `kind` is given. */
export interface MeetingRange {
  from: string;
  to: string;
  kind?: 'regular' | 'thematic' | undefined;
  /** Only those held (not just planned). */
  held?: boolean | undefined;
}
export const yearRange = (year: number): MeetingRange => ({ from: `${year}-01-01`, to: `${year}-12-31` });

export function useMeetingList(unitId: string, range: MeetingRange, page: number, enabled = true) {
  return useQuery({
    queryKey: meetingKeys.list(unitId, range, page),
    queryFn: ({ signal }) =>
      api<MeetingListResponse>(`/units/${encodeURIComponent(unitId)}/meetings`, {
        signal,
        query: { from: range.from, to: range.to, ...(range.kind ? { kind: range.kind } : {}), ...(range.held ? { held: 'true' } : {}), page, pageSize: MEETING_PAGE_SIZE },
      }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useMeeting(id: string) {
  return useQuery({
    queryKey: meetingKeys.detail(id),
    queryFn: ({ signal }) => api<MeetingDetail>(`/meetings/${encodeURIComponent(id)}`, { signal }),
  });
}

export function useMeetingOptions(unitId: string, enabled = true) {
  return useQuery({
    queryKey: meetingKeys.options(unitId),
    queryFn: ({ signal }) => api<MeetingOptions>(`/units/${encodeURIComponent(unitId)}/meeting-options`, { signal }),
    enabled,
  });
}

/**
 * After a change to a meeting: keep its fresh detail (when the answer carries it) and mark every
 * other meeting query and every report stale.
 */
export function meetingChanged(queryClient: QueryClient, meetingId: string, detail?: MeetingDetail): void {
  if (detail) queryClient.setQueryData(meetingKeys.detail(meetingId), detail);
  void queryClient.invalidateQueries({
    queryKey: meetingKeys.all,
    predicate: (q) => !(detail && q.queryKey[1] === 'detail' && q.queryKey[2] === meetingId),
  });
  void queryClient.invalidateQueries({ queryKey: queryRoots.reports });
}

/** `meetingChanged` bound to the app's query client. */
export function useMeetingChanged(): (meetingId: string, detail?: MeetingDetail) => void {
  const queryClient = useQueryClient();
  return (meetingId, detail) => meetingChanged(queryClient, meetingId, detail);
}

/** The meeting's API path. */
export const meetingPath = (id: string, rest = '') => `/meetings/${encodeURIComponent(id)}${rest}`;
