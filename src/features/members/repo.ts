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
