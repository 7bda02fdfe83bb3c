import { randomUUID } from 'node:crypto';
import { createAccount } from '../../src/features/accounts/service.js';
import type { Role } from '../../src/domain/roles.js';
import type { TestApp } from './app.js';

export const TEST_PASSWORD = 'mat-khau-thu-2026';

/**
 * Adds an account with exactly the given roles (none at all is allowed) to a test app's
 * database, for cases the demo accounts do not cover: an office clerk of one cell only, an
 * account without any role. Returns a signed-in cookie header.
 */
export async function signInAs(t: TestApp, username: string, roles: { role: Role; unitName: string }[]): Promise<string> {
  const exists = await t.db.db.selectFrom('accounts').select('id').where('username', '=', username).executeTakeFirst();
  if (!exists) {
    const resolved = await Promise.all(roles.map(async (r) => ({ role: r.role, unitId: await t.unitId(r.unitName) })));
    await createAccount(t.db, null, {
      username,
      displayName: `Tài khoản thử ${username}`,
      unitId: resolved[0]?.unitId ?? (await t.unitId('Đảng bộ xã Minh Quang')),
      memberId: null,
      password: TEST_PASSWORD,
      mustChangePassword: false,
      roles: resolved,
    });
  }
  return t.login(username, TEST_PASSWORD);
}

/** A random UUID: names no record. */
export function missingId(): string {
  return randomUUID();
}

/** Rows in the audit log, for "nothing was written" checks. */
export async function auditCount(t: TestApp): Promise<number> {
  const row = await t.db.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The newest audit entry, with its JSON parsed. */
export async function lastAudit(t: TestApp) {
  const row = await t.db.db.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
  return {
    ...row,
    seq: Number(row.seq),
    before: row.before_json ? (JSON.parse(row.before_json) as Record<string, unknown>) : null,
    after: row.after_json ? (JSON.parse(row.after_json) as Record<string, unknown>) : null,
  };
}
