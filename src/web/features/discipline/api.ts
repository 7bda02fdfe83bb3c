// Discipline records: the API contract's types (type-only imports of the server's zod schemas),
// the member's record query and recording a decision.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type { CreateDisciplineBody, DisciplineDecision, DisciplineOption, MemberDisciplineResponse } from '../../../features/discipline/schemas.js';

export type { CreateDisciplineBody, DisciplineDecision, DisciplineOption, MemberDisciplineResponse };

export const disciplineKeys = {
  member: (memberId: string) => ['discipline', 'member', memberId] as const,
};

/** A member's record; a viewer outside its scope gets 403/404 and the page shows no section. */
export function useMemberDiscipline(memberId: string) {
  return useQuery({
    queryKey: disciplineKeys.member(memberId),
    queryFn: ({ signal }) => api<MemberDisciplineResponse>(`/members/${encodeURIComponent(memberId)}/discipline`, { signal }),
  });
}

export function useRecordDiscipline(memberId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateDisciplineBody) => api<DisciplineDecision>('/discipline-decisions', { method: 'POST', body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: disciplineKeys.member(memberId) }),
  });
}
