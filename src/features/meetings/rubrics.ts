/** Meeting-quality rubrics (the province's point forms) and a meeting's score on its form. */
import type { AppContext } from '../../core/context.js';
import { AppError, fieldError } from '../../core/errors.js';
import { can, type Actor } from '../../domain/policy.js';
import { scoreLevel } from '../../domain/meetings.js';
import { canonicalJson } from '../../domain/audit-chain.js';
import type { MeetingRubricTable } from '../../db/schema.js';
import { newId, nowIso } from '../../db/ids.js';
import type { DialectHelpers } from '../../db/dialect.js';
import { writeAudit, writeTransaction } from '../audit/service.js';
import { findUnit } from '../units/lookup.js';
import { authorizeReferencedUnit, authorizeUnit } from '../units/policy.js';
import * as repo from './repo.js';
import * as rubricRepo from './rubric-repo.js';
import { loadEditable, type Db } from './load.js';
import { meetingDetail, presentRubric, rubricFor } from './present.js';
import type { CreateRubricBody, MeetingDetail, Rubric, ScoreBody } from './schemas.js';

export async function scoreMeeting(ctx: AppContext, actor: Actor, id: string, body: ScoreBody): Promise<MeetingDetail> {
  await writeTransaction(ctx.handle, async (trx) => {
    const meeting = await loadEditable(trx, actor, id);
    const rubricRow = await rubricFor(trx, meeting);
    if (!rubricRow) throw new AppError(409, 'rubric_missing');
    const rubric = presentRubric(rubricRow);
    const seen = new Set<string>();
    body.items.forEach((item, i) => {
      const criterion = rubric.criteria.find((c) => c.code === item.code);
      if (!criterion) throw fieldError(`items.${i}.code`, 'score_code_unknown');
      if (seen.has(item.code)) throw fieldError(`items.${i}.code`, 'duplicate_entry');
      seen.add(item.code);
      if (item.points !== null && item.points > criterion.points) throw fieldError(`items.${i}.points`, 'issue.too_big', { max: criterion.points });
      if (item.points !== null && !Number.isInteger(item.points * 2)) throw fieldError(`items.${i}.points`, 'score_points_step');
    });
    const before = await rubricRepo.scoresOf(trx, id);
    const merged = rubric.criteria.map((c) => {
      const given = body.items.find((i) => i.code === c.code);
      const old = before.find((s) => s.criterion_code === c.code);
      if (given) return { code: c.code, points: given.points, note: given.note ?? null };
      return { code: c.code, points: old ? Number(old.points) : null, note: old?.note ?? null };
    });
    const scored = merged.filter((m): m is { code: string; points: number; note: string | null } => m.points !== null);
    const complete = scored.length === rubric.criteria.length;
    const total = scored.length ? scored.reduce((s, m) => s + m.points, 0) : null;
    const level = complete && total !== null ? scoreLevel(total, rubric.levels) : null;
    const beforeSnap = before.map((s) => ({ code: s.criterion_code, points: Number(s.points), note: s.note })).sort((a, b) => a.code.localeCompare(b.code));
    const afterSnap = [...scored].sort((a, b) => a.code.localeCompare(b.code));
    if (canonicalJson(beforeSnap) === canonicalJson(afterSnap) && meeting.rubric_id === rubric.id) return;
    await rubricRepo.replaceScores(trx, id, meeting.unit_id, scored);
    await repo.updateMeeting(trx, id, { rubric_id: rubric.id, score_total: total, score_level: level, updated_at: nowIso() });
    await writeAudit(trx, ctx.handle.dialect, {
      actorAccountId: actor.accountId,
      action: 'meeting.score',
      recordType: 'meeting',
      recordId: id,
      unitId: meeting.unit_id,
      before: { rubricId: meeting.rubric_id, items: beforeSnap, total: meeting.score_total },
      after: { rubricId: rubric.id, items: afterSnap, total, level },
    });
  });
  return meetingDetail(ctx, actor, id);
}

// --- rubrics ----------------------------------------------------------------------------------

export async function listRubrics(ctx: AppContext, actor: Actor, unitId: string): Promise<{ items: Rubric[] }> {
  const { db } = ctx.handle;
  const unit = await findUnit(db, unitId);
  // The forms' page is for those who load them; readers of a meeting see its form in the meeting.
  authorizeUnit(actor, can(actor, 'rubric.manage', { unitPath: unit?.path ?? '' }) ? 'rubric.manage' : 'meeting.read', unit);
  const rows = await rubricRepo.rubricsOfUnit(db, unitId);
  return { items: rows.map(presentRubric) };
}

/** Loads a province's form: it replaces the unit's active form of the same kind (meetings already scored keep theirs). */
export function createRubric(ctx: AppContext, actor: Actor, body: CreateRubricBody): Promise<Rubric> {
  return writeTransaction(ctx.handle, (trx) => loadRubric(trx, ctx.handle.dialect, actor, body));
}

/** The write itself, also used by the demo seed (actor null = the system). */
export async function loadRubric(trx: Db, dialect: DialectHelpers, actor: Actor | null, body: CreateRubricBody): Promise<Rubric> {
  const unit = await findUnit(trx, body.unitId);
  if (actor) authorizeReferencedUnit(actor, 'rubric.manage', unit, 'unitId');
  else if (!unit) throw new Error(`loadRubric: no unit ${body.unitId}`);
  const now = nowIso();
  await rubricRepo.retireRubrics(trx, body.unitId, body.kind, now);
  const row: MeetingRubricTable = {
    id: newId(),
    unit_id: body.unitId,
    kind: body.kind,
    name: body.name,
    source: body.source,
    verified: body.verified ? 1 : 0,
    criteria_json: JSON.stringify(body.criteria),
    levels_json: JSON.stringify([...body.levels].sort((a, b) => b.min - a.min)),
    retired_at: null,
    created_at: now,
  };
  await rubricRepo.insertRubric(trx, row);
  await writeAudit(trx, dialect, {
    actorAccountId: actor?.accountId ?? null,
    action: 'rubric.create',
    recordType: 'meeting_rubric',
    recordId: row.id,
    unitId: body.unitId,
    after: { kind: body.kind, name: body.name, source: body.source, verified: body.verified, criteria: body.criteria, levels: body.levels },
  });
  return presentRubric(row);
}
