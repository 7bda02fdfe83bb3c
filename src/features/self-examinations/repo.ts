import type { Kysely } from 'kysely';
import type { Database, SelfExaminationAnswerTable, SelfExaminationTable } from '../../db/schema.js';
import { inSubtree } from '../../db/dialect.js';

type Db = Kysely<Database>;

function selectExams(db: Db) {
  return db
    .selectFrom('self_examinations as s')
    .innerJoin('members as m', 'm.id', 's.member_id')
    .innerJoin('units as u', 'u.id', 's.unit_id')
    .leftJoin('meetings as mt', 'mt.id', 's.meeting_id')
    .leftJoin('accounts as ra', 'ra.id', 's.reviewed_by_account_id')
    .selectAll('s')
    .select(['m.full_name as member_name', 'u.name as unit_name', 'u.path as unit_path', 'mt.meeting_date as meeting_date', 'ra.display_name as reviewed_by_name']);
}
export type SelfExamRow = SelfExaminationTable & {
  member_name: string;
  unit_name: string;
  unit_path: string;
  meeting_date: string | null;
  reviewed_by_name: string | null;
};

export function findExam(db: Db, id: string): Promise<SelfExamRow | undefined> {
  return selectExams(db).where('s.id', '=', id).executeTakeFirst();
}

export function examsOfMember(db: Db, memberId: string): Promise<SelfExamRow[]> {
  return selectExams(db).where('s.member_id', '=', memberId).orderBy('s.year', 'desc').orderBy('s.created_at', 'desc').execute();
}

export function findByPeriod(db: Db, memberId: string, periodKey: string) {
  return db.selectFrom('self_examinations').select(['id']).where('member_id', '=', memberId).where('period_key', '=', periodKey).executeTakeFirst();
}

export function insertExam(db: Db, row: SelfExaminationTable) {
  return db.insertInto('self_examinations').values(row).execute();
}

/** Updates only if the stored revision is the expected one; returns whether it did. */
export async function updateExam(db: Db, id: string, patch: Partial<SelfExaminationTable>, expectedRevision?: number): Promise<boolean> {
  const result = await db
    .updateTable('self_examinations')
    .set(patch)
    .where('id', '=', id)
    .$if(expectedRevision !== undefined, (q) => q.where('revision', '=', expectedRevision!))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export function answersOf(db: Db, examId: string) {
  return db.selectFrom('self_examination_answers').select(['item_id', 'mark', 'note']).where('self_examination_id', '=', examId).execute();
}

export async function replaceAnswers(db: Db, examId: string, rows: readonly SelfExaminationAnswerTable[]): Promise<void> {
  await db.deleteFrom('self_examination_answers').where('self_examination_id', '=', examId).execute();
  for (let i = 0; i < rows.length; i += 100) await db.insertInto('self_examination_answers').values(rows.slice(i, i + 100)).execute();
}

/** At-risk and present marks of each self-examination (the summaries). */
export async function markCounts(db: Db, examIds: readonly string[]): Promise<Map<string, { atRisk: number; present: number }>> {
  const out = new Map<string, { atRisk: number; present: number }>();
  if (examIds.length === 0) return out;
  const rows = await db
    .selectFrom('self_examination_answers')
    .select(['self_examination_id', 'mark'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('self_examination_id', 'in', [...examIds])
    .where('mark', 'in', ['at_risk', 'present'])
    .groupBy(['self_examination_id', 'mark'])
    .execute();
  for (const r of rows) {
    const entry = out.get(r.self_examination_id) ?? { atRisk: 0, present: 0 };
    if (r.mark === 'at_risk') entry.atRisk = Number(r.n);
    else entry.present = Number(r.n);
    out.set(r.self_examination_id, entry);
  }
  return out;
}

/** Self-examinations of a period: its period keys, and thematic ones of that year when asked. */
function examsOfPeriod(db: Db, year: number, keys: readonly string[], thematic: boolean) {
  return db
    .selectFrom('self_examinations as s')
    .innerJoin('units as u', 'u.id', 's.unit_id')
    .select(['s.id', 's.unit_id', 's.member_id', 's.status', 's.period_kind', 's.period_key', 's.year', 's.quarter', 's.submitted_at', 's.updated_at'])
    .where('s.year', '=', year)
    .where((eb) => (thematic ? eb.or([eb('s.period_key', 'in', [...keys]), eb('s.period_kind', '=', 'thematic')]) : eb('s.period_key', 'in', [...keys])));
}

/** Self-examinations of a subtree for a period (its period keys, and thematic ones of that year when asked). */
export function examsInSubtree(db: Db, unitPath: string, year: number, keys: readonly string[], thematic: boolean) {
  return examsOfPeriod(db, year, keys, thematic).where(inSubtree('u.path', unitPath)).execute();
}

/**
 * A subtree's coverage for a period, per unit of the member: active members, and those of them
 * with a submitted (or reviewed) self-examination in the subtree — the board's `memberCount` and
 * `submitted`, counted in SQL.
 */
export async function coverageByUnit(db: Db, unitPath: string, year: number, keys: readonly string[], thematic: boolean) {
  const submitted = examsOfPeriod(db, year, keys, thematic)
    .clearSelect()
    .select('s.member_id')
    .where(inSubtree('u.path', unitPath))
    .where('s.status', '<>', 'draft');
  const rows = await db
    .selectFrom('members as m')
    .innerJoin('units as mu', 'mu.id', 'm.unit_id')
    .select((eb) => [
      'm.unit_id',
      'mu.path',
      eb.fn.countAll<number>().as('members'),
      eb.fn.sum<number>(eb.case().when('m.id', 'in', submitted).then(1).else(0).end()).as('submitted'),
    ])
    .where(inSubtree('mu.path', unitPath))
    .where('m.archived_at', 'is', null)
    .groupBy(['m.unit_id', 'mu.path'])
    .execute();
  return rows.map((r) => ({ unitId: r.unit_id, unitPath: r.path, members: Number(r.members), submitted: Number(r.submitted ?? 0) }));
}

/** One member's self-examinations for a period, as `examsInSubtree` picks them. */
export function examsOfMemberFor(db: Db, memberId: string, year: number, keys: readonly string[], thematic: boolean) {
  return examsOfPeriod(db, year, keys, thematic).where('s.member_id', '=', memberId).orderBy('s.period_key').execute();
}

/** How many of a cell's other members have opened each of these periods (counts only, no one named). */
export async function openedInCell(db: Db, unitId: string, keys: readonly string[], exceptMemberId: string): Promise<Map<string, number>> {
  if (keys.length === 0) return new Map();
  const rows = await db
    .selectFrom('self_examinations')
    .select(['period_key', (eb) => eb.fn.countAll<number>().as('n')])
    .where('unit_id', '=', unitId)
    .where('period_key', 'in', [...keys])
    .where('member_id', '!=', exceptMemberId)
    .groupBy('period_key')
    .execute();
  return new Map(rows.map((r) => [r.period_key, Number(r.n)]));
}

/** How often each manifestation (by its stable code) was marked at risk or present in these self-examinations. */
export function manifestationCounts(db: Db, examIds: readonly string[]) {
  if (examIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('self_examination_answers as a')
    .innerJoin('checklist_items as i', 'i.id', 'a.item_id')
    .select(['i.code', 'a.mark'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('a.self_examination_id', 'in', [...examIds])
    .where('i.list', '=', 'manifestation')
    .where('a.mark', 'in', ['at_risk', 'present'])
    .groupBy(['i.code', 'a.mark'])
    .execute();
}

/** Active members of a subtree's cells, in name order. */
export function activeMembersInSubtree(db: Db, unitPath: string) {
  return db
    .selectFrom('members as m')
    .innerJoin('units as u', 'u.id', 'm.unit_id')
    .select(['m.id', 'm.full_name', 'm.unit_id'])
    .where(inSubtree('u.path', unitPath))
    .where('m.archived_at', 'is', null)
    .orderBy('m.sort_key')
    .orderBy('m.id')
    .execute();
}

/** Reads of the given records by others (the access log), newest first, with the viewer's name. */
export async function readsOf(db: Db, records: { recordType: string; ids: readonly string[] }[], page: number, pageSize: number) {
  const wanted = records.filter((r) => r.ids.length > 0);
  if (wanted.length === 0) return { total: 0, rows: [] };
  const base = db
    .selectFrom('audit_log as l')
    .where('l.action', 'like', 'read.%')
    .where((eb) => eb.or(wanted.map((r) => eb.and([eb('l.record_type', '=', r.recordType), eb('l.record_id', 'in', [...r.ids])]))));
  const [{ total } = { total: 0 }] = await base.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const rows = await base
    .leftJoin('accounts as a', 'a.id', 'l.actor_account_id')
    .select(['l.seq', 'l.at', 'l.record_type', 'l.record_id', 'l.after_json', 'a.display_name as viewer_name'])
    .orderBy('l.seq', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { total: Number(total), rows };
}
