import type { Kysely } from 'kysely';
import type { AppContext } from '../../core/context.js';
import type { Actor } from '../../domain/policy.js';
import type { DialectHelpers } from '../../db/dialect.js';
import type { Database, InspectionRecommendationTable } from '../../db/schema.js';
import { newId, nowIso } from '../../db/ids.js';
import { AppError, fieldErrors, notFound, type FieldProblem } from '../../core/errors.js';
import { todayInVietnam } from '../../domain/vietnam-time.js';
import { writeAudit, writeTransaction } from '../audit/service.js';
import { findUnit } from '../units/lookup.js';
import { findMemberWithUnit } from '../members/lookup.js';
import { ensurePlan, insertPlanItems, writeItemProgress, writeVerification } from '../correction-plans/service.js';
import { decodeAttachment, insertNewTask, storeAttachment, taskSnapshot, writeClose, writeProgress } from '../tasks/service.js';
import * as repo from './repo.js';
import type { InspectionRow } from './repo.js';
import { authorizeManageCase, isNotifiedSubject, mayReadCaseFile, viewerOf } from './policy.js';
import { effectiveStatus } from './present.js';
import type { ConclusionBody } from './schemas.js';

type Db = Kysely<Database>;

/**
 * Each recommendation becomes follow-up work where the subject already works: a member's
 * correction item (source "inspection"), or a task of the cell with a named owner — the one the
 * conclusion names, else the cell's secretary. Both link back to the case.
 */
export async function createRecommendations(trx: Db, dialect: DialectHelpers, actor: Actor, c: InspectionRow, body: ConclusionBody): Promise<InspectionRecommendationTable[]> {
  const now = nowIso();
  const rows: InspectionRecommendationTable[] = [];
  const problems: FieldProblem[] = [];
  if (c.subject_member_id) {
    const member = (await findMemberWithUnit(trx, c.subject_member_id))!;
    const byYear = new Map<number, typeof body.recommendations>();
    for (const r of body.recommendations) byYear.set(Number(r.deadline.slice(0, 4)), [...(byYear.get(Number(r.deadline.slice(0, 4))) ?? []), r]);
    for (const [year, recs] of byYear) {
      const plan = await ensurePlan(trx, dialect, actor.accountId, member, year);
      const itemIds = await insertPlanItems(
        trx,
        dialect,
        actor.accountId,
        plan,
        recs.map((r) => ({ shortcoming: r.text, action: r.text, deadline: r.deadline, successCriteria: 'Ủy ban Kiểm tra xác nhận đã khắc phục', source: { kind: 'inspection', inspectionId: c.id } })),
      );
      recs.forEach((r, i) => rows.push(recommendationRow(c, r, rows.length, { planItemId: itemIds[i]!, taskId: null }, now)));
    }
  } else {
    const cell = (await findUnit(trx, c.subject_unit_id))!;
    const secretary = await repo.secretaryOf(trx, cell.id);
    for (const [i, r] of body.recommendations.entries()) {
      const owner = r.ownerMemberId ?? secretary;
      if (!owner) {
        problems.push({ field: `recommendations.${i}.ownerMemberId`, messageKey: 'inspection_owner_required' });
        continue;
      }
      const task = await insertNewTask(
        trx,
        actor,
        cell,
        { title: r.text, deliverable: `Khắc phục theo kiến nghị của ${c.unit_name}; báo cáo kết quả để được xác nhận`, ownerMemberId: owner, ownerUnitId: null, deadline: r.deadline, priority: 'high', coworkerMemberIds: [] },
        { kind: 'inspection', inspectionId: c.id },
        { fieldPrefix: `recommendations.${i}.`, today: body.concludedOn },
      );
      await writeAudit(trx, dialect, { actorAccountId: actor.accountId, action: 'task.create', recordType: 'task', recordId: task.row.id, unitId: task.row.unit_id, after: taskSnapshot(task) });
      rows.push(recommendationRow(c, r, i, { planItemId: null, taskId: task.row.id }, now));
    }
  }
  if (problems.length > 0) throw fieldErrors(problems);
  await repo.insertRecommendations(trx, rows);
  return rows;
}

function recommendationRow(c: InspectionRow, r: ConclusionBody['recommendations'][number], index: number, link: { planItemId: string | null; taskId: string | null }, now: string): InspectionRecommendationTable {
  return {
    id: newId(),
    inspection_id: c.id,
    unit_id: c.subject_unit_id,
    position: index + 1,
    text: r.text,
    deadline: r.deadline,
    plan_item_id: link.planItemId,
    task_id: link.taskId,
    status: 'open',
    reported_on: null,
    report_note: null,
    verified_on: null,
    verified_by_account_id: null,
    verification_comment: null,
    created_at: now,
    updated_at: now,
  };
}

async function loadRecommendation(trx: Db, id: string, recommendationId: string) {
  const c = await repo.findInspection(trx, id);
  const r = c ? await repo.findRecommendation(trx, recommendationId) : undefined;
  return { c: r && r.inspection_id === c!.id ? c : undefined, r };
}

async function currentStatus(trx: Db, r: InspectionRecommendationTable) {
  const items = await repo.planItemStates(trx, r.plan_item_id ? [r.plan_item_id] : []);
  return effectiveStatus({ ...r, verified_by_name: null }, new Map(items.map((i) => [i.id, i])));
}

/** Báo cáo đã khắc phục: the subject (the member, or the cell's secretary) says it is done; the UBKT verifies. */
export async function reportRecommendation(ctx: AppContext, actor: Actor, id: string, recommendationId: string, body: { note: string; attachment?: { fileName: string; mimeType?: string | undefined; contentBase64: string } | null | undefined }) {
  await writeTransaction(ctx.handle, async (trx) => {
    const { c, r } = await loadRecommendation(trx, id, recommendationId);
    const viewer = viewerOf(actor, c);
    if (viewer !== 'subject' || mayReadCaseFile(actor, c!) || !isNotifiedSubject(actor, c!)) throw new AppError(403, 'forbidden');
    const status = await currentStatus(trx, r!);
    if (status === 'fixed') throw new AppError(409, 'inspection_recommendation_fixed');
    if (status === 'reported') throw new AppError(409, 'inspection_recommendation_reported');
    const today = todayInVietnam();
    const file = body.attachment ? decodeAttachment(body.attachment) : null;
    const stored = file ? await storeAttachment(trx, r!.unit_id, file, actor.accountId) : null;
    if (r!.plan_item_id) {
      const [item] = await repo.planItemStates(trx, [r!.plan_item_id]);
      await writeItemProgress(trx, ctx.handle.dialect, actor.accountId, { ...item!, id: item!.id }, { note: body.note, claimFixed: true });
    } else if (r!.task_id) {
      const task = (await repo.taskState(trx, r!.task_id))!;
      if (task.status === 'open') await writeProgress(trx, ctx.handle.dialect, actor, task, { text: body.note, percent: 100, attachment: stored });
    }
    await repo.updateRecommendation(trx, r!.id, { status: 'reported', reported_on: today, report_note: body.note, updated_at: nowIso() });
    await writeAudit(trx, ctx.handle.dialect, {
      actorAccountId: actor.accountId,
      action: 'inspection.recommendation_report',
      recordType: 'inspection',
      recordId: c!.id,
      unitId: c!.unit_id,
      before: { recommendationId: r!.id, status },
      after: { recommendationId: r!.id, status: 'reported', reportedOn: today, note: body.note, attachment: stored },
    });
  });
}

/**
 * Xác nhận đã khắc phục, or return it with a comment: the UBKT's word on the recommendation, and
 * on the correction item or task behind it. The case closes when every recommendation is fixed.
 */
export async function verifyRecommendation(ctx: AppContext, actor: Actor, id: string, recommendationId: string, body: { outcome: 'fixed' | 'returned'; comment: string }) {
  await writeTransaction(ctx.handle, async (trx) => {
    const { c, r } = await loadRecommendation(trx, id, recommendationId);
    authorizeManageCase(actor, c);
    if (!r) throw notFound();
    const status = await currentStatus(trx, r);
    if (status === 'fixed') throw new AppError(409, 'inspection_recommendation_fixed');
    if (status !== 'reported') throw new AppError(409, 'inspection_recommendation_not_reported');
    const today = todayInVietnam();
    const now = nowIso();
    if (r.plan_item_id) {
      const [item] = await repo.planItemStates(trx, [r.plan_item_id]);
      await writeVerification(trx, ctx.handle.dialect, actor.accountId, item!, { decision: body.outcome, comment: body.comment });
    } else if (r.task_id) {
      const task = (await repo.taskState(trx, r.task_id))!;
      if (task.status === 'open') {
        if (body.outcome === 'fixed') {
          const completedOn = task.completed_on ?? r.reported_on ?? today;
          await writeClose(trx, ctx.handle.dialect, actor.accountId, task, { outcome: completedOn > task.deadline ? 'late' : 'on_time', completedOn, closedOn: today, comment: body.comment });
        } else {
          // Returned: the work is not finished after all (below 100 % clears the finishing day).
          await writeProgress(trx, ctx.handle.dialect, actor, task, { text: `Trả lại: ${body.comment}`, percent: Math.min(Number(task.progress_percent), 90), attachment: null });
        }
      }
    }
    await repo.updateRecommendation(
      trx,
      r.id,
      body.outcome === 'fixed'
        ? { status: 'fixed', verified_on: today, verified_by_account_id: actor.accountId, verification_comment: body.comment, updated_at: now }
        : { status: 'returned', reported_on: null, verification_comment: body.comment, updated_at: now },
    );
    await writeAudit(trx, ctx.handle.dialect, {
      actorAccountId: actor.accountId,
      action: 'inspection.recommendation_verify',
      recordType: 'inspection',
      recordId: c!.id,
      unitId: c!.unit_id,
      before: { recommendationId: r.id, status },
      after: { recommendationId: r.id, status: body.outcome, comment: body.comment },
    });
    await closeWhenFollowedUp(trx, ctx.handle.dialect, actor, c!, today);
  });
}

/** The follow-up ends when every recommendation is fixed: recorded as the last step, and the case closes. */
async function closeWhenFollowedUp(trx: Db, dialect: DialectHelpers, actor: Actor, c: InspectionRow, today: string): Promise<void> {
  if (c.status !== 'concluded') return;
  const recs = await repo.recommendationsOf(trx, [c.id]);
  const items = new Map((await repo.planItemStates(trx, recs.map((r) => r.plan_item_id).filter((x): x is string => x !== null))).map((i) => [i.id, i]));
  if (!recs.every((r) => effectiveStatus(r, items) === 'fixed')) return;
  const now = nowIso();
  await repo.insertStep(trx, { id: newId(), inspection_id: c.id, unit_id: c.unit_id, step_code: 'follow_up', done_on: today, note: `${recs.length} kiến nghị đã được xác nhận khắc phục`, document_no: null, subject_comments: null, attachment_id: null, created_by_account_id: actor.accountId, created_at: now });
  await repo.updateInspection(trx, c.id, { status: 'closed', updated_at: now });
  await writeAudit(trx, dialect, { actorAccountId: actor.accountId, action: 'inspection.close', recordType: 'inspection', recordId: c.id, unitId: c.unit_id, before: { status: 'concluded' }, after: { status: 'closed', closedOn: today } });
}
