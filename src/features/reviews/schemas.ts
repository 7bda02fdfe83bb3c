import { z } from 'zod';
import { id, isoDate } from '../../shared/schemas.js';
import { meetingKinds, memberStatuses } from '../../shared/enums.js';

const text = (max: number) => z.string().trim().max(max);
const year = z.coerce.number().int().min(2000).max(2100);
const levelCode = text(20).min(1);

export const reviewSubjectKinds = ['member', 'collective'] as const;
export const reviewStatuses = ['draft', 'submitted'] as const;
export const periodKinds = ['year', 'quarter'] as const;
export const voteModes = ['counts', 'ballot'] as const;
export const ballotStatuses = ['not_open', 'open', 'closed'] as const;
export const evidenceSections = ['meetings', 'tasks', 'commitments', 'self_examination', 'corrections', 'feedback', 'supervision', 'discipline', 'members'] as const;

// --- evidence ----------------------------------------------------------------------------------------

/** One record a figure counts, with the page that shows it. */
export const evidenceItem = z.object({
  id: z.string(),
  label: z.string(),
  date: z.string().nullable(),
  /** The web app's page for the record. */
  href: z.string(),
  /** How the record counts (on_time, late, exceeded, not_done, achieved …), for the screen to say. */
  tag: z.string().nullable(),
});
export type EvidenceItem = z.infer<typeof evidenceItem>;

/**
 * One figure of the year's own records: `value` of `of` (attended 10 of 12 meetings), the page that
 * lists exactly what it counts (`href`, when one exists) and the records themselves.
 */
export const evidenceFigure = z.object({
  section: z.enum(evidenceSections),
  key: z.string(),
  value: z.number(),
  of: z.number().nullable(),
  href: z.string().nullable(),
  items: z.array(evidenceItem),
});
export type EvidenceFigure = z.infer<typeof evidenceFigure>;

/** The year's evidence for one subject: figures for people, and what the level rules read. */
export const reviewEvidence = z.object({
  from: isoDate,
  to: isoDate,
  figures: z.array(evidenceFigure),
  taskOutcomes: z.object({ onTime: z.number().int(), late: z.number().int(), exceeded: z.number().int(), notDone: z.number().int() }),
  unfixedShortcomings: z.number().int(),
  /** Facts a trigger detects (`discipline`: decisions in the period; `leadership_discipline`: a cell committee member's). */
  detected: z.object({ discipline: z.array(evidenceItem), leadershipDiscipline: z.array(evidenceItem) }),
});
export type ReviewEvidence = z.infer<typeof reviewEvidence>;

/** What the level rules read of the evidence (kept small beside a submitted review, for lists). */
export type RuleBasis = Pick<ReviewEvidence, 'taskOutcomes' | 'unfixedShortcomings' | 'detected'>;

// --- rules as a review shows them ------------------------------------------------------------------

export const levelReason = z.object({ key: z.string(), count: z.number().nullable(), share: z.number().nullable(), limit: z.number().nullable(), trigger: z.string().nullable() });
export const levelOptionView = z.object({
  code: z.string(),
  name: z.string(),
  minScore: z.number(),
  conditions: z.array(z.string()),
  allowed: z.boolean(),
  reasons: z.array(levelReason),
  confirmed: z.boolean(),
  source: z.string().nullable(),
});
export type LevelOptionView = z.infer<typeof levelOptionView>;

export const triggerView = z.object({
  code: z.string(),
  name: z.string(),
  capsAt: z.string(),
  source: z.string(),
  confirmed: z.boolean(),
  /** The rules leave it to people: the cell's committee or the party committee marks it, with its basis. */
  manual: z.boolean(),
  /** Detected from the records (discipline); never for a manual one. */
  detected: z.boolean(),
  evidence: z.array(evidenceItem),
  /** Marked on this review (a manual one): why, when, by whom. It caps the level like a detected one. */
  mark: z.object({ note: z.string(), markedAt: z.string(), markedByName: z.string().nullable() }).nullable(),
});
export type TriggerView = z.infer<typeof triggerView>;

export const frameworkView = z.object({
  scoreMax: z.number(),
  groups: z.array(z.object({ code: z.string(), name: z.string(), max: z.number(), criteria: z.array(z.object({ code: z.string(), name: z.string(), max: z.number().nullable() })) })),
});

// --- periods -----------------------------------------------------------------------------------------

/** Mở đợt kiểm điểm: a year or a quarter, each step of the rules' order with its date. */
export const createPeriodBody = z.strictObject({
  unitId: id,
  kind: z.enum(periodKinds),
  year,
  quarter: z.number().int().min(1).max(4).optional(),
  title: text(300).optional(),
  steps: z.array(z.strictObject({ code: text(50).min(1), dueOn: isoDate })).min(1).max(20),
});
export type CreatePeriodBody = z.infer<typeof createPeriodBody>;

export const periodStep = z.object({ code: z.string(), name: z.string(), dueOn: isoDate, passed: z.boolean() });

export const quotaView = z.object({
  percentOfGood: z.number(),
  excellent: z.number().int(),
  good: z.number().int(),
  limit: z.number().int(),
  over: z.number().int(),
  rule: z.string(),
  source: z.string().nullable(),
  confirmed: z.boolean(),
  /** The written reasons given for going over, newest first. */
  overReasons: z.array(z.object({ reason: z.string(), decidedAt: z.string(), decidedByName: z.string().nullable() })),
});
export type QuotaView = z.infer<typeof quotaView>;

export const periodSummary = z.object({
  id,
  unitId: id,
  unitName: z.string(),
  kind: z.enum(periodKinds),
  year: z.number().int(),
  quarter: z.number().int().nullable(),
  title: z.string(),
  status: z.enum(['open', 'closed']),
  rulesVersionId: id,
  rulesVersion: z.number().int(),
  steps: z.array(periodStep),
  counts: z.object({ reviews: z.number().int(), drafts: z.number().int(), submitted: z.number().int(), proposed: z.number().int(), decided: z.number().int() }),
  createdAt: z.string(),
});
export type PeriodSummary = z.infer<typeof periodSummary>;

export const periodListQuery = z.object({ unitId: id.optional(), year: year.optional() });
export const periodListResponse = z.object({ items: z.array(periodSummary), mayOpen: z.array(z.object({ unitId: id, unitName: z.string() })) });

/** Where a cell stands in the period. */
export const cellStanding = z.object({
  unitId: id,
  unitName: z.string(),
  members: z.number().int(),
  drafts: z.number().int(),
  submitted: z.number().int(),
  proposed: z.number().int(),
  decided: z.number().int(),
  collective: z.object({ reviewId: id, status: z.enum(reviewStatuses), proposedLevel: z.string().nullable(), decidedLevel: z.string().nullable() }).nullable(),
  reviewMeeting: z.object({ id, meetingId: id, startsAt: z.string(), ballotStatus: z.enum(ballotStatuses) }).nullable(),
  /** The furthest step every review of the cell has reached. */
  stage: z.enum(['self_review', 'cell_meeting', 'cell_proposal', 'decision', 'decided']),
});

export const periodDetail = periodSummary.extend({
  cells: z.array(cellStanding),
  quota: quotaView,
  levels: z.array(z.object({ code: z.string(), name: z.string() })),
  /** Rules of this version nobody has confirmed yet: the screen warns, nothing is blocked. */
  unconfirmed: z.array(z.string()),
  actions: z.array(z.enum(['decide', 'manage'])),
});
export type PeriodDetail = z.infer<typeof periodDetail>;

// --- reviews -------------------------------------------------------------------------------------------

export const reviewSummary = z.object({
  id,
  periodId: id,
  subjectKind: z.enum(reviewSubjectKinds),
  memberId: id.nullable(),
  memberName: z.string().nullable(),
  memberStatus: z.enum(memberStatuses).nullable(),
  unitId: id,
  unitName: z.string(),
  reviewForm: z.string(),
  status: z.enum(reviewStatuses),
  scoreTotal: z.number().nullable(),
  selfLevel: z.string().nullable(),
  voteLevel: z.string().nullable(),
  proposedLevel: z.string().nullable(),
  decidedLevel: z.string().nullable(),
  submittedAt: z.string().nullable(),
});
export type ReviewSummary = z.infer<typeof reviewSummary>;

export const decisionView = z.object({
  version: z.number().int(),
  level: z.string(),
  levelName: z.string(),
  reason: z.string().nullable(),
  overQuotaReason: z.string().nullable(),
  decidedAt: z.string(),
  decidedByName: z.string().nullable(),
});

/** The cell's vote on a review: counts per level ('' = blank), the denominator, the level it gives. */
export const voteView = z.object({ counts: z.record(z.string(), z.number().int()), denominator: z.number().int(), level: z.string().nullable() });

export const reviewDetail = reviewSummary.extend({
  period: z.object({ title: z.string(), kind: z.enum(periodKinds), year: z.number().int(), quarter: z.number().int().nullable(), status: z.enum(['open', 'closed']), steps: z.array(periodStep) }),
  forms: z.array(z.object({ code: z.string(), name: z.string(), for: z.string() })),
  revision: z.number().int(),
  strengths: z.string(),
  shortcomings: z.string(),
  causes: z.string(),
  previousFixes: z.string(),
  remedies: z.string(),
  points: z.record(z.string(), z.number()),
  selfLevelReason: z.string().nullable(),
  framework: frameworkView,
  evidence: reviewEvidence,
  levels: z.array(levelOptionView),
  triggers: z.array(triggerView),
  cellComments: z.string().nullable(),
  vote: voteView.nullable(),
  proposalNote: z.string().nullable(),
  /** The decision in force, then the earlier versions, newest first. */
  decisions: z.array(decisionView),
  unconfirmed: z.array(z.string()),
  actions: z.array(z.enum(['write', 'submit', 'comment', 'vote', 'propose', 'mark', 'decide'])),
});
export type ReviewDetail = z.infer<typeof reviewDetail>;

/** Lưu bản tự kiểm điểm — the whole text as typed; `revision` is the one the client last saw. */
export const selfAssessmentBody = z.strictObject({
  revision: z.number().int().min(0),
  reviewForm: text(10).min(1),
  strengths: text(20000),
  shortcomings: text(20000),
  causes: text(10000),
  previousFixes: text(10000),
  remedies: text(10000),
  points: z.record(text(50), z.number()),
  selfLevel: levelCode.nullable(),
  selfLevelReason: text(2000).nullable(),
});
export type SelfAssessmentBody = z.infer<typeof selfAssessmentBody>;

export const selfAssessmentResponse = z.object({ revision: z.number().int(), updatedAt: z.string(), scoreTotal: z.number().nullable(), levels: z.array(levelOptionView) });

export const myReviewsResponse = z.object({ items: z.array(reviewSummary.extend({ periodTitle: z.string(), periodStatus: z.enum(['open', 'closed']), decision: decisionView.nullable() })) });
export type MyReviewsResponse = z.infer<typeof myReviewsResponse>;

// --- the cell's review meeting ----------------------------------------------------------------------

export const linkMeetingBody = z.strictObject({ unitId: id, meetingId: id, voteMode: z.enum(voteModes) });
export const cellCommentsBody = z.strictObject({ comments: text(20000) });
/** Typed counts per level (a blank ballot under ''), as the secretary read them out. */
export const voteCountsBody = z.strictObject({ counts: z.record(text(20), z.number().int().min(0)) });
/** One member's ballot sheet: a level (or blank) for each person under review. */
export const castBallotBody = z.strictObject({ choices: z.array(z.strictObject({ reviewId: id, level: levelCode.nullable() })).min(1).max(500) });
/**
 * Đánh dấu trường hợp không hoàn thành nhiệm vụ — the triggers the rules leave to people, marked on
 * a member's review with their basis (the conclusion, its number and date); the whole set in force.
 */
export const triggerMarksBody = z.strictObject({
  marks: z.array(z.strictObject({ code: text(60).min(1), note: text(2000).min(1) })).max(20),
});
export type TriggerMarksBody = z.infer<typeof triggerMarksBody>;
export const triggerMarksResponse = z.object({ triggers: z.array(triggerView), levels: z.array(levelOptionView) });
export type TriggerMarksResponse = z.infer<typeof triggerMarksResponse>;

/** Chi ủy đề xuất: the level (default: the vote's), and a note when it differs from the vote or the evidence rules it out. */
export const proposalBody = z.strictObject({ level: levelCode.optional(), note: text(2000).optional() });
export type ProposalBody = z.infer<typeof proposalBody>;
export type VoteCountsBody = z.infer<typeof voteCountsBody>;
export type CastBallotBody = z.infer<typeof castBallotBody>;
export type LinkMeetingBody = z.infer<typeof linkMeetingBody>;

/** A review as the cell's work leaves it: its comments, the vote, the proposal. */
export const cellReviewResponse = reviewSummary.extend({
  cellComments: z.string().nullable(),
  vote: voteView.nullable(),
  proposalNote: z.string().nullable(),
});
export type CellReviewResponse = z.infer<typeof cellReviewResponse>;

export const reviewMeetingDetail = z.object({
  id,
  periodId: id,
  unitId: id,
  unitName: z.string(),
  /** The meeting it is held at: its topic ('' for a regular meeting without one: the screen names it by its kind). */
  meeting: z.object({ id, title: z.string(), kind: z.enum(meetingKinds), startsAt: z.string() }),
  voteMode: z.enum(voteModes),
  ballotStatus: z.enum(ballotStatuses),
  /** The official members of the cell (the rules' denominator). */
  denominator: z.number().int(),
  /** Official members present at the meeting: those who may vote. */
  eligible: z.number().int(),
  voted: z.number().int(),
  hasVoted: z.boolean(),
  mayVote: z.boolean(),
  levels: z.array(z.object({ code: z.string(), name: z.string() })),
  reviews: z.array(reviewSummary.extend({ cellComments: z.string().nullable(), counts: z.record(z.string(), z.number().int()).nullable() })),
  actions: z.array(z.enum(['manage'])),
});
export type ReviewMeetingDetail = z.infer<typeof reviewMeetingDetail>;

/** Phiếu kín đang mở của chi bộ tôi: the open ballots of the caller's cell, whether they have voted and may vote. */
export const myBallotsResponse = z.object({
  items: z.array(z.object({ id, periodId: id, periodTitle: z.string(), startsAt: z.string(), hasVoted: z.boolean(), mayVote: z.boolean() })),
});
export type MyBallotsResponse = z.infer<typeof myBallotsResponse>;

// --- the committee's decisions and the ratings --------------------------------------------------------

/** Quyết định xếp loại: several at once; over the quota needs `overQuotaReason`; a change needs `reason`. */
export const decisionsBody = z.strictObject({
  decisions: z.array(z.strictObject({ reviewId: id, level: levelCode, reason: text(2000).optional() })).min(1).max(5000),
  overQuotaReason: text(2000).optional(),
});
export type DecisionsBody = z.infer<typeof decisionsBody>;

export const ratingsQuery = z.object({ year: year.optional() });
export const levelCounts = z.record(z.string(), z.number().int());
export const ratingsResponse = z.object({
  unitId: id,
  unitName: z.string(),
  year: z.number().int(),
  levels: z.array(z.object({ code: z.string(), name: z.string() })),
  counts: levelCounts,
  quota: quotaView.nullable(),
  cells: z.array(z.object({ unitId: id, unitName: z.string(), collectiveLevel: z.string().nullable(), counts: levelCounts, members: z.array(z.object({ reviewId: id, memberId: id, memberName: z.string(), level: z.string() })) })),
  lastYear: z.object({ year: z.number().int(), counts: levelCounts, cells: z.array(z.object({ unitId: id, collectiveLevel: z.string().nullable() })) }),
});
export type RatingsResponse = z.infer<typeof ratingsResponse>;

export const periodParams = z.object({ id });
export const reviewMeetingParams = z.object({ id });
export const reviewParams = z.object({ id });

// --- a period's reviews, for the boards ------------------------------------------------------------------

/** The reviews of a period the caller may read, of one cell when `unitId` is given. */
export const reviewListQuery = z.object({ unitId: id.optional() });
/** Each review with the levels its evidence rules out (submitted ones: from the evidence kept at submission). */
export const reviewListItem = reviewSummary.extend({ ruledOut: z.array(z.string()) });
export type ReviewListItem = z.infer<typeof reviewListItem>;
export const reviewListResponse = z.object({ items: z.array(reviewListItem) });
export type ReviewListResponse = z.infer<typeof reviewListResponse>;
