import { createHash, randomBytes } from 'node:crypto';
import type { AppContext, SignedInActor } from '../../core/context.js';
import { AppError, unauthorized } from '../../core/errors.js';
import { nowIso } from '../../db/ids.js';
import { actions, canSomewhere, type Assignment } from '../../domain/policy.js';
import type { Role } from '../../domain/roles.js';
import type { UnitKind } from '../../shared/enums.js';
import { writeAudit, writeTransaction } from '../audit/service.js';
import { DEMO_PASSWORD, DUMMY_HASH, hashPassword, verifyPassword } from '../../core/passwords.js';
import type { Kysely } from 'kysely';
import type { DialectHelpers } from '../../db/dialect.js';
import type { AccountTable, Database } from '../../db/schema.js';
import * as repo from './repo.js';
import type { MeResponse } from './schemas.js';

/** Login throttling: stored in the database so it holds across instances and restarts. */
export const LOGIN_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_USERNAME = 5;
export const MAX_FAILURES_PER_IP = 30;

/** Touch the session at most this often: /api/me must not write on every call. */
const TOUCH_EVERY_MS = 5 * 60 * 1000;

export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function normaliseUsername(username: string): string {
  return username.trim().toLowerCase();
}

export async function login(
  ctx: AppContext,
  input: { username: string; password: string; locale?: 'vi' | 'en' },
  ip: string,
): Promise<{ token: string; accountId: string; expiresAt: Date }> {
  const { db, dialect } = ctx.handle;
  const username = normaliseUsername(input.username);
  const since = new Date(Date.now() - LOGIN_WINDOW_MINUTES * 60_000).toISOString();
  const [byUser, byIp] = await Promise.all([
    repo.countLoginFailures(db, 'username', username, since),
    repo.countLoginFailures(db, 'ip', ip, since),
  ]);
  if (byUser >= MAX_FAILURES_PER_USERNAME || byIp >= MAX_FAILURES_PER_IP) {
    throw new AppError(429, 'too_many_attempts', { minutes: LOGIN_WINDOW_MINUTES }, undefined, {
      'retry-after': String(LOGIN_WINDOW_MINUTES * 60),
    });
  }
  const account = await repo.findAccountByUsername(db, username);
  const passwordOk = await verifyPassword(input.password, account?.password_hash ?? DUMMY_HASH);
  const demoRefused = ctx.config.production && !ctx.config.allowDemoPasswords && input.password === DEMO_PASSWORD;
  if (!account || !passwordOk || account.disabled_at || demoRefused) {
    await repo.insertLoginFailure(db, username, ip, nowIso());
    throw new AppError(401, 'invalid_credentials');
  }
  const token = randomBytes(32).toString('base64url');
  const now = new Date();
  const expiresAt = new Date(now.getTime() + ctx.config.sessionIdleHours * 3600_000);
  await writeTransaction(ctx.handle, async (trx) => {
    await repo.insertSession(trx, {
      id: sessionIdOf(token),
      account_id: account.id,
      created_at: now.toISOString(),
      expires_at: expiresAt.toISOString(),
      last_seen_at: now.toISOString(),
    });
    await repo.clearLoginFailures(trx, username);
    // The language picked on the sign-in page wins over the one stored, and becomes the stored one.
    if (input.locale && input.locale !== account.locale) await saveLocale(trx, dialect, account, input.locale);
    await writeAudit(trx, dialect, {
      actorAccountId: account.id,
      action: 'auth.login',
      recordType: 'account',
      recordId: account.id,
      unitId: account.unit_id,
      after: { ip },
    });
  });
  return { token, accountId: account.id, expiresAt };
}

export async function logout(ctx: AppContext, actor: SignedInActor): Promise<void> {
  const { dialect } = ctx.handle;
  await writeTransaction(ctx.handle, async (trx) => {
    await repo.deleteSession(trx, actor.sessionId);
    const account = await repo.findAccount(trx, actor.accountId);
    await writeAudit(trx, dialect, {
      actorAccountId: actor.accountId,
      action: 'auth.logout',
      recordType: 'account',
      recordId: actor.accountId,
      unitId: account?.unit_id ?? null,
    });
  });
}

export async function changePassword(
  ctx: AppContext,
  actor: SignedInActor,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const { db, dialect } = ctx.handle;
  const account = await repo.findAccount(db, actor.accountId);
  if (!account) throw unauthorized();
  if (!(await verifyPassword(input.currentPassword, account.password_hash))) {
    throw new AppError(400, 'wrong_password', {}, [{ field: 'currentPassword', messageKey: 'wrong_password' }]);
  }
  if (input.newPassword === input.currentPassword) {
    throw new AppError(400, 'password_reused', {}, [{ field: 'newPassword', messageKey: 'password_reused' }]);
  }
  const hash = await hashPassword(input.newPassword);
  await writeTransaction(ctx.handle, async (trx) => {
    const now = nowIso();
    await repo.updatePassword(trx, account.id, hash, now);
    // Other devices signed in with the old password are signed out.
    await repo.deleteOtherSessions(trx, account.id, actor.sessionId);
    await writeAudit(trx, dialect, {
      actorAccountId: actor.accountId,
      action: 'auth.password_change',
      recordType: 'account',
      recordId: account.id,
      unitId: account.unit_id,
      // Never the hash: the audit log is readable by the committee.
      after: { passwordChangedAt: now },
    });
  });
}

/**
 * Housekeeping, run at start-up and hourly by `serve`: expired sessions and login failures
 * older than a day are removed (they only exist to be counted within the window).
 */
export async function removeExpiredAuthData(ctx: AppContext): Promise<void> {
  const now = new Date();
  await repo.deleteExpiredSessions(ctx.handle.db, now.toISOString());
  await repo.pruneLoginFailures(ctx.handle.db, new Date(now.getTime() - 24 * 3600_000).toISOString());
}

/** Resolves a session cookie to the signed-in actor, or null. */
export async function actorFromToken(ctx: AppContext, token: string): Promise<SignedInActor | null> {
  const { db } = ctx.handle;
  const sessionId = sessionIdOf(token);
  const now = new Date();
  const session = await repo.findLiveSession(db, sessionId, now.toISOString());
  if (!session) return null;
  if (now.getTime() - Date.parse(session.last_seen_at) > TOUCH_EVERY_MS) {
    const expiresAt = new Date(now.getTime() + ctx.config.sessionIdleHours * 3600_000);
    await repo.touchSession(db, sessionId, now.toISOString(), expiresAt.toISOString());
  }
  const rows = await repo.assignmentsOf(db, session.account_id);
  const assignments: Assignment[] = rows.map((r) => ({ role: r.role as Role, unitId: r.unit_id, unitPath: r.unit_path }));
  return {
    accountId: session.account_id,
    memberId: session.member_id,
    sessionId,
    username: session.username,
    displayName: session.display_name,
    locale: session.locale,
    mustChangePassword: session.must_change_password === 1,
    assignments,
    roles: rows.map((r) => ({ id: r.id, role: r.role as Role, unitId: r.unit_id, unitName: r.unit_name, unitKind: r.unit_kind as UnitKind })),
  };
}

/** The language the account prefers (the sign-in page's pick replaces it at each sign-in). */
export async function setMyLocale(ctx: AppContext, actor: SignedInActor, locale: 'vi' | 'en'): Promise<SignedInActor> {
  if (actor.locale === locale) return actor;
  await writeTransaction(ctx.handle, async (trx) => {
    const account = await repo.findAccount(trx, actor.accountId);
    if (account) await saveLocale(trx, ctx.handle.dialect, account, locale);
  });
  return { ...actor, locale };
}

/** Stores an account's language, with its audit entry, inside the caller's transaction. */
async function saveLocale(trx: Kysely<Database>, dialect: DialectHelpers, account: Pick<AccountTable, 'id' | 'unit_id' | 'locale'>, locale: 'vi' | 'en'): Promise<void> {
  await repo.setLocale(trx, account.id, locale, nowIso());
  await writeAudit(trx, dialect, {
    actorAccountId: account.id,
    action: 'account.locale',
    recordType: 'account',
    recordId: account.id,
    unitId: account.unit_id,
    before: { locale: account.locale },
    after: { locale },
  });
}

export async function describeMe(ctx: AppContext, actor: SignedInActor): Promise<MeResponse> {
  // Everything but the member record came with the session lookup.
  const member = actor.memberId ? await repo.memberOfAccount(ctx.handle.db, actor.memberId) : undefined;
  return {
    account: {
      id: actor.accountId,
      username: actor.username,
      displayName: actor.displayName,
      locale: actor.locale === 'en' ? 'en' : 'vi',
      mustChangePassword: actor.mustChangePassword,
    },
    member: member
      ? { id: member.id, fullName: member.full_name, unitId: member.unit_id, unitName: member.unit_name }
      : null,
    roles: actor.roles,
    actions: actions.filter((action) => canSomewhere(actor, action)),
  };
}
