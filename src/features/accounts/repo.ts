import type { Kysely } from 'kysely';
import type { AccountTable, Database, RoleAssignmentTable } from '../../db/schema.js';
import { inSubtree, likeContains } from '../../db/dialect.js';

export function insertAccount(db: Kysely<Database>, row: AccountTable) {
  return db.insertInto('accounts').values(row).execute();
}

export function insertRoleAssignment(db: Kysely<Database>, row: RoleAssignmentTable) {
  return db.insertInto('role_assignments').values(row).execute();
}

export function findByUsername(db: Kysely<Database>, username: string) {
  return db.selectFrom('accounts').selectAll().where('username', '=', username).executeTakeFirst();
}

export function setPassword(db: Kysely<Database>, id: string, passwordHash: string, mustChange: boolean, now: string) {
  return db
    .updateTable('accounts')
    .set({ password_hash: passwordHash, must_change_password: mustChange ? 1 : 0, updated_at: now })
    .where('id', '=', id)
    .execute();
}

export function deleteSessionsOf(db: Kysely<Database>, accountId: string) {
  return db.deleteFrom('sessions').where('account_id', '=', accountId).execute();
}

export function findAccountWithUnit(db: Kysely<Database>, id: string) {
  return db
    .selectFrom('accounts')
    .innerJoin('units', 'units.id', 'accounts.unit_id')
    .selectAll('accounts')
    .select(['units.path as unit_path', 'units.name as unit_name'])
    .where('accounts.id', '=', id)
    .executeTakeFirst();
}

export function findAccountByMember(db: Kysely<Database>, memberId: string) {
  return db.selectFrom('accounts').select('id').where('member_id', '=', memberId).executeTakeFirst();
}

export function rolesOf(db: Kysely<Database>, accountIds: string[]) {
  if (accountIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('role_assignments')
    .innerJoin('units', 'units.id', 'role_assignments.unit_id')
    .select(['role_assignments.account_id', 'role_assignments.role', 'role_assignments.unit_id', 'units.name as unit_name', 'units.path as unit_path'])
    .where('role_assignments.account_id', 'in', accountIds)
    .orderBy('units.depth')
    .orderBy('role_assignments.role')
    .execute();
}

export function deleteRolesOf(db: Kysely<Database>, accountId: string) {
  return db.deleteFrom('role_assignments').where('account_id', '=', accountId).execute();
}

export function updateAccount(db: Kysely<Database>, id: string, patch: Partial<Database['accounts']>) {
  return db.updateTable('accounts').set(patch).where('id', '=', id).execute();
}

export async function searchAccounts(db: Kysely<Database>, scopePaths: string[], words: string[], page: number, pageSize: number) {
  if (scopePaths.length === 0) return { total: 0, rows: [] };
  let base = db
    .selectFrom('accounts')
    .innerJoin('units', 'units.id', 'accounts.unit_id')
    .where((eb) => eb.or(scopePaths.map((p) => inSubtree('units.path', p))));
  for (const word of words) {
    base = base.where((eb) => eb.or([eb('accounts.username', 'like', likeContains(word)), eb('units.search_name', 'like', likeContains(word))]));
  }
  const [count, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirst(),
    base
      .selectAll('accounts')
      .select(['units.name as unit_name'])
      .orderBy('accounts.username')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
  ]);
  return { total: Number(count?.total ?? 0), rows };
}

/**
 * The members whose accounts hold one of `roles` over the unit itself (a cell's committee and
 * secretary): the rating reads who led a cell. Disabled accounts count — they held the post.
 */
export async function memberIdsWithRoleAt(db: Kysely<Database>, unitId: string, roles: readonly string[]): Promise<string[]> {
  if (roles.length === 0) return [];
  const rows = await db
    .selectFrom('role_assignments as r')
    .innerJoin('accounts as a', 'a.id', 'r.account_id')
    .select('a.member_id')
    .distinct()
    .where('r.unit_id', '=', unitId)
    .where('r.role', 'in', [...roles])
    .where('a.member_id', 'is not', null)
    .execute();
  return rows.map((r) => r.member_id!);
}

/**
 * "Holds a post" (cách chức needs one): the member's account holds a role other than a plain
 * member's. Read by discipline (through lookup.ts).
 */
export async function memberHoldsPost(db: Kysely<Database>, memberId: string): Promise<boolean> {
  const row = await db
    .selectFrom('role_assignments as r')
    .innerJoin('accounts as a', 'a.id', 'r.account_id')
    .select('r.id')
    .where('a.member_id', '=', memberId)
    .where('a.disabled_at', 'is', null)
    .where('r.role', '<>', 'member')
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}


/** The members of a subtree whose accounts hold a post (the rating's Mẫu 2B is theirs). */
export async function membersHoldingPostsIn(db: Kysely<Database>, unitPath: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('role_assignments as r')
    .innerJoin('accounts as a', 'a.id', 'r.account_id')
    .innerJoin('members as m', 'm.id', 'a.member_id')
    .innerJoin('units as u', 'u.id', 'm.unit_id')
    .select('m.id')
    .distinct()
    .where(inSubtree('u.path', unitPath))
    .where('a.disabled_at', 'is', null)
    .where('r.role', '<>', 'member')
    .execute();
  return new Set(rows.map((r) => r.id));
}
