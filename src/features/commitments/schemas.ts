import { z } from 'zod';
import { id, isoDate } from '../../shared/schemas.js';
import { commitmentDirections, commitmentKinds, commitmentResults, commitmentSections, commitmentSubjects } from '../../shared/enums.js';

const text = (max: number) => z.string().trim().max(max);
const year = z.coerce.number().int().min(2000).max(2100);

export const commitmentActions = ['edit', 'progress', 'confirm', 'evaluate', 'delete'] as const;
export type CommitmentAction = (typeof commitmentActions)[number];

/** Chỉ tiêu cam kết — one line of a member's or a cell's yearly pledge. */
export const commitmentSummary = z.object({
  id,
  /** The member's cell, or the committing unit itself. */
  unitId: id,
  subjectKind: z.enum(commitmentSubjects),
  memberId: id.nullable(),
  /** The member's full name or the unit's name. */
  subjectName: z.string(),
  year: z.number().int(),
  section: z.enum(commitmentSections),
  position: z.number().int(),
  kind: z.enum(commitmentKinds),
  /** The indicator (measurable) or the pledge (qualitative). */
  title: z.string(),
  targetValue: z.number().nullable(),
  measureUnit: z.string().nullable(),
  direction: z.enum(commitmentDirections).nullable(),
  actualValue: z.number().nullable(),
  evidence: z.string().nullable(),
  /** Percent of the target reached so far (measurable with an actual value), one decimal. */
  percent: z.number().nullable(),
  confirmedAt: z.string().nullable(),
  confirmedByName: z.string().nullable(),
  result: z.enum(commitmentResults).nullable(),
  resultPercent: z.number().nullable(),
  evaluationNote: z.string().nullable(),
  earlyEvaluationReason: z.string().nullable(),
  evaluatedAt: z.string().nullable(),
  actions: z.array(z.enum(commitmentActions)),
});
export type CommitmentSummary = z.infer<typeof commitmentSummary>;

export const commitmentDetail = commitmentSummary.extend({
  progress: z.array(z.object({ id, note: z.string(), value: z.number().nullable(), authorName: z.string(), createdAt: z.string() })),
  /** Tasks created from this commitment. */
  taskIds: z.array(id),
});
export type CommitmentDetail = z.infer<typeof commitmentDetail>;

/** The editable content of a commitment (measurable needs target, unit and direction). */
const commitmentContent = {
  section: z.enum(commitmentSections),
  kind: z.enum(commitmentKinds),
  title: text(500).min(1),
  targetValue: z.number().finite().min(0).max(1e12).nullable().optional(),
  measureUnit: text(50).nullable().optional(),
  direction: z.enum(commitmentDirections).nullable().optional(),
  evidence: text(2000).nullable().optional(),
};

export const createCommitmentBody = z.strictObject({
  subjectKind: z.enum(commitmentSubjects),
  /** For a member's commitment: whose (defaults to the caller's own member record). */
  memberId: id.optional(),
  /** For a unit's commitment: which unit (a cell). */
  unitId: id.optional(),
  year,
  ...commitmentContent,
});
export type CreateCommitmentBody = z.infer<typeof createCommitmentBody>;

/** Editing is possible until the commitment is confirmed. */
export const updateCommitmentBody = z.strictObject({
  section: commitmentContent.section.optional(),
  kind: commitmentContent.kind.optional(),
  title: commitmentContent.title.optional(),
  targetValue: commitmentContent.targetValue,
  measureUnit: commitmentContent.measureUnit,
  direction: commitmentContent.direction,
  evidence: commitmentContent.evidence,
});
export type UpdateCommitmentBody = z.infer<typeof updateCommitmentBody>;

export const confirmCommitmentsBody = z.strictObject({ ids: z.array(id).min(1).max(500) });
/** The confirmed lines as they are now; `confirmed` counts those this request confirmed (others were already). */
export const confirmCommitmentsResponse = z.object({ confirmed: z.number().int(), items: z.array(commitmentSummary) });
export type ConfirmCommitmentsResponse = z.infer<typeof confirmCommitmentsResponse>;

export const commitmentProgressBody = z.strictObject({
  note: text(2000).min(1),
  /** The measurable indicator's value so far (becomes the actual value). */
  value: z.number().finite().min(0).max(1e12).nullable().optional(),
  evidence: text(2000).nullable().optional(),
});
export type CommitmentProgressBody = z.infer<typeof commitmentProgressBody>;

export const evaluateCommitmentBody = z.strictObject({
  /** Qualitative: the evaluator's judgement. Measurable: follows from the actual value. */
  result: z.enum(commitmentResults).optional(),
  actualValue: z.number().finite().min(0).max(1e12).nullable().optional(),
  note: text(2000).nullable().optional(),
  /** Required when evaluating before the year has ended. */
  earlyReason: text(1000).nullable().optional(),
});
export type EvaluateCommitmentBody = z.infer<typeof evaluateCommitmentBody>;

/** The year's figures of a set of commitments (the boards and the commitments page). */
export const commitmentCounts = z.object({
  total: z.number().int(),
  confirmed: z.number().int(),
  evaluated: z.number().int(),
  achieved: z.number().int(),
  exceeded: z.number().int(),
  notAchieved: z.number().int(),
});
export type CommitmentCounts = z.infer<typeof commitmentCounts>;

export const commitmentParams = z.strictObject({ id });
export const commitmentListQuery = z.strictObject({
  year,
  memberId: id.optional(),
  /**
   * `units`: only the units' own pledges (a commune's page: each member's pledge is read on their
   * cell's page, and all of them would be megabytes). `counts` still covers everyone.
   */
  subjects: z.enum(['all', 'units']).default('all'),
});

/** A unit's commitments of a year, grouped by who committed (the cell first, then members by name). */
export const commitmentListResponse = z.object({
  unitId: id,
  unitName: z.string(),
  year: z.number().int(),
  today: isoDate,
  /** Figures of every commitment the caller may read in the unit that year, whatever `subjects` lists. */
  counts: commitmentCounts,
  subjects: z.array(
    z.object({
      subjectKind: z.enum(commitmentSubjects),
      /** Member id or unit id. */
      subjectId: id,
      name: z.string(),
      items: z.array(commitmentSummary),
    }),
  ),
});
export type CommitmentListResponse = z.infer<typeof commitmentListResponse>;

export const commitmentImportBody = z.strictObject({
  year,
  fileName: z.string().trim().min(1).max(200).regex(/\.xlsx$/i),
  contentBase64: z.string().min(1).max(5_000_000).regex(/^[A-Za-z0-9+/=\r\n]+$/),
  dryRun: z.boolean().default(false),
});
export type CommitmentImportBody = z.infer<typeof commitmentImportBody>;

export const commitmentImportResponse = z.object({
  imported: z.boolean(),
  rowsRead: z.number().int(),
  entries: z.array(
    z.object({
      row: z.number().int(),
      subjectKind: z.enum(commitmentSubjects),
      subjectName: z.string(),
      section: z.enum(commitmentSections),
      kind: z.enum(commitmentKinds),
      title: z.string(),
      targetValue: z.number().nullable(),
      measureUnit: z.string().nullable(),
      actualValue: z.number().nullable(),
    }),
  ),
});
export type CommitmentImportResponse = z.infer<typeof commitmentImportResponse>;
