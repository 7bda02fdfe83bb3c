// Directives (chỉ đạo) and commitments (chỉ tiêu cam kết): the API contract's types (type-only
// imports of the server's zod schemas: no zod in the browser), query keys, the queries the
// screens share, and what the caller's roles let the screens offer.
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../api/client.js';
import type { MeResponse, UnitDetail } from '../../api/types.js';
import type {
  CreateDirectiveBody,
  DirectiveDetail,
  DirectiveSummary,
  directiveListResponse,
  directiveTarget,
} from '../../../features/directives/schemas.js';
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
import type { TaskSummary } from '../../../features/tasks/schemas.js';
import type {
  CommitmentDirection,
  CommitmentKind,
  CommitmentResult,
  CommitmentSection,
  CommitmentSubject,
  TaskStatus,
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
  CreateDirectiveBody,
  DirectiveDetail,
  DirectiveSummary,
  EvaluateCommitmentBody,
  TaskStatus,
  TaskSummary,
  UpdateCommitmentBody,
};
export type DirectiveListResponse = z.infer<typeof directiveListResponse>;
export type DirectiveTarget = z.infer<typeof directiveTarget>;
export type CommitmentSubjectGroup = CommitmentListResponse['subjects'][number];

/** Plain lists (no zod) the forms offer: the very values the server validates against. */
export {
  commitmentDirections as COMMITMENT_DIRECTIONS,
  commitmentKinds as COMMITMENT_KINDS,
  commitmentResults as COMMITMENT_RESULTS,
  commitmentSections as COMMITMENT_SECTIONS,
} from '../../../shared/enums.js';

/**
 * Query keys: commitments under ['commitments'], directives under ['directives']. A change to
 * either also marks ['tasks'] stale (boards, "My work" and task pages count them).
 */
export const commitmentKeys = {
  all: ['commitments'] as const,
  list: (unitId: string, year: number) => ['commitments', 'list', unitId, year] as const,
  detail: (id: string) => ['commitments', 'detail', id] as const,
};
export const directiveKeys = {
  all: ['directives'] as const,
  list: (unitId: string, year: number) => ['directives', 'list', unitId, year] as const,
  detail: (id: string) => ['directives', 'detail', id] as const,
};

export const unitPath = (unitId: string, rest = '') => `/units/${encodeURIComponent(unitId)}${rest}`;
export const commitmentPath = (id: string, rest = '') => `/commitments/${encodeURIComponent(id)}${rest}`;
export const directivePath = (id: string, rest = '') => `/directives/${encodeURIComponent(id)}${rest}`;

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

/** After any change to commitments or directives: their lists and details, and the task views that count them. */
export function useWorkChanged(): (area: 'commitments' | 'directives') => Promise<void> {
  const queryClient = useQueryClient();
  return async (area) => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: area === 'commitments' ? commitmentKeys.all : directiveKeys.all }),
      queryClient.invalidateQueries({ queryKey: ['tasks'] }),
    ]);
  };
}

/**
 * Roles that grant these actions (as src/domain/policy.ts grants them). The server decides; the
 * screens only use these to choose what to offer — a form the caller could not submit.
 */
const ROLES = {
  /** commitment.manage: enter and edit the cell's and members' pledges, import them. */
  manage: ['cell_committee', 'cell_secretary', 'party_committee'],
  /** commitment.read: see every pledge of the unit (not only one's own). */
  read: ['cell_committee', 'cell_secretary', 'party_committee', 'inspection'],
  /** directive.issue. */
  issue: ['party_committee'],
  /** A cell's own leaders: they acknowledge what the cell receives and break it into tasks. */
  lead: ['cell_committee', 'cell_secretary'],
} as const;

/** Does the caller hold a role for `what` at this unit or above it (a role covers its subtree)? */
export function holdsAt(me: MeResponse, what: keyof typeof ROLES, unit: Pick<UnitDetail, 'id' | 'ancestors'>): boolean {
  const roles: readonly string[] = ROLES[what];
  return me.roles.some((r) => roles.includes(r.role) && (r.unitId === unit.id || unit.ancestors.some((a) => a.id === r.unitId)));
}

/**
 * Is this one of the cells the caller leads (secretary or committee of that very cell)? A
 * directive page offers "acknowledge" and "assign" there only: the committee above may act for
 * any cell, but those buttons on every row would bury what the page is for.
 */
export function leadsCell(me: MeResponse, unitId: string): boolean {
  const roles: readonly string[] = ROLES.lead;
  return me.roles.some((r) => roles.includes(r.role) && r.unitId === unitId);
}

/** The full file name of a unit's yearly commitments workbook. */
export const exportHref = (unitId: string, year: number) => `/api${unitPath(unitId, '/commitments.xlsx')}?year=${year}`;
