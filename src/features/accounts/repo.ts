import type { Kysely } from 'kysely';
import type { AccountTable, Database, RoleAssignmentTable } from '../../db/schema.js';

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
