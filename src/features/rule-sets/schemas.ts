import { z } from 'zod';
import { id } from '../../shared/schemas.js';

/** Provenance and confirmation, as every item of a versioned rule set shows them. */
export const ruleSetItemProvenance = {
  id,
  code: z.string(),
  name: z.string(),
  source: z.string().nullable(),
  /** False until the committee compared it with the official text; the UI says so, and warns rather than blocks. */
  confirmed: z.boolean(),
  confirmedAt: z.string().nullable(),
  confirmedByName: z.string().nullable(),
};

/** The head of one version of a set, as its page shows it. */
export const ruleSetVersionHead = {
  versionId: id,
  unitId: id,
  unitName: z.string(),
  version: z.number().int(),
  source: z.string(),
  note: z.string(),
  createdAt: z.string(),
  current: z.boolean(),
  /** How many of its items nobody has confirmed yet. */
  unconfirmed: z.number().int(),
  actions: z.array(z.enum(['edit', 'confirm'])),
};

export const ruleSetVersionsResponse = z.object({
  unitId: id,
  items: z.array(z.object({ id, version: z.number().int(), note: z.string(), createdAt: z.string(), createdByName: z.string().nullable(), retiredAt: z.string().nullable(), unconfirmed: z.number().int() })),
});
export type RuleSetVersionsResponse = z.infer<typeof ruleSetVersionsResponse>;

export const ruleSetQuery = z.strictObject({
  /** The unit whose rules are wanted (the nearest unit above that keeps them); defaults to the caller's own. */
  unitId: id.optional(),
  versionId: id.optional(),
});

export const confirmRuleSetItemBody = z.strictObject({ note: z.string().trim().max(500).nullable().optional() });
export const ruleSetItemParams = z.strictObject({ id });
