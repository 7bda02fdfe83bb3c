import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { DatabaseHandle } from '../../db/database.js';
import { newId, nowIso } from '../../db/ids.js';
import type { Role } from '../../domain/roles.js';
import { writeAudit, writeTransaction } from '../audit/service.js';
import { hashPassword } from '../../core/passwords.js';
import { normaliseUsername } from '../auth/service.js';
import * as repo from './repo.js';
import type { AppContext } from '../../core/context.js';
import { AppError, forbidden, notFound } from '../../core/errors.js';
import { canSomewhere, scopePaths, type Actor } from '../../domain/policy.js';
import { foldVietnamese } from '../../domain/vietnamese.js';
import { findUnit, unitsByIds } from '../units/lookup.js';
import { authorizeReferencedUnit } from '../units/policy.js';
import { findMemberWithUnit } from '../members/lookup.js';
import { assertMayGrant, authorizeAccount } from './policy.js';
import type { AccountSummary, CreateAccountBody, UpdateAccountBody } from './schemas.js';

export interface NewAccount {
  username: string;
  displayName: string;
  /** The unit that manages the account. */
  unitId: string;
  memberId: string | null;
  password: string;
  mustChangePassword: boolean;
  roles: { role: Role; unitId: string }[];
}

/** A password that is easy to read aloud over the phone and long enough to be safe. */
export function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const bytes = randomBytes(14);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5, 10)}-${chars.slice(10, 14)}`;
}

/** Creates an account with its roles inside the caller's transaction, audited. */
export async function insertAccountWithRoles(
  trx: Kysely<Database>,
  handle: Pick<DatabaseHandle, 'dialect'>,
  actorAccountId: string | null,
  input: NewAccount,
): Promise<string> {
  const now = nowIso();
  const id = newId();
  const username = normaliseUsername(input.username);
  await repo.insertAccount(trx, {
    id,
    unit_id: input.unitId,
    username,
    password_hash: await hashPassword(input.password),
    display_name: input.displayName,
    member_id: input.memberId,
    locale: 'vi',
    must_change_password: input.mustChangePassword ? 1 : 0,
    disabled_at: null,
    created_at: now,
    updated_at: now,
  });
  for (const role of input.roles) {
    await repo.insertRoleAssignment(trx, { id: newId(), account_id: id, role: role.role, unit_id: role.unitId, created_at: now });
  }
  await writeAudit(trx, handle.dialect, {
    actorAccountId,
    action: 'account.create',
    recordType: 'account',
    recordId: id,
    unitId: input.unitId,
    after: { username, displayName: input.displayName, memberId: input.memberId, roles: input.roles },
  });
  return id;
}

export async function createAccount(handle: DatabaseHandle, actorAccountId: string | null, input: NewAccount): Promise<string> {
  return writeTransaction(handle, (trx) => insertAccountWithRoles(trx, handle, actorAccountId, input));
}

/** Sets a new password (must be changed at next sign-in) and signs the account out everywhere. */
async function applyPasswordReset(
  trx: Kysely<Database>,
  handle: Pick<DatabaseHandle, 'dialect'>,
  actorAccountId: string | null,
  account: { id: string; unit_id: string },
  passwordHash: string,
): Promise<void> {
  const now = nowIso();
  await repo.setPassword(trx, account.id, passwordHash, true, now);
  await repo.deleteSessionsOf(trx, account.id);
  await writeAudit(trx, handle.dialect, {
    actorAccountId,
    action: 'account.reset_password',
    recordType: 'account',
    recordId: account.id,
    unitId: account.unit_id,
    after: { passwordResetAt: now, mustChangePassword: true },
  });
}

/** `tusoi user reset-password`: by username, no scope (the operator has the server). */
export async function resetPassword(
  handle: DatabaseHandle,
  actorAccountId: string | null,
  username: string,
  password: string,
): Promise<boolean> {
  const hash = await hashPassword(password);
  return writeTransaction(handle, async (trx) => {
    const account = await repo.findByUsername(trx, normaliseUsername(username));
    if (!account) return false;
    await applyPasswordReset(trx, handle, actorAccountId, account, hash);
    return true;
  });
}

// ---- The HTTP workflows (office / committee managing accounts in their subtree) ----

type AccountRow = Database['accounts'] & { unit_name: string };

async function present(db: Kysely<Database>, rows: AccountRow[]): Promise<AccountSummary[]> {
  const grants = await repo.rolesOf(db, rows.map((r) => r.id));
  return rows.map((r) => ({
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    unitId: r.unit_id,
    unitName: r.unit_name,
    memberId: r.member_id,
    disabled: r.disabled_at !== null,
    mustChangePassword: r.must_change_password === 1,
    roles: grants
      .filter((g) => g.account_id === r.id)
      .map((g) => ({ role: g.role as Role, unitId: g.unit_id, unitName: g.unit_name })),
  }));
}

async function presentOne(db: Kysely<Database>, id: string): Promise<AccountSummary> {
  const row = await repo.findAccountWithUnit(db, id);
  if (!row) throw notFound();
  return (await present(db, [row]))[0]!;
}

export async function listAccounts(
  ctx: AppContext,
  actor: Actor,
  query: { q?: string | undefined; page: number; pageSize: number },
) {
  if (!canSomewhere(actor, 'account.manage')) throw forbidden();
  const words = query.q ? foldVietnamese(query.q).split(' ').filter(Boolean).slice(0, 8) : [];
  const { total, rows } = await repo.searchAccounts(ctx.handle.db, scopePaths(actor, 'account.manage'), words, query.page, query.pageSize);
  return { total, page: query.page, pageSize: query.pageSize, items: await present(ctx.handle.db, rows) };
}

/** Role grants resolved to unit paths, each checked against the actor's own scope. */
async function resolveGrants(trx: Kysely<Database>, actor: Actor, grants: { role: Role; unitId: string }[]) {
  const units = await unitsByIds(trx, [...new Set(grants.map((g) => g.unitId))]);
  const pathOf = new Map(units.map((u) => [u.id, u.path]));
  assertMayGrant(actor, grants.map((g) => ({ unitPath: pathOf.get(g.unitId) })));
  // The same grant twice is one grant.
  return [...new Map(grants.map((g) => [`${g.role}@${g.unitId}`, g])).values()];
}

async function assertMemberLinkable(trx: Kysely<Database>, actor: Actor, memberId: string, exceptAccountId?: string) {
  const member = await findMemberWithUnit(trx, memberId);
  authorizeReferencedUnit(actor, 'account.manage', member && { path: member.unit_path }, 'memberId');
  const linked = await repo.findAccountByMember(trx, memberId);
  if (linked && linked.id !== exceptAccountId) {
    throw new AppError(409, 'conflict', { field: 'memberId' }, [{ field: 'memberId', messageKey: 'conflict', params: { field: 'memberId' } }]);
  }
}

export async function createAccountFor(ctx: AppContext, actor: Actor, body: CreateAccountBody) {
  const { db } = ctx.handle;
  const temporaryPassword = generatePassword();
  const id = await writeTransaction(ctx.handle, async (trx) => {
    const home = await findUnit(trx, body.unitId);
    authorizeReferencedUnit(actor, 'account.manage', home, 'unitId');
    const grants = await resolveGrants(trx, actor, body.roles);
    if (body.memberId) await assertMemberLinkable(trx, actor, body.memberId);
    if (await repo.findByUsername(trx, body.username)) {
      throw new AppError(409, 'conflict', { field: 'username' }, [{ field: 'username', messageKey: 'conflict', params: { field: 'username' } }]);
    }
    return insertAccountWithRoles(trx, ctx.handle, actor.accountId, {
      username: body.username,
      displayName: body.displayName,
      unitId: home!.id,
      memberId: body.memberId ?? null,
      password: temporaryPassword,
      mustChangePassword: true,
      roles: grants,
    });
  });
  return { account: await presentOne(db, id), temporaryPassword };
}

export async function updateAccountFor(ctx: AppContext, actor: Actor, id: string, body: UpdateAccountBody) {
  const { db, dialect } = ctx.handle;
  await writeTransaction(ctx.handle, async (trx) => {
    const row = await repo.findAccountWithUnit(trx, id);
    authorizeAccount(actor, row);
    const [before] = await present(trx, [row!]);
    const grants = body.roles ? await resolveGrants(trx, actor, body.roles) : undefined;
    const grantKey = (list: { role: string; unitId: string }[]) => list.map((g) => `${g.role}@${g.unitId}`).sort().join(',');
    const displayName = body.displayName ?? row!.display_name;
    const disabled = body.disabled ?? row!.disabled_at !== null;
    const rolesChange = grants !== undefined && grantKey(grants) !== grantKey(before!.roles);
    // Saving an unchanged form is not a change: no write, no audit entry.
    if (displayName === row!.display_name && disabled === (row!.disabled_at !== null) && !rolesChange) return;
    const now = nowIso();
    const disabledAt = disabled ? (row!.disabled_at ?? now) : null;
    await repo.updateAccount(trx, id, { display_name: displayName, disabled_at: disabledAt, updated_at: now });
    // A disabled account is signed out everywhere at once.
    if (disabledAt) await repo.deleteSessionsOf(trx, id);
    if (grants && rolesChange) {
      await repo.deleteRolesOf(trx, id);
      for (const g of grants) {
        await repo.insertRoleAssignment(trx, { id: newId(), account_id: id, role: g.role, unit_id: g.unitId, created_at: now });
      }
    }
    const after = (await present(trx, [(await repo.findAccountWithUnit(trx, id))!]))[0]!;
    await writeAudit(trx, dialect, {
      actorAccountId: actor.accountId,
      action: 'account.update',
      recordType: 'account',
      recordId: id,
      unitId: row!.unit_id,
      before: { displayName: before!.displayName, disabled: before!.disabled, roles: before!.roles },
      after: { displayName: after.displayName, disabled: after.disabled, roles: after.roles },
    });
  });
  return presentOne(db, id);
}

export async function resetPasswordFor(ctx: AppContext, actor: Actor, id: string) {
  const temporaryPassword = generatePassword();
  const hash = await hashPassword(temporaryPassword);
  await writeTransaction(ctx.handle, async (trx) => {
    const row = await repo.findAccountWithUnit(trx, id);
    authorizeAccount(actor, row);
    await applyPasswordReset(trx, ctx.handle, actor.accountId, row!, hash);
  });
  return { account: await presentOne(ctx.handle.db, id), temporaryPassword };
}
