import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client.js';
import { queryRoots } from '../../../lib/queryKeys.js';
import type {
  MeetingListResponse,
  MemberAttendanceStats,
  UnitAttendanceStats,
} from '../../../../features/meetings/schemas.js';
import { todayLocal } from '../../../lib/time.js';

export type { MemberAttendanceStats, UnitAttendanceStats };
export type AttendanceRates = UnitAttendanceStats['total'];
export type MonthStats = UnitAttendanceStats['months'][number];
export type CellStats = UnitAttendanceStats['cells'][number];
export type MemberRow = UnitAttendanceStats['members'][number];
export type MemberMeeting = MemberAttendanceStats['meetings'][number];

/** An inclusive period of calendar dates (yyyy-mm-dd). */
export interface Range {
  from: string;
  to: string;
}

/** Query keys of the reports area: everything under ['reports'] (invalidate after attendance changes). */
export const reportKeys = {
  all: queryRoots.reports,
  years: (unitId: string) => [...queryRoots.reports, 'years', unitId] as const,
  unit: (unitId: string, r: Range) => [...queryRoots.reports, 'unit', unitId, r.from, r.to] as const,
  member: (memberId: string, r: Range) => [...queryRoots.reports, 'member', memberId, r.from, r.to] as const,
};

/**
 * Years in which the unit's subtree has meetings, newest first (for the year picker). Asks the
 * meeting list for one day and one row: only its `years` are needed.
 */
export function useMeetingYears(unitId: string) {
  return useQuery({
    queryKey: reportKeys.years(unitId),
    queryFn: async ({ signal }) => {
      const day = todayLocal();
      const res = await api<MeetingListResponse>(`/units/${encodeURIComponent(unitId)}/meetings`, {
        signal,
        query: { from: day, to: day, pageSize: 1 },
      });
      return res.years;
    },
    staleTime: 5 * 60_000,
  });
}

export function useUnitAttendanceStats(unitId: string, range: Range | null) {
  return useQuery({
    queryKey: reportKeys.unit(unitId, range ?? { from: '', to: '' }),
    queryFn: ({ signal }) =>
      api<UnitAttendanceStats>(`/units/${encodeURIComponent(unitId)}/attendance-stats`, {
        signal,
        query: { from: range!.from, to: range!.to },
      }),
    enabled: range !== null,
    placeholderData: keepPreviousData,
  });
}

export function useMemberAttendanceStats(memberId: string, range: Range | null) {
  return useQuery({
    queryKey: reportKeys.member(memberId, range ?? { from: '', to: '' }),
    queryFn: ({ signal }) =>
      api<MemberAttendanceStats>(`/members/${encodeURIComponent(memberId)}/attendance-stats`, {
        signal,
        query: { from: range!.from, to: range!.to },
      }),
    enabled: range !== null,
    placeholderData: keepPreviousData,
  });
}
