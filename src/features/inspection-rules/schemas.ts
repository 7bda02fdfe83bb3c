import { z } from 'zod';
import { id, isoDate } from '../../shared/schemas.js';
import { inspectionFamilies, ruleItemTypes, subjectKinds } from '../../shared/enums.js';
import { ruleSetItemProvenance as provenance, ruleSetVersionHead } from '../rule-sets/schemas.js';

const text = (max: number) => z.string().trim().max(max);

export const inspectionKindRule = z.object({
  ...provenance,
  family: z.enum(inspectionFamilies),
  by: z.array(z.string()),
  subjects: z.array(z.enum(subjectKinds)),
  steps: z.array(z.object({ code: z.string(), withinWorkingDays: z.number().int().nullable() })),
  timeLimit: z
    .object({ workingDays: z.number().int(), extensionWorkingDays: z.number().int(), fromStep: z.string(), toStep: z.string(), source: z.string().nullable() })
    .nullable(),
  note: z.string().nullable(),
});
export type InspectionKindRuleView = z.infer<typeof inspectionKindRule>;

export const inspectionStepRule = z.object({ ...provenance, documents: z.array(z.string()) });
export const disciplineFormRule = z.object({
  ...provenance,
  probationaryAllowed: z.boolean(),
  requiresPost: z.boolean(),
  /** The bodies that may decide the form (inspectionBodies), with their source; null: the rule set does not say. */
  decidingBodies: z.array(z.string()).nullable(),
  decidingBodiesSource: z.string().nullable(),
});
export const holidayYearRule = z.object({ ...provenance, year: z.number().int(), daysOff: z.array(isoDate), workingWeekendDays: z.array(isoDate) });

export const inspectionRulesResponse = z.object({
  ...ruleSetVersionHead,
  kinds: z.array(inspectionKindRule),
  steps: z.array(inspectionStepRule),
  disciplineForms: z.array(disciplineFormRule),
  holidays: z.array(holidayYearRule),
  disciplineNotes: z.array(z.string()),
});
export type InspectionRulesResponse = z.infer<typeof inspectionRulesResponse>;

export const inspectionRulesQuery = z.strictObject({
  /** The unit whose rules are wanted (the nearest committee above keeps them); defaults to the caller's own. */
  unitId: id.optional(),
  versionId: id.optional(),
});

export const inspectionRuleVersionsResponse = z.object({
  unitId: id,
  items: z.array(z.object({ id, version: z.number().int(), note: z.string(), createdAt: z.string(), createdByName: z.string().nullable(), retiredAt: z.string().nullable(), unconfirmed: z.number().int() })),
});
export type InspectionRuleVersionsResponse = z.infer<typeof inspectionRuleVersionsResponse>;

/**
 * Editing one rule makes a new version in which it is unconfirmed again; cases opened under the
 * old version keep it. Only the fields of the item's type may be given.
 */
export const updateInspectionRuleBody = z.strictObject({
  name: text(300).min(1).optional(),
  source: text(1000).nullable().optional(),
  /** A kind: the working days each step may take (by step code) and its overall limit. */
  stepDays: z.record(z.string().max(40), z.number().int().min(0).max(365).nullable()).optional(),
  limitWorkingDays: z.number().int().min(1).max(365).nullable().optional(),
  extensionWorkingDays: z.number().int().min(0).max(365).optional(),
  /** A discipline form. */
  probationaryAllowed: z.boolean().optional(),
  /** A year's public holidays. */
  daysOff: z.array(isoDate).max(60).optional(),
  workingWeekendDays: z.array(isoDate).max(20).optional(),
  note: text(500).min(1),
});
export type UpdateInspectionRuleBody = z.infer<typeof updateInspectionRuleBody>;

/** A year's holidays not in the rules yet. */
export const addHolidayYearBody = z.strictObject({
  unitId: id,
  year: z.number().int().min(2000).max(2100),
  daysOff: z.array(isoDate).max(60),
  workingWeekendDays: z.array(isoDate).max(20).default([]),
  source: text(1000).min(1),
  note: text(500).min(1),
});
export type AddHolidayYearBody = z.infer<typeof addHolidayYearBody>;

export const confirmInspectionRuleBody = z.strictObject({ note: text(500).nullable().optional() });
export const inspectionRuleParams = z.strictObject({ id });
export { ruleItemTypes };
