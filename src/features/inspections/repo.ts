import type { Kysely } from 'kysely';
import type {
  Database,
  InspectionConclusionTable,
  InspectionEvidenceTable,
  InspectionProgrammeItemTable,
  InspectionProgrammeTable,
  InspectionRecommendationTable,
  InspectionStepTable,
  InspectionTable,
} from '../../db/schema.js';

type Db = Kysely<Database>;

// --- programmes ----------------------------------------------------------------------------------

export type ProgrammeRow = InspectionProgrammeTable & { unit_name: string; unit_path: string; adopted_by_name: string | null };

function selectProgrammes(db: Db) {
  return db
    .selectFrom('inspection_programmes as p')
    .innerJoin('units as u', 'u.id', 'p.unit_id')
    .leftJoin('accounts as a', 'a.id', 'p.adopted_by_account_id')
    .selectAll('p')
    .select(['u.name as unit_name', 'u.path as unit_path', 'a.display_name as adopted_by_name']);
}

export function findProgramme(db: Db, id: string): Promise<ProgrammeRow | undefined> {
  return selectProgrammes(db).where('p.id', '=', id).executeTakeFirst();
}

export function findProgrammeOf(db: Db, unitId: string, year: number, body: string): Promise<ProgrammeRow | undefined> {
  return selectProgrammes(db).where('p.unit_id', '=', unitId).where('p.year', '=', year).where('p.body', '=', body).executeTakeFirst();
}

/** Programmes of a unit and the units below it in a year. */
export function programmesIn(db: Db, unitPath: string, year: number): Promise<ProgrammeRow[]> {
  return selectProgrammes(db).where('u.path', 'like', `${unitPath}%`).where('p.year', '=', year).orderBy('u.path').orderBy('p.body').execute();
}

export function insertProgramme(db: Db, row: InspectionProgrammeTable) {
  return db.insertInto('inspection_programmes').values(row).execute();
}

export function updateProgramme(db: Db, id: string, patch: Partial<InspectionProgrammeTable>) {
  return db.updateTable('inspection_programmes').set(patch).where('id', '=', id).execute();
}

export type ProgrammeItemRow = InspectionProgrammeItemTable & {
  subject_unit_name: string;
  subject_member_name: string | null;
  inspection_id: string | null;
  inspection_status: string | null;
};

export function itemsOfProgrammes(db: Db, programmeIds: readonly string[]): Promise<ProgrammeItemRow[]> {
  if (programmeIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('inspection_programme_items as i')
    .innerJoin('units as su', 'su.id', 'i.subject_unit_id')
    .leftJoin('members as sm', 'sm.id', 'i.subject_member_id')
    .leftJoin('inspections as c', 'c.programme_item_id', 'i.id')
    .selectAll('i')
    .select(['su.name as subject_unit_name', 'sm.full_name as subject_member_name', 'c.id as inspection_id', 'c.status as inspection_status'])
    .where('i.programme_id', 'in', [...programmeIds])
    .orderBy('i.programme_id')
    .orderBy('i.position')
    .execute();
}

/** The case started from a programme item, if any (an item becomes one case). */
export function caseOfProgrammeItem(db: Db, itemId: string) {
  return db.selectFrom('inspections').select('id').where('programme_item_id', '=', itemId).executeTakeFirst();
}

export function findProgrammeItem(db: Db, id: string): Promise<InspectionProgrammeItemTable | undefined> {
  return db.selectFrom('inspection_programme_items').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function maxItemPosition(db: Db, programmeId: string): Promise<number> {
  const row = await db.selectFrom('inspection_programme_items').select((eb) => eb.fn.max('position').as('p')).where('programme_id', '=', programmeId).executeTakeFirst();
  return Number(row?.p ?? 0);
}

export async function insertProgrammeItems(db: Db, rows: readonly InspectionProgrammeItemTable[]) {
  if (rows.length > 0) await db.insertInto('inspection_programme_items').values([...rows]).execute();
}

// --- cases ----------------------------------------------------------------------------------------

export type InspectionRow = InspectionTable & {
  unit_name: string;
  unit_path: string;
  subject_unit_name: string;
  subject_unit_path: string;
  subject_member_name: string | null;
};

function selectInspections(db: Db) {
  return db
    .selectFrom('inspections as c')
    .innerJoin('units as u', 'u.id', 'c.unit_id')
    .innerJoin('units as su', 'su.id', 'c.subject_unit_id')
    .leftJoin('members as sm', 'sm.id', 'c.subject_member_id')
    .selectAll('c')
    .select(['u.name as unit_name', 'u.path as unit_path', 'su.name as subject_unit_name', 'su.path as subject_unit_path', 'sm.full_name as subject_member_name']);
}

export function findInspection(db: Db, id: string): Promise<InspectionRow | undefined> {
  return selectInspections(db).where('c.id', '=', id).executeTakeFirst();
}

/** Cases whose file lives in one of the given subtrees (the deciding unit), in a year, filtered; the newest 500. */
export function inspectionsIn(db: Db, paths: readonly string[], filter: { year?: number; yearOrOpen?: number; status?: string; kindCode?: string }): Promise<InspectionRow[]> {
  if (paths.length === 0) return Promise.resolve([]);
  let q = selectInspections(db).where((eb) => eb.or(paths.map((p) => eb('u.path', 'like', `${p}%`))));
  if (filter.year !== undefined) q = q.where('c.year', '=', filter.year);
  // A year's cases and those of earlier years not closed yet (the overview carries them).
  if (filter.yearOrOpen !== undefined) q = q.where((eb) => eb.or([eb('c.year', '=', filter.yearOrOpen!), eb('c.status', '<>', 'closed')]));
  if (filter.status) q = q.where('c.status', '=', filter.status);
  if (filter.kindCode) q = q.where('c.kind_code', '=', filter.kindCode);
  return q.orderBy('c.decided_on', 'desc').orderBy('c.id').limit(500).execute();
}

/** Cases about a member, or about a unit, that the subject has been notified of. */
export function notifiedCasesAbout(db: Db, subject: { memberId: string | null; unitIds: readonly string[] }): Promise<InspectionRow[]> {
  if (!subject.memberId && subject.unitIds.length === 0) return Promise.resolve([]);
  return selectInspections(db)
    .where('c.notified_on', 'is not', null)
    .where((eb) =>
      eb.or([
        ...(subject.memberId ? [eb('c.subject_member_id', '=', subject.memberId)] : []),
        ...(subject.unitIds.length > 0 ? [eb.and([eb('c.subject_member_id', 'is', null), eb('c.subject_unit_id', 'in', [...subject.unitIds])])] : []),
      ]),
    )
    .orderBy('c.decided_on', 'desc')
    .limit(100)
    .execute();
}

export function linkedTo(db: Db, id: string) {
  return db.selectFrom('inspections').select(['id', 'title', 'kind_code', 'status']).where('origin_inspection_id', '=', id).orderBy('decided_on').execute();
}

export function insertInspection(db: Db, row: InspectionTable) {
  return db.insertInto('inspections').values(row).execute();
}

export function updateInspection(db: Db, id: string, patch: Partial<InspectionTable>) {
  return db.updateTable('inspections').set(patch).where('id', '=', id).execute();
}

// --- steps, evidence, conclusion, recommendations --------------------------------------------------

export type StepRow = InspectionStepTable & { by_name: string | null; file_name: string | null; mime_type: string | null; size_bytes: number | null };

export function stepsOf(db: Db, inspectionIds: readonly string[]): Promise<StepRow[]> {
  if (inspectionIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('inspection_steps as s')
    .leftJoin('accounts as a', 'a.id', 's.created_by_account_id')
    .leftJoin('attachments as f', 'f.id', 's.attachment_id')
    .selectAll('s')
    .select(['a.display_name as by_name', 'f.file_name', 'f.mime_type', 'f.size_bytes'])
    .where('s.inspection_id', 'in', [...inspectionIds])
    .orderBy('s.done_on')
    .orderBy('s.created_at')
    .execute();
}

export function insertStep(db: Db, row: InspectionStepTable) {
  return db.insertInto('inspection_steps').values(row).execute();
}

export function evidenceOf(db: Db, inspectionId: string): Promise<InspectionEvidenceTable[]> {
  return db.selectFrom('inspection_evidence').selectAll().where('inspection_id', '=', inspectionId).orderBy('id').execute();
}

export async function insertEvidence(db: Db, rows: readonly InspectionEvidenceTable[]) {
  if (rows.length > 0) await db.insertInto('inspection_evidence').values([...rows]).execute();
}

export function conclusionOf(db: Db, inspectionId: string): Promise<InspectionConclusionTable | undefined> {
  return db.selectFrom('inspection_conclusions').selectAll().where('inspection_id', '=', inspectionId).executeTakeFirst();
}

export function insertConclusion(db: Db, row: InspectionConclusionTable) {
  return db.insertInto('inspection_conclusions').values(row).execute();
}

export type RecommendationRow = InspectionRecommendationTable & { verified_by_name: string | null };

export function recommendationsOf(db: Db, inspectionIds: readonly string[]): Promise<RecommendationRow[]> {
  if (inspectionIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('inspection_recommendations as r')
    .leftJoin('accounts as a', 'a.id', 'r.verified_by_account_id')
    .selectAll('r')
    .select(['a.display_name as verified_by_name'])
    .where('r.inspection_id', 'in', [...inspectionIds])
    .orderBy('r.inspection_id')
    .orderBy('r.position')
    .execute();
}

/**
 * Cases about a member (`memberId`), or about a unit itself and not one of its members
 * (`unitId`), concluded within [from, to], by conclusion date: the yearly review's evidence.
 */
export function casesConcludedAbout(db: Db, subject: { memberId: string } | { unitId: string }, from: string, to: string) {
  return db
    .selectFrom('inspections as c')
    .innerJoin('inspection_conclusions as k', 'k.inspection_id', 'c.id')
    .select(['c.id', 'c.title', 'c.kind_code', 'c.status', 'c.verdict', 'k.concluded_on', 'k.signs_of_violation'])
    .where((eb) => ('memberId' in subject ? eb('c.subject_member_id', '=', subject.memberId) : eb.and([eb('c.subject_unit_id', '=', subject.unitId), eb('c.subject_member_id', 'is', null)])))
    .where('k.concluded_on', '>=', from)
    .where('k.concluded_on', '<=', to)
    .orderBy('k.concluded_on')
    .orderBy('c.id')
    .execute();
}

/** Recommendations to a unit itself (cases about it, not a member) from conclusions up to `by`, not yet verified fixed. */
export function openRecommendationsAbout(db: Db, unitId: string, by: string) {
  return db
    .selectFrom('inspection_recommendations as r')
    .innerJoin('inspections as c', 'c.id', 'r.inspection_id')
    .innerJoin('inspection_conclusions as k', 'k.inspection_id', 'c.id')
    .select(['r.id', 'r.inspection_id', 'r.text', 'r.deadline', 'r.status', 'r.task_id'])
    .where('c.subject_unit_id', '=', unitId)
    .where('c.subject_member_id', 'is', null)
    .where('k.concluded_on', '<=', by)
    .where('r.status', '<>', 'fixed')
    .orderBy('r.deadline')
    .orderBy('r.id')
    .execute();
}

export function findRecommendation(db: Db, id: string): Promise<InspectionRecommendationTable | undefined> {
  return db.selectFrom('inspection_recommendations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertRecommendations(db: Db, rows: readonly InspectionRecommendationTable[]) {
  if (rows.length > 0) await db.insertInto('inspection_recommendations').values([...rows]).execute();
}

export function updateRecommendation(db: Db, id: string, patch: Partial<InspectionRecommendationTable>) {
  return db.updateTable('inspection_recommendations').set(patch).where('id', '=', id).execute();
}

// --- people ----------------------------------------------------------------------------------------

export function memberNames(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('members').select(['id', 'full_name']).where('id', 'in', [...ids]).execute();
}

/** Members with their unit's path and whether they left, for checking a team in one query. */
export function membersWithPaths(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('members as m').innerJoin('units as u', 'u.id', 'm.unit_id').select(['m.id', 'm.archived_at', 'u.path as unit_path']).where('m.id', 'in', [...ids]).execute();
}

/** The cell's secretary (a member whose account holds cell_secretary there): who answers for a cell's recommendation by default. */
export async function secretaryOf(db: Db, unitId: string): Promise<string | null> {
  const row = await db
    .selectFrom('role_assignments as ra')
    .innerJoin('accounts as a', 'a.id', 'ra.account_id')
    .select('a.member_id')
    .where('ra.unit_id', '=', unitId)
    .where('ra.role', '=', 'cell_secretary')
    .where('a.member_id', 'is not', null)
    .where('a.disabled_at', 'is', null)
    .orderBy('a.created_at')
    .executeTakeFirst();
  return row?.member_id ?? null;
}

// --- the subject's records, offered as evidence -----------------------------------------------------

/** Meetings of the subject's cell in the period, with the member's attendance when the subject is a member. */
export function subjectMeetings(db: Db, unitId: string, memberId: string | null, from: string, to: string) {
  let q = db
    .selectFrom('meetings as m')
    .select(['m.id', 'm.meeting_date', 'm.kind', 'm.topic', 'm.status'])
    .where('m.unit_id', '=', unitId)
    .where('m.meeting_date', '>=', from)
    .where('m.meeting_date', '<=', to);
  if (memberId) {
    q = q
      .innerJoin('meeting_participants as p', (j) => j.onRef('p.meeting_id', '=', 'm.id').on('p.member_id', '=', memberId))
      .select(['p.status as attendance', 'p.late_minutes']);
  }
  return q.orderBy('m.meeting_date').limit(200).execute();
}

export function subjectTasks(db: Db, unitId: string, memberId: string | null, from: string, to: string) {
  let q = db.selectFrom('tasks as t').select(['t.id', 't.title', 't.deadline', 't.status', 't.created_at']).where('t.deadline', '>=', from).where('t.created_at', '<=', `${to}T23:59:59.999Z`);
  q = memberId ? q.where('t.owner_member_id', '=', memberId) : q.where((eb) => eb.or([eb('t.unit_id', '=', unitId), eb('t.owner_unit_id', '=', unitId)]));
  return q.orderBy('t.deadline').limit(300).execute();
}

export function subjectCommitments(db: Db, unitId: string, memberId: string | null, fromYear: number, toYear: number) {
  let q = db.selectFrom('commitments as c').select(['c.id', 'c.title', 'c.year', 'c.result']).where('c.year', '>=', fromYear).where('c.year', '<=', toYear);
  q = memberId ? q.where('c.member_id', '=', memberId) : q.where('c.unit_id', '=', unitId).where('c.member_id', 'is', null);
  return q.orderBy('c.year').limit(200).execute();
}

export function subjectSelfExams(db: Db, memberIds: readonly string[], fromYear: number, toYear: number) {
  if (memberIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('self_examinations as e')
    .innerJoin('members as m', 'm.id', 'e.member_id')
    .select(['e.id', 'e.year', 'e.period_kind', 'e.quarter', 'e.status', 'e.submitted_at', 'm.full_name'])
    .where('e.member_id', 'in', [...memberIds])
    .where('e.year', '>=', fromYear)
    .where('e.year', '<=', toYear)
    .orderBy('e.year')
    .limit(300)
    .execute();
}

export function subjectPlans(db: Db, memberIds: readonly string[], fromYear: number, toYear: number) {
  if (memberIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('correction_plans as p')
    .innerJoin('members as m', 'm.id', 'p.member_id')
    .select(['p.id', 'p.year', 'm.full_name'])
    .where('p.member_id', 'in', [...memberIds])
    .where('p.year', '>=', fromYear)
    .where('p.year', '<=', toYear)
    .orderBy('p.year')
    .limit(300)
    .execute();
}

/** Which of the given ids are records of that type (evidence must point at something real). */
export async function existingRecords(db: Db, recordType: string, ids: readonly string[]): Promise<Map<string, { unit_id: string }>> {
  if (ids.length === 0) return new Map();
  const table = ({ meeting: 'meetings', task: 'tasks', commitment: 'commitments', self_examination: 'self_examinations', correction_plan: 'correction_plans' } as const)[recordType as 'meeting'];
  if (!table) return new Map();
  const rows = await db.selectFrom(table).select(['id', 'unit_id']).where('id', 'in', [...ids]).execute();
  return new Map(rows.map((r) => [r.id, { unit_id: r.unit_id }]));
}

/** The state of correction items made from recommendations (read for the case's follow-up). */
export function planItemStates(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('correction_plan_items').select(['id', 'plan_id', 'unit_id', 'status', 'claimed_on', 'verified_on']).where('id', 'in', [...ids]).execute();
}

export function taskState(db: Db, id: string) {
  return db.selectFrom('tasks').select(['id', 'unit_id', 'status', 'deadline', 'progress_percent', 'completed_on']).where('id', '=', id).executeTakeFirst();
}

/** A file attached to one of this case's steps (another case's file is not found here). */
export function findStepAttachment(db: Db, inspectionId: string, attachmentId: string) {
  return db
    .selectFrom('attachments as a')
    .innerJoin('inspection_steps as s', 's.attachment_id', 'a.id')
    .select(['a.id', 'a.file_name', 'a.mime_type', 'a.content'])
    .where('a.id', '=', attachmentId)
    .where('s.inspection_id', '=', inspectionId)
    .executeTakeFirst();
}
