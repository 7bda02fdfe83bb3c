import { z } from 'zod';
import { id, isoDate, pageQuery } from '../../shared/schemas.js';
import { citizenFeedbackStatuses, confirmationDecisions, localIssueStatuses } from '../../shared/enums.js';
import { confirmationCounts, newIssueFields } from '../local-issues/schemas.js';
import { MAX_CITIZEN_CONTENT } from '../../domain/citizen-feedback.js';

const text = (max: number) => z.string().trim().max(max);

export { MAX_CITIZEN_CONTENT };

/** What the public form needs: villages to pick from, topics, and a signed token that dates the form. */
export const publicFeedbackForm = z.object({
  villages: z.array(z.object({ unitId: id, name: z.string(), communeId: id, communeName: z.string() })),
  topics: z.array(z.object({ code: z.string(), name: z.string() })),
  /** Signed by the server when the form was opened: a submission too soon after it is a robot's. */
  formToken: z.string(),
  maxContent: z.number().int(),
});
export type PublicFeedbackForm = z.infer<typeof publicFeedbackForm>;

/** A Vietnamese phone number as people write it: 0912 345 678, +84 912 345 678. */
export const citizenPhone = z.string().trim().regex(/^\+?[0-9][0-9 .-]{7,18}[0-9]$/);

export const publicFeedbackBody = z.strictObject({
  name: text(120).min(2),
  phone: citizenPhone.optional().or(z.literal('').transform(() => undefined)),
  email: z.string().trim().max(200).pipe(z.email()).optional().or(z.literal('').transform(() => undefined)),
  villageUnitId: id,
  topic: text(60).min(1),
  content: text(MAX_CITIZEN_CONTENT).min(10),
  consentContact: z.boolean().default(false),
  formToken: z.string().max(200),
  /** The honeypot: hidden from people, filled in by robots. */
  website: z.string().max(500).optional(),
});
export type PublicFeedbackBody = z.infer<typeof publicFeedbackBody>;

export const publicFeedbackReceipt = z.object({
  /** Short, unguessable, easy to read aloud: XXXX-XXXX-XXXX from 25 unambiguous characters. */
  trackingCode: z.string(),
  /** The same message from the same contact within a day was merged with the earlier one. */
  merged: z.boolean(),
});
export type PublicFeedbackReceipt = z.infer<typeof publicFeedbackReceipt>;

export const trackingParams = z.strictObject({ code: z.string().max(60) });

/** What the citizen sees with their code: their message, its status and answer, and the issue it joined. */
export const publicFeedbackStatus = z.object({
  status: z.enum(citizenFeedbackStatuses),
  topicName: z.string(),
  villageName: z.string(),
  submittedOn: isoDate,
  content: z.string(),
  answer: z.object({ text: z.string(), answeredOn: isoDate }).nullable(),
  closeReason: z.string().nullable(),
  issue: z
    .object({
      id,
      title: z.string(),
      status: z.enum(localIssueStatuses),
      resolutionSummary: z.string().nullable(),
      resolvedOn: isoDate.nullable(),
      confirmations: confirmationCounts,
      /** Resolved, and this citizen has not given their word on this resolution yet. */
      canConfirm: z.boolean(),
      myDecision: z.enum(confirmationDecisions).nullable(),
    })
    .nullable(),
});
export type PublicFeedbackStatus = z.infer<typeof publicFeedbackStatus>;

export const citizenFeedbackActions = ['triage', 'answer', 'see_contact'] as const;
export type CitizenFeedbackAction = (typeof citizenFeedbackActions)[number];

/** A citizen's message as staff see it; contact details only for the committee and the unit it is routed to. */
export const citizenFeedbackSummary = z.object({
  id,
  unitId: id,
  village: z.object({ unitId: id, name: z.string() }),
  topic: z.string(),
  topicName: z.string(),
  content: z.string(),
  status: z.enum(citizenFeedbackStatuses),
  /** Null unless the caller may see the citizen's contact. */
  contact: z.object({ name: z.string(), phone: z.string().nullable(), email: z.string().nullable(), consentContact: z.boolean() }).nullable(),
  localIssue: z.object({ id, title: z.string(), status: z.enum(localIssueStatuses) }).nullable(),
  routedUnit: z.object({ id, name: z.string() }).nullable(),
  answerText: z.string().nullable(),
  answeredAt: z.string().nullable(),
  answeredByName: z.string().nullable(),
  closeReason: z.string().nullable(),
  duplicateCount: z.number().int(),
  createdAt: z.string(),
  actions: z.array(z.enum(citizenFeedbackActions)),
});
export type CitizenFeedbackSummary = z.infer<typeof citizenFeedbackSummary>;

export const citizenFeedbackParams = z.strictObject({ id });

export const citizenFeedbackListQuery = z.strictObject({
  unitId: id,
  status: z.enum(citizenFeedbackStatuses).optional(),
  ...pageQuery,
});
export const citizenFeedbackListResponse = z.object({
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  items: z.array(citizenFeedbackSummary),
  counts: z.record(z.enum(citizenFeedbackStatuses), z.number().int()),
});
export type CitizenFeedbackListResponse = z.infer<typeof citizenFeedbackListResponse>;

/** Triage: link to an existing issue, make a new issue of it, route it to a cell, or close it. */
export const triageBody = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('link'), localIssueId: id }),
  z.strictObject({ action: z.literal('create_issue'), issue: newIssueFields }),
  z.strictObject({ action: z.literal('route'), unitId: id }),
  z.strictObject({ action: z.literal('close'), reason: text(1000).min(1) }),
]);
export type TriageBody = z.infer<typeof triageBody>;

export const answerBody = z.strictObject({ text: text(5000).min(1) });
export type AnswerBody = z.infer<typeof answerBody>;
