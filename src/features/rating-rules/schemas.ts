import { z } from 'zod';
import { ruleSetItemProvenance as provenance, ruleSetVersionHead, ruleSetVersionsResponse, ruleSetQuery, confirmRuleSetItemBody, ruleSetItemParams } from '../rule-sets/schemas.js';

const text = (max: number) => z.string().trim().max(max);
const subject = z.enum(['individual', 'collective']);

/** A level's conditions for one kind of subject. */
export const levelConditions = z.object({
  allTasksDone: z.boolean(),
  allTasksOnTime: z.boolean(),
  /** Least share (0..1) of tasks done beyond what was asked, or none. */
  minExceededShare: z.number().nullable(),
  /** Most share (0..1) of tasks late, or none. */
  maxLateShare: z.number().nullable(),
  shortcomingsFixed: z.boolean(),
});

export const ratingRulesResponse = z.object({
  ...ruleSetVersionHead,
  /** The 100-point framework: groups of criteria, each with its maximum (a criterion's null: bounded by its group). */
  framework: z.object({
    ...provenance,
    scoreMax: z.number(),
    criterionNote: z.string(),
    groups: z.array(z.object({ code: z.string(), name: z.string(), max: z.number(), criteria: z.array(z.object({ code: z.string(), name: z.string(), max: z.number().nullable() })) })),
  }),
  /** Best first. */
  levels: z.array(z.object({ ...provenance, minScore: z.number(), conditions: z.array(z.string()), individual: levelConditions, collective: levelConditions })),
  triggers: z.array(z.object({ ...provenance, capsAt: z.string(), appliesTo: z.array(subject), detect: z.enum(['discipline', 'leadership_discipline']).nullable() })),
  forms: z.array(z.object({ ...provenance, for: z.string(), subject, leadership: z.boolean() })),
  sections: z.array(z.object(provenance)),
  quota: z.object({ ...provenance, percentOfGood: z.number(), rule: z.string(), scope: z.string(), override: z.string() }),
  vote: z.object({ ...provenance, majority: z.number(), cumulative: z.boolean(), denominator: z.string(), text: z.string(), rule: z.string() }),
  reviewSteps: z.array(z.object(provenance)),
});
export type RatingRulesResponse = z.infer<typeof ratingRulesResponse>;

export const ratingRulesQuery = ruleSetQuery;
export const ratingRuleVersionsResponse = ruleSetVersionsResponse;
export type RatingRuleVersionsResponse = z.infer<typeof ratingRuleVersionsResponse>;

const share = z.number().min(0).max(1);
const points = z.number().min(0).max(1000);
const code = z.string().max(40);

/**
 * What a province may change, each a new version in which the item is unconfirmed again. Only
 * the fields of the item's type may be given: a level's min score and its thresholds per
 * subject; the framework's group and criterion maxima; the quota's percentage; the vote's
 * majority and whether votes add up; a trigger's cap.
 */
export const updateRatingRuleBody = z.strictObject({
  name: text(300).min(1).optional(),
  source: text(1000).min(1).optional(),
  minScore: points.optional(),
  individual: z.strictObject({ minExceededShare: share.nullable().optional(), maxLateShare: share.nullable().optional() }).optional(),
  collective: z.strictObject({ minExceededShare: share.nullable().optional(), maxLateShare: share.nullable().optional() }).optional(),
  groupMax: z.record(code, points.positive()).optional(),
  criterionMax: z.record(code, points.nullable()).optional(),
  percentOfGood: z.number().min(0).max(100).optional(),
  /** The share of the denominator a level's votes must exceed: at least a half, less than all. */
  majority: z.number().min(0.5).lt(1).optional(),
  cumulative: z.boolean().optional(),
  capsAt: code.optional(),
  note: text(500).min(1),
});
export type UpdateRatingRuleBody = z.infer<typeof updateRatingRuleBody>;

export const confirmRatingRuleBody = confirmRuleSetItemBody;
export const ratingRuleParams = ruleSetItemParams;
