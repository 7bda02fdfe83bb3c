import { z } from 'zod';
import { id, isoDate } from '../../shared/schemas.js';
import { planItemSources, planItemStatuses } from '../../shared/enums.js';

const text = (max: number) => z.string().trim().max(max);

export const planItemActions = ['progress', 'claim', 'verify'] as const;
export type PlanItemAction = (typeof planItemActions)[number];

/** One line of a correction plan: shortcoming → action → deadline → how success is judged. */
export const planItem = z.object({
  id,
  planId: id,
  memberId: id,
  memberName: z.string(),
  position: z.number().int(),
  shortcoming: z.string(),
  action: z.string(),
  deadline: isoDate,
  successCriteria: z.string(),
  sourceKind: z.enum(planItemSources),
  sourceSelfExaminationId: id.nullable(),
  sourceFeedbackId: id.nullable(),
  status: z.enum(planItemStatuses),
  /** Not fixed and past its deadline. */
  overdue: z.boolean(),
  /** For a fixed item: reported fixed by the deadline. */
  fixedOnTime: z.boolean().nullable(),
  claimedOn: isoDate.nullable(),
  verifiedOn: isoDate.nullable(),
  verifiedByName: z.string().nullable(),
  verificationComment: z.string().nullable(),
  createdAt: z.string(),
  progress: z.array(z.object({ id, kind: z.enum(['note', 'claimed', 'fixed', 'returned']), note: z.string(), authorName: z.string(), createdAt: z.string() })),
  actions: z.array(z.enum(planItemActions)),
});
export type PlanItem = z.infer<typeof planItem>;

/** A correction-plan item the member has to act on, for "Việc của tôi". */
export const planItemForWork = z.object({
  id,
  planId: id,
  year: z.number().int(),
  shortcoming: z.string(),
  deadline: isoDate,
  status: z.enum(planItemStatuses),
  overdue: z.boolean(),
});
export type PlanItemForWork = z.infer<typeof planItemForWork>;

export const planCounts = z.object({
  total: z.number().int(),
  open: z.number().int(),
  claimed: z.number().int(),
  fixed: z.number().int(),
  fixedOnTime: z.number().int(),
  overdue: z.number().int(),
});
export type PlanCounts = z.infer<typeof planCounts>;

/** Kế hoạch tự sửa — a member's correction plan of a year. */
export const planDetail = z.object({
  id,
  memberId: id,
  memberName: z.string(),
  unitId: id,
  year: z.number().int(),
  today: isoDate,
  counts: planCounts,
  items: z.array(planItem),
  /** `add`: the member adds their own items. */
  actions: z.array(z.enum(['add'])),
});
export type PlanDetail = z.infer<typeof planDetail>;

export const createPlanBody = z.strictObject({ year: z.number().int().min(2000).max(2100) });

/** The fields a member writes for an item (shared by the self-examination's proposed corrections and feedback's acceptance). */
export const planItemContent = {
  shortcoming: text(2000).min(1),
  action: text(2000).min(1),
  deadline: isoDate,
  successCriteria: text(1000).min(1),
};

export const addPlanItemBody = z.strictObject({
  ...planItemContent,
  /** The self-examination this item answers, when it is added by hand after submitting. */
  sourceSelfExaminationId: id.optional(),
});
export type AddPlanItemBody = z.infer<typeof addPlanItemBody>;

export const planItemProgressBody = z.strictObject({
  note: text(2000).min(1),
  /** The member reports the shortcoming fixed: the cell committee then verifies it. */
  claimFixed: z.boolean().default(false),
});
export type PlanItemProgressBody = z.infer<typeof planItemProgressBody>;

export const verifyPlanItemBody = z.strictObject({
  decision: z.enum(['fixed', 'returned']),
  /** Required when returning the item. */
  comment: text(2000).optional(),
});
export type VerifyPlanItemBody = z.infer<typeof verifyPlanItemBody>;

export const planParams = z.strictObject({ id });
export const planItemParams = z.strictObject({ id, itemId: id });
