/**
 * "Tự soi, tự sửa" in the demo commune's 2022: every active member's yearly self-examination
 * against the 27 manifestations and the exemplary-responsibility points, the shortcomings they
 * named with the corrections they proposed, the feedback members gave each other (in meetings and
 * outside them), and the correction-plan items both became, with their progress and the cell
 * committee's verification by the end of the year.
 *
 * Chi bộ thôn Đồng Thứ tells the article's story. Its members examined themselves honestly in
 * March 2022, after the commune's directive on Nghị quyết Trung ương 4 (14/3/2022): they named
 * arriving late to cell meetings, "nể nang, ngại va chạm, dĩ hòa vi quý" and tasks handled vaguely,
 * and marked CT4/CT5 and the punctuality point NG5. At the April 2022 meeting they gave each other
 * frank feedback on conduct, speech, behaviour and setting an example — the pairs the meeting's
 * minutes name (buildDemoMeetings) and more — and accepted it; by December most of it was verified
 * as fixed, judged on the record where the record can tell (late again after April or not, feedback
 * actually given, tasks finished on time). Elsewhere the practice runs at an ordinary pace, and the
 * three cells whose meetings were least attended in 2022 also took part least: many members never
 * opened a self-examination or left it a draft, and little feedback was given.
 *
 * The one exception to the year: the demo account `dangvien.dongthu` belongs to a member admitted in
 * 2025, who therefore has no 2022 record. So that signing in as them shows a lived-in "Tự soi" page,
 * they get their own first year — a 2025 year-end self-examination, its 2026 correction items and a
 * little feedback — dated before DEMO_REFERENCE_DATE (see `accountHolderYear`).
 *
 * Consistent with `buildDemoCommune` and `buildDemoMeetings`, whose output it takes. Deterministic
 * (seeded streams per cell, member and item) and pure: no I/O, no ids (the seed assigns UUIDs to
 * records and to the keys of the stored shortcomings and follow-ups).
 *
 * This file keeps the shapes it returns and the entry point; the steps are beside it
 * (self-examination-context, -exams, -feedback, -plans, -account-holder) and the words they arrange
 * are in story/self-examination-*.json.
 */
import type { DemoCommune } from './commune.js';
import type { DemoMeeting } from './meetings.js';
import { hashSeed, Rng } from './random.js';
import { accountHolderYear } from './self-examination-account-holder.js';
import { buildContext, type Builder } from './self-examination-context.js';
import { buildExams } from './self-examination-exams.js';
import { ordinaryFeedback, storyFeedback } from './self-examination-feedback.js';
import { finishItems, plansOf, reviewComment } from './self-examination-plans.js';
import type {
  CauseKind,
  ExemplaryMark,
  FeedbackDirection,
  FeedbackStatus,
  FeedbackTopic,
  ManifestationMark,
  PlanItemSource,
  PlanItemStatus,
  SelfExamPeriodKind,
  SelfExamStatus,
} from '../shared/enums.js';

// Defined beside the steps that use them; exported from here, where importers look for them.
export { DEMO_SELF_EXAM_YEAR, EXEMPLARY_CODES, lowParticipationCells, MANIFESTATION_CODES } from './self-examination-context.js';

// ---------------------------------------------------------------------------
// What the builder returns
// ---------------------------------------------------------------------------

export interface DemoAnswer {
  /** Checklist item code (CT4, NG5…). */
  code: string;
  mark: ManifestationMark | ExemplaryMark;
  note: string | null;
}

/** One hạn chế, khuyết điểm as stored in shortcomings_json (the seed gives `key` a UUID). */
export interface DemoShortcoming {
  key: string;
  text: string;
  causeKind: CauseKind | null;
  cause: string;
  plan: { action: string; deadline: string | null; successCriteria: string } | null;
}

/** What was done about an earlier shortcoming, as stored in followups_json. */
export interface DemoFollowup {
  key: string;
  /** A demo plan item's key, or null for one from before the demo's records (kiểm điểm 2021). */
  planItemKey: string | null;
  shortcoming: string;
  status: PlanItemStatus | null;
  result: string;
}

export interface DemoSelfExamination {
  key: string;
  cellKey: string;
  memberKey: string;
  periodKind: Extract<SelfExamPeriodKind, 'year' | 'quarter'>;
  year: number;
  quarter: number | null;
  status: SelfExamStatus;
  strengths: string;
  answers: DemoAnswer[];
  shortcomings: DemoShortcoming[];
  followups: DemoFollowup[];
  /** Saves while the member typed. */
  revision: number;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  reviewedAt: string | null;
  /** The cell secretary (the cell committee member who keeps the record for the secretary's own). */
  reviewedByKey: string | null;
  reviewComment: string | null;
}

export interface DemoFeedback {
  key: string;
  cellKey: string;
  direction: FeedbackDirection;
  /** Null for anonymous feedback (no author is kept, not even here) and for the cell's own. */
  giverKey: string | null;
  /** Null for upward feedback to the cell committee as a whole. */
  receiverKey: string | null;
  anonymous: boolean;
  topic: FeedbackTopic;
  text: string;
  /** Given in the cell's meeting of this day (the seed links the meeting). */
  meetingDate: string | null;
  /**
   * A checklist item code it points at (DD3, for coldness towards people). Never one of the grave
   * groups: feedback naming those goes to the cell committee and UBKT, and is not accepted as a plan item.
   */
  manifestationCode: string | null;
  status: FeedbackStatus;
  answerText: string | null;
  answeredAt: string | null;
  answeredByKey: string | null;
  givenOn: string;
  createdAt: string;
  updatedAt: string;
}

export interface DemoPlanProgress {
  kind: 'note' | 'claimed' | 'fixed' | 'returned';
  note: string;
  /** The member for notes and claims; the verifier for fixed and returned. */
  authorKey: string;
  at: string;
}

export interface DemoPlanItem {
  key: string;
  /** `${memberKey}/${year}`: one correction plan per member per year. */
  planKey: string;
  cellKey: string;
  memberKey: string;
  year: number;
  /** 1-based, in the order the items arrived. */
  position: number;
  shortcoming: string;
  action: string;
  deadline: string;
  successCriteria: string;
  sourceKind: Extract<PlanItemSource, 'self_examination' | 'feedback'>;
  selfExamKey: string | null;
  feedbackKey: string | null;
  status: PlanItemStatus;
  claimedOn: string | null;
  verifiedOn: string | null;
  verifiedByKey: string | null;
  verificationComment: string | null;
  /** The member who added it (the self-examination's author, or the receiver who accepted the feedback). */
  createdByKey: string;
  createdAt: string;
  updatedAt: string;
  progress: DemoPlanProgress[];
}

export interface DemoCorrectionPlan {
  key: string;
  cellKey: string;
  memberKey: string;
  year: number;
  createdAt: string;
  updatedAt: string;
}

export interface DemoSelfExamData {
  /** The cells with low participation (least attended meetings), for tests and docs. */
  lowParticipationCells: string[];
  selfExaminations: DemoSelfExamination[];
  feedback: DemoFeedback[];
  plans: DemoCorrectionPlan[];
  planItems: DemoPlanItem[];
}

// ---------------------------------------------------------------------------
// Entry point
// ---------------------------------------------------------------------------

/**
 * The self-examinations, feedback and correction plans of the demo commune, for the commune and
 * meetings of `buildDemoCommune` / `buildDemoMeetings`. Same result on every call with the same input.
 */
export function buildDemoSelfExamination(commune: DemoCommune, meetings: readonly DemoMeeting[]): DemoSelfExamData {
  const ctx = buildContext(commune, meetings);
  const b: Builder = { ctx, exams: [], feedback: [], pending: [] };
  for (const cell of ctx.cells) buildExams(b, cell);
  for (const cell of ctx.cells) (cell.story ? storyFeedback : ordinaryFeedback)(b, cell);
  const items = finishItems(ctx, b.pending, b.feedback);
  for (const exam of b.exams) {
    if (exam.status !== 'reviewed') continue;
    const cell = ctx.cellOf.get(exam.cellKey)!;
    exam.reviewComment = reviewComment(new Rng(hashSeed(`review/${exam.key}`)), ctx, exam, items, b.feedback, cell.story);
  }
  const own = accountHolderYear(b, commune);
  const allItems = [...items, ...own.items];
  return {
    lowParticipationCells: ctx.cells.filter((c) => c.low).map((c) => c.unit.key),
    selfExaminations: [...b.exams, ...own.exams],
    feedback: [...b.feedback, ...own.feedback],
    plans: plansOf(allItems),
    planItems: allItems,
  };
}
