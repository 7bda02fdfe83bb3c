// The rating rules (QĐ 366) as reference data: the API contract's types (type-only imports of the
// server's zod schemas), query keys, the queries the page uses and what a change invalidates.
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import { queryRoots } from '../../lib/queryKeys.js';
import type { RatingRulesResponse, RatingRuleVersionsResponse, UpdateRatingRuleBody } from '../../../features/rating-rules/schemas.js';

export type { RatingRulesResponse, RatingRuleVersionsResponse, UpdateRatingRuleBody };
export type LevelView = RatingRulesResponse['levels'][number];
export type TriggerView = RatingRulesResponse['triggers'][number];
export type FrameworkView = RatingRulesResponse['framework'];
export type QuotaView = RatingRulesResponse['quota'];
export type VoteView = RatingRulesResponse['vote'];
/** Any one rule of the set: each has its provenance and may be confirmed. */
export type RatingRuleView = Pick<LevelView, 'id' | 'code' | 'name' | 'source' | 'confirmed' | 'confirmedAt' | 'confirmedByName'>;

/** Query keys, all under ['ratingrules']. */
export const ratingRuleKeys = {
  all: queryRoots.ratingRules,
  version: (versionId: string | null) => [...queryRoots.ratingRules, 'version', versionId] as const,
  versions: (unitId: string) => [...queryRoots.ratingRules, 'versions', unitId] as const,
};

export const RATING_RULES_PATH = '/reference/rating-rules';
export const ratingRuleItemPath = (id: string, rest = '') => `${RATING_RULES_PATH}/items/${encodeURIComponent(id)}${rest}`;

/** The rules in effect for the caller (kept by their committee), or an earlier version. */
export function useRatingRules(versionId: string | null) {
  return useQuery({
    queryKey: ratingRuleKeys.version(versionId),
    queryFn: ({ signal }) => api<RatingRulesResponse>(RATING_RULES_PATH, { signal, query: { versionId: versionId ?? undefined } }),
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
}

export function useRatingRuleVersions(unitId: string) {
  return useQuery({
    queryKey: ratingRuleKeys.versions(unitId),
    queryFn: ({ signal }) => api<RatingRuleVersionsResponse>(`${RATING_RULES_PATH}/versions`, { signal, query: { unitId } }),
  });
}

/** After the rules changed: keep the caller's fresh current version and mark the rest stale. */
export function useRatingRulesChanged(): (r: RatingRulesResponse) => void {
  const queryClient = useQueryClient();
  return (r) => {
    queryClient.setQueryData(ratingRuleKeys.version(null), r);
    void queryClient.invalidateQueries({
      queryKey: ratingRuleKeys.all,
      predicate: (q) => !(q.queryKey[1] === 'version' && q.queryKey[2] === null),
    });
  };
}
