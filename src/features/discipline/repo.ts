import type { Kysely } from 'kysely';
import type { Database, DisciplineDecisionTable } from '../../db/schema.js';
import { inSubtree } from '../../db/dialect.js';

type Db = Kysely<Database>;

/** Decisions with the names they are shown with: the member, their cell, the deciding unit. */
function selectDecisions(db: Db) {
  return db
    .selectFrom('discipline_decisions as d')
    .innerJoin('members as m', 'm.id', 'd.member_id')
    .innerJoin('units as u', 'u.id', 'd.unit_id')
    .innerJoin('units as du', 'du.id', 'd.deciding_unit_id')
    .selectAll('d')
    .select(['m.full_name as member_name', 'u.name as unit_name', 'u.path as unit_path', 'du.name as deciding_unit_name']);
}
export type DisciplineRow = DisciplineDecisionTable & { member_name: string; unit_name: string; unit_path: string; deciding_unit_name: string };

const newestFirst = <Q extends ReturnType<typeof selectDecisions>>(q: Q) => q.orderBy('d.decided_on', 'desc').orderBy('d.created_at', 'desc').orderBy('d.id', 'desc');

const inYear = (year: number) => [`${year}-01-01`, `${year}-12-31`] as const;

export function findDecision(db: Db, id: string): Promise<DisciplineRow | undefined> {
  return selectDecisions(db).where('d.id', '=', id).executeTakeFirst();
}

/** A member's decisions, newest first; of one year (by the decision date) when given. */
export function disciplineOfMember(db: Db, memberId: string, year?: number): Promise<DisciplineRow[]> {
  let q = selectDecisions(db).where('d.member_id', '=', memberId);
  if (year !== undefined) q = q.where('d.decided_on', '>=', inYear(year)[0]).where('d.decided_on', '<=', inYear(year)[1]);
  return newestFirst(q).execute();
}

/** Decisions of a year (by the decision date) about members of a subtree's cells, newest first. */
export function decisionsInSubtree(db: Db, unitPath: string, year: number): Promise<DisciplineRow[]> {
  return decisionsInSubtreeBetween(db, unitPath, ...inYear(year));
}

/** Decisions dated within [from, to] about members of a subtree's cells, newest first. */
export function decisionsInSubtreeBetween(db: Db, unitPath: string, from: string, to: string): Promise<DisciplineRow[]> {
  return newestFirst(selectDecisions(db).where(inSubtree('u.path', unitPath)).where('d.decided_on', '>=', from).where('d.decided_on', '<=', to)).execute();
}

/** The members of a subtree disciplined in a year (by the decision date), each with how many decisions and their forms. */
export async function disciplinedMembersIn(db: Db, unitPath: string, year: number): Promise<{ memberId: string; unitId: string; decisions: number; formCodes: string[] }[]> {
  const rows = await db
    .selectFrom('discipline_decisions as d')
    .innerJoin('units as u', 'u.id', 'd.unit_id')
    .select(['d.member_id', 'd.unit_id', 'd.form_code'])
    .where(inSubtree('u.path', unitPath))
    .where('d.decided_on', '>=', inYear(year)[0])
    .where('d.decided_on', '<=', inYear(year)[1])
    .orderBy('d.member_id')
    .orderBy('d.decided_on')
    .execute();
  const byMember = new Map<string, { memberId: string; unitId: string; decisions: number; formCodes: string[] }>();
  for (const r of rows) {
    const m = byMember.get(r.member_id) ?? { memberId: r.member_id, unitId: r.unit_id, decisions: 0, formCodes: [] };
    m.decisions += 1;
    if (!m.formCodes.includes(r.form_code)) m.formCodes.push(r.form_code);
    byMember.set(r.member_id, m);
  }
  return [...byMember.values()];
}

export function insertDecision(db: Db, row: DisciplineDecisionTable) {
  return db.insertInto('discipline_decisions').values(row).execute();
}

