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
import { buildDemoSelfExamination, type DemoSelfExamData } from '../self-examination.js';
import { periodKey } from '../../domain/self-examination.js';
import { writeAuditEntries, type AuditWrite } from '../../features/audit/service.js';
import { planItemSnapshot } from '../../features/correction-plans/service.js';
import { feedbackSnapshot } from '../../features/feedback/service.js';
import type { DemoRefs } from './refs.js';
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
  const need = (map: Map<string, string>, key: string, what: string): string => {
    const id = map.get(key);
    if (!id) throw new Error(`demo self-examination: unknown ${what} ${key}`);
    return id;
  };
  const unitId = (key: string) => need(refs.unitIds, key, 'unit');
  const memberId = (key: string) => need(refs.memberIds, key, 'member');
  const memberOrNull = (key: string | null) => (key === null ? null : memberId(key));
  const accountOf = (key: string | null) => (key === null ? null : (refs.accountOfMember.get(key) ?? null));
  const itemIds = new Map(checklist.items.map((i) => [i.code, i] as const));
  const item = (code: string) => {
    const found = itemIds.get(code);
    if (!found) throw new Error(`demo self-examination: the checklist has no item ${code}`);
    return found;
  };

  // The cells' meetings, to link feedback given in one (a cell never meets twice on a day).
  const meetingIds = new Map<string, string>();
  for (const m of await trx.selectFrom('meetings').select(['id', 'unit_id', 'meeting_date']).execute()) {
    meetingIds.set(`${m.unit_id}|${m.meeting_date}`, m.id);
  }

  const examIds = new Map<string, string>();
  const feedbackIds = new Map<string, string>();
  const itemIdsByKey = new Map<string, string>();
  for (const e of data.selfExaminations) examIds.set(e.key, newId());
  for (const f of data.feedback) feedbackIds.set(f.key, newId());
  for (const i of data.planItems) itemIdsByKey.set(i.key, newId());

  const exams: SelfExaminationTable[] = [];
  const answers: SelfExaminationAnswerTable[] = [];
  for (const e of data.selfExaminations) {
    const id = examIds.get(e.key)!;
    const cellId = unitId(e.cellKey);
    // Shaped as the `shortcoming` and `followup` schemas of the self-examination API; keys are UUIDs.
    const shortcomings = e.shortcomings.map((s) => ({ key: newId(), text: s.text, causeKind: s.causeKind, cause: s.cause, plan: s.plan }));
    const followups = e.followups.map((f) => ({
      key: newId(),
      planItemId: f.planItemKey ? need(itemIdsByKey, f.planItemKey, 'plan item') : null,
      shortcoming: f.shortcoming,
      status: f.status,
      result: f.result,
    }));
    exams.push({
      id,
      unit_id: cellId,
      member_id: memberId(e.memberKey),
      checklist_version_id: checklist.versionId,
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
      reviewed_by_account_id: accountOf(e.reviewedByKey),
      review_comment: e.reviewComment,
      created_at: e.createdAt,
      updated_at: e.updatedAt,
    });
    for (const a of e.answers) answers.push({ self_examination_id: id, item_id: item(a.code).id, unit_id: cellId, mark: a.mark, note: a.note });
  }

  const feedback: FeedbackTable[] = data.feedback.map((f) => {
    const cellId = unitId(f.cellKey);
    const manifestation = f.manifestationCode ? item(f.manifestationCode) : null;
    return {
      id: feedbackIds.get(f.key)!,
      unit_id: cellId,
      direction: f.direction,
      giver_member_id: f.anonymous ? null : memberOrNull(f.giverKey),
      receiver_member_id: memberOrNull(f.receiverKey),
      anonymous: f.anonymous ? 1 : 0,
      topic: f.topic,
      text: f.text,
      meeting_id: f.meetingDate ? need(meetingIds, `${cellId}|${f.meetingDate}`, 'meeting') : null,
      manifestation_item_id: manifestation?.id ?? null,
      grave: manifestation?.grave ? 1 : 0,
      status: f.status,
      answer_text: f.answerText,
      answered_at: f.answeredAt,
      answered_by_member_id: memberOrNull(f.answeredByKey),
      given_on: f.givenOn,
      created_at: f.createdAt,
      updated_at: f.updatedAt,
    };
  });

  // One plan per member and year: a plan written earlier in the seed (the story's account
  // holder's own first year reaches into the present) takes the present's items too.
  const existing = new Map<string, { id: string; items: number }>();
  if (data.plans.length > 0) {
    const rows = await trx
      .selectFrom('correction_plans as p')
      .leftJoin('correction_plan_items as i', 'i.plan_id', 'p.id')
      .select((eb) => ['p.id', 'p.member_id', 'p.year', eb.fn.count<number>('i.id').as('items')])
      .where('p.year', 'in', [...new Set(data.plans.map((p) => p.year))])
      .groupBy(['p.id', 'p.member_id', 'p.year'])
      .execute();
    for (const r of rows) existing.set(`${r.member_id}/${r.year}`, { id: r.id, items: Number(r.items) });
  }
  const planIds = new Map<string, string>();
  const shift = new Map<string, number>();
  const plans: CorrectionPlanTable[] = [];
  for (const p of data.plans) {
    const found = existing.get(`${memberId(p.memberKey)}/${p.year}`);
    if (found) {
      planIds.set(p.key, found.id);
      shift.set(p.key, found.items);
      continue;
    }
    const id = newId();
    planIds.set(p.key, id);
    plans.push({ id, unit_id: unitId(p.cellKey), member_id: memberId(p.memberKey), year: p.year, created_at: p.createdAt, updated_at: p.updatedAt });
  }

  const items: CorrectionPlanItemTable[] = [];
  const progress: CorrectionPlanProgressTable[] = [];
  for (const i of data.planItems) {
    const id = itemIdsByKey.get(i.key)!;
    const cellId = unitId(i.cellKey);
    items.push({
      id,
      plan_id: need(planIds, i.planKey, 'plan'),
      unit_id: cellId,
      member_id: memberId(i.memberKey),
      position: i.position + (shift.get(i.planKey) ?? 0),
      shortcoming: i.shortcoming,
      action: i.action,
      deadline: i.deadline,
      success_criteria: i.successCriteria,
      source_kind: i.sourceKind,
      source_self_examination_id: i.selfExamKey ? need(examIds, i.selfExamKey, 'self-examination') : null,
      source_feedback_id: i.feedbackKey ? need(feedbackIds, i.feedbackKey, 'feedback') : null,
      status: i.status,
      claimed_on: i.claimedOn,
      verified_on: i.verifiedOn,
      verified_by_account_id: accountOf(i.verifiedByKey),
      verification_comment: i.verificationComment,
      created_by_account_id: accountOf(i.createdByKey),
      created_at: i.createdAt,
      updated_at: i.updatedAt,
    });
    for (const p of i.progress) {
      progress.push({ id: newId(), item_id: id, unit_id: cellId, author_account_id: accountOf(p.authorKey), kind: p.kind, note: p.note, created_at: p.at });
    }
  }

  await insertInChunks(trx, 'self_examinations', exams, 100);
  await insertInChunks(trx, 'self_examination_answers', answers, 500);
  await insertInChunks(trx, 'feedback', feedback, 100);
  await insertInChunks(trx, 'correction_plans', plans, 300);
  await insertInChunks(trx, 'correction_plan_items', items, 100);
  await insertInChunks(trx, 'correction_plan_progress', progress, 300);

  // The audit chain: one entry per record created, as created by the system.
  const entries: AuditWrite[] = [
    ...exams.map((e) => ({
      actorAccountId: null,
      action: 'self_examination.create',
      recordType: 'self_examination',
      recordId: e.id,
      unitId: e.unit_id,
      after: { memberId: e.member_id, periodKey: e.period_key, checklistVersionId: e.checklist_version_id, status: e.status, source: 'demo' },
    })),
    ...feedback.map((f) => ({
      actorAccountId: null,
      action: 'feedback.create',
      recordType: 'feedback',
      recordId: f.id,
      unitId: f.unit_id,
      // As the feedback service keeps it; for anonymous feedback nothing may point at who gave it.
      after: { ...feedbackSnapshot(f), status: f.status, source: 'demo' },
    })),
    // As the correction-plan service writes them: on the plan's history, naming the item.
    ...items.map((i) => ({
      actorAccountId: null,
      action: 'correction_item.create',
      recordType: 'correction_plan',
      recordId: i.plan_id,
      unitId: i.unit_id,
      after: { itemId: i.id, ...planItemSnapshot(i), source: 'demo' },
    })),
  ];
  await writeAuditEntries(trx, handle.dialect, entries);

  return {
    selfExaminations: exams.length,
    answers: answers.length,
    feedback: feedback.length,
    plans: plans.length,
    planItems: items.length,
    progress: progress.length,
  };
}
