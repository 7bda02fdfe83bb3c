import type { Kysely } from 'kysely';
import type { Database, MemberTable } from '../../db/schema.js';
import { inSubtree, likeContains } from '../../db/dialect.js';

export type MemberRow = MemberTable;

export function findMemberWithUnit(db: Kysely<Database>, id: string) {
  return db
    .selectFrom('members')
    .innerJoin('units', 'units.id', 'members.unit_id')
    .selectAll('members')
    .select(['units.path as unit_path', 'units.name as unit_name', 'units.kind as unit_kind'])
    .where('members.id', '=', id)
    .executeTakeFirst();
}

export async function hasAccount(db: Kysely<Database>, memberId: string): Promise<boolean> {
  const row = await db.selectFrom('accounts').select('id').where('member_id', '=', memberId).executeTakeFirst();
  return row !== undefined;
}

export function findByCardNumber(db: Kysely<Database>, cardNumber: string) {
  return db.selectFrom('members').select('id').where('card_number', '=', cardNumber).executeTakeFirst();
}

export interface MemberSearch {
  unitPath: string;
  /** Folded search words; every one must appear in the member's name or card number, or in the cell's name. */
  words: string[];
  status?: string | undefined;
  includeArchived: boolean;
  page: number;
  pageSize: number;
}

/** Members of a unit's subtree, in Vietnamese name order, one page plus the total. */
export async function searchMembers(db: Kysely<Database>, search: MemberSearch) {
  let base = db
    .selectFrom('members')
    .innerJoin('units', 'units.id', 'members.unit_id')
    .where(inSubtree('units.path', search.unitPath));
  for (const word of search.words) {
    const pattern = likeContains(word);
    base = base.where((eb) => eb.or([eb('members.search_text', 'like', pattern), eb('units.search_name', 'like', pattern)]));
  }
  if (search.status) base = base.where('members.status', '=', search.status);
  if (!search.includeArchived) base = base.where('members.archived_at', 'is', null);
  const [countRow, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirst(),
    base
      .select([
        'members.id',
        'members.unit_id',
        'units.name as unit_name',
        'members.full_name',
        'members.gender',
        'members.birth_year',
        'members.card_number',
        'members.status',
      ])
      .orderBy('members.sort_key')
      .orderBy('members.id')
      .limit(search.pageSize)
      .offset((search.page - 1) * search.pageSize)
      .execute(),
  ]);
  return { total: Number(countRow?.total ?? 0), rows };
}

export function insertMember(db: Kysely<Database>, row: MemberRow) {
  return db.insertInto('members').values(row).execute();
}

export function updateMember(db: Kysely<Database>, id: string, patch: Partial<MemberRow>) {
  return db.updateTable('members').set(patch).where('id', '=', id).execute();
}

/** A unit's active members (id and name), in Vietnamese name order. */
export function activeMembersOf(db: Kysely<Database>, unitId: string) {
  return db.selectFrom('members').select(['id', 'full_name']).where('unit_id', '=', unitId).where('archived_at', 'is', null).orderBy('sort_key').orderBy('id').execute();
}

/**
 * The active members of a subtree's cells with their cell and status, those who had joined by
 * `joinedBy` when given (a date unknown counts as joined) — the rating opens a review for each.
 */
export function activeMembersInSubtree(db: Kysely<Database>, unitPath: string, joinedBy?: string) {
  let q = db
    .selectFrom('members as m')
    .innerJoin('units as u', 'u.id', 'm.unit_id')
    .select(['m.id', 'm.full_name', 'm.status', 'm.unit_id', 'u.village_name'])
    .where(inSubtree('u.path', unitPath))
    .where('u.kind', '=', 'cell')
    .where('u.archived_at', 'is', null)
    .where('m.archived_at', 'is', null);
  if (joinedBy) q = q.where((eb) => eb.or([eb('m.joined_on', 'is', null), eb('m.joined_on', '<=', joinedBy)]));
  return q.orderBy('m.sort_key').orderBy('m.id').execute();
}

/** How many official members each of the given cells has (the rating's vote counts them). */
export async function officialMemberCounts(db: Kysely<Database>, unitIds: readonly string[]): Promise<Map<string, number>> {
  if (unitIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('members')
    .select((eb) => ['unit_id', eb.fn.countAll<number>().as('n')])
    .where('unit_id', 'in', [...unitIds])
    .where('status', '=', 'official')
    .where('archived_at', 'is', null)
    .groupBy('unit_id')
    .execute();
  return new Map(rows.map((r) => [r.unit_id, Number(r.n)]));
}
