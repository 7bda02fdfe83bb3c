import { z } from 'zod';
import { ruleSetVersionHead } from '../rule-sets/schemas.js';
import { id } from '../../shared/schemas.js';
import { checklistLists } from '../../shared/enums.js';

const text = (max: number) => z.string().trim().max(max);

export const checklistActions = ['edit', 'confirm', 'add', 'remove'] as const;
export type ChecklistAction = (typeof checklistActions)[number];

/** One item of a checklist version: a manifestation (NQ 04) or an exemplary point (QĐ 08). */
export const checklistItem = z.object({
  id,
  /** Stable across versions: CT1 … DB9, NG1 …. */
  code: z.string(),
  list: z.enum(checklistLists),
  groupCode: z.string(),
  groupName: z.string(),
  /** Political ideology, "tự diễn biến, tự chuyển hóa": feedback naming it reaches the cell committee and UBKT only. */
  grave: z.boolean(),
  position: z.number().int(),
  title: z.string(),
  /** The full wording; null where no source quotes it yet (the title stands in until the committee enters it). */
  text: z.string().nullable(),
  /** Where the wording came from (provenance of the reference data). */
  textSource: z.string().nullable(),
  /** False until someone on the committee compared it with the official text; the UI says so. */
  confirmed: z.boolean(),
  confirmedAt: z.string().nullable(),
  confirmedByName: z.string().nullable(),
});
export type ChecklistItem = z.infer<typeof checklistItem>;

export const checklistGroup = z.object({
  code: z.string(),
  name: z.string(),
  list: z.enum(checklistLists),
  grave: z.boolean(),
  items: z.array(checklistItem),
});
export type ChecklistGroup = z.infer<typeof checklistGroup>;

/** A whole checklist version: the 27 manifestations in 3 groups of 9, then the exemplary points. */
export const checklistResponse = z.object({
  /** unitId: the committee that keeps it; current: false for an earlier version (kept, because self-examinations made against it point at it). */
  ...ruleSetVersionHead,
  groups: z.array(checklistGroup),
  actions: z.array(z.enum(checklistActions)),
});
export type ChecklistResponse = z.infer<typeof checklistResponse>;

export const checklistQuery = z.strictObject({
  /** The unit whose checklist is wanted (the nearest committee above keeps it); defaults to the caller's own. */
  unitId: id.optional(),
  /** A particular (possibly earlier) version. */
  versionId: id.optional(),
});

export const checklistVersionsResponse = z.object({
  unitId: id,
  items: z.array(
    z.object({
      id,
      version: z.number().int(),
      note: z.string(),
      createdAt: z.string(),
      createdByName: z.string().nullable(),
      retiredAt: z.string().nullable(),
      unconfirmed: z.number().int(),
    }),
  ),
});
export type ChecklistVersionsResponse = z.infer<typeof checklistVersionsResponse>;

/** Every version of one item (by code), newest first. */
export const checklistItemHistory = z.object({
  code: z.string(),
  items: z.array(
    checklistItem.extend({
      versionId: id,
      version: z.number().int(),
      versionNote: z.string(),
      versionCreatedAt: z.string(),
    }),
  ),
});
export type ChecklistItemHistory = z.infer<typeof checklistItemHistory>;

/** Editing an item's wording makes a new version of the checklist; the reason is kept with it. */
export const updateChecklistItemBody = z.strictObject({
  title: text(300).min(1).optional(),
  text: text(3000).min(1).optional(),
  textSource: text(500).nullable().optional(),
  note: text(500).min(1),
});
export type UpdateChecklistItemBody = z.infer<typeof updateChecklistItemBody>;

/** A new exemplary-responsibility point (the 27 manifestations are a fixed list). */
export const addChecklistItemBody = z.strictObject({
  unitId: id,
  title: text(300).min(1),
  text: text(3000).min(1),
  textSource: text(500).nullable().optional(),
  note: text(500).min(1),
});
export type AddChecklistItemBody = z.infer<typeof addChecklistItemBody>;

export const checklistNoteBody = z.strictObject({ note: text(500).min(1) });
export const confirmChecklistItemBody = z.strictObject({ note: text(500).nullable().optional() });

export const checklistItemParams = z.strictObject({ id });
