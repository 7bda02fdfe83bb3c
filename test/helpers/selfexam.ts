import { createAccount } from '../../src/features/accounts/service.js';
import type { SelfExamDetail } from '../../src/features/self-examinations/schemas.js';
import type { TestApp } from './app.js';
import { TEST_PASSWORD } from './accounts.js';

/**
 * Links a new account to an active member of the cell who has none yet, with the member role
 * there, and signs it in: tests need more members with accounts than the demo has.
 */
export async function memberAccount(t: TestApp, cellName: string, username: string): Promise<{ cookie: string; memberId: string; accountId: string }> {
  const unitId = await t.unitId(cellName);
  let account = await t.db.db.selectFrom('accounts').select(['id', 'member_id']).where('username', '=', username).executeTakeFirst();
  if (!account) {
    const member = await t.db.db
      .selectFrom('members')
      .select('id')
      .where('unit_id', '=', unitId)
      .where('archived_at', 'is', null)
      .where((eb) => eb.not(eb.exists(eb.selectFrom('accounts').select('id').whereRef('accounts.member_id', '=', 'members.id'))))
      .orderBy('sort_key')
      .limit(1)
      .executeTakeFirstOrThrow();
    await createAccount(t.db, null, {
      username,
      displayName: `Đảng viên thử ${username}`,
      unitId,
      memberId: member.id,
      password: TEST_PASSWORD,
      mustChangePassword: false,
      roles: [{ role: 'member', unitId }],
    });
    account = await t.db.db.selectFrom('accounts').select(['id', 'member_id']).where('username', '=', username).executeTakeFirstOrThrow();
  }
  return { cookie: await t.login(username, TEST_PASSWORD), memberId: account.member_id!, accountId: account.id };
}

/** Every item of the self-examination's checklist marked: manifestations "none", exemplary points "good". */
export function allMarked(detail: SelfExamDetail, overrides: Record<string, string> = {}) {
  return detail.checklist.groups.flatMap((g) =>
    g.items.map((i) => ({ itemId: i.id, mark: overrides[i.code] ?? (i.list === 'manifestation' ? 'none' : 'good'), note: null })),
  );
}
