import { z } from 'zod';
import { id, isoDate, pageQuery } from '../../shared/schemas.js';
import { confirmationDecisions, localIssueStatuses, taskStatuses } from '../../shared/enums.js';

const text = (max: number) => z.string().trim().max(max);

/** What one person may do with an issue, for the UI to offer only what works. */
export const localIssueActions = ['edit', 'change_status', 'add_task', 'set_responsibility', 'confirm'] as const;
export type LocalIssueAction = (typeof localIssueActions)[number];

/** Loại vấn đề — reference data; `source` says where it came from (the reference file, or who added it). */
export const localIssueCategory = z.object({
  code: z.string(),
  name: z.string(),
  example: z.string().nullable(),
  source: z.string(),
});
export type LocalIssueCategory = z.infer<typeof localIssueCategory>;
export const categoriesResponse = z.object({ categories: z.array(localIssueCategory), canManage: z.boolean() });
export type CategoriesResponse = z.infer<typeof categoriesResponse>;
export const createCategoryBody = z.strictObject({ name: text(120).min(2), example: text(300).min(1).nullable().optional() });
export type CreateCategoryBody = z.infer<typeof createCategoryBody>;

/** Counts of the people's word on the current resolution. */
export const confirmationCounts = z.object({ confirmed: z.number().int(), disputed: z.number().int() });
export type ConfirmationCounts = z.infer<typeof confirmationCounts>;

/** A village (thôn) from the unit tree: the cell that stands for it. */
export const villageRef = z.object({ unitId: id, name: z.string() });

/** Vấn đề tồn tại, nổi cộm, as the board lists it. */
export const localIssueSummary = z.object({
  id,
  unitId: id,
  categoryCode: z.string(),
  categoryName: z.string(),
  title: z.string(),
  village: villageRef.nullable(),
  areaName: z.string().nullable(),
  sinceYear: z.number().int().nullable(),
  /** "trước 2014": the year is the bound, not the start. */
  sinceBefore: z.boolean(),
  householdsAffected: z.number().int().nullable(),
  responsibleUnit: z.object({ id, name: z.string() }).nullable(),
  responsibleMember: z.object({ id, name: z.string() }).nullable(),
  deadline: isoDate.nullable(),
  status: z.enum(localIssueStatuses),
  /** Open (new or in progress) past its deadline, Vietnam date. */
  overdue: z.boolean(),
  public: z.boolean(),
  resolvedOn: isoDate.nullable(),
  confirmations: confirmationCounts,
  openTasks: z.number().int(),
  citizenFeedbackCount: z.number().int(),
  updatedAt: z.string(),
});
export type LocalIssueSummary = z.infer<typeof localIssueSummary>;

/** One entry of an issue's timeline, newest last. */
export const timelineEntry = z.object({
  at: z.string(),
  kind: z.enum(['created', 'status', 'task_created', 'task_closed', 'citizen_feedback', 'confirmation']),
  /** The status it moved to (status), the task's outcome (task_closed), the decision (confirmation). */
  status: z.string().nullable(),
  fromStatus: z.string().nullable(),
  note: z.string().nullable(),
  /** Who: a staff member's name, "the village cell", or null for a citizen (no personal data). */
  actorName: z.string().nullable(),
  taskId: id.nullable(),
  citizenFeedbackId: id.nullable(),
});
export type TimelineEntry = z.infer<typeof timelineEntry>;

export const issueTask = z.object({
  id,
  title: z.string(),
  ownerName: z.string(),
  deadline: isoDate,
  status: z.enum(taskStatuses),
  progressPercent: z.number().int(),
  overdue: z.boolean(),
});

export const issueConfirmation = z.object({
  id,
  decision: z.enum(confirmationDecisions),
  comment: z.string().nullable(),
  /** citizen (no name shown) or the village cell. */
  by: z.enum(['citizen', 'cell']),
  cellName: z.string().nullable(),
  createdAt: z.string(),
});

export const localIssueDetail = localIssueSummary.extend({
  description: z.string(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  statusReason: z.string().nullable(),
  resolutionSummary: z.string().nullable(),
  resolutionRound: z.number().int(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  tasks: z.array(issueTask),
  /** The current round's confirmations and disputes. */
  confirmationList: z.array(issueConfirmation),
  /** Citizens' messages linked to it (for those who read citizen feedback; otherwise only the count above). */
  citizenFeedback: z.array(z.object({ id, trackingRef: z.string(), status: z.string(), content: z.string(), createdAt: z.string() })),
  timeline: z.array(timelineEntry),
  actions: z.array(z.enum(localIssueActions)),
});
export type LocalIssueDetail = z.infer<typeof localIssueDetail>;

const year = z.number().int().min(1945).max(2100);
/** The issue's content: what the committee or the responsible unit may write. */
export const localIssueContent = {
  categoryCode: text(60).min(1),
  title: text(300).min(3),
  description: text(5000).min(1),
  villageUnitId: id.nullable().optional(),
  areaName: text(200).min(1).nullable().optional(),
  latitude: z.number().min(-90).max(90).nullable().optional(),
  longitude: z.number().min(-180).max(180).nullable().optional(),
  sinceYear: year.nullable().optional(),
  sinceBefore: z.boolean().optional(),
  householdsAffected: z.number().int().min(0).max(1_000_000).nullable().optional(),
  deadline: isoDate.nullable().optional(),
};
/** Only the committee names who is responsible and whether the public sees it. */
export const localIssueResponsibility = {
  responsibleUnitId: id.nullable().optional(),
  responsibleMemberId: id.nullable().optional(),
  public: z.boolean().optional(),
};

export const createLocalIssueBody = z.strictObject({
  /** The committee whose list it goes on (the commune). */
  unitId: id,
  ...localIssueContent,
  ...localIssueResponsibility,
});
export type CreateLocalIssueBody = z.infer<typeof createLocalIssueBody>;
/** The issue fields without the unit: used when an issue is created from a citizen's message. */
export const newIssueFields = z.strictObject({ ...localIssueContent, ...localIssueResponsibility });
export type NewIssueFields = z.infer<typeof newIssueFields>;

export const updateLocalIssueBody = z.strictObject({
  categoryCode: localIssueContent.categoryCode.optional(),
  title: localIssueContent.title.optional(),
  description: localIssueContent.description.optional(),
  villageUnitId: localIssueContent.villageUnitId,
  areaName: localIssueContent.areaName,
  latitude: localIssueContent.latitude,
  longitude: localIssueContent.longitude,
  sinceYear: localIssueContent.sinceYear,
  sinceBefore: localIssueContent.sinceBefore,
  householdsAffected: localIssueContent.householdsAffected,
  deadline: localIssueContent.deadline,
  ...localIssueResponsibility,
});
export type UpdateLocalIssueBody = z.infer<typeof updateLocalIssueBody>;

export const changeStatusBody = z.strictObject({
  status: z.enum(localIssueStatuses),
  /** Why it cannot be resolved now, why it is reopened, or a word on starting work. */
  note: text(2000).min(1).optional(),
  /** Required when resolving: what was done, for the people to confirm. */
  resolutionSummary: text(5000).min(1).optional(),
});
export type ChangeStatusBody = z.infer<typeof changeStatusBody>;

/**
 * The people's word on a resolution: a citizen who raised the issue (with their tracking code, no
 * account), or the village cell's committee (signed in).
 */
export const confirmationBody = z.strictObject({
  decision: z.enum(confirmationDecisions),
  comment: text(1000).min(1).optional(),
  trackingCode: z.string().max(40).optional(),
});
export type ConfirmationBody = z.infer<typeof confirmationBody>;

export const localIssueParams = z.strictObject({ id });

export const localIssueListQuery = z.strictObject({
  /** The unit whose issues to list: the commune's whole list, or a cell's (its village, its responsibilities). */
  unitId: id,
  status: z.enum(localIssueStatuses).optional(),
  categoryCode: z.string().max(60).optional(),
  villageUnitId: id.optional(),
  overdue: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  q: z.string().trim().max(100).optional(),
  ...pageQuery,
});

export const localIssueListResponse = z.object({
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  items: z.array(localIssueSummary),
  /** The board's counts over the whole unit (not only the filtered page). */
  counts: z.object({
    byStatus: z.record(z.enum(localIssueStatuses), z.number().int()),
    byCategory: z.array(z.object({ code: z.string(), name: z.string(), n: z.number().int() })),
    byVillage: z.array(z.object({ unitId: id, name: z.string(), n: z.number().int() })),
    overdue: z.number().int(),
  }),
  /** The caller may add issues to this unit's list. */
  canCreate: z.boolean(),
});
export type LocalIssueListResponse = z.infer<typeof localIssueListResponse>;

/** What the public page shows of an issue the committee made public: no personal data. */
export const publicLocalIssue = z.object({
  id,
  categoryName: z.string(),
  title: z.string(),
  villageName: z.string().nullable(),
  areaName: z.string().nullable(),
  sinceYear: z.number().int().nullable(),
  sinceBefore: z.boolean(),
  status: z.enum(localIssueStatuses),
  statusReason: z.string().nullable(),
  resolutionSummary: z.string().nullable(),
  resolvedOn: isoDate.nullable(),
  confirmations: confirmationCounts,
  updatedOn: isoDate,
});
export type PublicLocalIssue = z.infer<typeof publicLocalIssue>;
export const publicLocalIssueQuery = z.strictObject({ unitId: id.optional(), status: z.enum(localIssueStatuses).optional(), ...pageQuery });
export const publicLocalIssueList = z.object({ total: z.number().int(), page: z.number().int(), pageSize: z.number().int(), items: z.array(publicLocalIssue) });
export type PublicLocalIssueList = z.infer<typeof publicLocalIssueList>;
