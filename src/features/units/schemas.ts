import { z } from 'zod';
import { id } from '../../shared/schemas.js';

import { unitKinds, type UnitKind } from '../../shared/enums.js';

export { unitKinds, type UnitKind };
export const unitKind = z.enum(unitKinds);

export const unitSummary = z.object({
  id,
  parentId: id.nullable(),
  kind: unitKind,
  name: z.string(),
  code: z.string().nullable(),
  archived: z.boolean(),
  memberCount: z.number().int(),
});
export type UnitSummary = z.infer<typeof unitSummary>;

/**
 * Recursive, so the OpenAPI document can only describe it by reference: the id registers it in
 * zod's global registry, which the server's swagger setup emits as `#/components/schemas/UnitTreeNode`.
 */
export const unitTreeNode: z.ZodType<UnitTreeNode> = z
  .lazy(() => unitSummary.extend({ children: z.array(unitTreeNode) }))
  .meta({ id: 'UnitTreeNode' });
export interface UnitTreeNode extends UnitSummary {
  children: UnitTreeNode[];
}

export const unitDetail = unitSummary.extend({
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  /** The village (thôn, tổ dân phố) a cell stands for: citizens pick it on the public form. */
  villageName: z.string().nullable(),
  /** Ancestors from the root of the caller's scope down to the parent, for breadcrumbs. */
  ancestors: z.array(z.object({ id, name: z.string(), kind: unitKind })),
  children: z.array(unitSummary),
  allowedActions: z.array(z.string()),
});
export type UnitDetail = z.infer<typeof unitDetail>;

export const unitTreeResponse = z.object({ roots: z.array(unitTreeNode) });

const name = z.string().trim().min(2).max(200);
const phone = z.string().trim().regex(/^[0-9+ .()-]{6,20}$/);

export const createUnitBody = z.strictObject({
  parentId: id,
  kind: unitKind,
  name,
  code: z.string().trim().min(1).max(50).nullable().optional(),
  contactName: z.string().trim().min(2).max(200).nullable().optional(),
  contactPhone: phone.nullable().optional(),
  villageName: z.string().trim().min(2).max(100).nullable().optional(),
});
export type CreateUnitBody = z.infer<typeof createUnitBody>;

export const updateUnitBody = z.strictObject({
  name: name.optional(),
  code: z.string().trim().min(1).max(50).nullable().optional(),
  contactName: z.string().trim().min(2).max(200).nullable().optional(),
  contactPhone: phone.nullable().optional(),
  villageName: z.string().trim().min(2).max(100).nullable().optional(),
});
export type UpdateUnitBody = z.infer<typeof updateUnitBody>;

export const moveUnitBody = z.strictObject({ parentId: id });
export const unitParams = z.strictObject({ id });
