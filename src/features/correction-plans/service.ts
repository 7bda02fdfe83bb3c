import type { Kysely } from 'kysely';
import type { AppContext } from '../../core/context.js';
import type { Actor } from '../../domain/policy.js';
import type { DialectHelpers } from '../../db/dialect.js';
import type { CorrectionPlanItemTable, CorrectionPlanTable, Database } from '../../db/schema.js';
import { newId, nowIso } from '../../db/ids.js';
import { todayInVietnam } from '../../domain/vietnam-time.js';
import { planCounts, planItemDueSoon, planItemFixedOnTime, planItemOverdue } from '../../domain/self-examination.js';
import { addDays } from '../../domain/tasks.js';
import { AppError, fieldError, forbidden } from '../../core/errors.js';
import type { PlanItemSource, PlanItemStatus } from '../../shared/enums.js';
import { logRead, writeAudit, writeAuditEntries, writeTransaction, type AuditWrite } from '../audit/service.js';
import { findMemberWithUnit } from '../members/lookup.js';
import * as repo from './repo.js';
import type { PlanItemRow, PlanRow } from './repo.js';
import { authorizePlanRead, authorizePlanWrite, authorizeVerify, isOwnPlan, planItemActionsFor } from './policy.js';
import type { AddPlanItemBody, PlanDetail, PlanItem, PlanItemForWork, PlanItemProgressBody, VerifyPlanItemBody } from './schemas.js';

type Db = Kysely<Database>;


// --- presenting -------------------------------------------------------------------------------

type ProgressRow = Awaited<ReturnType<typeof repo.progressOf>>[number];

export function presentItem(actor: Actor, plan: PlanRow, i: PlanItemRow, progress: readonly ProgressRow[], day: string): PlanItem {
  const state = { status: i.status, deadline: i.deadline, claimedOn: i.claimed_on, verifiedOn: i.verified_on };
  return {
    id: i.id,
    planId: i.plan_id,
    memberId: i.member_id,
    memberName: i.member_name,
    position: Number(i.position),
    shortcoming: i.shortcoming,
    action: i.action,
    deadline: i.deadline,
    successCriteria: i.success_criteria,
    sourceKind: i.source_kind as PlanItemSource,
    sourceSelfExaminationId: i.source_self_examination_id,
    sourceFeedbackId: i.source_feedback_id,
    status: i.status as PlanItemStatus,
    overdue: planItemOverdue(state, day),
    fixedOnTime: planItemFixedOnTime(state),
    claimedOn: i.claimed_on,
    verifiedOn: i.verified_on,
    verifiedByName: i.verified_by_name,
    verificationComment: i.verification_comment,
    createdAt: i.created_at,
    progress: progress
      .filter((p) => p.item_id === i.id)
      .map((p) => ({ id: p.id, kind: p.kind as PlanItem['progress'][number]['kind'], note: p.note, authorName: p.author_name ?? '', createdAt: p.created_at })),
    actions: planItemActionsFor(actor, plan, i),
  };
}

/** Plans as the member's page and the plan page show them: items in order with their notes. */
export async function presentPlans(db: Db, actor: Actor, plans: readonly PlanRow[]): Promise<PlanDetail[]> {
  const items = await repo.itemsOfPlans(db, plans.map((p) => p.id));
  const progress = await repo.progressOf(db, items.map((i) => i.id));
  const day = todayInVietnam();
  return plans.map((plan) => {
    const own = items.filter((i) => i.plan_id === plan.id);
    return {
      id: plan.id,
      memberId: plan.member_id,
      memberName: plan.member_name,
      unitId: plan.unit_id,
      year: Number(plan.year),
      today: day,
      counts: planCounts(own.map((i) => ({ status: i.status, deadline: i.deadline, claimedOn: i.claimed_on, verifiedOn: i.verified_on })), day),
      items: own.map((i) => presentItem(actor, plan, i, progress, day)),
      actions: isOwnPlan(actor, plan) ? ['add'] : [],
    };
  });
}

async function detailOf(db: Db, actor: Actor, plan: PlanRow): Promise<PlanDetail> {
  return (await presentPlans(db, actor, [plan]))[0]!;
}

// --- shared with self-examinations and feedback ----------------------------------------------

/** The member's plan of the year, created (and audited) the first time something needs it. */
export async function ensurePlan(trx: Db, dialect: DialectHelpers, actorAccountId: string | null, member: { id: string; unit_id: string }, year: number): Promise<PlanRow> {
  const found = await repo.findPlanOf(trx, member.id, year);
  if (found) return found;
  const now = nowIso();
  const row: CorrectionPlanTable = { id: newId(), unit_id: member.unit_id, member_id: member.id, year, created_at: now, updated_at: now };
  await repo.insertPlan(trx, row);
  await writeAudit(trx, dialect, { actorAccountId, action: 'correction_plan.create', recordType: 'correction_plan', recordId: row.id, unitId: row.unit_id, after: { memberId: member.id, year } });
  return (await repo.findPlanOf(trx, member.id, year))!;
}

export interface NewPlanItem {
  shortcoming: string;
  action: string;
  deadline: string;
  successCriteria: string;
  source: { kind: PlanItemSource; selfExaminationId?: string | null; feedbackId?: string | null; inspectionId?: string | null };
}

/** What the audit log keeps of an item. */
export const planItemSnapshot = (i: CorrectionPlanItemTable) => ({
  planId: i.plan_id,
  memberId: i.member_id,
  shortcoming: i.shortcoming,
  action: i.action,
  deadline: i.deadline,
  successCriteria: i.success_criteria,
  sourceKind: i.source_kind,
  sourceSelfExaminationId: i.source_self_examination_id,
  sourceFeedbackId: i.source_feedback_id,
  ...(i.source_inspection_id ? { sourceInspectionId: i.source_inspection_id } : {}),
  status: i.status,
});

/** Appends items to a plan, each with its audit entry, in the caller's transaction. */
export async function insertPlanItems(trx: Db, dialect: DialectHelpers, actorAccountId: string | null, plan: PlanRow, items: readonly NewPlanItem[]): Promise<string[]> {
  if (items.length === 0) return [];
  const now = nowIso();
  let position = await repo.maxPosition(trx, plan.id);
  const rows = items.map(
    (i): CorrectionPlanItemTable => ({
      id: newId(),
      plan_id: plan.id,
      unit_id: plan.unit_id,
      member_id: plan.member_id,
      position: ++position,
      shortcoming: i.shortcoming,
      action: i.action,
      deadline: i.deadline,
      success_criteria: i.successCriteria,
      source_kind: i.source.kind,
      source_self_examination_id: i.source.selfExaminationId ?? null,
      source_feedback_id: i.source.feedbackId ?? null,
      source_inspection_id: i.source.inspectionId ?? null,
      status: 'open',
      claimed_on: null,
      verified_on: null,
      verified_by_account_id: null,
      verification_comment: null,
      created_by_account_id: actorAccountId,
      created_at: now,
      updated_at: now,
    }),
  );
  await repo.insertItems(trx, rows);
  await repo.touchPlan(trx, plan.id, now);
  await writeAuditEntries(
    trx,
    dialect,
    rows.map((r): AuditWrite => ({ actorAccountId, action: 'correction_item.create', recordType: 'correction_plan', recordId: plan.id, unitId: plan.unit_id, after: { itemId: r.id, ...planItemSnapshot(r) } })),
  );
  return rows.map((r) => r.id);
}

/** A new item's deadline may not lie in the past: a correction is planned forward. */
export function assertDeadline(deadline: string, field: string): void {
  if (deadline < todayInVietnam()) throw fieldError(field, 'plan_deadline_past');
}

// --- endpoints --------------------------------------------------------------------------------

/** The caller's own plan of a year: the existing one, or a new one. */
export async function openPlan(ctx: AppContext, actor: Actor, year: number): Promise<{ created: boolean; plan: PlanDetail }> {
  if (!actor.memberId) throw forbidden();
  const memberId = actor.memberId;
  const result = await writeTransaction(ctx.handle, async (trx) => {
    const me = await findMemberWithUnit(trx, memberId);
    if (!me) throw forbidden();
    const existing = await repo.findPlanOf(trx, me.id, year);
    if (existing) return { created: false, plan: existing };
    if (Math.abs(year - Number(todayInVietnam().slice(0, 4))) > 1) throw fieldError('year', 'plan_year_range');
    return { created: true, plan: await ensurePlan(trx, ctx.handle.dialect, actor.accountId, me, year) };
  });
  return { created: result.created, plan: await detailOf(ctx.handle.db, actor, result.plan) };
}

export async function planDetail(ctx: AppContext, actor: Actor, id: string): Promise<PlanDetail> {
  const plan = await repo.findPlan(ctx.handle.db, id);
  authorizePlanRead(actor, plan);
  if (!isOwnPlan(actor, plan!)) await logRead(ctx.handle, actor, { recordType: 'correction_plan', recordId: plan!.id, unitId: plan!.unit_id, unitPath: plan!.unit_path });
  return detailOf(ctx.handle.db, actor, plan!);
}

export async function addItem(ctx: AppContext, actor: Actor, planId: string, body: AddPlanItemBody): Promise<PlanDetail> {
  const plan = await writeTransaction(ctx.handle, async (trx) => {
    const plan = await repo.findPlan(trx, planId);
    authorizePlanWrite(actor, plan);
    assertDeadline(body.deadline, 'deadline');
    let source: NewPlanItem['source'] = { kind: 'own' };
    if (body.sourceSelfExaminationId) {
      const exam = await repo.sourceSelfExamination(trx, body.sourceSelfExaminationId);
      if (!exam || exam.member_id !== plan!.member_id) throw fieldError('sourceSelfExaminationId', 'not_found');
      source = { kind: 'self_examination', selfExaminationId: exam.id };
    }
    await insertPlanItems(trx, ctx.handle.dialect, actor.accountId, plan!, [{ ...body, source }]);
    return plan!;
  });
  return detailOf(ctx.handle.db, actor, plan);
}

/** Loads an item of a plan, authorised by `check`; a missing item answers like a missing plan. */
async function loadItem(trx: Db, actor: Actor, planId: string, itemId: string, check: (actor: Actor, plan: PlanRow | undefined) => void) {
  const plan = await repo.findPlan(trx, planId);
  const item = plan ? await repo.findItem(trx, planId, itemId) : undefined;
  check(actor, item ? plan : undefined);
  return { plan: plan!, item: item! };
}

export async function recordProgress(ctx: AppContext, actor: Actor, planId: string, itemId: string, body: PlanItemProgressBody): Promise<PlanDetail> {
  const plan = await writeTransaction(ctx.handle, async (trx) => {
    const { plan, item } = await loadItem(trx, actor, planId, itemId, authorizePlanWrite);
    await writeItemProgress(trx, ctx.handle.dialect, actor.accountId, item, { note: body.note, claimFixed: body.claimFixed });
    return plan;
  });
  return detailOf(ctx.handle.db, actor, plan);
}

type ItemRef = Pick<CorrectionPlanItemTable, 'id' | 'plan_id' | 'unit_id' | 'status' | 'claimed_on'>;

/**
 * A progress note or the member's "fixed" claim on an item, with its audit, in the caller's
 * transaction: the plan page, and the subject answering an inspection's recommendation.
 */
export async function writeItemProgress(trx: Db, dialect: DialectHelpers, accountId: string | null, item: ItemRef, progress: { note: string; claimFixed: boolean }): Promise<void> {
  if (item.status === 'fixed') throw new AppError(409, 'plan_item_fixed');
  const now = nowIso();
  const patch: Partial<CorrectionPlanItemTable> = { updated_at: now };
  if (progress.claimFixed) Object.assign(patch, { status: 'claimed', claimed_on: todayInVietnam() });
  await repo.updateItem(trx, item.id, patch);
  await repo.insertProgress(trx, { id: newId(), item_id: item.id, unit_id: item.unit_id, author_account_id: accountId, kind: progress.claimFixed ? 'claimed' : 'note', note: progress.note, created_at: now });
  await writeAudit(trx, dialect, {
    actorAccountId: accountId,
    action: progress.claimFixed ? 'correction_item.claim' : 'correction_item.progress',
    recordType: 'correction_plan',
    recordId: item.plan_id,
    unitId: item.unit_id,
    before: { itemId: item.id, status: item.status, claimedOn: item.claimed_on },
    after: { itemId: item.id, status: patch.status ?? item.status, claimedOn: patch.claimed_on ?? item.claimed_on, note: progress.note },
  });
}

/** The cell committee's word: fixed (verified), or returned with a comment. An inspection's item is the UBKT's to verify (on the case). */
export async function verifyItem(ctx: AppContext, actor: Actor, planId: string, itemId: string, body: VerifyPlanItemBody): Promise<PlanDetail> {
  const plan = await writeTransaction(ctx.handle, async (trx) => {
    const { plan, item } = await loadItem(trx, actor, planId, itemId, authorizeVerify);
    if (item.source_kind === 'inspection') throw new AppError(409, 'plan_item_inspection_verifies');
    await writeVerification(trx, ctx.handle.dialect, actor.accountId, item, { decision: body.decision, comment: body.comment ?? null });
    return plan;
  });
  return detailOf(ctx.handle.db, actor, plan);
}

/** Records the verification of an item with its audit, in the caller's transaction. */
export async function writeVerification(trx: Db, dialect: DialectHelpers, accountId: string | null, item: ItemRef, verdict: { decision: 'fixed' | 'returned'; comment: string | null }): Promise<void> {
  if (item.status === 'fixed') throw new AppError(409, 'plan_item_fixed');
  const comment = verdict.comment?.trim() ? verdict.comment.trim() : null;
  if (verdict.decision === 'returned' && !comment) throw fieldError('comment', 'plan_item_return_comment');
  const now = nowIso();
  const patch: Partial<CorrectionPlanItemTable> =
    verdict.decision === 'fixed'
      ? { status: 'fixed', verified_on: todayInVietnam(), verified_by_account_id: accountId, verification_comment: comment, updated_at: now }
      : { status: 'returned', claimed_on: null, verification_comment: comment, updated_at: now };
  await repo.updateItem(trx, item.id, patch);
  await repo.insertProgress(trx, { id: newId(), item_id: item.id, unit_id: item.unit_id, author_account_id: accountId, kind: verdict.decision, note: comment ?? '', created_at: now });
  await writeAudit(trx, dialect, {
    actorAccountId: accountId,
    action: 'correction_item.verify',
    recordType: 'correction_plan',
    recordId: item.plan_id,
    unitId: item.unit_id,
    before: { itemId: item.id, status: item.status, claimedOn: item.claimed_on },
    after: { itemId: item.id, decision: verdict.decision, status: patch.status, comment },
  });
}

/**
 * "Việc của tôi": the member's own correction-plan items that are overdue (the domain's rule,
 * whatever the plan's year: the same items the cell's and commune's boards count), and those
 * due within 14 days still theirs to act on (an item reported fixed in time waits for the cell
 * committee, not for them).
 */
export async function memberCorrectionsForWork(db: Kysely<Database>, memberId: string, today: string): Promise<{ overdue: PlanItemForWork[]; dueSoon: PlanItemForWork[] }> {
  const rows = await repo.unfinishedItemsOfMember(db, memberId, addDays(today, 14));
  const items = rows.map((r) => {
    const state = { status: r.status, deadline: r.deadline, claimedOn: r.claimed_on, verifiedOn: r.verified_on };
    return {
      item: { id: r.id, planId: r.plan_id, year: r.year, shortcoming: r.shortcoming, deadline: r.deadline, status: r.status as PlanItemStatus, overdue: planItemOverdue(state, today) },
      dueSoon: r.status !== 'claimed' && planItemDueSoon(state, today),
    };
  });
  return { overdue: items.filter((i) => i.item.overdue).map((i) => i.item), dueSoon: items.filter((i) => i.dueSoon).map((i) => i.item) };
}
