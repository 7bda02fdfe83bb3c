import type { Kysely } from 'kysely';
import type { AppContext } from '../../core/context.js';
import { can, type Actor } from '../../domain/policy.js';
import type { Database, InspectionProgrammeItemTable, InspectionProgrammeTable } from '../../db/schema.js';
import { newId, nowIso } from '../../db/ids.js';
import { AppError, fieldError, fieldErrors, type FieldProblem } from '../../core/errors.js';
import { authorize } from '../../core/authorize.js';
import type { MessageKey } from '../../core/messages.js';
import { todayInVietnam } from '../../domain/vietnam-time.js';
import { displayDate } from '../../domain/tasks.js';
import { programmeItemState } from '../../domain/inspection.js';
import type { InspectionBody, InspectionStatus } from '../../shared/enums.js';
import { writeAudit, writeTransaction } from '../audit/service.js';
import { findUnit } from '../units/lookup.js';
import { authorizeReferencedUnit } from '../units/policy.js';
import { ensureRules, rulesVersionInEffect, rulesOfVersion, type InspectionRules } from '../inspection-rules/service.js';
import * as repo from './repo.js';
import type { ProgrammeItemRow, ProgrammeRow } from './repo.js';
import { authorizeUnitCases, mayManageIn, programmeActionsFor } from './policy.js';
import { checkPeople, resolveSubject, reviewPeriodProblems } from './subjects.js';
import type { CreateProgrammeBody, ProgrammeDetail, ProgrammeItemInput, ProgrammeListResponse, ProgrammeSummary } from './schemas.js';

type Db = Kysely<Database>;

// --- presenting ----------------------------------------------------------------------------------

function countsOf(items: readonly ProgrammeItemRow[], today: string): ProgrammeSummary['counts'] {
  const counts = { total: items.length, planned: 0, in_progress: 0, concluded: 0, late: 0 };
  for (const i of items) counts[programmeItemState({ plannedStart: i.planned_start, plannedEnd: i.planned_end, caseStatus: i.inspection_status }, today)]++;
  return counts;
}

function summaryOf(p: ProgrammeRow, items: readonly ProgrammeItemRow[], today: string): ProgrammeSummary {
  return {
    id: p.id,
    unitId: p.unit_id,
    unitName: p.unit_name,
    body: p.body as InspectionBody,
    year: Number(p.year),
    title: p.title,
    status: p.status as ProgrammeSummary['status'],
    adoptedOn: p.adopted_on,
    counts: countsOf(items, today),
  };
}

async function rulesForUnit(db: Db, unitPath: string): Promise<InspectionRules | undefined> {
  const version = await rulesVersionInEffect(db, unitPath);
  return version ? rulesOfVersion(db, version.id) : undefined;
}

export async function presentProgramme(db: Db, actor: Actor, p: ProgrammeRow): Promise<ProgrammeDetail> {
  const items = await repo.itemsOfProgrammes(db, [p.id]);
  const today = todayInVietnam();
  const rules = await rulesForUnit(db, p.unit_path);
  const people = new Map((await repo.memberNames(db, [...new Set(items.flatMap((i) => [...(i.lead_member_id ? [i.lead_member_id] : []), ...(JSON.parse(i.team_json) as string[])]))])).map((m) => [m.id, m.full_name]));
  const manage = mayManageIn(actor, p.unit_path);
  return {
    ...summaryOf(p, items, today),
    adoptedByName: p.adopted_by_name,
    items: items.map((i) => ({
      id: i.id,
      position: Number(i.position),
      kindCode: i.kind_code,
      kindName: rules?.kinds.get(i.kind_code)?.name ?? i.kind_code,
      subjectKind: i.subject_member_id ? 'member' : 'unit',
      subjectUnitId: i.subject_unit_id,
      subjectUnitName: i.subject_unit_name,
      subjectMemberId: i.subject_member_id,
      subjectMemberName: i.subject_member_name,
      content: i.content,
      reviewFrom: i.review_from,
      reviewTo: i.review_to,
      plannedStart: i.planned_start,
      plannedEnd: i.planned_end,
      lead: i.lead_member_id ? { id: i.lead_member_id, name: people.get(i.lead_member_id) ?? '' } : null,
      team: (JSON.parse(i.team_json) as string[]).map((id) => ({ id, name: people.get(id) ?? '' })),
      state: programmeItemState({ plannedStart: i.planned_start, plannedEnd: i.planned_end, caseStatus: i.inspection_status }, today),
      inspectionId: i.inspection_id,
      inspectionStatus: i.inspection_status as InspectionStatus | null,
      actions: manage && p.status === 'adopted' && !i.inspection_id ? ['start'] : [],
    })),
    actions: programmeActionsFor(actor, p.unit_path, p.status),
  };
}

/** The programmes of a unit and the units below it that the caller may read, with their progress. */
export async function programmeSummaries(db: Db, actor: Actor, unitPath: string, year: number): Promise<ProgrammeSummary[]> {
  const programmes = (await repo.programmesIn(db, unitPath, year)).filter((p) => can(actor, 'inspection.read', { unitPath: p.unit_path }));
  const items = await repo.itemsOfProgrammes(db, programmes.map((p) => p.id));
  const today = todayInVietnam();
  return programmes.map((p) => summaryOf(p, items.filter((i) => i.programme_id === p.id), today));
}

// --- endpoints ------------------------------------------------------------------------------------

export async function listProgrammes(ctx: AppContext, actor: Actor, query: { unitId: string; year?: number | undefined }): Promise<ProgrammeListResponse> {
  const unit = await findUnit(ctx.handle.db, query.unitId);
  authorizeUnitCases(actor, unit);
  const year = query.year ?? Number(todayInVietnam().slice(0, 4));
  return { year, items: await programmeSummaries(ctx.handle.db, actor, unit!.path, year), actions: mayManageIn(actor, unit!.path) ? ['create'] : [] };
}

async function loadProgramme(db: Db, actor: Actor, id: string, action: 'inspection.read' | 'inspection.manage'): Promise<ProgrammeRow> {
  const p = await repo.findProgramme(db, id);
  // A programme outside the caller's read scope is missing; inside it but not theirs to keep, forbidden.
  authorize(actor, 'inspection.read', p ? { unitPath: p.unit_path } : null);
  if (action === 'inspection.manage') authorize(actor, 'inspection.manage', { unitPath: p!.unit_path });
  return p!;
}

export async function programmeDetail(ctx: AppContext, actor: Actor, id: string): Promise<ProgrammeDetail> {
  return presentProgramme(ctx.handle.db, actor, await loadProgramme(ctx.handle.db, actor, id, 'inspection.read'));
}

/** Each item checked against the rules and the programme's unit; every problem named with its index. */
async function itemRows(trx: Db, programme: { id: string; unit_id: string; year: number }, unit: { id: string; path: string; kind: string }, rules: InspectionRules, inputs: readonly ProgrammeItemInput[], startAt: number, prefix: (i: number) => string): Promise<InspectionProgrammeItemTable[]> {
  const problems: FieldProblem[] = [];
  const rows: InspectionProgrammeItemTable[] = [];
  const now = nowIso();
  for (const [i, input] of inputs.entries()) {
    const at = prefix(i);
    const say = (field: string, messageKey: MessageKey, params?: Record<string, string | number>) => problems.push({ field: `${at}${field}`, messageKey, ...(params ? { params } : {}) });
    const kind = rules.kinds.get(input.kindCode);
    if (!kind) say('kindCode', 'inspection_kind_unknown');
    const subject = await resolveSubject(trx, unit, input, kind, at);
    if ('messageKey' in subject) problems.push(subject);
    reviewPeriodProblems(input.reviewFrom, input.reviewTo, say);
    if (input.plannedEnd < input.plannedStart) say('plannedEnd', 'inspection_planned_order');
    for (const f of ['plannedStart', 'plannedEnd'] as const) if (Number(input[f].slice(0, 4)) !== programme.year) say(f, 'inspection_programme_item_year', { year: programme.year });
    await checkPeople(trx, unit.path, input.leadMemberId ?? null, input.teamMemberIds, say);
    if ('messageKey' in subject) continue;
    rows.push({
      id: newId(),
      programme_id: programme.id,
      unit_id: programme.unit_id,
      position: startAt + rows.length + 1,
      kind_code: input.kindCode,
      subject_unit_id: subject.unitId,
      subject_member_id: subject.memberId,
      content: input.content,
      review_from: input.reviewFrom,
      review_to: input.reviewTo,
      planned_start: input.plannedStart,
      planned_end: input.plannedEnd,
      lead_member_id: input.leadMemberId ?? null,
      team_json: JSON.stringify(input.teamMemberIds),
      created_at: now,
    });
  }
  if (problems.length > 0) throw fieldErrors(problems);
  return rows;
}

const itemSnapshot = (r: InspectionProgrammeItemTable) => ({
  id: r.id,
  kindCode: r.kind_code,
  subjectUnitId: r.subject_unit_id,
  subjectMemberId: r.subject_member_id,
  content: r.content,
  reviewFrom: r.review_from,
  reviewTo: r.review_to,
  plannedStart: r.planned_start,
  plannedEnd: r.planned_end,
  leadMemberId: r.lead_member_id,
  team: JSON.parse(r.team_json) as unknown,
});

export async function createProgramme(ctx: AppContext, actor: Actor, body: CreateProgrammeBody): Promise<ProgrammeDetail> {
  const id = await writeTransaction(ctx.handle, async (trx) => {
    const unit = await findUnit(trx, body.unitId);
    authorizeReferencedUnit(actor, 'inspection.manage', unit, 'unitId');
    if ((unit!.kind === 'cell') !== (body.body === 'cell')) throw fieldError('body', 'inspection_body_unit_mismatch');
    if (await repo.findProgrammeOf(trx, unit!.id, body.year, body.body)) throw fieldError('year', 'inspection_programme_exists', { year: body.year });
    const rules = await ensureRules(trx, ctx.handle.dialect, unit!.path);
    const now = nowIso();
    const row: InspectionProgrammeTable = { id: newId(), unit_id: unit!.id, body: body.body, year: body.year, title: body.title, status: 'draft', adopted_on: null, adopted_by_account_id: null, created_by_account_id: actor.accountId, created_at: now, updated_at: now };
    const items = await itemRows(trx, row, unit!, rules, body.items, 0, (i) => `items.${i}.`);
    await repo.insertProgramme(trx, row);
    await repo.insertProgrammeItems(trx, items);
    await writeAudit(trx, ctx.handle.dialect, { actorAccountId: actor.accountId, action: 'inspection_programme.create', recordType: 'inspection_programme', recordId: row.id, unitId: row.unit_id, after: { body: row.body, year: row.year, title: row.title, items: items.map(itemSnapshot) } });
    return row.id;
  });
  return programmeDetail(ctx, actor, id);
}

/** Bổ sung một nội dung: also after adoption (programmes are amended during the year), audited. */
export async function addProgrammeItem(ctx: AppContext, actor: Actor, id: string, input: ProgrammeItemInput): Promise<ProgrammeDetail> {
  await writeTransaction(ctx.handle, async (trx) => {
    const p = await loadProgramme(trx, actor, id, 'inspection.manage');
    const unit = (await findUnit(trx, p.unit_id))!;
    const rules = await ensureRules(trx, ctx.handle.dialect, unit.path);
    const [row] = await itemRows(trx, { id: p.id, unit_id: p.unit_id, year: Number(p.year) }, unit, rules, [input], await repo.maxItemPosition(trx, p.id), () => '');
    await repo.insertProgrammeItems(trx, [row!]);
    await repo.updateProgramme(trx, p.id, { updated_at: nowIso() });
    await writeAudit(trx, ctx.handle.dialect, { actorAccountId: actor.accountId, action: 'inspection_programme.add_item', recordType: 'inspection_programme', recordId: p.id, unitId: p.unit_id, after: itemSnapshot(row!) });
  });
  return programmeDetail(ctx, actor, id);
}

/** Thông qua chương trình: from then on its items are started as cases. */
export async function adoptProgramme(ctx: AppContext, actor: Actor, id: string, adoptedOn: string): Promise<ProgrammeDetail> {
  await writeTransaction(ctx.handle, async (trx) => {
    const p = await loadProgramme(trx, actor, id, 'inspection.manage');
    if (p.status === 'adopted') throw new AppError(409, 'inspection_programme_adopted');
    const today = todayInVietnam();
    if (adoptedOn > today) throw fieldError('adoptedOn', 'inspection_date_future', { date: displayDate(today) });
    await repo.updateProgramme(trx, p.id, { status: 'adopted', adopted_on: adoptedOn, adopted_by_account_id: actor.accountId, updated_at: nowIso() });
    await writeAudit(trx, ctx.handle.dialect, { actorAccountId: actor.accountId, action: 'inspection_programme.adopt', recordType: 'inspection_programme', recordId: p.id, unitId: p.unit_id, before: { status: p.status }, after: { status: 'adopted', adoptedOn } });
  });
  return programmeDetail(ctx, actor, id);
}
