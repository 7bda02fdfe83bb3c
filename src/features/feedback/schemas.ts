import { z } from 'zod';
import { id, isoDate, pageQuery } from '../../shared/schemas.js';
import { feedbackDirections, feedbackStatuses, feedbackTopics } from '../../shared/enums.js';
import { planItemContent } from '../correction-plans/schemas.js';

const text = (max: number) => z.string().trim().max(max);

export const feedbackActions = ['answer'] as const;
export type FeedbackAction = (typeof feedbackActions)[number];

/**
 * Góp ý. `giverName` is null for anonymous feedback: the server keeps no link to the author, so
 * there is nothing to show. `grave` feedback is seen by the cell committee and UBKT only.
 */
export const feedbackSummary = z.object({
  id,
  unitId: id,
  direction: z.enum(feedbackDirections),
  giverMemberId: id.nullable(),
  giverName: z.string().nullable(),
  anonymous: z.boolean(),
  /** Null for upward feedback to the cell committee as a whole. */
  receiverMemberId: id.nullable(),
  receiverName: z.string().nullable(),
  topic: z.enum(feedbackTopics),
  text: z.string(),
  meetingId: id.nullable(),
  meetingDate: isoDate.nullable(),
  manifestation: z.object({ itemId: id, code: z.string(), title: z.string() }).nullable(),
  grave: z.boolean(),
  status: z.enum(feedbackStatuses),
  answerText: z.string().nullable(),
  answeredAt: z.string().nullable(),
  answeredByName: z.string().nullable(),
  /** The correction-plan item an accepted feedback became. */
  planItemId: id.nullable(),
  planId: id.nullable(),
  givenOn: isoDate,
  actions: z.array(z.enum(feedbackActions)),
});
export type FeedbackSummary = z.infer<typeof feedbackSummary>;

export const createFeedbackBody = z.strictObject({
  direction: z.enum(feedbackDirections),
  /** The member it is about (member → member, cell → member); for upward feedback, optionally one committee member. */
  receiverMemberId: id.optional(),
  /** The cell, for upward feedback to its committee (defaults to the giver's own cell). */
  unitId: id.optional(),
  topic: z.enum(feedbackTopics),
  text: text(3000).min(1),
  /** Given in this meeting of the cell. */
  meetingId: id.optional(),
  /** The manifestation (of the cell's checklist) it points at, if any. */
  manifestationItemId: id.optional(),
  /** Upward feedback only: keep no link to the author. */
  anonymous: z.boolean().default(false),
});
export type CreateFeedbackBody = z.infer<typeof createFeedbackBody>;

export const answerFeedbackBody = z.strictObject({
  decision: z.enum(['accept', 'explain']),
  /** The receiver's answer; required when explaining. */
  text: text(2000).optional(),
  /** Accepting creates this correction-plan item in the same step (the shortcoming defaults to the feedback's text). */
  plan: z
    .strictObject({
      shortcoming: planItemContent.shortcoming.optional(),
      action: planItemContent.action,
      deadline: planItemContent.deadline,
      successCriteria: planItemContent.successCriteria,
    })
    .optional(),
});
export type AnswerFeedbackBody = z.infer<typeof answerFeedbackBody>;

export const feedbackParams = z.strictObject({ id });

export const unitFeedbackQuery = z.strictObject({
  status: z.enum(feedbackStatuses).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  ...pageQuery,
});

export const feedbackListResponse = z.object({
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  items: z.array(feedbackSummary),
});
export type FeedbackListResponse = z.infer<typeof feedbackListResponse>;

/** What the feedback form offers in a cell: whom to address, its meetings, whether the caller speaks for the cell. */
export const feedbackOptions = z.object({
  unitId: id,
  unitName: z.string(),
  members: z.array(z.object({ id, name: z.string(), committee: z.boolean() })),
  meetings: z.array(z.object({ id, date: isoDate, kind: z.string(), topic: z.string().nullable() })),
  /** The caller may give feedback on behalf of the cell (its committee). */
  asCell: z.boolean(),
  /** The caller's own member id here, if they are a member of this cell. */
  selfMemberId: id.nullable(),
});
export type FeedbackOptions = z.infer<typeof feedbackOptions>;
