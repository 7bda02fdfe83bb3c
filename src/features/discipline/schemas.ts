import { z } from 'zod';
import { id, isoDate } from '../../shared/schemas.js';
import { inspectionBodies, memberStatuses } from '../../shared/enums.js';

const text = (max: number) => z.string().trim().max(max);
const year = z.coerce.number().int().min(2000).max(2100);

/** Ghi quyết định kỷ luật: the form is a code of the rule set in effect at the member's unit. */
export const createDisciplineBody = z.strictObject({
  memberId: id,
  formCode: text(50).min(1),
  /** The deciding body's unit: the member's cell (for the cell) or a unit above it (the committee, the UBKT). */
  decidingUnitId: id,
  decidingBody: z.enum(inspectionBodies),
  decisionNo: text(50).optional(),
  decidedOn: isoDate,
  effectiveOn: isoDate,
  reason: text(2000).min(1),
  /** The case whose conclusion led to the decision: one of the deciding unit's, about this member. */
  sourceInspectionId: id.optional(),
});
export type CreateDisciplineBody = z.infer<typeof createDisciplineBody>;

/** One decision, as every screen shows it. */
export const disciplineDecision = z.object({
  id,
  memberId: id,
  memberName: z.string(),
  unitId: id,
  unitName: z.string(),
  formCode: z.string(),
  /** The form's name when decided (the rule set may rename it later). */
  formName: z.string(),
  decidingUnitId: id,
  decidingUnitName: z.string(),
  decidingBody: z.enum(inspectionBodies),
  decisionNo: z.string().nullable(),
  decidedOn: isoDate,
  effectiveOn: isoDate,
  reason: z.string(),
  sourceInspectionId: id.nullable(),
  /** The member's status when decided. */
  memberStatus: z.enum(memberStatuses),
  createdAt: z.string(),
});
export type DisciplineDecision = z.infer<typeof disciplineDecision>;

/** A body the viewer may record decisions for, with the forms it may give this member. */
export const disciplineOption = z.object({
  decidingBody: z.enum(inspectionBodies),
  decidingUnitId: id,
  decidingUnitName: z.string(),
  forms: z.array(z.object({ code: z.string(), name: z.string(), confirmed: z.boolean() })),
});
export type DisciplineOption = z.infer<typeof disciplineOption>;

/** Kỷ luật của một đảng viên — newest first, with what the viewer may record. */
export const memberDisciplineResponse = z.object({
  memberId: id,
  memberName: z.string(),
  memberStatus: z.enum(memberStatuses),
  items: z.array(disciplineDecision),
  /** `record`: the viewer may record a decision for this member (through one of `options`). */
  actions: z.array(z.enum(['record'])),
  options: z.array(disciplineOption),
  /** Every form code some option allows: the form offers only these. */
  allowedFormCodes: z.array(z.string()),
});
export type MemberDisciplineResponse = z.infer<typeof memberDisciplineResponse>;

export const disciplineListQuery = z.strictObject({ unitId: id, year });
export const disciplineListResponse = z.object({
  unitId: id,
  year: z.number().int(),
  items: z.array(disciplineDecision),
});
export type DisciplineListResponse = z.infer<typeof disciplineListResponse>;

export const memberDisciplineParams = z.strictObject({ id });
