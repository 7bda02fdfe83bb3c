import type { AppContext } from '../../core/context.js';
import type { Actor } from '../../domain/policy.js';
import type { DisciplineDecisionTable } from '../../db/schema.js';
import { newId, nowIso } from '../../db/ids.js';
import { todayInVietnam } from '../../domain/vietnam-time.js';
import { displayDate } from '../../domain/tasks.js';
import { checkDecisionDates, checkDisciplineDecision, formsForDecision } from '../../domain/discipline.js';
import { fieldErrors, type FieldProblem } from '../../core/errors.js';
import type { InspectionBody, MemberStatus } from '../../shared/enums.js';
import { logRead, writeAudit, writeTransaction } from '../audit/service.js';
import { findMemberWithUnit } from '../members/lookup.js';
import { memberHoldsPost } from '../accounts/lookup.js';
import { findUnit, unitsByIds } from '../units/lookup.js';
import { authorizeUnit } from '../units/policy.js';
import { ensureRules, rulesOfVersion, rulesVersionInEffect, type InspectionRules } from '../inspection-rules/service.js';
import * as repo from './repo.js';
import { findInspection } from '../inspections/lookup.js';
import type { DisciplineRow } from './repo.js';
import { authorizeDisciplineDecide, authorizeDisciplineRead, decidingBodiesFor, decidingBodyProblem, isOwnRecord, type DisciplineSubject } from './policy.js';
import type { CreateDisciplineBody, DisciplineDecision, DisciplineListResponse, DisciplineOption, MemberDisciplineResponse } from './schemas.js';

// --- presenting -------------------------------------------------------------------------------

export function presentDecision(d: DisciplineRow): DisciplineDecision {
  return {
    id: d.id,
    memberId: d.member_id,
    memberName: d.member_name,
    unitId: d.unit_id,
    unitName: d.unit_name,
    formCode: d.form_code,
    formName: d.form_name,
    decidingUnitId: d.deciding_unit_id,
    decidingUnitName: d.deciding_unit_name,
    decidingBody: d.deciding_body as InspectionBody,
    decisionNo: d.decision_no,
    decidedOn: d.decided_on,
    effectiveOn: d.effective_on,
    reason: d.reason,
    sourceInspectionId: d.source_inspection_id,
    memberStatus: d.member_status as MemberStatus,
    createdAt: d.created_at,
  };
}

/** What the audit log keeps of a decision. */
const snapshot = (d: DisciplineDecisionTable) => ({
  memberId: d.member_id,
  formCode: d.form_code,
  formName: d.form_name,
  ruleVersionId: d.rule_version_id,
  decidingUnitId: d.deciding_unit_id,
  decidingBody: d.deciding_body,
  decisionNo: d.decision_no,
  decidedOn: d.decided_on,
  effectiveOn: d.effective_on,
  reason: d.reason,
  sourceInspectionId: d.source_inspection_id,
  memberStatus: d.member_status,
});

/** The rules in effect at the member's unit, loaded (and audited) the first time anyone needs them. */
async function rulesAt(ctx: AppContext, unitPath: string): Promise<InspectionRules> {
  const found = await rulesVersionInEffect(ctx.handle.db, unitPath);
  if (found) return rulesOfVersion(ctx.handle.db, found.id);
  return writeTransaction(ctx.handle, (trx) => ensureRules(trx, ctx.handle.dialect, unitPath));
}

/** The bodies the viewer may record for this member, each with the forms it may give them now. */
async function optionsFor(ctx: AppContext, actor: Actor, member: DisciplineSubject & { status: string }): Promise<DisciplineOption[]> {
  const bodies = decidingBodiesFor(actor, member);
  if (bodies.length === 0) return [];
  const [rules, holdsPost, units] = await Promise.all([
    rulesAt(ctx, member.unit_path),
    memberHoldsPost(ctx.handle.db, member.id),
    unitsByIds(ctx.handle.db, [...new Set(bodies.map((b) => b.decidingUnitId))]),
  ]);
  const nameOf = new Map(units.map((u) => [u.id, u.name]));
  return bodies
    .map((b) => ({
      ...b,
      decidingUnitName: nameOf.get(b.decidingUnitId) ?? '',
      forms: formsForDecision(rules.disciplineForms.values(), { status: member.status, holdsPost }, b.decidingBody).map((f) => ({ code: f.code, name: f.name, confirmed: f.confirmed })),
    }))
    .filter((o) => o.forms.length > 0);
}

// --- endpoints --------------------------------------------------------------------------------

/**
 * Ghi quyết định kỷ luật: checks the deciding body against the member and the caller, the form
 * against the rules in effect at the member's unit (status, post, the body's power), the dates and
 * the source case; every problem is named at once, and nothing is written unless all pass.
 */
export async function recordDecision(ctx: AppContext, actor: Actor, body: CreateDisciplineBody): Promise<DisciplineDecision> {
  const id = await writeTransaction(ctx.handle, async (trx) => {
    const member = await findMemberWithUnit(trx, body.memberId);
    authorizeDisciplineDecide(actor, member);
    const m = member!;
    const bodyProblem = decidingBodyProblem(actor, m, body.decidingUnitId, body.decidingBody);
    if (bodyProblem) throw fieldErrors([bodyProblem]);

    const problems: FieldProblem[] = [];
    const rules = await ensureRules(trx, ctx.handle.dialect, m.unit_path);
    const form = rules.disciplineForms.get(body.formCode);
    if (!form) problems.push({ field: 'formCode', messageKey: 'discipline_form_unknown' });
    else {
      const check = checkDisciplineDecision(form, { status: m.status, holdsPost: await memberHoldsPost(trx, m.id) }, body.decidingBody);
      if (check !== 'ok') problems.push({ field: 'formCode', messageKey: `discipline_form_${check}`, params: { form: form.name } });
    }
    const today = todayInVietnam();
    const dates = checkDecisionDates(body, today);
    if (dates.decidedOn) problems.push({ field: 'decidedOn', messageKey: 'discipline_decided_future', params: { today: displayDate(today) } });
    if (dates.effectiveOn) problems.push({ field: 'effectiveOn', messageKey: 'discipline_effective_before_decided', params: { decidedOn: displayDate(body.decidedOn) } });
    if (body.sourceInspectionId) {
      const source = await findInspection(trx, body.sourceInspectionId);
      if (!source || source.unit_id !== body.decidingUnitId || source.subject_member_id !== m.id) problems.push({ field: 'sourceInspectionId', messageKey: 'discipline_source_case' });
    }
    if (problems.length > 0) throw fieldErrors(problems);

    const row: DisciplineDecisionTable = {
      id: newId(),
      unit_id: m.unit_id,
      member_id: m.id,
      form_code: form!.code,
      form_name: form!.name,
      rule_version_id: rules.versionId,
      deciding_unit_id: body.decidingUnitId,
      deciding_body: body.decidingBody,
      decision_no: body.decisionNo?.trim() ? body.decisionNo.trim() : null,
      decided_on: body.decidedOn,
      effective_on: body.effectiveOn,
      reason: body.reason,
      source_inspection_id: body.sourceInspectionId ?? null,
      member_status: m.status,
      created_by_account_id: actor.accountId,
      created_at: nowIso(),
    };
    await repo.insertDecision(trx, row);
    await writeAudit(trx, ctx.handle.dialect, { actorAccountId: actor.accountId, action: 'discipline.decide', recordType: 'discipline', recordId: m.id, unitId: m.unit_id, after: { decisionId: row.id, ...snapshot(row) } });
    return row.id;
  });
  return presentDecision((await repo.findDecision(ctx.handle.db, id))!);
}

/** Kỷ luật của một đảng viên: newest first; a read by anyone but the member goes to the access log. */
export async function memberDiscipline(ctx: AppContext, actor: Actor, memberId: string): Promise<MemberDisciplineResponse> {
  const { db } = ctx.handle;
  const member = await findMemberWithUnit(db, memberId);
  authorizeDisciplineRead(actor, member);
  const m = member!;
  if (!isOwnRecord(actor, m)) await logRead(ctx.handle, actor, { recordType: 'discipline', recordId: m.id, unitId: m.unit_id, unitPath: m.unit_path });
  const [items, options] = await Promise.all([repo.disciplineOfMember(db, m.id), optionsFor(ctx, actor, m)]);
  return {
    memberId: m.id,
    memberName: m.full_name,
    memberStatus: m.status as MemberStatus,
    items: items.map(presentDecision),
    actions: options.length > 0 ? ['record'] : [],
    options,
    allowedFormCodes: [...new Set(options.flatMap((o) => o.forms.map((f) => f.code)))],
  };
}

/** Quyết định kỷ luật của một năm trong một đơn vị (and below): each member's record read is logged, as on the member's page. */
export async function listDecisions(ctx: AppContext, actor: Actor, query: { unitId: string; year: number }): Promise<DisciplineListResponse> {
  const { db } = ctx.handle;
  const unit = await findUnit(db, query.unitId);
  authorizeUnit(actor, 'discipline.read', unit);
  const rows = await repo.decisionsInSubtree(db, unit!.path, query.year);
  const members = new Map(rows.filter((r) => r.member_id !== actor.memberId).map((r) => [r.member_id, r]));
  for (const r of members.values()) await logRead(ctx.handle, actor, { recordType: 'discipline', recordId: r.member_id, unitId: r.unit_id, unitPath: r.unit_path });
  return { unitId: unit!.id, year: query.year, items: rows.map(presentDecision) };
}
