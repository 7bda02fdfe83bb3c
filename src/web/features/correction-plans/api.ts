// Correction plans: the API contract's types (type-only imports of the server's zod schemas),
// query keys, the plan query and what a change invalidates.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import { queryRoots, selfExamAreaChanged } from '../../lib/queryKeys.js';
import type {
  AddPlanItemBody,
  PlanDetail,
  PlanItem,
  PlanItemAction,
  PlanItemProgressBody,
} from '../../../features/correction-plans/schemas.js';
import type { PlanItemSource, PlanItemStatus } from '../../../shared/enums.js';

export type { AddPlanItemBody, PlanDetail, PlanItem, PlanItemAction, PlanItemProgressBody, PlanItemSource, PlanItemStatus };

/** Query keys, under the self-examination area's root (the member's page and the boards show plans). */
export const planKeys = {
  detail: (id: string) => [...queryRoots.selfExam, 'plan', id] as const,
};

export const planPath = (id: string, rest = '') => `/correction-plans/${encodeURIComponent(id)}${rest}`;

export function usePlan(id: string) {
  return useQuery({
    queryKey: planKeys.detail(id),
    queryFn: ({ signal }) => api<PlanDetail>(planPath(id), { signal }),
  });
}

/** After a plan changed: keep the server's fresh copy, and mark the rest of the area and "Việc của tôi" stale. */
export function usePlanChanged(): (plan: PlanDetail) => void {
  const queryClient = useQueryClient();
  return (plan) => {
    queryClient.setQueryData(planKeys.detail(plan.id), plan);
    selfExamAreaChanged(queryClient, planKeys.detail(plan.id));
  };
}
