import type { Kysely } from 'kysely';
import type { AppContext } from '../../core/context.js';
import type { Actor } from '../../domain/policy.js';
import type { Database, InspectionRecommendationTable, InspectionTable } from '../../db/schema.js';
import { newId, nowIso } from '../../db/ids.js';
import { AppError, fieldError, fieldErrors, notFound, type FieldProblem } from '../../core/errors.js';
import type { MessageKey } from '../../core/messages.js';
import { todayInVietnam } from '../../domain/vietnam-time.js';
import { displayDate } from '../../domain/tasks.js';
import { checkStep, previousStepDate, recommendationCounts, type InspectionKindRule } from '../../domain/inspection.js';
import { logRead, writeAudit, writeTransaction } from '../audit/service.js';
import { findUnit } from '../units/lookup.js';
import { findFeedback, mayReadCitizenFeedback, maySeeContact } from '../citizen-feedback/lookup.js';
import { authorizeReferencedUnit } from '../units/policy.js';
import { ensureRules, rulesOfVersion, type InspectionRules } from '../inspection-rules/service.js';
import { decodeAttachment, storeAttachment } from '../tasks/service.js';
import * as repo from './repo.js';
import { committeeNameOf, placeNameOf } from '../../core/party-docx.js';
import { documentFileName, inspectionConclusionDocx, inspectionDecisionDocx, inspectionPlanDocx, programmeDocx, type CaseDocumentKind, type DocumentMeta } from './documents.js';
import { programmeDetail, programmeSummaries } from './programmes.js';
import type { InspectionRow } from './repo.js';
import { authorizeManageCase, authorizeUnitCases, isNotifiedSubject, isSubjectMember, mayManageIn, mayReadCaseFile, viewerOf } from './policy.js';
import { checkPeople, isProblem, resolveSubject, reviewPeriodProblems, type Subject } from './subjects.js';
import { nextStepOf, presentDetail, presentRecommendation, presentSummary, scheduleOf, type CaseParts } from './present.js';
import { createRecommendations } from './follow-up.js';
import type {
  ConclusionBody,
  CreateInspectionBody,
  InspectionDetail,
  InspectionListResponse,
  InspectionOverview,
  InspectionSummary,
  RecordStepBody,
  SubjectRecordsResponse,
} from './schemas.js';

type Db = Kysely<Database>;

// --- reading -------------------------------------------------------------------------------------

/** Rules per version, read once per request (a list spans cases opened under one or two versions). */
export async function rulesFor(db: Db, cases: readonly Pick<InspectionRow, 'rule_version_id'>[]): Promise<Map<string, InspectionRules>> {
  const out = new Map<string, InspectionRules>();
  for (const id of new Set(cases.map((c) => c.rule_version_id))) out.set(id, await rulesOfVersion(db, id));
  return out;
}

export async function partsOf(db: Db, ids: readonly string[]): Promise<CaseParts> {
  const [steps, recommendations] = await Promise.all([repo.stepsOf(db, ids), repo.recommendationsOf(db, ids)]);
  const planItems = await repo.planItemStates(db, recommendations.map((r) => r.plan_item_id).filter((x): x is string => x !== null));
  return { steps, recommendations, planItemStatus: new Map(planItems.map((p) => [p.id, p])) };
}

const partsFor = (all: CaseParts, id: string): CaseParts => ({
  steps: all.steps.filter((s) => s.inspection_id === id),
  recommendations: all.recommendations.filter((r) => r.inspection_id === id),
  planItemStatus: all.planItemStatus,
});

export async function summariesOf(db: Db, cases: readonly InspectionRow[], today: string, parts?: CaseParts): Promise<InspectionSummary[]> {
  const rules = await rulesFor(db, cases);
  const all = parts ?? (await partsOf(db, cases.map((c) => c.id)));
  return cases.map((c) => presentSummary(c, rules.get(c.rule_version_id)!, partsFor(all, c.id), today));
}

/** A read of a member's case by anyone but that member goes to the member's access log. */
async function logCaseRead(ctx: AppContext, actor: Actor, c: InspectionRow): Promise<void> {
  if (c.subject_member_id && !isSubjectMember(actor, c)) {
    await logRead(ctx.handle, actor, { recordType: 'inspection', recordId: c.id, unitId: c.subject_unit_id, unitPath: c.subject_unit_path });
  }
}

async function detailOf(db: Db, actor: Actor, c: InspectionRow, viewer: InspectionDetail['viewer']): Promise<InspectionDetail> {
  const [rules, parts, evidence, conclusion, linked, origin] = await Promise.all([
    rulesOfVersion(db, c.rule_version_id),
    partsOf(db, [c.id]),
    repo.evidenceOf(db, c.id),
    repo.conclusionOf(db, c.id),
    repo.linkedTo(db, c.id),
    c.origin_inspection_id ? repo.findInspection(db, c.origin_inspection_id) : Promise.resolve(undefined),
  ]);
  const ids = [...(JSON.parse(c.team_json) as string[]), ...(c.lead_member_id ? [c.lead_member_id] : [])];
  const people = new Map((await repo.memberNames(db, ids)).map((m) => [m.id, m.full_name]));
  return presentDetail(actor, { c, rules, parts, evidence, conclusion, people, origin, linked, viewer, today: todayInVietnam() });
}

export async function inspectionDetail(ctx: AppContext, actor: Actor, id: string): Promise<InspectionDetail> {
  const c = await repo.findInspection(ctx.handle.db, id);
  const viewer = viewerOf(actor, c);
  if (viewer === 'staff') await logCaseRead(ctx, actor, c!);
  return detailOf(ctx.handle.db, actor, c!, viewer);
}

/**
 * The case as the caller sees it after their own change: the answer to a write, not a read of the
 * file (the access log keeps reads, and the change is in the audit log already).
 */
export async function detailAfterWrite(ctx: AppContext, actor: Actor, id: string): Promise<InspectionDetail> {
  const c = await repo.findInspection(ctx.handle.db, id);
  return detailOf(ctx.handle.db, actor, c!, viewerOf(actor, c));
}

async function unitForCases(db: Db, actor: Actor, unitId: string) {
  const unit = await findUnit(db, unitId);
  authorizeUnitCases(actor, unit);
  return unit!;
}

const yearOr = (year: number | undefined) => year ?? Number(todayInVietnam().slice(0, 4));

export async function listInspections(ctx: AppContext, actor: Actor, query: { unitId: string; year?: number | undefined; status?: string | undefined; kindCode?: string | undefined }): Promise<InspectionListResponse> {
  const { db } = ctx.handle;
  const unit = await unitForCases(db, actor, query.unitId);
  const year = yearOr(query.year);
  // The member a case is about never sees it in a list of case files.
  const cases = (await repo.inspectionsIn(db, [unit.path], { year, ...(query.status ? { status: query.status } : {}), ...(query.kindCode ? { kindCode: query.kindCode } : {}) })).filter((c) => mayReadCaseFile(actor, c));
  return { year, items: await summariesOf(db, cases, todayInVietnam()), actions: mayManageIn(actor, unit.path) ? ['create'] : [] };
}

/**
 * Trang chủ UBKT: the year's programmes and cases, with the cases of earlier years still open
 * carried into the lists (a late case does not disappear with the new year). Every figure is the
 * length of a list the page shows, or a count over the same cases: the year's open and concluded
 * cases are those of the year's list; the recommendations are those of the cases shown.
 */
export async function inspectionOverview(ctx: AppContext, actor: Actor, query: { unitId: string; year?: number | undefined }): Promise<InspectionOverview> {
  const { db } = ctx.handle;
  const unit = await unitForCases(db, actor, query.unitId);
  const year = yearOr(query.year);
  const today = todayInVietnam();
  const cases = (await repo.inspectionsIn(db, [unit.path], { yearOrOpen: year })).filter((c) => mayReadCaseFile(actor, c));
  const parts = await partsOf(db, cases.map((c) => c.id));
  const summaries = await summariesOf(db, cases, today, parts);
  const byId = new Map(cases.map((c) => [c.id, c]));
  const recommendations = parts.recommendations.map((r) => {
    const c = byId.get(r.inspection_id)!;
    return { ...presentRecommendation(actor, c, r, parts, today), inspectionTitle: c.title, subjectName: c.subject_member_name ?? c.subject_unit_name };
  });
  const inYear = summaries.filter((s) => Number(s.decidedOn.slice(0, 4)) === year);
  return {
    unitId: unit.id,
    unitName: unit.name,
    year,
    today,
    programmes: await programmeSummaries(db, actor, unit.path, year),
    openCases: inYear.filter((s) => s.status === 'open').length,
    concludedCases: inYear.filter((s) => s.status !== 'open').length,
    lateCases: summaries.filter((s) => s.status === 'open' && s.lateSteps > 0),
    waitingForSubject: summaries.filter((s) => s.status === 'open' && s.nextStep === 'subject_report'),
    overdueRecommendations: recommendations.filter((r) => r.overdue).sort((a, b) => a.deadline.localeCompare(b.deadline)),
    recommendationCounts: recommendationCounts(recommendations, today),
  };
}

/** What is addressed to me: cases about me, and about the cells whose secretary I am, once notified. */
export async function myInspections(ctx: AppContext, actor: Actor): Promise<{ items: InspectionSummary[] }> {
  const { db } = ctx.handle;
  const unitIds = actor.assignments.filter((a) => a.role === 'cell_secretary').map((a) => a.unitId);
  const cases = await repo.notifiedCasesAbout(db, { memberId: actor.memberId, unitIds });
  return { items: await summariesOf(db, cases, todayInVietnam()) };
}

// --- opening a case ------------------------------------------------------------------------------

/** Which body may decide in a unit: a cell decides as the cell, a committee as the party committee or its UBKT. */
function checkBody(unit: { kind: string }, body: string, say: (field: string, key: MessageKey) => void): void {
  if ((unit.kind === 'cell') !== (body === 'cell')) say('body', 'inspection_body_unit_mismatch');
}

type Say = (field: string, messageKey: MessageKey, params?: Record<string, string | number>) => void;

/** The programme item a case starts from: of this unit's adopted programme, not started yet. */
async function programmeItemToStart(trx: Db, unitId: string, id: string, say: Say) {
  const item = await repo.findProgrammeItem(trx, id);
  const programme = item ? await repo.findProgramme(trx, item.programme_id) : undefined;
  if (!item || !programme || programme.unit_id !== unitId) throw fieldErrors([{ field: 'programmeItemId', messageKey: 'not_found' }]);
  if (programme.status !== 'adopted') say('programmeItemId', 'inspection_programme_not_adopted');
  if (await repo.caseOfProgrammeItem(trx, item.id)) say('programmeItemId', 'inspection_programme_item_started');
  return item;
}

/**
 * Who lodged a denunciation or an appeal, and when: a name, or a citizen's message the caller
 * reads, sent within the deciding unit. Only complaints carry these fields.
 */
async function complainantOf(trx: Db, actor: Actor, unitPath: string, body: CreateInspectionBody, complaint: boolean, say: Say): Promise<string | null> {
  if (!complaint) {
    for (const f of ['receivedOn', 'complainantName', 'complainantContact', 'sourceCitizenFeedbackId'] as const) if (body[f] !== undefined) say(f, 'inspection_complaint_only');
    return null;
  }
  if (!body.receivedOn) say('receivedOn', 'inspection_field_required');
  else if (body.receivedOn > body.decidedOn) say('receivedOn', 'inspection_received_after_decision');
  if (!body.complainantName && !body.sourceCitizenFeedbackId) say('complainantName', 'inspection_field_required');
  if (!body.sourceCitizenFeedbackId) return body.complainantName ?? null;
  const f = await findFeedback(trx, body.sourceCitizenFeedbackId);
  const access = f ? { unitPath: f.unit_path, routedPath: f.routed_path, status: f.status } : undefined;
  if (!f || !mayReadCitizenFeedback(actor, access!) || !f.unit_path.startsWith(unitPath)) {
    say('sourceCitizenFeedbackId', 'not_found');
    return null;
  }
  // The writer's name only for those who may see who wrote (never the UBKT: it reads messages without their sender).
  return body.complainantName ?? (maySeeContact(actor, access!) ? f.name : null);
}

interface CaseFields {
  unitId: string;
  ruleVersionId: string;
  kindCode: string;
  subject: Subject;
  item: { id: string } | undefined;
  title: string;
  content: string;
  reviewFrom: string;
  reviewTo: string;
  lead: string | null;
  team: string[];
  origin: { id: string } | undefined;
  complainantName: string | null;
}

function caseRow(actor: Actor, f: CaseFields, body: CreateInspectionBody): InspectionTable {
  const now = nowIso();
  return {
    id: newId(),
    unit_id: f.unitId,
    body: body.body,
    kind_code: f.kindCode,
    rule_version_id: f.ruleVersionId,
    programme_item_id: f.item?.id ?? null,
    origin_inspection_id: f.origin?.id ?? null,
    subject_unit_id: f.subject.unitId,
    subject_member_id: f.subject.memberId,
    year: Number(body.decidedOn.slice(0, 4)),
    title: f.title,
    content: f.content,
    review_from: f.reviewFrom,
    review_to: f.reviewTo,
    decision_no: body.decisionNo ?? null,
    decided_on: body.decidedOn,
    lead_member_id: f.lead,
    team_json: JSON.stringify(f.team),
    status: 'open',
    notified_on: null,
    extension_working_days: 0,
    extension_reason: null,
    received_on: body.receivedOn ?? null,
    complainant_name: f.complainantName,
    complainant_contact: body.complainantContact ?? null,
    source_citizen_feedback_id: body.sourceCitizenFeedbackId ?? null,
    source_discipline_id: null,
    verdict: null,
    created_by_account_id: actor.accountId,
    created_at: now,
    updated_at: now,
  };
}

export async function createInspection(ctx: AppContext, actor: Actor, body: CreateInspectionBody): Promise<InspectionDetail> {
  const id = await writeTransaction(ctx.handle, async (trx) => {
    const unit = await findUnit(trx, body.unitId);
    authorizeReferencedUnit(actor, 'inspection.manage', unit, 'unitId');
    const problems: FieldProblem[] = [];
    const say: Say = (field, messageKey, params) => problems.push({ field, messageKey, ...(params ? { params } : {}) });
    checkBody(unit!, body.body, say);
    const rules = await ensureRules(trx, ctx.handle.dialect, unit!.path);
    const today = todayInVietnam();

    // From a programme item: its fields, unless the request says otherwise.
    const item = body.programmeItemId ? await programmeItemToStart(trx, unit!.id, body.programmeItemId, say) : undefined;
    const kindCode = body.kindCode ?? item?.kind_code;
    const kind = kindCode ? rules.kinds.get(kindCode) : undefined;
    if (!kindCode) say('kindCode', 'inspection_kind_required');
    else if (!kind) say('kindCode', 'inspection_kind_unknown');
    const subject = await resolveSubject(trx, unit!, { subjectUnitId: body.subjectUnitId ?? (body.subjectMemberId ? undefined : item?.subject_unit_id), subjectMemberId: body.subjectMemberId ?? item?.subject_member_id ?? undefined }, kind);
    if (isProblem(subject)) problems.push(subject);
    const title = body.title ?? (item ? `${kind?.name ?? ''}: ${item.content}`.slice(0, 300) : undefined);
    const content = body.content ?? item?.content;
    const reviewFrom = body.reviewFrom ?? item?.review_from;
    const reviewTo = body.reviewTo ?? item?.review_to;
    if (!title) say('title', 'inspection_field_required');
    if (!content) say('content', 'inspection_field_required');
    if (!reviewFrom) say('reviewFrom', 'inspection_field_required');
    if (!reviewTo) say('reviewTo', 'inspection_field_required');
    reviewPeriodProblems(reviewFrom, reviewTo, say);
    if (body.decidedOn > today) say('decidedOn', 'inspection_date_future', { date: displayDate(today) });
    if (reviewFrom && reviewFrom > body.decidedOn) say('reviewFrom', 'inspection_review_after_decision');
    const lead = body.leadMemberId === undefined ? (item?.lead_member_id ?? null) : body.leadMemberId;
    const team = body.teamMemberIds ?? (item ? (JSON.parse(item.team_json) as string[]) : []);
    await checkPeople(trx, unit!.path, lead, team, say);

    // Denunciations and appeals: when it came in, from whom; a citizen's message routed here.
    const complaint = kind?.family === 'denunciation' || kind?.family === 'appeal';
    const complainantName = await complainantOf(trx, actor, unit!.path, body, complaint, say);
    let origin: InspectionRow | undefined;
    if (body.originInspectionId) {
      origin = await repo.findInspection(trx, body.originInspectionId);
      if (!origin || !mayReadCaseFile(actor, origin)) say('originInspectionId', 'not_found');
    }
    if (problems.length > 0) throw fieldErrors(problems);
    const row = caseRow(actor, { unitId: unit!.id, ruleVersionId: rules.versionId, kindCode: kind!.code, subject: subject as Subject, item, title: title!, content: content!, reviewFrom: reviewFrom!, reviewTo: reviewTo!, lead, team, origin, complainantName }, body);
    const now = row.created_at;
    await repo.insertInspection(trx, row);
    // The decision is the case's first step when its kind starts with one.
    if (kind!.steps[0]?.code === 'decision') {
      await repo.insertStep(trx, { id: newId(), inspection_id: row.id, unit_id: row.unit_id, step_code: 'decision', done_on: body.decidedOn, note: content!, document_no: body.decisionNo ?? null, subject_comments: null, attachment_id: null, created_by_account_id: actor.accountId, created_at: now });
    }
    await writeAudit(trx, ctx.handle.dialect, {
      actorAccountId: actor.accountId,
      action: 'inspection.create',
      recordType: 'inspection',
      recordId: row.id,
      unitId: row.unit_id,
      after: caseSnapshot(row),
    });
    return row.id;
  });
  const c = (await repo.findInspection(ctx.handle.db, id))!;
  return detailOf(ctx.handle.db, actor, c, 'staff');
}

/** What the audit log keeps of a case (the complainant's contact is kept by reference only). */
function caseSnapshot(row: InspectionTable) {
  return {
    kindCode: row.kind_code,
    body: row.body,
    ruleVersionId: row.rule_version_id,
    programmeItemId: row.programme_item_id,
    originInspectionId: row.origin_inspection_id,
    subjectUnitId: row.subject_unit_id,
    subjectMemberId: row.subject_member_id,
    title: row.title,
    reviewFrom: row.review_from,
    reviewTo: row.review_to,
    decisionNo: row.decision_no,
    decidedOn: row.decided_on,
    leadMemberId: row.lead_member_id,
    team: JSON.parse(row.team_json) as unknown,
    receivedOn: row.received_on,
    sourceCitizenFeedbackId: row.source_citizen_feedback_id,
  };
}

// --- steps ---------------------------------------------------------------------------------------

async function loadForWork(trx: Db, id: string) {
  const c = await repo.findInspection(trx, id);
  if (!c) return { c: undefined, rules: undefined, kind: undefined };
  const rules = await rulesOfVersion(trx, c.rule_version_id);
  return { c, rules, kind: rules.kinds.get(c.kind_code) };
}

/**
 * Evidence must be the subject's own records in the period under review (its cell's, or the
 * member's in their cell): each cited record's label as the evidence list shows it.
 */
async function evidenceLabels(trx: Db, c: InspectionRow, evidence: RecordStepBody['evidence'], say: Say): Promise<Map<string, string>> {
  if (evidence.length === 0) return new Map();
  const byType = new Map<string, string[]>();
  for (const e of evidence) byType.set(e.recordType, [...(byType.get(e.recordType) ?? []), e.recordId]);
  const found = new Map<string, { unit_id: string }>();
  for (const [type, ids] of byType) for (const [rid, r] of await repo.existingRecords(trx, type, ids)) found.set(`${type}:${rid}`, r);
  const labels = new Map((await subjectRecordList(trx, c)).map((r) => [`${r.recordType}:${r.recordId}`, r.label]));
  evidence.forEach((e, i) => {
    const r = found.get(`${e.recordType}:${e.recordId}`);
    if (!r || r.unit_id !== c.subject_unit_id || !labels.has(`${e.recordType}:${e.recordId}`)) say(`evidence.${i}.recordId`, 'inspection_evidence_not_subject');
  });
  return labels;
}

/**
 * Records the next step of the kind with its date, note and documents; evidence links to the
 * subject's records; the notice makes the case visible to the subject. The subject records only
 * their own report (báo cáo tự kiểm tra / giải trình), once notified.
 */
export async function recordStep(ctx: AppContext, actor: Actor, id: string, body: RecordStepBody): Promise<InspectionDetail> {
  await writeTransaction(ctx.handle, async (trx) => {
    const { c, rules, kind } = await loadForWork(trx, id);
    const bySubject = c !== undefined && body.code === 'subject_report' && isSubjectSide(actor, c);
    if (!bySubject) authorizeManageCase(actor, c);
    else if (c.status !== 'open') throw new AppError(409, 'inspection_closed');
    if (c!.status !== 'open') throw new AppError(409, 'inspection_closed');
    const done = new Map((await repo.stepsOf(trx, [c!.id])).map((s) => [s.step_code, s.done_on]));
    const today = todayInVietnam();
    if (body.code === 'conclusion') throw fieldError('code', 'inspection_conclusion_endpoint');
    if (body.code === 'follow_up') throw fieldError('code', 'inspection_follow_up_automatic');
    const check = checkStep(kind!, new Set(done.keys()), body.code);
    if (check !== 'ok') {
      const expected = kind!.steps.find((s) => !done.has(s.code))?.code;
      throw fieldError('code', check === 'unknown_step' ? 'inspection_step_unknown' : check === 'already_done' ? 'inspection_step_done' : 'inspection_step_out_of_order', { step: rules!.steps.get(expected ?? '')?.name ?? expected ?? '' });
    }
    const problems: FieldProblem[] = [];
    const say: Say = (field, messageKey, params) => problems.push({ field, messageKey, ...(params ? { params } : {}) });
    if (body.doneOn > today) say('doneOn', 'inspection_date_future', { date: displayDate(today) });
    const previous = previousStepDate(kind!, done, body.code) ?? c!.decided_on;
    if (body.doneOn < previous) say('doneOn', 'inspection_step_before_previous', { date: displayDate(previous) });
    if (body.subjectComments && body.code !== 'draft_report') say('subjectComments', 'inspection_subject_comments_draft_only');
    if (bySubject && body.evidence.length > 0) say('evidence', 'inspection_evidence_staff_only');
    const labels = await evidenceLabels(trx, c!, body.evidence, say);
    if (problems.length > 0) throw fieldErrors(problems);
    const file = body.attachment ? decodeAttachment(body.attachment) : null;
    const stored = file ? await storeAttachment(trx, c!.subject_unit_id, file, actor.accountId) : null;
    const stepId = newId();
    await repo.insertStep(trx, {
      id: stepId,
      inspection_id: c!.id,
      unit_id: c!.unit_id,
      step_code: body.code,
      done_on: body.doneOn,
      note: body.note,
      document_no: body.documentNo ?? null,
      subject_comments: body.subjectComments ?? null,
      attachment_id: stored?.id ?? null,
      created_by_account_id: actor.accountId,
      created_at: nowIso(),
    });
    await repo.insertEvidence(
      trx,
      body.evidence.map((e) => ({ id: newId(), inspection_id: c!.id, step_id: stepId, unit_id: c!.unit_id, record_type: e.recordType, record_id: e.recordId, label: labels.get(`${e.recordType}:${e.recordId}`)!, note: e.note ?? null })),
    );
    if (body.code === 'notice') await repo.updateInspection(trx, c!.id, { notified_on: body.doneOn, updated_at: nowIso() });
    await writeAudit(trx, ctx.handle.dialect, {
      actorAccountId: actor.accountId,
      action: 'inspection.step',
      recordType: 'inspection',
      recordId: c!.id,
      unitId: c!.unit_id,
      after: { step: body.code, doneOn: body.doneOn, note: body.note, documentNo: body.documentNo ?? null, subjectComments: body.subjectComments ?? null, attachment: stored, evidence: body.evidence.map((e) => ({ recordType: e.recordType, recordId: e.recordId })), bySubject },
    });
  });
  return detailAfterWrite(ctx, actor, id);
}

/** The subject's side may act once notified: the member, or the cell's secretary (not when they also hold the case file). */
const isSubjectSide = (actor: Actor, c: InspectionRow): boolean => !mayReadCaseFile(actor, c) && isNotifiedSubject(actor, c);

/** Gia hạn: within what the kind's limit allows, with the reason. */
export async function extendInspection(ctx: AppContext, actor: Actor, id: string, body: { workingDays: number; reason: string }): Promise<InspectionDetail> {
  await writeTransaction(ctx.handle, async (trx) => {
    const { c, kind } = await loadForWork(trx, id);
    authorizeManageCase(actor, c);
    if (c!.status !== 'open') throw new AppError(409, 'inspection_closed');
    const max = kind?.timeLimit?.extensionWorkingDays ?? 0;
    if (max === 0) throw fieldError('workingDays', 'inspection_no_extension');
    if (body.workingDays > max) throw fieldError('workingDays', 'inspection_extension_too_long', { max });
    await repo.updateInspection(trx, c!.id, { extension_working_days: body.workingDays, extension_reason: body.reason, updated_at: nowIso() });
    await writeAudit(trx, ctx.handle.dialect, {
      actorAccountId: actor.accountId,
      action: 'inspection.extend',
      recordType: 'inspection',
      recordId: c!.id,
      unitId: c!.unit_id,
      before: { extensionWorkingDays: Number(c!.extension_working_days), reason: c!.extension_reason },
      after: { extensionWorkingDays: body.workingDays, reason: body.reason },
    });
  });
  return detailAfterWrite(ctx, actor, id);
}

// --- the conclusion --------------------------------------------------------------------------------

/** What a notice of conclusion must hold: findings, their causes, a verdict for a complaint, deadlines after it. */
function conclusionProblems(c: InspectionRow, kind: InspectionKindRule, steps: readonly { step_code: string; done_on: string }[], body: ConclusionBody, violations: string | null): void {
  const problems: FieldProblem[] = [];
  const say: Say = (field, messageKey, params) => problems.push({ field, messageKey, ...(params ? { params } : {}) });
  const today = todayInVietnam();
  if (body.concludedOn > today) say('concludedOn', 'inspection_date_future', { date: displayDate(today) });
  const previous = previousStepDate(kind, new Map(steps.map((s) => [s.step_code, s.done_on])), 'conclusion') ?? c.decided_on;
  if (body.concludedOn < previous) say('concludedOn', 'inspection_step_before_previous', { date: displayDate(previous) });
  if (!body.strengths && !body.shortcomings && !violations) {
    say('strengths', 'inspection_conclusion_no_findings');
    say('shortcomings', 'inspection_conclusion_no_findings');
  }
  if ((body.shortcomings || violations) && !body.causes) say('causes', 'inspection_causes_required');
  const complaint = kind.family === 'denunciation' || kind.family === 'appeal';
  if (complaint && !body.verdict) say('verdict', 'inspection_verdict_required');
  if (!complaint && body.verdict) say('verdict', 'inspection_complaint_only');
  body.recommendations.forEach((r, i) => {
    if (r.deadline < body.concludedOn) say(`recommendations.${i}.deadline`, 'inspection_deadline_before_conclusion', { date: displayDate(body.concludedOn) });
    if (c.subject_member_id && r.ownerMemberId) say(`recommendations.${i}.ownerMemberId`, 'inspection_owner_cell_only');
  });
  if (problems.length > 0) throw fieldErrors(problems);
}

/**
 * Thông báo kết luận: findings, causes, responsibility and the recommendations, each of which
 * becomes the member's correction item or the cell's task ("rõ người, rõ việc"), linked back.
 */
export async function concludeInspection(ctx: AppContext, actor: Actor, id: string, body: ConclusionBody): Promise<InspectionDetail> {
  await writeTransaction(ctx.handle, async (trx) => {
    const { c, rules, kind } = await loadForWork(trx, id);
    authorizeManageCase(actor, c);
    if (c!.status !== 'open') throw new AppError(409, 'inspection_closed');
    const steps = await repo.stepsOf(trx, [c!.id]);
    const schedule = scheduleOf(c!, rules!, steps, todayInVietnam());
    const next = nextStepOf(schedule);
    if (next !== 'conclusion') throw new AppError(409, 'inspection_conclusion_too_early', { step: rules!.steps.get(next ?? '')?.name ?? next ?? '' });
    const violations = body.violations?.trim() ? body.violations.trim() : null;
    conclusionProblems(c!, kind!, steps, body, violations);
    const now = nowIso();
    await repo.insertConclusion(trx, {
      inspection_id: c!.id,
      unit_id: c!.unit_id,
      concluded_on: body.concludedOn,
      document_no: body.documentNo ?? null,
      strengths: body.strengths,
      shortcomings: body.shortcomings,
      violations,
      causes: body.causes,
      responsibility: body.responsibility ?? null,
      signs_of_violation: body.signsOfViolation ? 1 : 0,
      created_by_account_id: actor.accountId,
      created_at: now,
    });
    await repo.insertStep(trx, { id: newId(), inspection_id: c!.id, unit_id: c!.unit_id, step_code: 'conclusion', done_on: body.concludedOn, note: body.shortcomings || body.strengths, document_no: body.documentNo ?? null, subject_comments: null, attachment_id: null, created_by_account_id: actor.accountId, created_at: now });
    const recommendations = await createRecommendations(trx, ctx.handle.dialect, actor, c!, body);
    // Concluding is also the notice to the subject for a case that had no notice step.
    const status = recommendations.length === 0 ? 'closed' : 'concluded';
    await repo.updateInspection(trx, c!.id, { status, verdict: body.verdict ?? null, notified_on: c!.notified_on ?? body.concludedOn, updated_at: now });
    await writeAudit(trx, ctx.handle.dialect, {
      actorAccountId: actor.accountId,
      action: 'inspection.conclude',
      recordType: 'inspection',
      recordId: c!.id,
      unitId: c!.unit_id,
      before: { status: c!.status },
      after: {
        status,
        concludedOn: body.concludedOn,
        documentNo: body.documentNo ?? null,
        strengths: body.strengths,
        shortcomings: body.shortcomings,
        violations,
        causes: body.causes,
        responsibility: body.responsibility ?? null,
        signsOfViolation: body.signsOfViolation,
        verdict: body.verdict ?? null,
        recommendations: recommendations.map((r: InspectionRecommendationTable) => ({ id: r.id, text: r.text, deadline: r.deadline, planItemId: r.plan_item_id, taskId: r.task_id })),
      },
    });
  });
  return detailAfterWrite(ctx, actor, id);
}

// --- the subject's records, as evidence --------------------------------------------------------------

async function subjectRecordList(db: Db, c: InspectionRow): Promise<SubjectRecordsResponse['items']> {
  const from = c.review_from;
  const to = c.review_to;
  const fromYear = Number(from.slice(0, 4));
  const toYear = Number(to.slice(0, 4));
  const memberIds = c.subject_member_id ? [c.subject_member_id] : [];
  const [meetings, tasks, commitments] = await Promise.all([
    repo.subjectMeetings(db, c.subject_unit_id, c.subject_member_id, from, to),
    repo.subjectTasks(db, c.subject_unit_id, c.subject_member_id, from, to),
    repo.subjectCommitments(db, c.subject_unit_id, c.subject_member_id, fromYear, toYear),
  ]);
  // A cell's self-examinations and plans are its members': listed for a member subject only (a cell's case reads the cell's boards).
  const [exams, plans] = c.subject_member_id ? await Promise.all([repo.subjectSelfExams(db, memberIds, fromYear, toYear), repo.subjectPlans(db, memberIds, fromYear, toYear)]) : [[], []];
  const out: SubjectRecordsResponse['items'] = [];
  for (const m of meetings) {
    const attendance = 'attendance' in m ? String(m.attendance) : null;
    const late = 'late_minutes' in m && m.late_minutes ? Number(m.late_minutes) : 0;
    out.push({ recordType: 'meeting', recordId: m.id, date: m.meeting_date, label: `${m.kind === 'thematic' ? 'Sinh hoạt chuyên đề' : 'Sinh hoạt chi bộ'} ${displayDate(m.meeting_date)}${m.topic ? `: ${m.topic}` : ''}`, detail: attendance ? `${attendance}${late > 0 ? ` (${late}′)` : ''}` : m.status });
  }
  for (const t of tasks) out.push({ recordType: 'task', recordId: t.id, date: t.deadline, label: t.title, detail: t.status });
  for (const k of commitments) out.push({ recordType: 'commitment', recordId: k.id, date: null, label: `${k.title} (${k.year})`, detail: k.result });
  for (const e of exams) out.push({ recordType: 'self_examination', recordId: e.id, date: e.submitted_at ? e.submitted_at.slice(0, 10) : null, label: `Bản tự soi ${e.period_kind === 'quarter' ? `quý ${e.quarter}/` : 'năm '}${e.year} — ${e.full_name}`, detail: e.status });
  for (const p of plans) out.push({ recordType: 'correction_plan', recordId: p.id, date: null, label: `Kế hoạch tự sửa năm ${p.year} — ${p.full_name}`, detail: null });
  return out;
}

/** The subject's records in the review period, for the team to cite; a member's are logged as a read of their case. */
export async function subjectRecords(ctx: AppContext, actor: Actor, id: string): Promise<SubjectRecordsResponse> {
  const c = await repo.findInspection(ctx.handle.db, id);
  authorizeManageCase(actor, c);
  await logCaseRead(ctx, actor, c!);
  return { from: c!.review_from, to: c!.review_to, items: await subjectRecordList(ctx.handle.db, c!) };
}

export async function inspectionAttachment(ctx: AppContext, actor: Actor, id: string, attachmentId: string) {
  const c = await repo.findInspection(ctx.handle.db, id);
  const viewer = viewerOf(actor, c);
  const file = await repo.findStepAttachment(ctx.handle.db, id, attachmentId);
  if (!file) throw notFound();
  // The subject downloads only what they sent or what is addressed to them (their own report).
  if (viewer === 'subject') {
    const step = (await repo.stepsOf(ctx.handle.db, [id])).find((s) => s.attachment_id === attachmentId);
    if (!step || !['notice', 'subject_report', 'conclusion'].includes(step.step_code)) throw notFound();
  } else await logCaseRead(ctx, actor, c!);
  return { fileName: file.file_name, mimeType: file.mime_type, content: Buffer.from(file.content) };
}

// --- documents -----------------------------------------------------------------------------------

/** Who issues and signs: the deciding unit's committee (or its UBKT, or the cell), under its parent. */
async function documentMeta(db: Db, unitId: string, body: string): Promise<DocumentMeta> {
  const unit = (await findUnit(db, unitId))!;
  const parent = unit.parent_id ? await findUnit(db, unit.parent_id) : undefined;
  return {
    committeeName: committeeNameOf(unit.name),
    bodyName: body === 'inspection_committee' ? 'Ủy ban Kiểm tra' : null,
    parentName: parent?.name ?? '',
    placeName: placeNameOf(parent && unit.kind === 'cell' ? parent.name : unit.name),
    signer: { title: body === 'inspection_committee' ? 'Chủ nhiệm' : 'Bí thư', name: null },
  };
}

const DOCUMENTS = { decision: inspectionDecisionDocx, plan: inspectionPlanDocx, conclusion: inspectionConclusionDocx } as const;

/**
 * The decision, the plan and the notice of conclusion in Word. The subject may download what is
 * addressed to them (the decision and the conclusion); the plan is the team's.
 */
export async function caseDocument(ctx: AppContext, actor: Actor, id: string, kind: CaseDocumentKind): Promise<{ fileName: string; content: Buffer }> {
  const { db } = ctx.handle;
  const c = await repo.findInspection(db, id);
  const viewer = viewerOf(actor, c);
  if (viewer === 'subject' && kind === 'plan') throw notFound();
  if (viewer === 'staff') await logCaseRead(ctx, actor, c!);
  const detail = await detailOf(db, actor, c!, viewer);
  return { fileName: documentFileName(kind, detail), content: await DOCUMENTS[kind](detail, await documentMeta(db, c!.unit_id, c!.body)) };
}

export async function programmeDocument(ctx: AppContext, actor: Actor, id: string): Promise<{ fileName: string; content: Buffer }> {
  const detail = await programmeDetail(ctx, actor, id);
  return { fileName: documentFileName('programme', detail), content: await programmeDocx(detail, await documentMeta(ctx.handle.db, detail.unitId, detail.body)) };
}
