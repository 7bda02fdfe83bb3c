import type { Kysely } from 'kysely';
import type { AppContext } from '../../core/context.js';
import { AppError, fieldError, fieldErrors, forbidden, type FieldProblem } from '../../core/errors.js';
import { canSomewhere, scopePaths, type Actor } from '../../domain/policy.js';
import { todayInVietnam } from '../../domain/vietnam-time.js';
import type { Database } from '../../db/schema.js';
import { newId, nowIso } from '../../db/ids.js';
import { writeAudit, writeTransaction } from '../audit/service.js';
import { findUnit, unitsByIds } from '../units/lookup.js';
import { authorizeReferencedUnit, authorizeUnit } from '../units/policy.js';
import { presentTask, tasksFromDirective } from '../tasks/lookup.js';
import { mayReadTask } from '../tasks/policy.js';
import * as repo from './repo.js';
import type { DirectiveRow, TargetRow } from './repo.js';
import { authorizeDirectiveRead, canAssignFor, canReadTarget } from './policy.js';
import type { CreateDirectiveBody, DirectiveDetail, DirectiveSummary } from './schemas.js';

type Db = Kysely<Database>;

/** Today's local date in Vietnam. */

/** A target cell has acted on a directive once it made at least one task from it. */
const acted = (t: TargetRow) => t.tasks > 0;

const byName = (a: { unit_name: string }, b: { unit_name: string }) => a.unit_name.localeCompare(b.unit_name, 'vi');

function summaryOf(d: Omit<DirectiveRow, 'created_by_name'>, targets: readonly TargetRow[], on: string): DirectiveSummary {
  return {
    id: d.id,
    unitId: d.unit_id,
    unitName: d.unit_name,
    title: d.title,
    issuedOn: d.issued_on,
    deadline: d.deadline,
    targets: targets.length,
    acknowledged: targets.filter((t) => t.acknowledged_at !== null).length,
    acted: targets.filter(acted).length,
    overdue: d.deadline < on && targets.some((t) => !acted(t)),
  };
}

async function detailOf(db: Db, actor: Actor, d: DirectiveRow, targets: TargetRow[]): Promise<DirectiveDetail> {
  const on = todayInVietnam();
  const visible = targets.filter((t) => canReadTarget(actor, t)).sort(byName);
  const tasks = (await tasksFromDirective(db, d.id)).filter((t) =>
    mayReadTask(actor, { unitPath: t.unit_path, ownerMemberId: t.owner_member_id, ownerUnitPath: t.owner_unit_path, coworkerIds: t.coworker_ids, status: t.status }),
  );
  return {
    ...summaryOf(d, visible, on),
    body: d.body,
    createdByName: d.created_by_name ?? null,
    targetUnits: visible.map((t) => ({
      unitId: t.unit_id,
      unitName: t.unit_name,
      acknowledgedAt: t.acknowledged_at,
      acknowledgedByName: t.acknowledged_by_name ?? null,
      note: t.acknowledgement_note,
      tasks: t.tasks,
      tasksClosed: t.tasks_closed,
      canAcknowledge: t.acknowledged_at === null && canAssignFor(actor, t),
      canAssign: canAssignFor(actor, t),
    })),
    tasks: tasks.map((t) => presentTask(t, on)),
  };
}

/** Loads a directive the caller may see, with all its targets. */
async function loadVisible(db: Db, actor: Actor, id: string) {
  const directive = await repo.findDirective(db, id);
  const targets = directive ? await repo.targetsOf(db, [id]) : [];
  authorizeDirectiveRead(actor, directive, targets.map((t) => t.unit_path));
  return { directive: directive!, targets };
}

export async function directiveDetail(ctx: AppContext, actor: Actor, id: string): Promise<DirectiveDetail> {
  const { directive, targets } = await loadVisible(ctx.handle.db, actor, id);
  return detailOf(ctx.handle.db, actor, directive, targets);
}

/**
 * A unit's directives of a year: those it issued and those aimed at units inside it. Counts cover
 * only the targets inside the unit, so a cell sees its own acknowledgement, the commune all of them.
 */
export async function listDirectives(ctx: AppContext, actor: Actor, unitId: string, year: number | undefined): Promise<{ items: DirectiveSummary[] }> {
  const { db } = ctx.handle;
  const unit = await findUnit(db, unitId);
  authorizeUnit(actor, 'directive.read', unit);
  const on = todayInVietnam();
  const rows = await repo.directivesOfUnit(db, unit!, year ?? Number(on.slice(0, 4)));
  const targets = await repo.targetsOf(db, rows.map((r) => r.id), unit!.path);
  return { items: rows.map((d) => summaryOf(d, targets.filter((t) => t.directive_id === d.id), on)) };
}

/** Checks the chosen target cells: each an active cell strictly inside the issuing unit, once. */
async function resolveTargets(db: Db, issuer: { id: string; path: string }, body: CreateDirectiveBody) {
  if (body.allCells && body.targetUnitIds.length > 0) throw fieldError('targetUnitIds', 'directive_targets_both');
  if (body.allCells) {
    const cells = await repo.activeCellsUnder(db, issuer);
    if (cells.length === 0) throw fieldError('allCells', 'directive_no_cells');
    return cells;
  }
  if (body.targetUnitIds.length === 0) throw fieldError('targetUnitIds', 'directive_no_targets');
  const units = new Map((await unitsByIds(db, body.targetUnitIds)).map((u) => [u.id, u]));
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  body.targetUnitIds.forEach((id, i) => {
    const u = units.get(id);
    const inside = u !== undefined && u.id !== issuer.id && u.path.startsWith(issuer.path);
    if (!inside || u.kind !== 'cell' || u.archived_at) problems.push({ field: `targetUnitIds.${i}`, messageKey: 'directive_target_not_cell' });
    else if (seen.has(id)) problems.push({ field: `targetUnitIds.${i}`, messageKey: 'duplicate_entry' });
    seen.add(id);
  });
  if (problems.length > 0) throw fieldErrors(problems);
  return body.targetUnitIds.map((id) => units.get(id)!);
}

/** Ban hành chỉ đạo — a committee issues a directive to some or all of its cells. */
export async function createDirective(ctx: AppContext, actor: Actor, body: CreateDirectiveBody): Promise<DirectiveDetail> {
  const id = await writeTransaction(ctx.handle, async (trx) => {
    const issuer = await findUnit(trx, body.unitId);
    authorizeReferencedUnit(actor, 'directive.issue', issuer, 'unitId');
    if (issuer!.archived_at) throw fieldError('unitId', 'directive_issuer_archived');
    const on = todayInVietnam();
    const issuedOn = body.issuedOn ?? on;
    const problems: FieldProblem[] = [];
    if (issuedOn > on) problems.push({ field: 'issuedOn', messageKey: 'directive_issued_in_future' });
    if (body.deadline < issuedOn) problems.push({ field: 'deadline', messageKey: 'directive_deadline_before_issue' });
    if (problems.length > 0) throw fieldErrors(problems);
    const cells = await resolveTargets(trx, issuer!, body);

    const now = nowIso();
    const directive = {
      id: newId(),
      unit_id: issuer!.id,
      title: body.title,
      body: body.body,
      issued_on: issuedOn,
      deadline: body.deadline,
      created_by_account_id: actor.accountId,
      created_at: now,
      updated_at: now,
    };
    await repo.insertDirective(trx, directive);
    await repo.insertTargets(
      trx,
      cells.map((c) => ({ directive_id: directive.id, unit_id: c.id, acknowledged_at: null, acknowledged_by_account_id: null, acknowledgement_note: null })),
    );
    await writeAudit(trx, ctx.handle.dialect, {
      actorAccountId: actor.accountId,
      action: 'directive.create',
      recordType: 'directive',
      recordId: directive.id,
      unitId: issuer!.id,
      after: {
        unitId: issuer!.id,
        unitName: issuer!.name,
        title: body.title,
        body: body.body,
        issuedOn,
        deadline: body.deadline,
        allCells: body.allCells,
        targets: cells.map((c) => ({ unitId: c.id, unitName: c.name })),
      },
    });
    return directive.id;
  });
  return directiveDetail(ctx, actor, id);
}

/** Tiếp nhận chỉ đạo — a target cell's leader records that the cell received the directive. */
export async function acknowledgeDirective(
  ctx: AppContext,
  actor: Actor,
  id: string,
  body: { unitId: string; note?: string | null | undefined },
): Promise<DirectiveDetail> {
  await writeTransaction(ctx.handle, async (trx) => {
    // Without the right to assign tasks anywhere there is nothing to acknowledge for.
    if (!canSomewhere(actor, 'task.assign')) throw forbidden();
    const { directive, targets } = await loadVisible(trx, actor, id);
    const unit = await findUnit(trx, body.unitId);
    // Another cell's leader: the cell is not theirs, answered like a missing record.
    authorizeUnit(actor, 'task.assign', unit);
    const target = targets.find((t) => t.unit_id === unit!.id);
    if (!target) throw fieldError('unitId', 'directive_not_target');
    if (target.acknowledged_at !== null) throw new AppError(409, 'directive_already_acknowledged');
    const now = nowIso();
    const note = body.note || null;
    await repo.updateTarget(trx, id, unit!.id, { acknowledged_at: now, acknowledged_by_account_id: actor.accountId, acknowledgement_note: note });
    await writeAudit(trx, ctx.handle.dialect, {
      actorAccountId: actor.accountId,
      action: 'directive.acknowledge',
      recordType: 'directive',
      recordId: directive.id,
      unitId: unit!.id,
      before: { unitId: unit!.id, acknowledgedAt: null },
      after: { unitId: unit!.id, unitName: unit!.name, acknowledgedAt: now, note },
    });
  });
  return directiveDetail(ctx, actor, id);
}

/** At most this many directives wait on "My work" (the soonest deadlines first). */
const AWAITING_LIMIT = 100;

/**
 * Directives waiting for the caller to acknowledge them: targets not yet acknowledged in the
 * units where the caller may assign tasks (for "My work").
 */
export async function directivesAwaitingAcknowledgement(
  db: Kysely<Database>,
  actor: Actor,
): Promise<{ id: string; title: string; deadline: string; unitId: string; unitName: string }[]> {
  const rows = await repo.unacknowledgedTargets(db, scopePaths(actor, 'task.assign'), AWAITING_LIMIT);
  return rows.map((r) => ({ id: r.id, title: r.title, deadline: r.deadline, unitId: r.unit_id, unitName: r.unit_name }));
}
