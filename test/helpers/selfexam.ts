import { firstMemberWithoutAccount } from './factories.js';
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
    const member = await firstMemberWithoutAccount(t, unitId);
    if (!member) throw new Error(`memberAccount: every member of ${cellName} has an account`);
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
