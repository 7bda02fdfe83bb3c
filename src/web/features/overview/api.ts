// Tổng quan: the API contract's types (type-only imports of the server's zod schemas) and the query.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import { queryRoots } from '../../lib/queryKeys.js';
import type { OverviewFigure, OverviewResponse } from '../../../features/overview/schemas.js';

export type { OverviewFigure, OverviewResponse };
export type GridRow = OverviewResponse['grid']['rows'][number];
export type RankingRow = OverviewResponse['ranking'][number];

/** A unit's overview for [from, to] (the server's default month when both are null). */
export function useOverview(unitId: string | null, period: { from: string; to: string } | null) {
  const query = period ? `?from=${period.from}&to=${period.to}` : '';
  return useQuery({
    // Under the reports' root: any change that moves a report's figures marks the overview stale too.
    queryKey: [...queryRoots.reports, 'overview', unitId, period?.from ?? null, period?.to ?? null],
    queryFn: () => api<OverviewResponse>(`/units/${unitId}/overview${query}`),
    enabled: unitId !== null,
    placeholderData: keepPreviousData,
  });
}
