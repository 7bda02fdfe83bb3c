import { z } from 'zod';
import { id, isoDate } from '../../shared/schemas.js';
import { taskSummary } from '../tasks/schemas.js';

const text = (max: number) => z.string().trim().max(max);

/** Chỉ đạo — a committee's directive as lists show it; counts cover the targets the caller can see. */
export const directiveSummary = z.object({
  id,
  unitId: id,
  unitName: z.string(),
  title: z.string(),
  issuedOn: isoDate,
  deadline: isoDate,
  targets: z.number().int(),
  acknowledged: z.number().int(),
  /** Targets that broke it into at least one task. */
  acted: z.number().int(),
  /** Past its deadline with a target that has not acted. */
  overdue: z.boolean(),
});
export type DirectiveSummary = z.infer<typeof directiveSummary>;

export const directiveTarget = z.object({
  unitId: id,
  unitName: z.string(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedByName: z.string().nullable(),
  note: z.string().nullable(),
  tasks: z.number().int(),
  tasksClosed: z.number().int(),
  /** The caller may acknowledge for this cell (its leaders, not yet acknowledged). */
  canAcknowledge: z.boolean(),
  /** The caller may break it into tasks for this cell. */
  canAssign: z.boolean(),
});

export const directiveDetail = directiveSummary.extend({
  body: z.string(),
  createdByName: z.string().nullable(),
  targetUnits: z.array(directiveTarget),
  tasks: z.array(taskSummary),
});
export type DirectiveDetail = z.infer<typeof directiveDetail>;

export const createDirectiveBody = z.strictObject({
  /** The issuing committee's unit. */
  unitId: id,
  title: text(300).min(1),
  body: text(20_000).min(1),
  issuedOn: isoDate.optional(),
  deadline: isoDate,
  /** Every cell below the issuing unit… */
  allCells: z.boolean().default(false),
  /** …or these. */
  targetUnitIds: z.array(id).max(500).default([]),
});
export type CreateDirectiveBody = z.infer<typeof createDirectiveBody>;

export const acknowledgeBody = z.strictObject({ unitId: id, note: text(1000).nullable().optional() });
export const directiveParams = z.strictObject({ id });
export const directiveListQuery = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100).optional() });
export const directiveListResponse = z.object({ items: z.array(directiveSummary) });
