// The inspection rules (QĐ 296) as reference data: the API contract's types (type-only imports of
// the server's zod schemas), query keys, the queries the page uses and what a change invalidates.
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import { queryRoots } from '../../lib/queryKeys.js';
import type {
  AddHolidayYearBody,
  InspectionKindRuleView,
  InspectionRulesResponse,
  InspectionRuleVersionsResponse,
  UpdateInspectionRuleBody,
} from '../../../features/inspection-rules/schemas.js';

export type { AddHolidayYearBody, InspectionKindRuleView, InspectionRulesResponse, InspectionRuleVersionsResponse, UpdateInspectionRuleBody };
export type HolidayYearView = InspectionRulesResponse['holidays'][number];
export type DisciplineFormView = InspectionRulesResponse['disciplineForms'][number];
export type StepRuleView = InspectionRulesResponse['steps'][number];
/** Any one rule of the set: each has its provenance and may be confirmed. */
export type RuleView = InspectionKindRuleView | StepRuleView | DisciplineFormView | HolidayYearView;

/** Query keys, all under ['inspectionrules']. */
export const inspectionRuleKeys = {
  all: queryRoots.inspectionRules,
  version: (versionId: string | null) => [...queryRoots.inspectionRules, 'version', versionId] as const,
  versions: (unitId: string) => [...queryRoots.inspectionRules, 'versions', unitId] as const,
};

export const RULES_PATH = '/reference/inspection-rules';
export const ruleItemPath = (id: string, rest = '') => `${RULES_PATH}/items/${encodeURIComponent(id)}${rest}`;

/** The rules in effect for the caller (kept by their committee), or an earlier version. */
export function useInspectionRules(versionId: string | null) {
  return useQuery({
    queryKey: inspectionRuleKeys.version(versionId),
    queryFn: ({ signal }) => api<InspectionRulesResponse>(RULES_PATH, { signal, query: { versionId: versionId ?? undefined } }),
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
}

export function useInspectionRuleVersions(unitId: string) {
  return useQuery({
    queryKey: inspectionRuleKeys.versions(unitId),
    queryFn: ({ signal }) => api<InspectionRuleVersionsResponse>(`${RULES_PATH}/versions`, { signal, query: { unitId } }),
  });
}

/** After the rules changed: keep the caller's fresh current version and mark the rest stale. */
export function useInspectionRulesChanged(): (r: InspectionRulesResponse) => void {
  const queryClient = useQueryClient();
  return (r) => {
    queryClient.setQueryData(inspectionRuleKeys.version(null), r);
    void queryClient.invalidateQueries({
      queryKey: inspectionRuleKeys.all,
      predicate: (q) => !(q.queryKey[1] === 'version' && q.queryKey[2] === null),
    });
  };
}
