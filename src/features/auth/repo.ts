import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { reusableQuery } from '../../db/reusable-query.js';

export function findAccountByUsername(db: Kysely<Database>, username: string) {
  return db.selectFrom('accounts').selectAll().where('username', '=', username).executeTakeFirst();
}

export function findAccount(db: Kysely<Database>, id: string) {
  return db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
}

export function insertSession(db: Kysely<Database>, row: Database['sessions']) {
  return db.insertInto('sessions').values(row).execute();
}

const liveSession = reusableQuery((db, v: { sessionId: string; now: string }) =>
  db
    .selectFrom('sessions')
    .innerJoin('accounts', 'accounts.id', 'sessions.account_id')
    .select([
      'sessions.id as session_id',
      'sessions.expires_at',
      'sessions.last_seen_at',
      'accounts.id as account_id',
      'accounts.username',
      'accounts.display_name',
      'accounts.member_id',
      'accounts.locale',
      'accounts.must_change_password',
    ])
    .where('sessions.id', '=', v.sessionId)
    .where('sessions.expires_at', '>', v.now)
    .where('accounts.disabled_at', 'is', null),
);

/** A live session with its enabled account, in one round trip (this runs on every request: compiled once). */
export async function findLiveSession(db: Kysely<Database>, sessionId: string, now: string) {
  return (await liveSession(db, { sessionId, now }))[0];
}

export function touchSession(db: Kysely<Database>, sessionId: string, lastSeenAt: string, expiresAt: string) {
  return db
    .updateTable('sessions')
    .set({ last_seen_at: lastSeenAt, expires_at: expiresAt })
    .where('id', '=', sessionId)
    .execute();
}

export function deleteSession(db: Kysely<Database>, sessionId: string) {
  return db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

export function deleteOtherSessions(db: Kysely<Database>, accountId: string, keepSessionId: string) {
  return db.deleteFrom('sessions').where('account_id', '=', accountId).where('id', '!=', keepSessionId).execute();
}

export function deleteExpiredSessions(db: Kysely<Database>, now: string) {
  return db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
}

const accountAssignments = reusableQuery((db, v: { accountId: string }) =>
  db
    .selectFrom('role_assignments')
    .innerJoin('units', 'units.id', 'role_assignments.unit_id')
    .select([
      'role_assignments.id',
      'role_assignments.role',
      'role_assignments.unit_id',
      'units.path as unit_path',
      'units.name as unit_name',
      'units.kind as unit_kind',
    ])
    .where('role_assignments.account_id', '=', v.accountId)
    .where('units.archived_at', 'is', null)
    .orderBy('units.depth'),
);

/** The account's roles in units still in use, highest unit first (every request: compiled once). */
export function assignmentsOf(db: Kysely<Database>, accountId: string) {
  return accountAssignments(db, { accountId });
}

export async function countLoginFailures(db: Kysely<Database>, column: 'username' | 'ip', value: string, since: string) {
  const row = await db
    .selectFrom('login_failures')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(column, '=', value)
    .where('at', '>', since)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export function insertLoginFailure(db: Kysely<Database>, username: string, ip: string, at: string) {
  return db.insertInto('login_failures').values({ username, ip, at }).execute();
}

export function clearLoginFailures(db: Kysely<Database>, username: string) {
  return db.deleteFrom('login_failures').where('username', '=', username).execute();
}

export function pruneLoginFailures(db: Kysely<Database>, before: string) {
  return db.deleteFrom('login_failures').where('at', '<', before).execute();
}

export function updatePassword(db: Kysely<Database>, accountId: string, passwordHash: string, now: string) {
  return db
    .updateTable('accounts')
    .set({ password_hash: passwordHash, must_change_password: 0, updated_at: now })
    .where('id', '=', accountId)
    .execute();
}

export function setLocale(db: Kysely<Database>, accountId: string, locale: string, now: string) {
  return db.updateTable('accounts').set({ locale, updated_at: now }).where('id', '=', accountId).execute();
}

const accountMember = reusableQuery((db, v: { memberId: string }) =>
  db
    .selectFrom('members')
    .innerJoin('units', 'units.id', 'members.unit_id')
    .select(['members.id', 'members.full_name', 'members.unit_id', 'units.name as unit_name'])
    .where('members.id', '=', v.memberId),
);

export async function memberOfAccount(db: Kysely<Database>, memberId: string) {
  return (await accountMember(db, { memberId }))[0];
}
