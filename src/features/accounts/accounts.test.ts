import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { forEachDialect } from '../../../test/helpers/db.js';
import { useTestApp, sessionCookie } from '../../../test/helpers/app.js';
import { TEST_PASSWORD } from '../../../test/helpers/accounts.js';
import { buildAccount, buildCommune, buildStaff, type BuiltAccount, type BuiltCommune, type BuiltStaff } from '../../../test/helpers/factories.js';
import { accessMatrix, type AccessRow } from '../../../test/helpers/access.js';
import type { Role } from '../../domain/roles.js';

forEachDialect((dialect) => {
  const t = useTestApp(dialect);
  /** A commune of two cells and the demo's six roles: the office's subtree holds exactly those six accounts. */
  let home: BuiltCommune;
  let staff: BuiltStaff;
  beforeAll(async () => {
    home = await buildCommune(t(), { villages: ['Đồng Thứ', 'Lưu Quang'] });
    staff = await buildStaff(t(), home);
  });
  const auditCount = async () => Number((await t().db.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  /** `cookie` is a signed-in session's cookie header value; null = anonymous. */
  const inject = async (cookie: string | null, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
    t().app.inject({ method, url, payload: payload as object, headers: cookie ? { cookie } : {} });

  describe('GET /api/accounts', () => {
    it('lists the accounts of the office\'s subtree with their roles, searchable', async () => {
      const res = await inject(staff.office.cookie, 'GET', '/api/accounts?pageSize=50');
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.total).toBe(6);
      const dongthu = body.items.find((a: { username: string }) => a.username === staff.secretary.username);
      expect(dongthu.roles.map((r: { role: string }) => r.role).sort()).toEqual(['cell_secretary', 'member']);
      const search = await inject(staff.office.cookie, 'GET', '/api/accounts?q=dong%20thu');
      expect(search.json().items.map((a: { username: string }) => a.username).sort()).toEqual([staff.secretary.username, staff.member.username].sort());
    });
  });

  describe('POST /api/accounts', () => {
    it('creates an account with a one-time password that must be changed, audited', async () => {
      const cell = home.cells[1]!.id;
      const before = await auditCount();
      const res = await inject(staff.office.cookie, 'POST', '/api/accounts', {
        username: 'ChiUy.LuuQuang',
        displayName: 'Trần Văn Chi Ủy',
        unitId: cell,
        roles: [{ role: 'cell_committee', unitId: cell }, { role: 'member', unitId: cell }],
      });
      expect(res.statusCode).toBe(201);
      const { account, temporaryPassword } = res.json();
      expect(account.username).toBe('chiuy.luuquang');
      expect(account.mustChangePassword).toBe(true);
      expect(temporaryPassword).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}-[a-z2-9]{4}$/);
      expect(await auditCount()).toBe(before + 1);
      const login = await t().app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'chiuy.luuquang', password: temporaryPassword } });
      expect(login.statusCode).toBe(200);
      expect(login.json().account.mustChangePassword).toBe(true);
    });

    it('answers 404 for a home unit or a granted unit outside the scope, writing nothing', async () => {
      const before = await auditCount();
      const missing = await inject(staff.office.cookie, 'POST', '/api/accounts', { username: 'khong.co', displayName: 'Không Có', unitId: randomUUID(), roles: [{ role: 'member', unitId: randomUUID() }] });
      expect(missing.statusCode).toBe(404);
      expect(missing.json().error.fields[0].field).toBe('unitId');
      expect(await auditCount()).toBe(before);
    });

    it('refuses a duplicate username (409) and bad fields (400) naming them', async () => {
      const cell = home.cells[0]!.id;
      const dup = await inject(staff.office.cookie, 'POST', '/api/accounts', { username: staff.inspection.username, displayName: 'Trùng Tên', unitId: cell, roles: [{ role: 'member', unitId: cell }] });
      expect(dup.statusCode).toBe(409);
      expect(dup.json().error.fields[0].field).toBe('username');
      const bad = await inject(staff.office.cookie, 'POST', '/api/accounts', { username: 'a b', displayName: 'X', unitId: cell, roles: [{ role: 'king', unitId: cell }] });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['displayName', 'roles.0.role', 'username']);
    });
  });

  describe('PATCH /api/accounts/:id and reset-password', () => {

    it('disables an account (its sessions end) and replaces roles, audited with before/after', async () => {
      const id = staff.member.accountId;
      const cookie = staff.member.cookie;
      const res = await inject(staff.office.cookie, 'PATCH', `/api/accounts/${id}`, { disabled: true });
      expect(res.statusCode).toBe(200);
      expect(res.json().disabled).toBe(true);
      expect((await t().app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).statusCode).toBe(401);
      const entry = await t().db.db.selectFrom('audit_log').selectAll().where('record_id', '=', id).where('action', '=', 'account.update').executeTakeFirstOrThrow();
      expect(JSON.parse(entry.before_json!).disabled).toBe(false);
      expect(JSON.parse(entry.after_json!).disabled).toBe(true);
      await inject(staff.office.cookie, 'PATCH', `/api/accounts/${id}`, { disabled: false });
    });

    it('resets a password: old sessions end, the new one-time password works', async () => {
      const id = staff.secretary.accountId;
      const old = sessionCookie(await t().app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: staff.secretary.username, password: TEST_PASSWORD } }));
      const res = await inject(staff.committee.cookie, 'POST', `/api/accounts/${id}/reset-password`);
      expect(res.statusCode).toBe(200);
      expect((await t().app.inject({ method: 'GET', url: '/api/me', headers: { cookie: old } })).statusCode).toBe(401);
      const login = await t().app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: staff.secretary.username, password: res.json().temporaryPassword } });
      expect(login.statusCode).toBe(200);
    });

    it('never lets anyone grant a role above their own scope', async () => {
      // The second cell's secretary, made its committee too: they manage that cell's accounts, their own included.
      const luuquang = home.cells[1]!.id;
      const grant = await inject(staff.office.cookie, 'PATCH', `/api/accounts/${staff.otherSecretary.accountId}`, {
        roles: [{ role: 'party_committee', unitId: luuquang }, { role: 'cell_secretary', unitId: luuquang }, { role: 'member', unitId: luuquang }],
      });
      expect(grant.statusCode, grant.body).toBe(200);
      const commune = home.id;
      const res = await inject(staff.otherSecretary.cookie, 'PATCH', `/api/accounts/${staff.otherSecretary.accountId}`, {
        roles: [{ role: 'party_committee', unitId: commune }],
      });
      expect(res.statusCode).toBe(404);
      expect(res.json().error.fields[0].field).toBe('roles.0.unitId');
    });
  });

  describe('unchanged saves', () => {
    it('PATCH with nothing new writes no audit entry', async () => {
      const row = await t().db.db.selectFrom('accounts').selectAll().where('id', '=', staff.inspection.accountId).executeTakeFirstOrThrow();
      const before = await auditCount();
      const res = await inject(staff.office.cookie, 'PATCH', `/api/accounts/${row.id}`, { displayName: row.display_name, disabled: false });
      expect(res.statusCode).toBe(200);
      expect(await auditCount()).toBe(before);
    });
  });
  describe('who may call each endpoint', () => {
    /** A fresh account of the first cell, managed by the commune's office and committee. */
    type Fixture = { account: BuiltAccount };
    const first = () => home.cells[0]!.id;
    /**
     * A caller of its own, built when first asked for (the staff's sessions were ended and their
     * roles changed by the tests above; built earlier, it would count in the office's list).
     */
    const caller = (role: Role, unitId: () => string) => {
      let built: Promise<BuiltAccount> | undefined;
      return async () => (await (built ??= buildAccount(t(), { roles: [{ role, unitId: unitId() }] }))).cookie;
    };
    /** Inspection, a cell's secretary and a plain member read but never manage accounts. */
    const nonManagers = [caller('inspection', () => home.id), caller('cell_secretary', first), caller('member', first)];
    /** The committee of the second cell alone: every account of the first is another unit's. */
    const otherCommittee = caller('party_committee', () => home.cells[1]!.id);
    let serial = 0;
    const rows: AccessRow<Fixture>[] = [
      {
        route: 'GET /api/accounts',
        method: 'GET',
        url: () => '/api/accounts?pageSize=100',
        forbidden: nonManagers,
        other: { none: 'the list names no unit: it holds only the accounts under the caller\'s scope' },
        happy: {
          who: () => staff.office.cookie,
          status: 200,
          check: (res, f) => expect((res.json().items as { id: string }[]).map((a) => a.id)).toContain(f.account.accountId),
        },
      },
      {
        route: 'POST /api/accounts',
        method: 'POST',
        url: () => '/api/accounts',
        missing: () => '/api/accounts',
        body: () => ({ username: `moi.${dialect}.${++serial}`, displayName: 'Nguyễn Văn Mới', unitId: first(), roles: [{ role: 'member', unitId: first() }] }),
        missingBody: () => ({ username: 'khong.co', displayName: 'Không Có', unitId: randomUUID(), roles: [{ role: 'member', unitId: first() }] }),
        forbidden: nonManagers,
        other: otherCommittee,
        happy: { who: () => staff.office.cookie, status: 201, audit: 'account.create', check: (res) => expect(res.json().account.mustChangePassword).toBe(true) },
      },
      {
        route: 'PATCH /api/accounts/:id',
        method: 'PATCH',
        url: (f) => `/api/accounts/${f.account.accountId}`,
        missing: () => `/api/accounts/${randomUUID()}`,
        body: () => ({ displayName: 'Tên Mới' }),
        forbidden: nonManagers,
        other: otherCommittee,
        happy: { who: () => staff.office.cookie, status: 200, audit: 'account.update', check: (res) => expect(res.json().displayName).toBe('Tên Mới') },
      },
      {
        route: 'POST /api/accounts/:id/reset-password',
        method: 'POST',
        url: (f) => `/api/accounts/${f.account.accountId}/reset-password`,
        missing: () => `/api/accounts/${randomUUID()}/reset-password`,
        forbidden: nonManagers,
        other: otherCommittee,
        happy: { who: () => staff.committee.cookie, status: 200, audit: 'account.reset_password', check: (res) => expect(res.json().account.mustChangePassword).toBe(true) },
      },
    ];
    accessMatrix(t, {
      routesFile: new URL('./routes.ts', import.meta.url),
      rows,
      fixture: async () => ({ account: await buildAccount(t(), { roles: [{ role: 'member', unitId: first() }] }) }),
      state: async (f) => {
        const db = t().db.db;
        return {
          accounts: await db.selectFrom('accounts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
          account: await db.selectFrom('accounts').selectAll().where('id', '=', f.account.accountId).executeTakeFirstOrThrow(),
          roles: await db.selectFrom('role_assignments').selectAll().where('account_id', '=', f.account.accountId).orderBy('id').execute(),
          sessions: await db.selectFrom('sessions').select('id').where('account_id', '=', f.account.accountId).orderBy('id').execute(),
        };
      },
    });
  });
});

forEachDialect((dialect) => {
  const t = useTestApp(dialect);
  it('an account needs at least one role, said in words', async () => {
    const home = await buildCommune(t(), { cells: 1 });
    const cell = home.cells[0]!.id;
    const office = await buildAccount(t(), { roles: [{ role: 'office', unitId: home.id }] });
    const res = await t().app.inject({
      method: 'POST',
      url: '/api/accounts',
      headers: { cookie: office.cookie },
      payload: { username: 'khong.vai.tro', displayName: 'Không Vai Trò', unitId: cell, roles: [] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual([{ field: 'roles', message: 'Vai trò (roles): cần ít nhất 1 mục' }]);
  });
});
