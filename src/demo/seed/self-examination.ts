import type { Kysely } from 'kysely';
import type { DatabaseHandle } from '../../db/database.js';
import type {
  CorrectionPlanItemTable,
  CorrectionPlanProgressTable,
  CorrectionPlanTable,
  Database,
  FeedbackTable,
  SelfExaminationAnswerTable,
  SelfExaminationTable,
} from '../../db/schema.js';
import { newId } from '../../db/ids.js';
import type { DemoCommune } from '../commune.js';
import type { DemoMeeting } from '../meetings.js';
import {
  buildDemoSelfExamination,
  type DemoCorrectionPlan,
  type DemoFeedback,
  type DemoPlanItem,
  type DemoSelfExamData,
  type DemoSelfExamination,
} from '../self-examination.js';
import { periodKey } from '../../domain/self-examination.js';
import { writeAuditEntries, type AuditWrite } from '../../features/audit/service.js';
import { planItemSnapshot } from '../../features/correction-plans/service.js';
import { feedbackSnapshot } from '../../features/feedback/service.js';
import { cellDay, cellMeetingIds, demoIds, type DemoIds, type DemoRefs } from './refs.js';
import { insertInChunks } from './insert.js';

/** The checklist version the demo marks against (what `loadStartingChecklist` returns). */
export interface DemoChecklist {
  versionId: string;
  items: { id: string; code: string; list: 'manifestation' | 'exemplary'; grave: boolean }[];
}

export interface DemoSelfExamCounts {
  selfExaminations: number;
  answers: number;
  feedback: number;
  plans: number;
  planItems: number;
  progress: number;
}

/**
 * Writes the demo's "tự soi, tự sửa" (see demo-self-examination.ts) after the meetings and the
 * work: self-examinations with their answers, feedback (linked to the meeting it was given in),
 * correction plans, their items and progress. Rows go in batches; each self-examination, feedback
 * and plan item gets its audit entry, as created by the system. Anonymous feedback is stored and
 * audited without any trace of its author.
 */
export async function seedDemoSelfExamination(
  trx: Kysely<Database>,
  handle: Pick<DatabaseHandle, 'dialect'>,
  demo: DemoCommune,
  meetings: readonly DemoMeeting[],
  refs: DemoRefs,
  checklist: DemoChecklist,
  /** What to write: 2022's by default, or the present's (present.ts). */
  data: DemoSelfExamData = buildDemoSelfExamination(demo, meetings),
): Promise<DemoSelfExamCounts> {
  // The cells' meetings, to link feedback given in one.
  const meetingIds = await cellMeetingIds(trx);
  const seed = selfExamSeed(refs, checklist, data);
  const { exams, answers } = selfExaminationRows(seed, data.selfExaminations);
  const feedback = data.feedback.map((f) => feedbackRow(seed, meetingIds, f));
  const plans = correctionPlanRows(seed, data.plans, await existingPlans(trx, data.plans));
  const { items, progress } = planItemRows(seed, data.planItems, plans);
  const rows: SelfExamRows = { exams, answers, feedback, plans: plans.rows, items, progress };
  await insertSelfExamRows(trx, rows);
  await writeAuditEntries(trx, handle.dialect, selfExamAudit(rows));
  return {
    selfExaminations: exams.length,
    answers: answers.length,
    feedback: feedback.length,
    plans: plans.rows.length,
    planItems: items.length,
    progress: progress.length,
  };
}

/** What the steps share: the id lookups, the checklist's items and the ids given to the data's records. */
interface SelfExamSeed {
  ids: DemoIds;
  checklist: DemoChecklist;
  /** The checklist item of a code (a manifestation or an exemplary point). */
  item(code: string): DemoChecklist['items'][number];
  /** Ids given up front by key: the records point at each other (a follow-up at its plan item). */
  examIds: Map<string, string>;
  feedbackIds: Map<string, string>;
  planItemIds: Map<string, string>;
}

/** The steps' shared lookups; gives every self-examination, feedback and plan item its id. */
function selfExamSeed(refs: DemoRefs, checklist: DemoChecklist, data: DemoSelfExamData): SelfExamSeed {
  const items = new Map(checklist.items.map((i) => [i.code, i] as const));
  const idsOf = (records: readonly { key: string }[]) => new Map(records.map((r) => [r.key, newId()] as const));
  return {
    ids: demoIds(refs, 'demo self-examination'),
    checklist,
    item: (code) => {
      const found = items.get(code);
      if (!found) throw new Error(`demo self-examination: the checklist has no item ${code}`);
      return found;
    },
    examIds: idsOf(data.selfExaminations),
    feedbackIds: idsOf(data.feedback),
    planItemIds: idsOf(data.planItems),
  };
}

/** The rows the writer inserts, by table. */
interface SelfExamRows {
  exams: SelfExaminationTable[];
  answers: SelfExaminationAnswerTable[];
  feedback: FeedbackTable[];
  plans: CorrectionPlanTable[];
  items: CorrectionPlanItemTable[];
  progress: CorrectionPlanProgressTable[];
}

/** The self-examinations (bản tự kiểm điểm) and their marks on the checklist. */
function selfExaminationRows(seed: SelfExamSeed, data: readonly DemoSelfExamination[]): Pick<SelfExamRows, 'exams' | 'answers'> {
  const exams: SelfExaminationTable[] = [];
  const answers: SelfExaminationAnswerTable[] = [];
  for (const e of data) {
    const exam = selfExaminationRow(seed, e);
    exams.push(exam);
    for (const a of e.answers) answers.push({ self_examination_id: exam.id, item_id: seed.item(a.code).id, unit_id: exam.unit_id, mark: a.mark, note: a.note });
  }
  return { exams, answers };
}

/** A stored self-examination, its shortcomings and follow-ups as the API's JSON. */
function selfExaminationRow(seed: SelfExamSeed, e: DemoSelfExamination): SelfExaminationTable {
  const { ids } = seed;
  // Shaped as the `shortcoming` and `followup` schemas of the self-examination API; keys are UUIDs.
  const shortcomings = e.shortcomings.map((s) => ({ key: newId(), text: s.text, causeKind: s.causeKind, cause: s.cause, plan: s.plan }));
  const followups = e.followups.map((f) => ({
    key: newId(),
    planItemId: f.planItemKey ? ids.need(seed.planItemIds, f.planItemKey, 'plan item') : null,
    shortcoming: f.shortcoming,
    status: f.status,
    result: f.result,
  }));
  return {
    id: seed.examIds.get(e.key)!,
    unit_id: ids.unitId(e.cellKey),
    member_id: ids.memberId(e.memberKey),
    checklist_version_id: seed.checklist.versionId,
    period_kind: e.periodKind,
    year: e.year,
    quarter: e.quarter,
    meeting_id: null,
    period_key: periodKey({ kind: e.periodKind, year: e.year, quarter: e.quarter, meetingId: null }),
    status: e.status,
    strengths: e.strengths,
    shortcomings_json: JSON.stringify(shortcomings),
    followups_json: JSON.stringify(followups),
    revision: e.revision,
    submitted_at: e.submittedAt,
    reviewed_at: e.reviewedAt,
    reviewed_by_account_id: ids.accountOf(e.reviewedByKey),
    review_comment: e.reviewComment,
    created_at: e.createdAt,
    updated_at: e.updatedAt,
  };
}

/** A stored piece of feedback (góp ý); anonymous feedback keeps no trace of its giver. */
function feedbackRow(seed: SelfExamSeed, meetingIds: ReadonlyMap<string, string>, f: DemoFeedback): FeedbackTable {
  const { ids } = seed;
  const cellId = ids.unitId(f.cellKey);
  const manifestation = f.manifestationCode ? seed.item(f.manifestationCode) : null;
  return {
    id: seed.feedbackIds.get(f.key)!,
    unit_id: cellId,
    direction: f.direction,
    giver_member_id: f.anonymous ? null : ids.memberOrNull(f.giverKey),
    receiver_member_id: ids.memberOrNull(f.receiverKey),
    anonymous: f.anonymous ? 1 : 0,
    topic: f.topic,
    text: f.text,
    meeting_id: f.meetingDate ? ids.need(meetingIds, cellDay(cellId, f.meetingDate), 'meeting') : null,
    manifestation_item_id: manifestation?.id ?? null,
    grave: manifestation?.grave ? 1 : 0,
    status: f.status,
    answer_text: f.answerText,
    answered_at: f.answeredAt,
    answered_by_member_id: ids.memberOrNull(f.answeredByKey),
    given_on: f.givenOn,
    created_at: f.createdAt,
    updated_at: f.updatedAt,
  };
}

/** A correction plan already stored, by `memberId/year`, with how many items it has. */
type ExistingPlans = Map<string, { id: string; items: number }>;

/**
 * The correction plans of the data's years already stored. One plan per member and year: a plan
 * written earlier in the seed (the story's account holder's own first year reaches into the
 * present) takes the present's items too.
 */
async function existingPlans(trx: Kysely<Database>, plans: readonly DemoCorrectionPlan[]): Promise<ExistingPlans> {
  const existing: ExistingPlans = new Map();
  if (plans.length === 0) return existing;
  const rows = await trx
    .selectFrom('correction_plans as p')
    .leftJoin('correction_plan_items as i', 'i.plan_id', 'p.id')
    .select((eb) => ['p.id', 'p.member_id', 'p.year', eb.fn.count<number>('i.id').as('items')])
    .where('p.year', 'in', [...new Set(plans.map((p) => p.year))])
    .groupBy(['p.id', 'p.member_id', 'p.year'])
    .execute();
  for (const r of rows) existing.set(`${r.member_id}/${r.year}`, { id: r.id, items: Number(r.items) });
  return existing;
}

/** The plans to write, and where each plan's items go: its id, and the items already on it. */
interface PlanRows {
  rows: CorrectionPlanTable[];
  ids: Map<string, string>;
  /** Items a plan already holds, to number the new ones after them. */
  shift: Map<string, number>;
}

/** The correction plans (kế hoạch tự sửa) not yet stored; a stored one takes the data's plan's items. */
function correctionPlanRows(seed: SelfExamSeed, plans: readonly DemoCorrectionPlan[], existing: ExistingPlans): PlanRows {
  const { ids } = seed;
  const out: PlanRows = { rows: [], ids: new Map(), shift: new Map() };
  for (const p of plans) {
    const found = existing.get(`${ids.memberId(p.memberKey)}/${p.year}`);
    if (found) {
      out.ids.set(p.key, found.id);
      out.shift.set(p.key, found.items);
      continue;
    }
    const id = newId();
    out.ids.set(p.key, id);
    out.rows.push({ id, unit_id: ids.unitId(p.cellKey), member_id: ids.memberId(p.memberKey), year: p.year, created_at: p.createdAt, updated_at: p.updatedAt });
  }
  return out;
}

/** The plans' items (việc tự sửa) and each item's progress notes. */
function planItemRows(seed: SelfExamSeed, data: readonly DemoPlanItem[], plans: PlanRows): Pick<SelfExamRows, 'items' | 'progress'> {
  const items: CorrectionPlanItemTable[] = [];
  const progress: CorrectionPlanProgressTable[] = [];
  for (const i of data) {
    const item = planItemRow(seed, i, plans);
    items.push(item);
    for (const p of i.progress) {
      progress.push({ id: newId(), item_id: item.id, unit_id: item.unit_id, author_account_id: seed.ids.accountOf(p.authorKey), kind: p.kind, note: p.note, created_at: p.at });
    }
  }
  return { items, progress };
}

/** A stored plan item, numbered after the items its plan already holds, pointing at its source. */
function planItemRow(seed: SelfExamSeed, i: DemoPlanItem, plans: PlanRows): CorrectionPlanItemTable {
  const { ids } = seed;
  return {
    id: seed.planItemIds.get(i.key)!,
    plan_id: ids.need(plans.ids, i.planKey, 'plan'),
    unit_id: ids.unitId(i.cellKey),
    member_id: ids.memberId(i.memberKey),
    position: i.position + (plans.shift.get(i.planKey) ?? 0),
    shortcoming: i.shortcoming,
    action: i.action,
    deadline: i.deadline,
    success_criteria: i.successCriteria,
    source_kind: i.sourceKind,
    source_self_examination_id: i.selfExamKey ? ids.need(seed.examIds, i.selfExamKey, 'self-examination') : null,
    source_feedback_id: i.feedbackKey ? ids.need(seed.feedbackIds, i.feedbackKey, 'feedback') : null,
    source_inspection_id: null,
    status: i.status,
    claimed_on: i.claimedOn,
    verified_on: i.verifiedOn,
    verified_by_account_id: ids.accountOf(i.verifiedByKey),
    verification_comment: i.verificationComment,
    created_by_account_id: ids.accountOf(i.createdByKey),
    created_at: i.createdAt,
    updated_at: i.updatedAt,
  };
}

/** Inserts the rows in batches, each table in statements of a size its columns allow. */
async function insertSelfExamRows(trx: Kysely<Database>, rows: SelfExamRows): Promise<void> {
  await insertInChunks(trx, 'self_examinations', rows.exams, 100);
  await insertInChunks(trx, 'self_examination_answers', rows.answers, 500);
  await insertInChunks(trx, 'feedback', rows.feedback, 100);
  await insertInChunks(trx, 'correction_plans', rows.plans, 300);
  await insertInChunks(trx, 'correction_plan_items', rows.items, 100);
  await insertInChunks(trx, 'correction_plan_progress', rows.progress, 300);
}

/** The audit chain's entries: one per record created, as created by the system. */
function selfExamAudit(rows: SelfExamRows): AuditWrite[] {
  return [
    ...rows.exams.map((e) => ({
      actorAccountId: null,
      action: 'self_examination.create',
      recordType: 'self_examination',
      recordId: e.id,
      unitId: e.unit_id,
      after: { memberId: e.member_id, periodKey: e.period_key, checklistVersionId: e.checklist_version_id, status: e.status, source: 'demo' },
    })),
    ...rows.feedback.map((f) => ({
      actorAccountId: null,
      action: 'feedback.create',
      recordType: 'feedback',
      recordId: f.id,
      unitId: f.unit_id,
      // As the feedback service keeps it; for anonymous feedback nothing may point at who gave it.
      after: { ...feedbackSnapshot(f), status: f.status, source: 'demo' },
    })),
    // As the correction-plan service writes them: on the plan's history, naming the item.
    ...rows.items.map((i) => ({
      actorAccountId: null,
      action: 'correction_item.create',
      recordType: 'correction_plan',
      recordId: i.plan_id,
      unitId: i.unit_id,
      after: { itemId: i.id, ...planItemSnapshot(i), source: 'demo' },
    })),
  ];
}
