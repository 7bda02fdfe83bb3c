// The reference checklist: the API contract's types (type-only imports of the server's zod
// schemas), query keys, the queries the screens share and what a change invalidates.
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import { queryRoots } from '../../lib/queryKeys.js';
import type {
  AddChecklistItemBody,
  ChecklistAction,
  ChecklistGroup,
  ChecklistItem,
  ChecklistItemHistory,
  ChecklistResponse,
  ChecklistVersionsResponse,
  UpdateChecklistItemBody,
} from '../../../features/checklist/schemas.js';

export type {
  AddChecklistItemBody,
  ChecklistAction,
  ChecklistGroup,
  ChecklistItem,
  ChecklistItemHistory,
  ChecklistResponse,
  ChecklistVersionsResponse,
  UpdateChecklistItemBody,
};

/** Query keys, all under ['checklist']. */
export const checklistKeys = {
  all: queryRoots.checklist,
  version: (unitId: string | null, versionId: string | null) => [...queryRoots.checklist, 'version', unitId, versionId] as const,
  versions: (unitId: string) => [...queryRoots.checklist, 'versions', unitId] as const,
  history: (itemId: string) => [...queryRoots.checklist, 'history', itemId] as const,
};

export const checklistItemPath = (id: string, rest = '') => `/reference/checklist-items/${encodeURIComponent(id)}${rest}`;

/** A checklist version: the caller's own (or a unit's) current one, or a given earlier one. */
export function useChecklist(unitId: string | null, versionId: string | null = null, enabled = true) {
  return useQuery({
    queryKey: checklistKeys.version(unitId, versionId),
    queryFn: ({ signal }) =>
      api<ChecklistResponse>('/reference/manifestations', { signal, query: { unitId: unitId ?? undefined, versionId: versionId ?? undefined } }),
    placeholderData: keepPreviousData,
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

/** After the checklist changed: keep the caller's fresh current version and mark the rest stale. */
export function useChecklistChanged(): (c: ChecklistResponse) => void {
  const queryClient = useQueryClient();
  return (c) => {
    queryClient.setQueryData(checklistKeys.version(null, null), c);
    void queryClient.invalidateQueries({
      queryKey: checklistKeys.all,
      predicate: (q) => !(q.queryKey[1] === 'version' && q.queryKey[2] === null && q.queryKey[3] === null),
    });
  };
}
