import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from './client.js';
import type {
  AccountListResponse,
  AuditListResponse,
  MemberDetail,
  MemberListResponse,
  MemberStatus,
  UnitDetail,
  UnitTreeResponse,
} from './types.js';

export interface MemberListParams {
  q: string;
  status: MemberStatus | '';
  page: number;
  pageSize: number;
}

export interface AccountListParams {
  q: string;
  page: number;
  pageSize: number;
}

/**
 * Query keys: invalidate ['units'] after any unit or member change, ['members', id], ['audit'],
 * ['accounts'] after any account change.
 */
export const keys = {
  accounts: (p: AccountListParams) => ['accounts', p] as const,
  unitTree: ['units', 'tree'] as const,
  unit: (id: string) => ['units', 'detail', id] as const,
  unitMembers: (id: string, p: MemberListParams) => ['units', 'members', id, p] as const,
  member: (id: string) => ['members', id] as const,
  audit: (recordType: string, recordId: string, page: number) => ['audit', recordType, recordId, page] as const,
};

export function useUnitTree() {
  return useQuery({
    queryKey: keys.unitTree,
    queryFn: ({ signal }) => api<UnitTreeResponse>('/units', { signal }),
  });
}

export function useUnit(id: string) {
  return useQuery({
    queryKey: keys.unit(id),
    queryFn: ({ signal }) => api<UnitDetail>(`/units/${encodeURIComponent(id)}`, { signal }),
  });
}

export function useUnitMembers(id: string, params: MemberListParams, enabled = true) {
  return useQuery({
    queryKey: keys.unitMembers(id, params),
    queryFn: ({ signal }) =>
      api<MemberListResponse>(`/units/${encodeURIComponent(id)}/members`, {
        signal,
        query: { q: params.q, status: params.status, page: params.page, pageSize: params.pageSize },
      }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useMember(id: string) {
  return useQuery({
    queryKey: keys.member(id),
    queryFn: ({ signal }) => api<MemberDetail>(`/members/${encodeURIComponent(id)}`, { signal }),
  });
}

/** Records whose history the web app shows. */
export type AuditRecordType = 'unit' | 'member' | 'account' | 'meeting' | 'task' | 'directive' | 'commitment';

export function useAudit(recordType: AuditRecordType, recordId: string, page: number, pageSize = 10) {
  return useQuery({
    queryKey: keys.audit(recordType, recordId, page),
    queryFn: ({ signal }) =>
      api<AuditListResponse>('/audit', { signal, query: { recordType, recordId, page, pageSize } }),
    placeholderData: keepPreviousData,
  });
}

export function useAccounts(params: AccountListParams, enabled = true) {
  return useQuery({
    queryKey: keys.accounts(params),
    queryFn: ({ signal }) =>
      api<AccountListResponse>('/accounts', {
        signal,
        query: { q: params.q, page: params.page, pageSize: params.pageSize },
      }),
    placeholderData: keepPreviousData,
    enabled,
  });
}
