// Directives (chỉ đạo): the API contract's types (type-only imports of the server's zod schemas:
// no zod in the browser), query keys and the queries the screens share.
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../api/client.js';
import { queryRoots } from '../../lib/queryKeys.js';
import type {
  CreateDirectiveBody,
  DirectiveDetail,
  DirectiveSummary,
  directiveListResponse,
  directiveTarget,
} from '../../../features/directives/schemas.js';
import type { TaskSummary } from '../../../features/tasks/schemas.js';

export type { CreateDirectiveBody, DirectiveDetail, DirectiveSummary, TaskSummary };
export type DirectiveListResponse = z.infer<typeof directiveListResponse>;
export type DirectiveTarget = z.infer<typeof directiveTarget>;

/**
 * Query keys: directives under ['directives']. A change also marks ['tasks'] stale (boards,
 * "My work" and task pages count them).
 */
export const directiveKeys = {
  all: queryRoots.directives,
  list: (unitId: string, year: number) => [...queryRoots.directives, 'list', unitId, year] as const,
  detail: (id: string) => [...queryRoots.directives, 'detail', id] as const,
};

const unitPath = (unitId: string, rest = '') => `/units/${encodeURIComponent(unitId)}${rest}`;
export const directivePath = (id: string, rest = '') => `/directives/${encodeURIComponent(id)}${rest}`;

export function useDirectives(unitId: string, year: number) {
  return useQuery({
    queryKey: directiveKeys.list(unitId, year),
    queryFn: ({ signal }) => api<DirectiveListResponse>(unitPath(unitId, '/directives'), { signal, query: { year } }),
    placeholderData: keepPreviousData,
  });
}

export function useDirective(id: string) {
  return useQuery({
    queryKey: directiveKeys.detail(id),
    queryFn: ({ signal }) => api<DirectiveDetail>(directivePath(id), { signal }),
  });
}

/** After any change to directives: their lists and details, and the task views that count them. */
export function useDirectivesChanged(): () => Promise<void> {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: directiveKeys.all }),
      queryClient.invalidateQueries({ queryKey: queryRoots.tasks }),
    ]);
  };
}
