import type { Expression, Kysely, SqlBool } from 'kysely';
import type { CommitmentProgressTable, CommitmentTable, Database } from '../../db/schema.js';
import { inSubtree } from '../../db/dialect.js';
import type { CommitmentCounts } from './schemas.js';

type Db = Kysely<Database>;

/**
 * Commitments with what every list shows: the committing unit (name, path for scope checks,
 * parent for who confirms a unit's own), the member's name and sort key, and who confirmed.
 */
export function selectCommitments(db: Db) {
  return db
    .selectFrom('commitments as c')
    .innerJoin('units as u', 'u.id', 'c.unit_id')
    .leftJoin('members as m', 'm.id', 'c.member_id')
    .leftJoin('accounts as ca', 'ca.id', 'c.confirmed_by_account_id')
    .selectAll('c')
    .select([
      'u.name as unit_name',
      'u.path as unit_path',
      'u.kind as unit_kind',
      'm.full_name as member_name',
      'm.sort_key as member_sort_key',
      'm.card_number as member_card_number',
      'ca.display_name as confirmed_by_name',
    ]);
}
export type CommitmentRow = CommitmentTable & {
  unit_name: string;
  unit_path: string;
  unit_kind: string;
  member_name: string | null;
  member_sort_key: string | null;
  member_card_number: string | null;
  confirmed_by_name: string | null;
};

export function findCommitment(db: Db, id: string): Promise<CommitmentRow | undefined> {
  return selectCommitments(db).where('c.id', '=', id).executeTakeFirst();
}

export function findCommitments(db: Db, ids: string[]): Promise<CommitmentRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return selectCommitments(db).where('c.id', 'in', ids).execute();
}

/** A year's commitments of everyone in a subtree (or of one member there). */
export function commitmentsOfYear(
  db: Db,
  unitPath: string,
  year: number,
  filter: { memberId?: string | undefined; subjectKind?: 'member' | 'unit' } = {},
): Promise<CommitmentRow[]> {
  return selectCommitments(db)
    .where(inSubtree('u.path', unitPath))
    .where('c.year', '=', year)
    .$if(filter.memberId !== undefined, (q) => q.where('c.member_id', '=', filter.memberId!))
    .$if(filter.subjectKind !== undefined, (q) => q.where('c.subject_kind', '=', filter.subjectKind!))
    .execute();
}

/** One member's commitments of a year, wherever they were registered. */
export function commitmentsOfMember(db: Db, memberId: string, year: number): Promise<CommitmentRow[]> {
  return selectCommitments(db).where('c.member_id', '=', memberId).where('c.year', '=', year).where('c.subject_kind', '=', 'member').execute();
}

export function insertCommitments(db: Db, rows: CommitmentTable[]) {
  if (rows.length === 0) return Promise.resolve();
  return db.insertInto('commitments').values(rows).execute();
}

/** Marks several commitments confirmed in one statement. */
export function confirmCommitments(db: Db, ids: readonly string[], patch: Pick<CommitmentTable, 'confirmed_at' | 'confirmed_by_account_id' | 'updated_at'>) {
  if (ids.length === 0) return Promise.resolve();
  return db.updateTable('commitments').set(patch).where('id', 'in', ids).execute();
}

export function updateCommitment(db: Db, id: string, patch: Partial<CommitmentTable>) {
  return db.updateTable('commitments').set(patch).where('id', '=', id).execute();
}

export async function deleteCommitment(db: Db, id: string) {
  await db.deleteFrom('commitment_progress').where('commitment_id', '=', id).execute();
  await db.deleteFrom('commitments').where('id', '=', id).execute();
}

/** The highest position in one subject's section of a year (0 when empty). */
export async function maxPosition(
  db: Db,
  subject: { kind: 'member'; memberId: string } | { kind: 'unit'; unitId: string },
  year: number,
  section: string,
): Promise<number> {
  const row = await db
    .selectFrom('commitments')
    .select((eb) => eb.fn.max('position').as('n'))
    .where('year', '=', year)
    .where('section', '=', section)
    .where('subject_kind', '=', subject.kind)
    .$if(subject.kind === 'member', (q) => q.where('member_id', '=', (subject as { memberId: string }).memberId))
    .$if(subject.kind === 'unit', (q) => q.where('unit_id', '=', (subject as { unitId: string }).unitId))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export function progressOf(db: Db, commitmentId: string) {
  return db
    .selectFrom('commitment_progress as p')
    .leftJoin('accounts as a', 'a.id', 'p.author_account_id')
    .selectAll('p')
    .select('a.display_name as author_name')
    .where('p.commitment_id', '=', commitmentId)
    .orderBy('p.created_at')
    .orderBy('p.id')
    .execute();
}

export function insertProgress(db: Db, row: CommitmentProgressTable) {
  return db.insertInto('commitment_progress').values(row).execute();
}

/** Tasks created from a commitment. */
export async function taskIdsOf(db: Db, commitmentId: string): Promise<string[]> {
  const rows = await db.selectFrom('tasks').select('id').where('source_commitment_id', '=', commitmentId).orderBy('created_at').orderBy('id').execute();
  return rows.map((r) => r.id);
}

/** Active members of a cell in Vietnamese name order: a cell's list shows who has not registered yet. */
export function activeMembersOf(db: Db, unitId: string) {
  return db
    .selectFrom('members')
    .select(['id', 'full_name', 'sort_key'])
    .where('unit_id', '=', unitId)
    .where('archived_at', 'is', null)
    .orderBy('sort_key')
    .execute();
}

/** Active members anywhere in a subtree, as the importer recognises them. */
export function activeMembersUnder(db: Db, unitPath: string) {
  return db
    .selectFrom('members as m')
    .innerJoin('units as u', 'u.id', 'm.unit_id')
    .select(['m.id', 'm.full_name', 'm.card_number', 'm.unit_id'])
    .where(inSubtree('u.path', unitPath))
    .where('m.archived_at', 'is', null)
    .orderBy('m.sort_key')
    .execute();
}

/** Units of a subtree that may commit collectively: active, not mass organisations, below someone. */
export function committingUnitsUnder(db: Db, unitPath: string) {
  return db
    .selectFrom('units')
    .select(['id', 'name', 'kind', 'path', 'parent_id'])
    .where(inSubtree('path', unitPath))
    .where('kind', '<>', 'mass_org')
    .where('archived_at', 'is', null)
    .where('parent_id', 'is not', null)
    .orderBy('depth')
    .execute();
}

/**
 * A year's commitment figures per committing unit (`commitments.unit_id`: the member's cell or the
 * unit itself) for every commitment whose unit lies in the subtree; for boards and the commune view.
 */
export async function commitmentCountsByUnit(db: Db, unitPath: string, year: number): Promise<Map<string, CommitmentCounts>> {
  const rows = await db
    .selectFrom('commitments as c')
    .innerJoin('units as u', 'u.id', 'c.unit_id')
    .select((eb) => {
      const count = (condition: Expression<SqlBool>) => eb.fn.sum<number>(eb.case().when(condition).then(1).else(0).end());
      return [
        'c.unit_id',
        eb.fn.countAll<number>().as('total'),
        count(eb('c.confirmed_at', 'is not', null)).as('confirmed'),
        count(eb('c.evaluated_at', 'is not', null)).as('evaluated'),
        count(eb('c.result', '=', 'achieved')).as('achieved'),
        count(eb('c.result', '=', 'exceeded')).as('exceeded'),
        count(eb('c.result', '=', 'not_achieved')).as('not_achieved'),
      ];
    })
    .where(inSubtree('u.path', unitPath))
    .where('c.year', '=', year)
    .groupBy('c.unit_id')
    .execute();
  return new Map(
    rows.map((r) => [
      r.unit_id,
      {
        total: Number(r.total),
        confirmed: Number(r.confirmed),
        evaluated: Number(r.evaluated),
        achieved: Number(r.achieved),
        exceeded: Number(r.exceeded),
        notAchieved: Number(r.not_achieved),
      },
    ]),
  );
}
