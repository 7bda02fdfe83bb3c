import { pathIds } from '../../domain/unit-paths.js';
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AppContext } from '../../core/context.js';
import { can, type Actor } from '../../domain/policy.js';
import type { Database, SelfExaminationAnswerTable, SelfExaminationTable } from '../../db/schema.js';
import { newId, nowIso } from '../../db/ids.js';
import { localDate, todayInVietnam } from '../../domain/vietnam-time.js';
import { canonicalJson } from '../../domain/audit-chain.js';
import { allowedYears } from '../../domain/commitments.js';
import {
  aggregateIfLargeEnough,
  feedbackRate,
  monthsElapsed,
  askedPeriod,
  countedExamPerMember,
  percentOf,
  periodKey,
  periodKeysOf,
  periodLabelVi,
  planCounts,
  planItemDueSoon,
  planItemOverdue,
  statsPeriod,
  statsPeriodLabelVi,
  type SelfExamPeriod,
} from '../../domain/self-examination.js';
import { addDays } from '../../domain/tasks.js';
import { AppError, fieldError, fieldErrors, forbidden, type FieldProblem } from '../../core/errors.js';
import { exemplaryMarks, manifestationMarks, type ChecklistList, type PlanItemStatus, type SelfExamPeriodKind, type SelfExamStatus } from '../../shared/enums.js';
import { logRead, writeAudit, writeTransaction } from '../audit/service.js';
import { findMemberWithUnit } from '../members/lookup.js';
import { activeCellsIn, findUnit } from '../units/lookup.js';
import { authorizeUnit } from '../units/policy.js';
import { findMeeting, thematicMeetingsOf } from '../meetings/lookup.js';
import * as checklistRead from '../checklist/lookup.js';
import { ensureChecklist, presentChecklist } from '../checklist/service.js';
import * as planRead from '../correction-plans/lookup.js';
import { ensurePlan, insertPlanItems, presentPlans, type NewPlanItem } from '../correction-plans/service.js';
import * as feedbackRead from '../feedback/lookup.js';
import { memberFeedback, presentFeedback } from '../feedback/service.js';
import * as repo from './repo.js';
import { notifiedCasesOfMember } from '../inspections/lookup.js';
import type { SelfExamRow } from './repo.js';
import { authorizeExamRead, authorizeExamWrite, authorizeReview, isOwnExam, selfExamActionsFor } from './policy.js';
import {
  MIN_GROUP,
  type AccessLogResponse,
  type CreateSelfExamBody,
  type Followup,
  type MySelfExamResponse,
  type SaveDraftBody,
  type SelfExamDetail,
  type SelfExamSummary,
  type Shortcoming,
  type StatsResponse,
} from './schemas.js';

type Db = Kysely<Database>;


// --- presenting -------------------------------------------------------------------------------

const periodOf = (e: Pick<SelfExamRow, 'period_kind' | 'year' | 'quarter' | 'meeting_id'>) => ({
  kind: e.period_kind as SelfExamPeriodKind,
  year: Number(e.year),
  quarter: e.quarter === null ? null : Number(e.quarter),
  meetingId: e.meeting_id,
});

function presentSummary(e: SelfExamRow, marks: { atRisk: number; present: number } | undefined): SelfExamSummary {
  const period = periodOf(e);
  return {
    id: e.id,
    memberId: e.member_id,
    memberName: e.member_name,
    unitId: e.unit_id,
    unitName: e.unit_name,
    periodKind: period.kind,
    year: period.year,
    quarter: period.quarter,
    meetingId: e.meeting_id,
    meetingDate: e.meeting_date,
    periodLabel: periodLabelVi(period, e.meeting_date),
    status: e.status as SelfExamStatus,
    submittedAt: e.submitted_at,
    reviewedAt: e.reviewed_at,
    updatedAt: e.updated_at,
    marked: marks ?? { atRisk: 0, present: 0 },
  };
}

async function presentSummaries(db: Db, rows: readonly SelfExamRow[]): Promise<SelfExamSummary[]> {
  const marks = await repo.markCounts(db, rows.map((r) => r.id));
  return rows.map((r) => presentSummary(r, marks.get(r.id)));
}

async function detailOf(db: Db, actor: Actor, e: SelfExamRow): Promise<SelfExamDetail> {
  const [answers, version, plan, fromThis] = await Promise.all([
    repo.answersOf(db, e.id),
    checklistRead.findVersion(db, e.checklist_version_id),
    planRead.findPlanOf(db, e.member_id, Number(e.year)),
    planRead.itemsFromSelfExam(db, e.id),
  ]);
  const marks = { atRisk: answers.filter((a) => a.mark === 'at_risk').length, present: answers.filter((a) => a.mark === 'present').length };
  const checklist = await presentChecklist(db, actor, version!);
  return {
    ...presentSummary(e, marks),
    // Reading a self-examination never offers editing the checklist.
    checklist: { ...checklist, actions: [] },
    strengths: e.strengths,
    answers: answers.map((a) => ({ itemId: a.item_id, mark: a.mark as SelfExamDetail['answers'][number]['mark'], note: a.note })),
    shortcomings: JSON.parse(e.shortcomings_json) as Shortcoming[],
    followups: JSON.parse(e.followups_json) as Followup[],
    revision: Number(e.revision),
    reviewComment: e.review_comment,
    reviewedByName: e.reviewed_by_name,
    planId: plan?.id ?? null,
    planItemIds: fromThis.map((i) => i.id),
    own: isOwnExam(actor, e),
    actions: selfExamActionsFor(actor, e),
  };
}

// --- opening ------------------------------------------------------------------------------------

/**
 * Validates the period fields together: one 400 naming each that does not fit the kind. A
 * thematic self-examination takes its year from the meeting it prepares for.
 */
function assertPeriod(body: CreateSelfExamBody, meetingDate: string | null): void {
  const problems: FieldProblem[] = [];
  const { from, to } = allowedYears(todayInVietnam());
  if (meetingDate !== null) {
    if (body.year !== Number(meetingDate.slice(0, 4))) problems.push({ field: 'year', messageKey: 'self_exam_meeting_year', params: { year: meetingDate.slice(0, 4) } });
  } else if (body.year < from || body.year > to) problems.push({ field: 'year', messageKey: 'self_exam_year_range', params: { from, to } });
  if (body.periodKind === 'quarter' && body.quarter === undefined) problems.push({ field: 'quarter', messageKey: 'issue.required' });
  if (body.periodKind !== 'quarter' && body.quarter !== undefined) problems.push({ field: 'quarter', messageKey: 'self_exam_field_not_for_kind' });
  if (body.periodKind === 'thematic' && body.meetingId === undefined) problems.push({ field: 'meetingId', messageKey: 'issue.required' });
  if (body.periodKind !== 'thematic' && body.meetingId !== undefined) problems.push({ field: 'meetingId', messageKey: 'self_exam_field_not_for_kind' });
  if (problems.length > 0) throw fieldErrors(problems);
}

/**
 * Follow-ups the new self-examination starts with: every item of the member's plans of last year
 * and this year, with its status now, for the member to say what came of it.
 */
async function prefilledFollowups(trx: Db, memberId: string, year: number): Promise<Followup[]> {
  const items = await planRead.itemsOfMemberYears(trx, memberId, [year - 1, year]);
  return items.slice(-60).map((i) => ({ key: newId(), planItemId: i.id, shortcoming: i.shortcoming, status: i.status as PlanItemStatus, result: '' }));
}

/** Mở bản tự soi — the member's own, for one period, against the checklist in effect for their cell. */
export async function createSelfExam(ctx: AppContext, actor: Actor, body: CreateSelfExamBody): Promise<SelfExamDetail> {
  if (!actor.memberId) throw forbidden();
  const memberId = actor.memberId;
  const id = await writeTransaction(ctx.handle, async (trx) => {
    const me = await findMemberWithUnit(trx, memberId);
    if (!me || me.archived_at) throw forbidden();
    let meetingDate: string | null = null;
    if (body.meetingId !== undefined) {
      const meeting = await findMeeting(trx, body.meetingId);
      if (!meeting || meeting.unit_id !== me.unit_id) throw new AppError(404, 'not_found', {}, [{ field: 'meetingId', messageKey: 'not_found' }]);
      if (meeting.kind !== 'thematic') throw fieldError('meetingId', 'self_exam_meeting_not_thematic');
      meetingDate = meeting.meeting_date;
    }
    assertPeriod(body, meetingDate);
    const period = { kind: body.periodKind, year: body.year, quarter: body.quarter ?? null, meetingId: body.meetingId ?? null };
    const key = periodKey(period);
    if (await repo.findByPeriod(trx, me.id, key)) throw new AppError(409, 'self_exam_exists');
    const checklist = await ensureChecklist(trx, ctx.handle.dialect, me.unit_path);
    await ensurePlan(trx, ctx.handle.dialect, actor.accountId, me, body.year);
    const now = nowIso();
    const row: SelfExaminationTable = {
      id: newId(),
      unit_id: me.unit_id,
      member_id: me.id,
      checklist_version_id: checklist.id,
      period_kind: period.kind,
      year: period.year,
      quarter: period.quarter,
      meeting_id: period.meetingId,
      period_key: key,
      status: 'draft',
      strengths: '',
      shortcomings_json: '[]',
      followups_json: JSON.stringify(await prefilledFollowups(trx, me.id, body.year)),
      revision: 0,
      submitted_at: null,
      reviewed_at: null,
      reviewed_by_account_id: null,
      review_comment: null,
      created_at: now,
      updated_at: now,
    };
    await repo.insertExam(trx, row);
    await writeAudit(trx, ctx.handle.dialect, {
      actorAccountId: actor.accountId,
      action: 'self_examination.create',
      recordType: 'self_examination',
      recordId: row.id,
      unitId: row.unit_id,
      after: { memberId: row.member_id, periodKey: key, checklistVersionId: row.checklist_version_id },
    });
    return row.id;
  });
  return detailOf(ctx.handle.db, actor, (await repo.findExam(ctx.handle.db, id))!);
}

/** A self-examination; a read by anyone but the member is written to the access log first. */
export async function selfExamDetail(ctx: AppContext, actor: Actor, id: string): Promise<SelfExamDetail> {
  const e = await repo.findExam(ctx.handle.db, id);
  authorizeExamRead(actor, e);
  if (!isOwnExam(actor, e!)) await logRead(ctx.handle, actor, { recordType: 'self_examination', recordId: e!.id, unitId: e!.unit_id, unitPath: e!.unit_path });
  return detailOf(ctx.handle.db, actor, e!);
}

// --- writing the draft --------------------------------------------------------------------------

/** Every answer names an item of this self-examination's own checklist version, with a mark of that item's list. */
async function checkedAnswers(trx: Db, e: SelfExamRow, answers: SaveDraftBody['answers']): Promise<SelfExaminationAnswerTable[]> {
  const items = new Map((await checklistRead.itemsOfVersion(trx, e.checklist_version_id)).map((i) => [i.id, i]));
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  answers.forEach((a, index) => {
    const item = items.get(a.itemId);
    if (!item) problems.push({ field: `answers.${index}.itemId`, messageKey: 'self_exam_item_other_version' });
    else if (seen.has(a.itemId)) problems.push({ field: `answers.${index}.itemId`, messageKey: 'duplicate_entry' });
    else {
      const marks: readonly string[] = item.list === 'manifestation' ? manifestationMarks : exemplaryMarks;
      if (!marks.includes(a.mark)) problems.push({ field: `answers.${index}.mark`, messageKey: 'self_exam_mark_wrong_list', params: { values: marks.join(', ') } });
    }
    seen.add(a.itemId);
  });
  if (problems.length > 0) throw fieldErrors(problems);
  return answers.map((a) => ({ self_examination_id: e.id, item_id: a.itemId, unit_id: e.unit_id, mark: a.mark, note: a.note ? a.note : null }));
}

/** A fingerprint of the draft's content: the audit log proves which text was saved without holding a copy of every keystroke. */
const contentHash = (content: unknown) => createHash('sha256').update(canonicalJson(content)).digest('hex');

/** Lưu nháp — the whole draft as the member has it now; refused if another save came in between. */
export async function saveDraft(ctx: AppContext, actor: Actor, id: string, body: SaveDraftBody): Promise<{ revision: number; updatedAt: string }> {
  return writeTransaction(ctx.handle, async (trx) => {
    const e = await repo.findExam(trx, id);
    authorizeExamWrite(actor, e);
    if (e!.status !== 'draft') throw new AppError(409, 'self_exam_not_draft');
    if (body.revision !== Number(e!.revision)) throw new AppError(409, 'self_exam_stale', { revision: Number(e!.revision) });
    const answers = await checkedAnswers(trx, e!, body.answers);
    const own = new Set((await planRead.itemsOfMemberYears(trx, e!.member_id, [Number(e!.year) - 1, Number(e!.year)])).map((i) => i.id));
    const problems: FieldProblem[] = [];
    body.followups.forEach((f, index) => {
      if (f.planItemId !== null && !own.has(f.planItemId)) problems.push({ field: `followups.${index}.planItemId`, messageKey: 'not_found' });
    });
    if (problems.length > 0) throw fieldErrors(problems);
    const now = nowIso();
    const revision = Number(e!.revision) + 1;
    const saved = await repo.updateExam(
      trx,
      e!.id,
      { strengths: body.strengths, shortcomings_json: JSON.stringify(body.shortcomings), followups_json: JSON.stringify(body.followups), revision, updated_at: now },
      Number(e!.revision),
    );
    if (!saved) throw new AppError(409, 'self_exam_stale', { revision: Number(e!.revision) });
    await repo.replaceAnswers(trx, e!.id, answers);
    await writeAudit(trx, ctx.handle.dialect, {
      actorAccountId: actor.accountId,
      action: 'self_examination.save_draft',
      recordType: 'self_examination',
      recordId: e!.id,
      unitId: e!.unit_id,
      after: {
        revision,
        answers: answers.length,
        shortcomings: body.shortcomings.length,
        followups: body.followups.length,
        contentSha256: contentHash({ strengths: body.strengths, answers: body.answers, shortcomings: body.shortcomings, followups: body.followups }),
      },
    });
    return { revision, updatedAt: now };
  });
}

/** The proposed corrections a submitted self-examination turns into plan items: complete ones only, each checked. */
function proposedCorrections(shortcomings: readonly Shortcoming[], examId: string, day: string): NewPlanItem[] {
  const problems: FieldProblem[] = [];
  const out: NewPlanItem[] = [];
  shortcomings.forEach((s, index) => {
    if (!s.plan) return;
    const plan = { action: s.plan.action.trim(), deadline: s.plan.deadline, successCriteria: s.plan.successCriteria.trim() };
    if (!plan.action && !plan.deadline && !plan.successCriteria) return;
    if (!s.text.trim()) problems.push({ field: `shortcomings.${index}.text`, messageKey: 'issue.required' });
    if (!plan.action) problems.push({ field: `shortcomings.${index}.plan.action`, messageKey: 'issue.required' });
    if (!plan.successCriteria) problems.push({ field: `shortcomings.${index}.plan.successCriteria`, messageKey: 'issue.required' });
    if (!plan.deadline) problems.push({ field: `shortcomings.${index}.plan.deadline`, messageKey: 'issue.required' });
    else if (plan.deadline < day) problems.push({ field: `shortcomings.${index}.plan.deadline`, messageKey: 'plan_deadline_past' });
    out.push({
      shortcoming: s.text.trim(),
      action: plan.action,
      deadline: plan.deadline ?? day,
      successCriteria: plan.successCriteria,
      source: { kind: 'self_examination', selfExaminationId: examId },
    });
  });
  if (problems.length > 0) throw fieldErrors(problems);
  return out;
}

/** Nộp bản tự soi: every item marked; the proposed corrections become the plan's items in the same step. */
export async function submitSelfExam(ctx: AppContext, actor: Actor, id: string): Promise<SelfExamDetail> {
  await writeTransaction(ctx.handle, async (trx) => {
    const e = await repo.findExam(trx, id);
    authorizeExamWrite(actor, e);
    if (e!.status !== 'draft') throw new AppError(409, 'self_exam_not_draft');
    const [items, answers] = await Promise.all([checklistRead.itemsOfVersion(trx, e!.checklist_version_id), repo.answersOf(trx, e!.id)]);
    const answered = new Set(answers.map((a) => a.item_id));
    const missing = items.filter((i) => !answered.has(i.id));
    if (missing.length > 0) {
      // Counted per list: "7 biểu hiện + 10 nội dung nêu gương", never one sum of both lists.
      const of = (list: ChecklistList) => missing.filter((i) => i.list === list).length;
      throw fieldError('answers', 'self_exam_unmarked', { manifestations: of('manifestation'), exemplary: of('exemplary'), codes: missing.map((i) => i.code).join(', ') });
    }
    const shortcomings = JSON.parse(e!.shortcomings_json) as Shortcoming[];
    const corrections = proposedCorrections(shortcomings, e!.id, todayInVietnam());
    const me = (await findMemberWithUnit(trx, e!.member_id))!;
    const plan = await ensurePlan(trx, ctx.handle.dialect, actor.accountId, me, Number(e!.year));
    const now = nowIso();
    await repo.updateExam(trx, e!.id, { status: 'submitted', submitted_at: now, updated_at: now, revision: Number(e!.revision) + 1 });
    await writeAudit(trx, ctx.handle.dialect, {
      actorAccountId: actor.accountId,
      action: 'self_examination.submit',
      recordType: 'self_examination',
      recordId: e!.id,
      unitId: e!.unit_id,
      before: { status: 'draft' },
      // The submitted record in full: from here on it is what the member stands by.
      after: {
        status: 'submitted',
        checklistVersionId: e!.checklist_version_id,
        strengths: e!.strengths,
        answers: answers.map((a) => ({ itemId: a.item_id, mark: a.mark, note: a.note })).sort((a, b) => a.itemId.localeCompare(b.itemId)),
        shortcomings,
        followups: JSON.parse(e!.followups_json) as unknown,
      },
    });
    await insertPlanItems(trx, ctx.handle.dialect, actor.accountId, plan, corrections);
  });
  return detailOf(ctx.handle.db, actor, (await repo.findExam(ctx.handle.db, id))!);
}

/** Nhận xét của chi ủy — once, on a submitted self-examination, never one's own. */
export async function reviewSelfExam(ctx: AppContext, actor: Actor, id: string, comment: string): Promise<SelfExamDetail> {
  await writeTransaction(ctx.handle, async (trx) => {
    const e = await repo.findExam(trx, id);
    authorizeReview(actor, e);
    if (e!.status !== 'submitted') throw new AppError(409, e!.status === 'draft' ? 'self_exam_not_submitted' : 'self_exam_reviewed');
    const now = nowIso();
    await repo.updateExam(trx, e!.id, { status: 'reviewed', reviewed_at: now, reviewed_by_account_id: actor.accountId, review_comment: comment, updated_at: now });
    await writeAudit(trx, ctx.handle.dialect, {
      actorAccountId: actor.accountId,
      action: 'self_examination.review',
      recordType: 'self_examination',
      recordId: e!.id,
      unitId: e!.unit_id,
      before: { status: e!.status },
      after: { status: 'reviewed', comment },
    });
  });
  return detailOf(ctx.handle.db, actor, (await repo.findExam(ctx.handle.db, id))!);
}

// --- the member's own page ----------------------------------------------------------------------

/** The signed-in member (403 for an account without a member record). */
async function requireMember(db: Db, actor: Actor) {
  const me = actor.memberId ? await findMemberWithUnit(db, actor.memberId) : undefined;
  if (!me) throw forbidden();
  return me;
}

export async function mySelfExam(ctx: AppContext, actor: Actor): Promise<MySelfExamResponse> {
  const { db } = ctx.handle;
  const me = await requireMember(db, actor);
  const day = todayInVietnam();
  const year = Number(day.slice(0, 4));
  const quarter = Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1;
  const [exams, plans, feedback, unit, thematic] = await Promise.all([
    repo.examsOfMember(db, me.id),
    planRead.plansOfMember(db, me.id),
    memberFeedback(db, actor, me.id),
    findUnit(db, me.unit_id),
    // "Before a thematic meeting": those coming up, and one just held (the self-examination may be read out late).
    thematicMeetingsOf(db, me.unit_id, addDays(day, -7), addDays(day, 60)),
  ]);
  const byKey = new Map(exams.map((e) => [e.period_key, e.id]));
  const periods: { period: SelfExamPeriod; meetingDate: string | null; topic: string | null }[] = [
    { period: { kind: 'year', year, quarter: null, meetingId: null }, meetingDate: null, topic: null },
    { period: { kind: 'quarter', year, quarter, meetingId: null }, meetingDate: null, topic: null },
    ...thematic.map((m) => ({ period: { kind: 'thematic' as const, year: Number(m.meeting_date.slice(0, 4)), quarter: null, meetingId: m.id }, meetingDate: m.meeting_date, topic: m.topic })),
  ];
  const opened = await repo.openedInCell(db, me.unit_id, periods.map((p) => periodKey(p.period)), me.id);
  const asked = askedPeriod(periods, opened, day);
  const suggested = periods.map(({ period: p, meetingDate, topic }, i) => ({
    periodKind: p.kind,
    year: p.year,
    quarter: p.quarter,
    meetingId: p.meetingId,
    meetingDate,
    topic,
    label: periodLabelVi(p, meetingDate),
    existingId: byKey.get(periodKey(p)) ?? null,
    askedBy: asked?.index === i ? asked.by : null,
  }));
  // What the cell asked for first; the rest as they were.
  if (asked) suggested.unshift(...suggested.splice(asked.index, 1));
  return {
    memberId: me.id,
    memberName: me.full_name,
    unitId: me.unit_id,
    unitName: unit?.name ?? '',
    today: day,
    suggested,
    selfExaminations: await presentSummaries(db, exams),
    plans: await presentPlans(db, actor, plans.slice(0, 3)),
    feedbackReceived: feedback.received,
    feedbackGiven: feedback.given,
  };
}

function recordPeriodOf(p: { period: SelfExamPeriod; meetingDate: string | null } | undefined) {
  const period = p?.period ?? { kind: 'year' as const, year: 0, quarter: null, meetingId: null };
  return {
    recordLabel: p ? periodLabelVi(period, p.meetingDate) : '',
    recordPeriod: { periodKind: period.kind, year: period.year, quarter: period.quarter, meetingDate: p?.meetingDate ?? null },
  };
}

/** "Ai đã xem hồ sơ của tôi" — reads of the caller's self-examinations and plans by others. */
export async function myAccessLog(ctx: AppContext, actor: Actor, page: number, pageSize: number): Promise<AccessLogResponse> {
  const { db } = ctx.handle;
  const me = await requireMember(db, actor);
  const [exams, plans, cases] = await Promise.all([repo.examsOfMember(db, me.id), planRead.plansOfMember(db, me.id), notifiedCasesOfMember(db, me.id)]);
  // The period only, named as everywhere else in the API; the screen says what kind of record it is.
  const periods = new Map<string, { period: SelfExamPeriod; meetingDate: string | null }>();
  for (const e of exams) periods.set(e.id, { period: periodOf(e), meetingDate: e.meeting_date });
  for (const p of plans) periods.set(p.id, { period: { kind: 'year', year: p.year, quarter: null, meetingId: null }, meetingDate: null });
  for (const c of cases) periods.set(c.id, { period: { kind: 'year', year: c.year, quarter: null, meetingId: null }, meetingDate: null });
  const { total, rows } = await repo.readsOf(
    db,
    [
      { recordType: 'self_examination', ids: exams.map((e) => e.id) },
      { recordType: 'correction_plan', ids: plans.map((p) => p.id) },
      { recordType: 'inspection', ids: cases.map((c) => c.id) },
      // Reads of the member's discipline record are logged against the member.
      { recordType: 'discipline', ids: [me.id] },
    ],
    page,
    pageSize,
  );
  return {
    total,
    page,
    pageSize,
    items: rows.map((r) => ({
      at: r.at,
      viewerName: r.viewer_name ?? '',
      viewerRoles: ((r.after_json ? (JSON.parse(r.after_json) as { roles?: string[] }) : {}).roles ?? []).map(String),
      recordType: r.record_type as 'self_examination' | 'correction_plan' | 'inspection' | 'discipline',
      recordId: r.record_id!,
      ...recordPeriodOf(periods.get(r.record_id!) ?? { period: { kind: 'year', year: Number(localDate(r.at).slice(0, 4)), quarter: null, meetingId: null }, meetingDate: null }),
    })),
  };
}

// --- boards and statistics ------------------------------------------------------------------------

/**
 * A cell's board (one row per member) or a commune's view (one row per cell). How often each
 * manifestation was marked is shown only when at least MIN_GROUP members' self-examinations count.
 */
export async function selfExamStats(ctx: AppContext, actor: Actor, unitId: string, period: string): Promise<StatsResponse> {
  const { db } = ctx.handle;
  const unit = await findUnit(db, unitId);
  authorizeUnit(actor, 'selfexam.read', unit);
  const u = unit!;
  const day = todayInVietnam();
  const range = statsPeriod(period);
  const { year, keys, thematic } = periodKeysOf(period);
  const [members, exams, planItems, carriedItems, feedbackCounts, cells] = await Promise.all([
    repo.activeMembersInSubtree(db, u.path),
    repo.examsInSubtree(db, u.path, year, keys, thematic),
    planRead.itemsInSubtree(db, u.path, year),
    planRead.unfinishedEarlierItemsInSubtree(db, u.path, year),
    feedbackRead.countsInSubtree(db, u.path, range.from, range.to),
    u.kind === 'cell' ? Promise.resolve([]) : activeCellsIn(db, u.path),
  ]);
  // Per member, the most advanced self-examination of the period counts (reviewed > submitted > draft).
  const best = countedExamPerMember(exams, (e) => e.member_id, new Set(members.map((m) => m.id)));
  const counted = [...best.values()];
  const submittedExams = counted.filter((e) => e.status !== 'draft');
  const manifestationRows = await aggregateIfLargeEnough(submittedExams.length, MIN_GROUP, async () => {
    const counts = await repo.manifestationCounts(db, submittedExams.map((e) => e.id));
    const checklist = await checklistRead.currentVersionsOf(db, pathIds(u.path));
    const version = checklist.sort((a, b) => b.unit_path.length - a.unit_path.length)[0];
    const items = version ? (await checklistRead.itemsOfVersion(db, version.id)).filter((i) => i.list === 'manifestation') : [];
    return items.map((i) => ({
      code: i.code,
      title: i.title,
      groupCode: i.group_code,
      groupName: i.group_name,
      atRisk: Number(counts.find((c) => c.code === i.code && c.mark === 'at_risk')?.n ?? 0),
      present: Number(counts.find((c) => c.code === i.code && c.mark === 'present')?.n ?? 0),
    }));
  });

  const stateOf = (i: (typeof planItems)[number]) => ({ status: i.status, deadline: i.deadline, claimedOn: i.claimed_on, verifiedOn: i.verified_on });
  // Overdue, due soon: the domain's rules, as each member's home applies them — over the year's
  // plans and the items earlier plans carry over unfixed, so no overdue item drops off the board
  // when the year turns. The year's totals (fixed, fixed on time) stay the year's plans'.
  const liveItems = [...planItems, ...carriedItems];
  const overdueItems = liveItems.filter((i) => planItemOverdue(stateOf(i), day));
  const overdueOf = (filter: (i: (typeof planItems)[number]) => boolean) => overdueItems.filter(filter).length;
  const plan = planCounts(planItems.map(stateOf), day);
  const months = monthsElapsed(range.months, day) || range.months.length;
  const feedbackBy = (filter: (c: (typeof feedbackCounts)[number]) => boolean) => feedbackCounts.filter(filter).reduce((sum, c) => sum + Number(c.n), 0);
  const given = feedbackBy(() => true);
  const accepted = feedbackBy((c) => c.status === 'accepted');
  const explained = feedbackBy((c) => c.status === 'explained');
  const memberCount = members.length;

  const withGrave = can(actor, 'feedback.read_grave', { unitPath: u.path });
  const awaiting = await feedbackRead.awaitingInSubtree(db, u.path, withGrave);

  const memberRows =
    u.kind !== 'cell'
      ? []
      : await (async () => {
          const plans = await planRead.plansOfUnitYear(db, u.id, year);
          const planOf = new Map(plans.map((p) => [p.member_id, p.id]));
          return members.map((m) => {
            const counts = planCounts(planItems.filter((i) => i.member_id === m.id).map(stateOf), day);
            const e = best.get(m.id);
            return {
              memberId: m.id,
              name: m.full_name,
              selfExamId: e?.id ?? null,
              status: (e?.status ?? null) as SelfExamStatus | null,
              planId: planOf.get(m.id) ?? null,
              planOpen: counts.open + counts.claimed,
              planOverdue: overdueOf((i) => i.member_id === m.id),
              planFixed: counts.fixed,
              feedbackAwaiting: feedbackBy((c) => c.status === 'open' && c.receiver_member_id === m.id),
            };
          });
        })();

  const cellRows = cells.map((cell) => {
    const cellMembers = members.filter((m) => m.unit_id === cell.id).length;
    const submitted = submittedExams.filter((e) => e.unit_id === cell.id).length;
    const items = planItems.filter((i) => i.unit_id === cell.id);
    const counts = planCounts(items.map(stateOf), day);
    const cellGiven = feedbackBy((c) => c.unit_id === cell.id);
    return {
      unitId: cell.id,
      name: cell.name,
      memberCount: cellMembers,
      submitted,
      submittedShare: percentOf(submitted, cellMembers),
      planTotal: counts.total,
      planFixedOnTime: counts.fixedOnTime,
      planFixedOnTimeShare: percentOf(counts.fixedOnTime, counts.total),
      planOverdue: overdueOf((i) => i.unit_id === cell.id),
      feedbackGiven: cellGiven,
      feedbackPerMemberPerMonth: feedbackRate(cellGiven, cellMembers, months),
    };
  });

  const dueItems = liveItems
    .filter((i) => planItemOverdue(stateOf(i), day) || planItemDueSoon(stateOf(i), day))
    .sort((a, b) => a.deadline.localeCompare(b.deadline))
    .slice(0, 100)
    .map((i) => ({ id: i.id, planId: i.plan_id, memberId: i.member_id, memberName: i.member_name, shortcoming: i.shortcoming, deadline: i.deadline, status: i.status as PlanItemStatus, overdue: planItemOverdue(stateOf(i), day) }));

  return {
    unitId: u.id,
    unitName: u.name,
    unitKind: u.kind,
    period,
    periodLabel: statsPeriodLabelVi(period),
    today: day,
    minGroup: MIN_GROUP,
    memberCount,
    submitted: submittedExams.length,
    reviewed: counted.filter((e) => e.status === 'reviewed').length,
    drafts: counted.filter((e) => e.status === 'draft').length,
    manifestations: manifestationRows,
    plan: {
      total: plan.total,
      fixed: plan.fixed,
      fixedOnTime: plan.fixedOnTime,
      overdue: overdueItems.length,
      dueSoon: liveItems.filter((i) => planItemDueSoon(stateOf(i), day)).length,
      awaitingVerification: plan.claimed,
    },
    feedback: {
      given,
      perMemberPerMonth: feedbackRate(given, memberCount, months),
      accepted,
      explained,
      awaiting: feedbackBy((c) => c.status === 'open'),
      acceptRate: percentOf(accepted, accepted + explained),
    },
    months: range.months.map((month) => ({ month, feedback: feedbackBy((c) => c.month === month) })),
    memberRows,
    cellRows,
    dueItems,
    awaitingFeedback: awaiting.map((f) => presentFeedback(f, actor)),
  };
}
