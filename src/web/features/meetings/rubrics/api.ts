import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client.js';
import type { CreateRubricBody, Rubric } from '../../../../features/meetings/schemas.js';

export type { CreateRubricBody, Rubric };

/** Query keys: invalidate ['rubrics'] after a form is loaded. */
export const rubricKeys = {
  all: ['rubrics'] as const,
  ofUnit: (unitId: string) => ['rubrics', unitId] as const,
};

/** The unit's forms, active and retired, newest first. */
export function useRubrics(unitId: string) {
  return useQuery({
    queryKey: rubricKeys.ofUnit(unitId),
    queryFn: ({ signal }) => api<{ items: Rubric[] }>('/meeting-rubrics', { signal, query: { unitId } }),
    enabled: unitId !== '',
  });
}

export function createRubric(body: CreateRubricBody): Promise<Rubric> {
  return api<Rubric>('/meeting-rubrics', { method: 'POST', body });
}
