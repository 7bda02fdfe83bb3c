import type { Kysely } from 'kysely';
import type { AppContext } from '../../core/context.js';
import { can, type Actor } from '../../domain/policy.js';
import type { Database, FeedbackTable } from '../../db/schema.js';
import { newId, nowIso } from '../../db/ids.js';
import { todayInVietnam } from '../../domain/vietnam-time.js';
import { AppError, fieldError, forbidden, notFound } from '../../core/errors.js';
import type { FeedbackDirection, FeedbackStatus, FeedbackTopic } from '../../shared/enums.js';
import { writeAudit, writeTransaction } from '../audit/service.js';
import { activeMembersOf, findMemberWithUnit } from '../members/lookup.js';
import { findUnit } from '../units/lookup.js';
import { authorizeUnit } from '../units/policy.js';
import { findMeeting } from '../meetings/lookup.js';
import * as checklistRead from '../checklist/lookup.js';
import { assertDeadline, ensurePlan, insertPlanItems } from '../correction-plans/service.js';
import * as repo from './repo.js';
import type { FeedbackRow } from './repo.js';
import { authorizeFeedbackRead, feedbackActionsFor, mayAnswerFeedback } from './policy.js';
import type { AnswerFeedbackBody, CreateFeedbackBody, FeedbackListResponse, FeedbackOptions, FeedbackSummary } from './schemas.js';

type Db = Kysely<Database>;

const notFoundField = (field: string) => new AppError(404, 'not_found', {}, [{ field, messageKey: 'not_found' }]);

export function presentFeedback(f: FeedbackRow, actor: Actor): FeedbackSummary {
  const anonymous = Number(f.anonymous) === 1;
  return {
    id: f.id,
    unitId: f.unit_id,
    direction: f.direction as FeedbackDirection,
    giverMemberId: anonymous ? null : f.giver_member_id,
    giverName: anonymous ? null : f.direction === 'cell_to_member' ? f.unit_name : f.giver_name,
    anonymous,
    receiverMemberId: f.receiver_member_id,
    receiverName: f.receiver_name,
    topic: f.topic as FeedbackTopic,
    text: f.text,
    meetingId: f.meeting_id,
    meetingDate: f.meeting_date,
    manifestation: f.manifestation_item_id ? { itemId: f.manifestation_item_id, code: f.item_code ?? '', title: f.item_title ?? '' } : null,
    grave: Number(f.grave) === 1,
    status: f.status as FeedbackStatus,
    answerText: f.answer_text,
    answeredAt: f.answered_at,
    answeredByName: f.answered_by_name,
    planItemId: f.plan_item_id,
    planId: f.plan_id,
    givenOn: f.given_on,
    actions: feedbackActionsFor(actor, f),
  };
}

/**
 * What the audit log keeps of a feedback. Anonymous feedback is written without any trace of its
 * author: no giver here and no actor on the entry, so the audit log cannot de-anonymise it either.
 */
export function feedbackSnapshot(f: FeedbackTable) {
  return {
    unitId: f.unit_id,
    direction: f.direction,
    ...(f.anonymous ? { anonymous: true } : { giverMemberId: f.giver_member_id }),
    receiverMemberId: f.receiver_member_id,
    topic: f.topic,
    text: f.text,
    meetingId: f.meeting_id,
    manifestationItemId: f.manifestation_item_id,
    grave: f.grave === 1,
    givenOn: f.given_on,
  };
}

async function activeMemberOf(trx: Db, memberId: string | undefined, field: string) {
  const member = memberId ? await findMemberWithUnit(trx, memberId) : undefined;
  if (!member || member.archived_at) throw notFoundField(field);
  return member;
}

/** Góp ý — member → member, upward to the cell committee (maybe anonymous), or the cell → a member. */
export async function createFeedback(ctx: AppContext, actor: Actor, body: CreateFeedbackBody): Promise<FeedbackSummary> {
  const id = await writeTransaction(ctx.handle, async (trx) => {
    const asCell = body.direction === 'cell_to_member';
    if (!actor.assignments.some((a) => a.role === 'member' || a.role === 'cell_committee' || a.role === 'cell_secretary')) throw forbidden();
    if (body.anonymous && body.direction !== 'upward') throw fieldError('anonymous', 'feedback_anonymous_upward_only');

    let unit: { id: string; path: string };
    let giverMemberId: string | null = null;
    let receiverMemberId: string | null = null;
    if (asCell) {
      const receiver = await activeMemberOf(trx, body.receiverMemberId, 'receiverMemberId');
      if (!can(actor, 'feedback.give_as_cell', { unitPath: receiver.unit_path })) {
        if (!actor.assignments.some((a) => a.role === 'cell_committee' || a.role === 'cell_secretary')) throw forbidden();
        throw notFoundField('receiverMemberId');
      }
      unit = { id: receiver.unit_id, path: receiver.unit_path };
      receiverMemberId = receiver.id;
    } else {
      if (!actor.memberId) throw fieldError('direction', 'feedback_no_member');
      const giver = await findMemberWithUnit(trx, actor.memberId);
      if (!giver || giver.archived_at || !can(actor, 'feedback.give', { unitPath: giver.unit_path })) throw fieldError('direction', 'feedback_no_member');
      unit = { id: giver.unit_id, path: giver.unit_path };
      giverMemberId = body.anonymous ? null : giver.id;
      if (body.unitId !== undefined && body.unitId !== giver.unit_id) throw notFoundField('unitId');
      if (body.direction === 'member_to_member') {
        if (body.receiverMemberId === undefined) throw fieldError('receiverMemberId', 'feedback_receiver_required');
        if (body.receiverMemberId === giver.id) throw fieldError('receiverMemberId', 'feedback_self');
        const receiver = await activeMemberOf(trx, body.receiverMemberId, 'receiverMemberId');
        if (receiver.unit_id !== giver.unit_id) throw notFoundField('receiverMemberId');
        receiverMemberId = receiver.id;
      } else if (body.receiverMemberId !== undefined) {
        // Upward to one committee member (the secretary, say) rather than the committee as a whole.
        if (body.receiverMemberId === giver.id) throw fieldError('receiverMemberId', 'feedback_self');
        const committee = await repo.committeeMemberIds(trx, giver.unit_id);
        if (!committee.has(body.receiverMemberId)) throw fieldError('receiverMemberId', 'feedback_receiver_not_committee');
        receiverMemberId = body.receiverMemberId;
      }
    }

    if (body.meetingId !== undefined) {
      const meeting = await findMeeting(trx, body.meetingId);
      if (!meeting || meeting.unit_id !== unit.id) throw notFoundField('meetingId');
    }
    let grave = 0;
    if (body.manifestationItemId !== undefined) {
      const item = await checklistRead.findItem(trx, body.manifestationItemId);
      const version = item ? await checklistRead.findVersion(trx, item.version_id) : undefined;
      if (!item || !version || !unit.path.startsWith(version.unit_path)) throw notFoundField('manifestationItemId');
      if (item.list !== 'manifestation') throw fieldError('manifestationItemId', 'feedback_item_not_manifestation');
      grave = Number(item.grave) === 1 ? 1 : 0;
    }

    const now = nowIso();
    const givenOn = todayInVietnam();
    const row: FeedbackTable = {
      id: newId(),
      unit_id: unit.id,
      direction: body.direction,
      giver_member_id: giverMemberId,
      receiver_member_id: receiverMemberId,
      anonymous: body.anonymous ? 1 : 0,
      topic: body.topic,
      text: body.text,
      meeting_id: body.meetingId ?? null,
      manifestation_item_id: body.manifestationItemId ?? null,
      grave,
      status: 'open',
      answer_text: null,
      answered_at: null,
      answered_by_member_id: null,
      given_on: givenOn,
      // Anonymous feedback keeps only the day: an exact instant could be matched against who was signed in.
      created_at: body.anonymous ? `${givenOn}T00:00:00.000Z` : now,
      updated_at: body.anonymous ? `${givenOn}T00:00:00.000Z` : now,
    };
    await repo.insertFeedback(trx, [row]);
    await writeAudit(trx, ctx.handle.dialect, {
      actorAccountId: body.anonymous ? null : actor.accountId,
      action: 'feedback.create',
      recordType: 'feedback',
      recordId: row.id,
      unitId: row.unit_id,
      after: feedbackSnapshot(row),
    });
    return row.id;
  });
  const row = (await repo.findFeedback(ctx.handle.db, id))!;
  return presentFeedback(row, actor);
}

export async function feedbackDetail(ctx: AppContext, actor: Actor, id: string): Promise<FeedbackSummary> {
  const f = await repo.findFeedback(ctx.handle.db, id);
  authorizeFeedbackRead(actor, f);
  return presentFeedback(f!, actor);
}

/** The receiver answers once: accept (a correction-plan item follows in the same step) or explain. */
export async function answerFeedback(ctx: AppContext, actor: Actor, id: string, body: AnswerFeedbackBody): Promise<FeedbackSummary> {
  await writeTransaction(ctx.handle, async (trx) => {
    const f = await repo.findFeedback(trx, id);
    authorizeFeedbackRead(actor, f);
    if (f!.status !== 'open') throw new AppError(409, 'feedback_answered');
    if (!mayAnswerFeedback(actor, f!)) throw forbidden();
    const text = body.text?.trim() ? body.text.trim() : null;
    if (body.decision === 'explain' && !text) throw fieldError('text', 'feedback_explain_text');
    if (body.decision === 'accept' && Number(f!.grave) === 1) throw fieldError('decision', 'feedback_grave_accept');
    if (body.decision === 'accept' && !body.plan) throw fieldError('plan', 'feedback_accept_plan');
    if (body.decision === 'explain' && body.plan) throw fieldError('plan', 'feedback_explain_plan');
    // Whose plan the correction goes to: the member it was addressed to, or (upward to the
    // committee as a whole) the committee member answering for it.
    const ownerId = f!.receiver_member_id ?? actor.memberId;
    if (body.decision === 'accept' && !ownerId) throw fieldError('decision', 'feedback_no_member');
    const now = nowIso();
    await repo.updateFeedback(trx, f!.id, {
      status: body.decision === 'accept' ? 'accepted' : 'explained',
      answer_text: text,
      answered_at: now,
      answered_by_member_id: actor.memberId,
      updated_at: now,
    });
    if (body.decision === 'accept') {
      assertDeadline(body.plan!.deadline, 'plan.deadline');
      const owner = (await findMemberWithUnit(trx, ownerId!))!;
      const plan = await ensurePlan(trx, ctx.handle.dialect, actor.accountId, owner, Number(todayInVietnam().slice(0, 4)));
      await insertPlanItems(trx, ctx.handle.dialect, actor.accountId, plan, [
        {
          shortcoming: body.plan!.shortcoming ?? f!.text.slice(0, 2000),
          action: body.plan!.action,
          deadline: body.plan!.deadline,
          successCriteria: body.plan!.successCriteria,
          source: { kind: 'feedback', feedbackId: f!.id },
        },
      ]);
    }
    await writeAudit(trx, ctx.handle.dialect, {
      actorAccountId: actor.accountId,
      action: 'feedback.answer',
      recordType: 'feedback',
      recordId: f!.id,
      unitId: f!.unit_id,
      before: { status: f!.status },
      after: { status: body.decision === 'accept' ? 'accepted' : 'explained', answer: text },
    });
  });
  return feedbackDetail(ctx, actor, id);
}

/** Feedback received and given by a member, for their own page (never grave received, never anonymous given). */
export async function memberFeedback(db: Db, actor: Actor, memberId: string) {
  const [received, given] = await Promise.all([repo.receivedBy(db, memberId), repo.givenBy(db, memberId)]);
  return { received: received.map((f) => presentFeedback(f, actor)), given: given.map((f) => presentFeedback(f, actor)) };
}

export async function listUnitFeedback(
  ctx: AppContext,
  actor: Actor,
  unitId: string,
  query: { status?: FeedbackStatus | undefined; year?: number | undefined; page: number; pageSize: number },
): Promise<FeedbackListResponse> {
  const { db } = ctx.handle;
  const unit = await findUnit(db, unitId);
  authorizeUnit(actor, 'feedback.read', unit);
  const withGrave = can(actor, 'feedback.read_grave', { unitPath: unit!.path });
  const { total, rows } = await repo.listInSubtree(
    db,
    { unitPath: unit!.path, withGrave, status: query.status, ...(query.year ? { from: `${query.year}-01-01`, to: `${query.year}-12-31` } : {}) },
    query.page,
    query.pageSize,
  );
  return { total, page: query.page, pageSize: query.pageSize, items: rows.map((r) => presentFeedback(r, actor)) };
}

export async function feedbackOptions(ctx: AppContext, actor: Actor, unitId: string): Promise<FeedbackOptions> {
  const { db } = ctx.handle;
  const unit = await findUnit(db, unitId);
  const scope = unit ? { unitPath: unit.path } : null;
  const asCell = scope !== null && can(actor, 'feedback.give_as_cell', scope);
  if (!asCell) authorizeUnit(actor, 'feedback.give', unit);
  if (unit!.kind !== 'cell') throw notFound();
  const [members, committee, meetings] = await Promise.all([
    activeMembersOf(db, unit!.id),
    repo.committeeMemberIds(db, unit!.id),
    repo.recentMeetings(db, unit!.id),
  ]);
  const self = actor.memberId && members.some((m) => m.id === actor.memberId) ? actor.memberId : null;
  return {
    unitId: unit!.id,
    unitName: unit!.name,
    members: members.map((m) => ({ id: m.id, name: m.full_name, committee: committee.has(m.id) })),
    meetings: meetings.map((m) => ({ id: m.id, date: m.meeting_date, kind: m.kind, topic: m.topic })),
    asCell,
    selfMemberId: self,
  };
}
