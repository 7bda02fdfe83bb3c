import { z } from 'zod';
import { id, isoDate, pageQuery } from '../../shared/schemas.js';
import { causeKinds, exemplaryMarks, manifestationMarks, planItemStatuses, selfExamPeriodKinds, selfExamStatuses } from '../../shared/enums.js';
import { checklistResponse } from '../checklist/schemas.js';
import { planDetail } from '../correction-plans/schemas.js';
import { feedbackSummary } from '../feedback/schemas.js';

const text = (max: number) => z.string().trim().max(max);
/** Free text while typing: not trimmed, so a save never eats the space the member just typed. */
const typing = (max: number) => z.string().max(max);

export const selfExamActions = ['edit', 'submit', 'review'] as const;
export type SelfExamAction = (typeof selfExamActions)[number];

/** One item marked: a manifestation (none / at risk / present) or an exemplary point (good / limited / not met). */
export const selfExamAnswer = z.strictObject({
  itemId: id,
  mark: z.enum([...manifestationMarks, ...exemplaryMarks]),
  note: typing(1000).nullable().optional(),
});
export type SelfExamAnswer = z.infer<typeof selfExamAnswer>;

/** Hạn chế, khuyết điểm with its cause and, optionally, the correction the member proposes. */
export const shortcoming = z.strictObject({
  /** Chosen by the client, stable while typing. */
  key: id,
  text: typing(2000),
  causeKind: z.enum(causeKinds).nullable(),
  cause: typing(2000),
  /** Becomes an item of the correction plan when the self-examination is submitted. */
  plan: z
    .strictObject({
      action: typing(2000),
      deadline: isoDate.nullable(),
      successCriteria: typing(1000),
    })
    .nullable(),
});
export type Shortcoming = z.infer<typeof shortcoming>;

/** What was done about one of last period's shortcomings (pre-filled from the previous plan). */
export const followup = z.strictObject({
  key: id,
  planItemId: id.nullable(),
  shortcoming: typing(2000),
  /** The plan item's status when the self-examination was opened. */
  status: z.enum(planItemStatuses).nullable(),
  result: typing(2000),
});
export type Followup = z.infer<typeof followup>;

export const selfExamSummary = z.object({
  id,
  memberId: id,
  memberName: z.string(),
  unitId: id,
  unitName: z.string(),
  periodKind: z.enum(selfExamPeriodKinds),
  year: z.number().int(),
  quarter: z.number().int().nullable(),
  meetingId: id.nullable(),
  /** The thematic meeting's date (the screens name the period from kind, year, quarter and this). */
  meetingDate: isoDate.nullable(),
  /** "Năm 2022", "Quý II/2022", "Sinh hoạt chuyên đề 14/04/2022". */
  periodLabel: z.string(),
  status: z.enum(selfExamStatuses),
  submittedAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  updatedAt: z.string(),
  marked: z.object({ atRisk: z.number().int(), present: z.number().int() }),
});
export type SelfExamSummary = z.infer<typeof selfExamSummary>;

export const selfExamDetail = selfExamSummary.extend({
  checklist: checklistResponse,
  strengths: z.string(),
  answers: z.array(z.object({ itemId: id, mark: z.enum([...manifestationMarks, ...exemplaryMarks]), note: z.string().nullable() })),
  shortcomings: z.array(shortcoming),
  followups: z.array(followup),
  revision: z.number().int(),
  reviewComment: z.string().nullable(),
  reviewedByName: z.string().nullable(),
  /** The member's correction plan of the year, and the items this self-examination created. */
  planId: id.nullable(),
  planItemIds: z.array(id),
  /** The caller is the member themself. */
  own: z.boolean(),
  actions: z.array(z.enum(selfExamActions)),
});
export type SelfExamDetail = z.infer<typeof selfExamDetail>;

export const createSelfExamBody = z.strictObject({
  periodKind: z.enum(selfExamPeriodKinds),
  year: z.number().int().min(2000).max(2100),
  quarter: z.number().int().min(1).max(4).optional(),
  /** The thematic meeting it prepares for. */
  meetingId: id.optional(),
});
export type CreateSelfExamBody = z.infer<typeof createSelfExamBody>;

/** The whole draft, saved as the member types. `revision` is the one the client last saw. */
export const saveDraftBody = z.strictObject({
  revision: z.number().int().min(0),
  strengths: typing(5000),
  answers: z.array(selfExamAnswer).max(200),
  shortcomings: z.array(shortcoming).max(30),
  followups: z.array(followup).max(60),
});
export type SaveDraftBody = z.infer<typeof saveDraftBody>;
export const saveDraftResponse = z.object({ revision: z.number().int(), updatedAt: z.string() });

export const reviewSelfExamBody = z.strictObject({ comment: text(2000).min(1) });

export const selfExamParams = z.strictObject({ id });

/** The member's own "Tự soi" page. */
export const mySelfExamResponse = z.object({
  memberId: id,
  memberName: z.string(),
  unitId: id,
  unitName: z.string(),
  today: isoDate,
  /**
   * The periods a member may open now: this year, this quarter, and the cell's thematic meetings
   * of the next 60 days (or the last 7). The one the cell has asked for comes first, with `askedBy`.
   */
  suggested: z.array(
    z.object({
      periodKind: z.enum(selfExamPeriodKinds),
      year: z.number().int(),
      quarter: z.number().int().nullable(),
      meetingId: id.nullable(),
      meetingDate: isoDate.nullable(),
      /** The thematic meeting's topic. */
      topic: z.string().nullable(),
      label: z.string(),
      existingId: id.nullable(),
      /** Why the cell asks for this one: its coming thematic meeting, or the period its other members have opened most. */
      askedBy: z.enum(['thematic_meeting', 'cell']).nullable(),
    }),
  ),
  selfExaminations: z.array(selfExamSummary),
  plans: z.array(planDetail),
  feedbackReceived: z.array(feedbackSummary),
  feedbackGiven: z.array(feedbackSummary),
});
export type MySelfExamResponse = z.infer<typeof mySelfExamResponse>;

export const accessLogQuery = z.strictObject(pageQuery);
/** "Ai đã xem hồ sơ của tôi": every read of the member's self-examinations and plans by someone else. */
export const accessLogResponse = z.object({
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  items: z.array(
    z.object({
      at: z.string(),
      viewerName: z.string(),
      /** The roles the viewer held, as a reason they could read it. */
      viewerRoles: z.array(z.string()),
      /** An inspection case about the member appears once they were notified of it; their discipline record always. */
      recordType: z.enum(['self_examination', 'correction_plan', 'inspection', 'discipline']),
      recordId: id,
      /** The record's period: "Năm 2022", "Quý II/2022", "Sinh hoạt chuyên đề 14/04/2022". */
      recordLabel: z.string(),
      /** The same period as data, for the screens to name in their language (a plan's is its year). */
      recordPeriod: z.object({ periodKind: z.enum(selfExamPeriodKinds), year: z.number().int(), quarter: z.number().int().nullable(), meetingDate: isoDate.nullable() }),
    }),
  ),
});
export type AccessLogResponse = z.infer<typeof accessLogResponse>;

/** `2022` (the year) or `2022-Q2` (a quarter). */
export const statsQuery = z.strictObject({ period: z.string().regex(/^\d{4}(-Q[1-4])?$/) });

/** Aggregates are shown only for groups of at least this many members (k-anonymity). */
export const MIN_GROUP = 5;

export const statsResponse = z.object({
  unitId: id,
  unitName: z.string(),
  unitKind: z.string(),
  period: z.string(),
  periodLabel: z.string(),
  today: isoDate,
  minGroup: z.number().int(),
  /** Active members of the unit's cells. */
  memberCount: z.number().int(),
  /** Members with a submitted (or reviewed) self-examination of the period. */
  submitted: z.number().int(),
  reviewed: z.number().int(),
  drafts: z.number().int(),
  /** How often each manifestation was marked; null when fewer than `minGroup` submitted ("too few to show"). */
  manifestations: z
    .array(z.object({ code: z.string(), title: z.string(), groupCode: z.string(), groupName: z.string(), atRisk: z.number().int(), present: z.number().int() }))
    .nullable(),
  plan: z.object({
    total: z.number().int(),
    fixed: z.number().int(),
    fixedOnTime: z.number().int(),
    overdue: z.number().int(),
    dueSoon: z.number().int(),
    awaitingVerification: z.number().int(),
  }),
  feedback: z.object({
    given: z.number().int(),
    /** Feedback given per member per month of the period: whether "nể nang, ngại va chạm" is fading. */
    perMemberPerMonth: z.number().nullable(),
    accepted: z.number().int(),
    explained: z.number().int(),
    awaiting: z.number().int(),
    /** Accepted among those answered, percent. */
    acceptRate: z.number().nullable(),
  }),
  /** Feedback given per month (the chart). */
  months: z.array(z.object({ month: z.string(), feedback: z.number().int() })),
  /** A cell: one row per member (the secretary's board). */
  memberRows: z.array(
    z.object({
      memberId: id,
      name: z.string(),
      selfExamId: id.nullable(),
      status: z.enum(selfExamStatuses).nullable(),
      planId: id.nullable(),
      planOpen: z.number().int(),
      planOverdue: z.number().int(),
      planFixed: z.number().int(),
      feedbackAwaiting: z.number().int(),
    }),
  ),
  /** A commune: one row per cell. */
  cellRows: z.array(
    z.object({
      unitId: id,
      name: z.string(),
      memberCount: z.number().int(),
      submitted: z.number().int(),
      /** Share of members with a current self-examination, percent. */
      submittedShare: z.number().nullable(),
      planTotal: z.number().int(),
      planFixedOnTime: z.number().int(),
      planFixedOnTimeShare: z.number().nullable(),
      planOverdue: z.number().int(),
      feedbackGiven: z.number().int(),
      feedbackPerMemberPerMonth: z.number().nullable(),
    }),
  ),
  /** Plan items due within 14 days or overdue (the board's list). */
  dueItems: z.array(z.object({ id, planId: id, memberId: id, memberName: z.string(), shortcoming: z.string(), deadline: isoDate, status: z.enum(planItemStatuses), overdue: z.boolean() })),
  /** Feedback awaiting an answer in the unit (the board's list), that the caller may see. */
  awaitingFeedback: z.array(feedbackSummary),
});
export type StatsResponse = z.infer<typeof statsResponse>;
