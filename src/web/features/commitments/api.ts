// Commitments (chỉ tiêu cam kết): the API contract's types (type-only imports of the server's
// zod schemas: no zod in the browser), query keys and the queries the screens share.
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import { queryRoots } from '../../lib/queryKeys.js';
import type {
  CommitmentAction,
  CommitmentDetail,
  CommitmentImportBody,
  CommitmentImportResponse,
  CommitmentListResponse,
  CommitmentProgressBody,
  CommitmentSummary,
  CreateCommitmentBody,
  EvaluateCommitmentBody,
  UpdateCommitmentBody,
} from '../../../features/commitments/schemas.js';
import type {
  CommitmentDirection,
  CommitmentKind,
  CommitmentResult,
  CommitmentSection,
  CommitmentSubject,
} from '../../../shared/enums.js';

export type {
  CommitmentAction,
  CommitmentDetail,
  CommitmentDirection,
  CommitmentImportBody,
  CommitmentImportResponse,
  CommitmentKind,
  CommitmentListResponse,
  CommitmentProgressBody,
  CommitmentResult,
  CommitmentSection,
  CommitmentSubject,
  CommitmentSummary,
  CreateCommitmentBody,
  EvaluateCommitmentBody,
  UpdateCommitmentBody,
};
export type CommitmentSubjectGroup = CommitmentListResponse['subjects'][number];

/** Plain lists (no zod) the forms offer: the very values the server validates against. */
export {
  commitmentDirections as COMMITMENT_DIRECTIONS,
  commitmentKinds as COMMITMENT_KINDS,
  commitmentResults as COMMITMENT_RESULTS,
  commitmentSections as COMMITMENT_SECTIONS,
} from '../../../shared/enums.js';

/**
 * Query keys: commitments under ['commitments']. A change also marks ['tasks'] stale (boards,
 * "My work" and task pages count them).
 */
export const commitmentKeys = {
  all: queryRoots.commitments,
  list: (unitId: string, year: number) => [...queryRoots.commitments, 'list', unitId, year] as const,
  detail: (id: string) => [...queryRoots.commitments, 'detail', id] as const,
};

export const unitPath = (unitId: string, rest = '') => `/units/${encodeURIComponent(unitId)}${rest}`;
export const commitmentPath = (id: string, rest = '') => `/commitments/${encodeURIComponent(id)}${rest}`;

/** `units`: only the units' own pledges (above the cells); the figures still count everyone. */
export function useCommitments(unitId: string, year: number, subjects: 'all' | 'units' = 'all') {
  return useQuery({
    queryKey: [...commitmentKeys.list(unitId, year), subjects],
    queryFn: ({ signal }) => api<CommitmentListResponse>(unitPath(unitId, '/commitments'), { signal, query: { year, subjects } }),
    placeholderData: keepPreviousData,
  });
}

export function useCommitment(id: string, enabled = true) {
  return useQuery({
    queryKey: commitmentKeys.detail(id),
    queryFn: ({ signal }) => api<CommitmentDetail>(commitmentPath(id), { signal }),
    enabled,
  });
}

/** After any change to commitments: their lists and details, and the task views that count them. */
export function useCommitmentsChanged(): () => Promise<void> {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: commitmentKeys.all }),
      queryClient.invalidateQueries({ queryKey: queryRoots.tasks }),
    ]);
  };
}

/** The full file name of a unit's yearly commitments workbook. */
export const exportHref = (unitId: string, year: number) => `/api${unitPath(unitId, '/commitments.xlsx')}?year=${year}`;
