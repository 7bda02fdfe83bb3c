import { z } from 'zod';
import { id, isoDate, pageQuery } from '../../shared/schemas.js';
import { commitmentCounts, type CommitmentCounts } from '../commitments/schemas.js';

export { commitmentCounts, type CommitmentCounts };
import { taskOutcomes, taskPriorities, taskSources, taskStatuses, unitKinds } from '../../shared/enums.js';

const text = (max: number) => z.string().trim().max(max);

/** What one person may do with a task, for the UI to offer only what works. */
export const taskActions = ['report', 'close'] as const;
export type TaskAction = (typeof taskActions)[number];

/** A task as lists show it (the meeting page, "My work", boards). */
export const taskSummary = z.object({
  id,
  /** The assigning unit (a cell, or the commune for the committee's own tasks). */
  unitId: id,
  unitName: z.string(),
  /** Rõ việc. */
  title: z.string(),
  /** Rõ trách nhiệm: what counts as done (null only on tasks recorded before it was required). */
  deliverable: z.string().nullable(),
  /** Rõ người: exactly one of ownerMemberId / ownerUnitId is set. */
  ownerKind: z.enum(['member', 'unit']),
  ownerMemberId: id.nullable(),
  ownerUnitId: id.nullable(),
  ownerName: z.string(),
  /** Rõ thời gian. */
  deadline: isoDate,
  priority: z.enum(taskPriorities),
  status: z.enum(taskStatuses),
  progressPercent: z.number().int(),
  completedOn: isoDate.nullable(),
  closedOn: isoDate.nullable(),
  sourceKind: z.enum(taskSources),
  sourceMeetingId: id.nullable(),
  sourceMeetingDate: isoDate.nullable(),
  sourceDirectiveId: id.nullable(),
  sourceCommitmentId: id.nullable(),
  /** The local issue this task is an action on. */
  sourceLocalIssueId: id.nullable(),
  /** A recommendation of an inspection or supervision case (kiến nghị), followed up as this task. */
  sourceInspectionId: id.nullable(),
  /** Open past its deadline (Vietnam date). */
  overdue: z.boolean(),
  /** Days the cell took to hand it down to a mass organisation (null unless handed down). */
  handDownDelayDays: z.number().int().nullable(),
});
export type TaskSummary = z.infer<typeof taskSummary>;

export const attachmentInfo = z.object({ id, fileName: z.string(), mimeType: z.string(), sizeBytes: z.number().int() });

export const taskProgressEntry = z.object({
  id,
  text: z.string(),
  percent: z.number().int(),
  authorName: z.string(),
  createdAt: z.string(),
  attachment: attachmentInfo.nullable(),
});

export const taskDetail = taskSummary.extend({
  coworkers: z.array(z.object({ memberId: id, fullName: z.string() })),
  /** Hand-down: when the cell received the job and when it passed it on. */
  receivedOn: isoDate.nullable(),
  handedDownOn: isoDate.nullable(),
  /** The owning mass organisation's contact person, for a handed-down task. */
  ownerContact: z.object({ name: z.string().nullable(), phone: z.string().nullable() }).nullable(),
  sourceDirectiveTitle: z.string().nullable(),
  sourceCommitmentTitle: z.string().nullable(),
  closeComment: z.string().nullable(),
  closedByName: z.string().nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  progress: z.array(taskProgressEntry),
  /** The outcomes the close form may offer, given the completion date the owner reported. */
  allowedOutcomes: z.array(z.enum(taskOutcomes)),
  actions: z.array(z.enum(taskActions)),
});
export type TaskDetail = z.infer<typeof taskDetail>;

/**
 * The fields every new task carries, wherever it is created (here or as a meeting's outcome).
 * Title, deliverable, owner and deadline are optional to zod so that the service can say which
 * of "rõ người, rõ việc, rõ trách nhiệm, rõ thời gian" is missing, all at once.
 */
export const taskFields = z.strictObject({
  title: text(300).optional(),
  deliverable: text(1000).optional(),
  ownerMemberId: id.nullable().optional(),
  ownerUnitId: id.nullable().optional(),
  coworkerMemberIds: z.array(id).max(30).default([]),
  deadline: isoDate.nullable().optional(),
  priority: z.enum(taskPriorities).default('normal'),
  /** Hand-down to a mass organisation: when the cell received the job (defaults to the directive's date). */
  receivedOn: isoDate.nullable().optional(),
  /** When it was passed on (defaults to today). */
  handedDownOn: isoDate.nullable().optional(),
});
export type TaskFields = z.infer<typeof taskFields>;

export const createTaskBody = taskFields.extend({
  /** The assigning unit. */
  unitId: id,
  source: z
    .discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('meeting'), meetingId: id }),
      z.strictObject({ kind: z.literal('directive'), directiveId: id }),
      z.strictObject({ kind: z.literal('commitment'), commitmentId: id }),
      z.strictObject({ kind: z.literal('local_issue'), localIssueId: id }),
    ])
    .nullable()
    .optional(),
});
export type CreateTaskBody = z.infer<typeof createTaskBody>;

/** Progress attachments: up to 10 MB of file, sent as base64 in the JSON body. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const progressBody = z.strictObject({
  text: text(2000).min(1),
  percent: z.number().int().min(0).max(100),
  attachment: z
    .strictObject({
      fileName: z.string().trim().min(1).max(200),
      mimeType: z.string().trim().max(100).optional(),
      contentBase64: z
        .string()
        .min(1)
        .max(Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4 + 4)
        .regex(/^[A-Za-z0-9+/=\r\n]+$/),
    })
    .nullable()
    .optional(),
});
export type ProgressBody = z.infer<typeof progressBody>;

export const closeBody = z.strictObject({
  outcome: z.enum(taskOutcomes),
  /** When the work was finished; defaults to the owner's 100% report. Required unless "not done". */
  completedOn: isoDate.nullable().optional(),
  comment: text(2000).min(1),
});
export type CloseBody = z.infer<typeof closeBody>;

export const taskParams = z.strictObject({ id });
export const attachmentParams = z.strictObject({ id, attachmentId: id });

export const taskListQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  /** Only tasks due in the years before this one (with status=overdue: those carried over). */
  beforeYear: z.coerce.number().int().min(2000).max(2100).optional(),
  /** Only tasks due within [from, to] (the overview links its period here). */
  from: isoDate.optional(),
  to: isoDate.optional(),
  /** Only tasks handed down to a unit (all), or handed down a day or more after the cell received them (delayed). */
  handDown: z.enum(['all', 'delayed']).optional(),
  status: z.enum([...taskStatuses, 'overdue', 'closed']).optional(),
  ownerMemberId: id.optional(),
  ownerUnitId: id.optional(),
  page: pageQuery.page,
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type TaskListQuery = z.infer<typeof taskListQuery>;
export const taskListResponse = z.object({
  items: z.array(taskSummary),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type TaskListResponse = z.infer<typeof taskListResponse>;

/** What the new-task form offers for a unit. */
export const taskOptions = z.object({
  unitId: id,
  unitName: z.string(),
  unitKind: z.enum(unitKinds),
  /** Members who may own or share the task: the unit's subtree, active ones. */
  members: z.array(z.object({ id, fullName: z.string(), unitName: z.string() })),
  /** Units that may own it: mass organisations and cells below the unit. */
  units: z.array(z.object({ id, name: z.string(), kind: z.enum(unitKinds), contactName: z.string().nullable() })),
  /** Directives the unit received, to break into tasks. */
  directives: z.array(z.object({ id, title: z.string(), issuedOn: isoDate, deadline: isoDate })),
  /** The unit's recent meetings, newest first. */
  meetings: z.array(z.object({ id, date: isoDate, kind: z.string(), topic: z.string().nullable() })),
});
export type TaskOptions = z.infer<typeof taskOptions>;

export const yearQuery = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100).optional() });

const counts = {
  total: z.number().int(),
  open: z.number().int(),
  overdue: z.number().int(),
  onTime: z.number().int(),
  late: z.number().int(),
  exceeded: z.number().int(),
  notDone: z.number().int(),
  onTimeRate: z.number().nullable(),
  exceededRate: z.number().nullable(),
};
export const taskCountsSchema = z.object(counts);


/**
 * Bảng công việc: a cell's board or the commune view of a year. `cells` has one row per cell in
 * the subtree (and one for the unit itself when it assigns tasks of its own); `owners` one row
 * per owner for a cell.
 */
export const taskBoard = z.object({
  unitId: id,
  unitName: z.string(),
  unitKind: z.enum(unitKinds),
  year: z.number().int(),
  today: isoDate,
  totals: z.object({ ...counts, handDowns: z.number().int(), averageHandDownDelay: z.number().nullable() }),
  commitments: commitmentCounts,
  months: z.array(z.object({ month: z.number().int(), due: z.number().int(), onTime: z.number().int(), late: z.number().int(), notDone: z.number().int() })),
  cells: z.array(
    z.object({
      unitId: id,
      unitName: z.string(),
      ...counts,
      handDowns: z.number().int(),
      averageHandDownDelay: z.number().nullable(),
      commitments: commitmentCounts,
    }),
  ),
  owners: z.array(z.object({ ownerKind: z.enum(['member', 'unit']), ownerId: id, ownerName: z.string(), ...counts })),
  /** The oldest overdue tasks first, at most 50. */
  overdueTasks: z.array(taskSummary),
  /** Overdue tasks due in earlier years, still open: carried over, not in this year's figures. */
  overdueFromEarlierYears: z.number().int(),
});
export type TaskBoard = z.infer<typeof taskBoard>;

