import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { DatabaseHandle } from '../../db/database.js';
import { newId, nowIso } from '../../db/ids.js';
import type { Role } from '../../domain/roles.js';
import { writeAudit } from '../audit/service.js';
import { hashPassword } from '../auth/passwords.js';
import { normaliseUsername } from '../auth/service.js';
import * as repo from './repo.js';

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
  return handle.db.transaction().execute((trx) => insertAccountWithRoles(trx, handle, actorAccountId, input));
}

/** Sets a new password (must be changed at next sign-in) and signs the account out everywhere. */
export async function resetPassword(
  handle: DatabaseHandle,
  actorAccountId: string | null,
  username: string,
  password: string,
): Promise<boolean> {
  const hash = await hashPassword(password);
  return handle.db.transaction().execute(async (trx) => {
    const account = await repo.findByUsername(trx, normaliseUsername(username));
    if (!account) return false;
    const now = nowIso();
    await repo.setPassword(trx, account.id, hash, true, now);
    await repo.deleteSessionsOf(trx, account.id);
    await writeAudit(trx, handle.dialect, {
      actorAccountId,
      action: 'account.reset_password',
      recordType: 'account',
      recordId: account.id,
      unitId: account.unit_id,
      after: { passwordResetAt: now, mustChangePassword: true },
    });
    return true;
  });
}
