import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { forEachDialect } from '../../../test/helpers/db.js';
import { useTestApp, sessionCookie } from '../../../test/helpers/app.js';
import { TEST_PASSWORD } from '../../../test/helpers/accounts.js';
import { buildAccount, useStaffedCommune, type BuiltAccount } from '../../../test/helpers/factories.js';
import { accessMatrix, type AccessRow } from '../../../test/helpers/access.js';
import { MAX_FAILURES_PER_IP, MAX_FAILURES_PER_USERNAME } from './service.js';

forEachDialect((dialect) => {
  const t = useTestApp(dialect);
  const { home, staff } = useStaffedCommune(t);

  describe('POST /api/auth/login', () => {
    it('signs in with an httpOnly session cookie and returns the caller', async () => {
      const res = await t().app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: staff().secretary.username, password: TEST_PASSWORD } });
      expect(res.statusCode).toBe(200);
      const setCookie = String(res.headers['set-cookie']);
      expect(setCookie).toMatch(/tusoi_session=/);
      expect(setCookie).toMatch(/HttpOnly/i);
      expect(setCookie).toMatch(/SameSite=Lax/i);
      const body = res.json();
      expect(body.account.username).toBe(staff().secretary.username);
      expect(body.member.unitName).toBe(home().cells[0]!.name);
      expect(body.roles.map((r: { role: string }) => r.role).sort()).toEqual(['cell_secretary', 'member']);
    });

    it('stores the language picked on the sign-in page over the account\'s, audited', async () => {
      const account = await buildAccount(t(), { roles: [{ role: 'member', unitId: home().cells[0]!.id }] });
      await t().app.inject({ method: 'PATCH', url: '/api/me', headers: { cookie: account.cookie }, payload: { locale: 'en' } });
      const res = await t().app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: account.username, password: TEST_PASSWORD, locale: 'vi' } });
      expect(res.statusCode).toBe(200);
      expect(res.json().account.locale).toBe('vi');
      const me = await t().app.inject({ method: 'GET', url: '/api/me', headers: { cookie: sessionCookie(res) } });
      expect(me.json().account.locale).toBe('vi');
      const entries = await t().db.db.selectFrom('audit_log').selectAll().where('action', '=', 'account.locale').where('record_id', '=', account.accountId).orderBy('seq').execute();
      expect(entries.map((e) => JSON.parse(e.after_json!))).toEqual([{ locale: 'en' }, { locale: 'vi' }]);
      // Without a pick (an API client), the stored language stays.
      const plain = await t().app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: account.username, password: TEST_PASSWORD } });
      expect(plain.json().account.locale).toBe('vi');
    });

    it('answers unknown user and wrong password with the same 401 message', async () => {
      const unknown = await t().app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'khong.co', password: TEST_PASSWORD } });
      const wrong = await t().app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: staff().inspection.username, password: 'sai-mat-khau' } });
      expect(unknown.statusCode).toBe(401);
      expect(wrong.statusCode).toBe(401);
      expect(unknown.json()).toEqual(wrong.json());
      expect(unknown.json().error.message).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
    });

    it('rate-limits repeated failures per username with 429, in Vietnamese, and counts across IPs', async () => {
      const attempt = (ip: string) =>
        t().app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: ip, payload: { username: staff().otherSecretary.username, password: 'sai' } });
      for (let i = 0; i < MAX_FAILURES_PER_USERNAME; i++) expect((await attempt(`10.0.0.${i + 1}`)).statusCode).toBe(401);
      const blocked = await attempt('10.0.1.1');
      expect(blocked.statusCode).toBe(429);
      expect(blocked.json().error.message).toMatch(/quá nhiều lần/);
      // Even the right password is refused while the username is locked.
      const right = await t().app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: staff().otherSecretary.username, password: TEST_PASSWORD } });
      expect(right.statusCode).toBe(429);
    });

    it('rate-limits repeated failures from one IP across usernames', async () => {
      const ip = '10.9.9.9';
      for (let i = 0; i < MAX_FAILURES_PER_IP; i++) {
        const res = await t().app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: ip, payload: { username: `doan.mo.${i}`, password: 'x' } });
        expect(res.statusCode).toBe(401);
      }
      const blocked = await t().app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: ip, payload: { username: staff().inspection.username, password: TEST_PASSWORD } });
      expect(blocked.statusCode).toBe(429);
      expect(blocked.headers['retry-after']).toBeDefined();
      // Another address is not affected.
      const other = await t().app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '10.9.9.10', payload: { username: staff().inspection.username, password: TEST_PASSWORD } });
      expect(other.statusCode).toBe(200);
    });

    it('rejects bad input with 400 naming the field, in Vietnamese or English', async () => {
      const vi = await t().app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'a' } });
      expect(vi.statusCode).toBe(400);
      expect(vi.json().error.fields).toEqual([{ field: 'password', message: 'Mật khẩu (password): bắt buộc phải nhập' }]);
      const en = await t().app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'accept-language': 'en-US,en;q=0.9' },
        payload: { username: 'a', password: 'b', extra: true },
      });
      expect(en.statusCode).toBe(400);
      expect(en.json().error.fields).toEqual([{ field: 'extra', message: 'extra: is not an allowed field' }]);
      const malformed = await t().app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"username":' });
      expect(malformed.statusCode).toBe(400);
      expect(malformed.json().error.code).toBe('malformed_json');
      const huge = await t().app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'x'.repeat(1_100_000), password: 'y' } });
      expect(huge.statusCode).toBe(413);
    });

    it('refuses a cross-site sign-in attempt', async () => {
      const res = await t().app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { origin: 'http://evil.example', host: 'localhost:3000' },
        payload: { username: staff().inspection.username, password: TEST_PASSWORD },
      });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('cross_site');
    });
  });

  describe('GET /api/me', () => {
    it('is 401 without a session', async () => {
      const res = await t().app.inject({ method: 'GET', url: '/api/me' });
      expect(res.statusCode).toBe(401);
      expect(res.json().error.message).toBe('Bạn cần đăng nhập để tiếp tục.');
    });

    it('lists the actions each role may take', async () => {
      const actionsOf = async (cookie: string) => (await t().app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).json().actions as string[];
      expect(await actionsOf(staff().member.cookie)).toEqual(['unit.read', 'member.read', 'meeting.read', 'task.read', 'directive.read', 'feedback.give', 'local_issue.read', 'rating.read_published']);
      expect(await actionsOf(staff().office.cookie)).toContain('member.update');
      expect(await actionsOf(staff().office.cookie)).not.toContain('audit.read');
      expect(await actionsOf(staff().inspection.cookie)).toContain('audit.read');
      expect(await actionsOf(staff().inspection.cookie)).not.toContain('member.update');
    });
  });

  describe('POST /api/auth/logout', () => {
    it('ends the session', async () => {
      const login = await t().app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: staff().inspection.username, password: TEST_PASSWORD } });
      const cookie = sessionCookie(login);
      expect((await t().app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } })).statusCode).toBe(200);
      expect((await t().app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).statusCode).toBe(401);
    });
  });

  describe('POST /api/auth/password', () => {
    it('refuses a wrong current password, naming the field', async () => {
      const cookie = staff().office.cookie;
      const res = await t().app.inject({
        method: 'POST',
        url: '/api/auth/password',
        headers: { cookie },
        payload: { currentPassword: 'sai-roi', newPassword: 'mat-khau-moi-2026' },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields[0].field).toBe('currentPassword');
    });

    it('changes the password, signs out other sessions, and audits without the hash', async () => {
      const first = await t().app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: staff().committee.username, password: TEST_PASSWORD } });
      const second = await t().app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: staff().committee.username, password: TEST_PASSWORD } });
      const res = await t().app.inject({
        method: 'POST',
        url: '/api/auth/password',
        headers: { cookie: sessionCookie(first) },
        payload: { currentPassword: TEST_PASSWORD, newPassword: 'mat-khau-moi-2026' },
      });
      expect(res.statusCode).toBe(200);
      expect((await t().app.inject({ method: 'GET', url: '/api/me', headers: { cookie: sessionCookie(first) } })).statusCode).toBe(200);
      expect((await t().app.inject({ method: 'GET', url: '/api/me', headers: { cookie: sessionCookie(second) } })).statusCode).toBe(401);
      const relogin = await t().app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: staff().committee.username, password: 'mat-khau-moi-2026' } });
      expect(relogin.statusCode).toBe(200);
      const entry = await t().db.db.selectFrom('audit_log').selectAll().where('action', '=', 'auth.password_change').executeTakeFirstOrThrow();
      expect(entry.after_json).not.toMatch(/scrypt/);
    });
  });
  describe('who may call each endpoint', () => {
    /**
     * An account of its own for each row, holding no role at all: none of these endpoints asks
     * for one. `self` signs in as it (read when the row runs, after the fixture is built).
     */
    let own: BuiltAccount | undefined;
    const self = () => own!.cookie;
    const sessionsOf = (f: BuiltAccount) => t().db.db.selectFrom('sessions').select('id').where('account_id', '=', f.accountId).orderBy('id').execute();
    const noRecord = { none: 'an account only ever acts on itself: no record is named' };
    const anyAccount = { none: 'every account may, whatever its roles' };
    const rows: AccessRow<BuiltAccount>[] = [
      {
        route: 'POST /api/auth/login',
        method: 'POST',
        url: () => '/api/auth/login',
        body: (f) => ({ username: f.username, password: TEST_PASSWORD }),
        anonymous: { status: 200, reason: 'signing in is public: the caller has no session yet' },
        forbidden: anyAccount,
        other: noRecord,
        happy: {
          who: null,
          status: 200,
          audit: 'auth.login',
          check: (res, f) => {
            expect(String(res.headers['set-cookie'])).toMatch(/tusoi_session=/);
            expect(res.json().account.username).toBe(f.username);
          },
        },
      },
      {
        route: 'POST /api/auth/logout',
        method: 'POST',
        url: () => '/api/auth/logout',
        forbidden: anyAccount,
        other: noRecord,
        happy: {
          who: self,
          status: 200,
          audit: 'auth.logout',
          check: async (res, f) => {
            expect(res.json()).toEqual({ ok: true });
            expect(await sessionsOf(f)).toEqual([]);
          },
        },
      },
      {
        route: 'POST /api/auth/password',
        method: 'POST',
        url: () => '/api/auth/password',
        body: () => ({ currentPassword: TEST_PASSWORD, newPassword: 'mat-khau-moi-2026' }),
        forbidden: anyAccount,
        other: noRecord,
        happy: { who: self, status: 200, audit: 'auth.password_change', check: (res) => expect(res.json()).toEqual({ ok: true }) },
      },
      {
        route: 'PATCH /api/me',
        method: 'PATCH',
        url: () => '/api/me',
        body: () => ({ locale: 'en' }),
        forbidden: anyAccount,
        other: noRecord,
        happy: { who: self, status: 200, audit: 'account.locale', check: (res) => expect(res.json().account.locale).toBe('en') },
      },
      {
        route: 'GET /api/me',
        method: 'GET',
        url: () => '/api/me',
        forbidden: anyAccount,
        other: noRecord,
        happy: { who: self, status: 200, check: (res, f) => expect(res.json()).toMatchObject({ account: { username: f.username }, roles: [] }) },
      },
    ];
    accessMatrix(t, {
      routesFile: new URL('./routes.ts', import.meta.url),
      rows,
      fixture: async () => (own = await buildAccount(t(), { roles: [], unitId: home().id })),
      state: async (f) => ({
        account: await t().db.db.selectFrom('accounts').selectAll().where('id', '=', f.accountId).executeTakeFirstOrThrow(),
        sessions: await sessionsOf(f),
      }),
    });
  });
});


forEachDialect((dialect) => {
  const t = useTestApp(dialect);
  const { staff } = useStaffedCommune(t);

  describe('PATCH /api/me', () => {
    it('refuses an unknown language, naming the field', async () => {
      const res = await t().app.inject({ method: 'PATCH', url: '/api/me', headers: { cookie: staff().inspection.cookie }, payload: { locale: 'fr' } });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields[0].field).toBe('locale');
    });

    it('remembers the language on the account, audited once, and only for the caller', async () => {
      const cookie = staff().member.cookie;
      const res = await t().app.inject({ method: 'PATCH', url: '/api/me', headers: { cookie }, payload: { locale: 'en' } });
      expect(res.statusCode).toBe(200);
      expect(res.json().account.locale).toBe('en');
      const again = await t().app.inject({ method: 'PATCH', url: '/api/me', headers: { cookie }, payload: { locale: 'en' } });
      expect(again.statusCode).toBe(200);
      const entries = await t().db.db.selectFrom('audit_log').selectAll().where('action', '=', 'account.locale').execute();
      expect(entries).toHaveLength(1);
      expect(JSON.parse(entries[0]!.after_json!)).toEqual({ locale: 'en' });
      const other = await t().app.inject({ method: 'GET', url: '/api/me', headers: { cookie: staff().secretary.cookie } });
      expect(other.json().account.locale).toBe('vi');
    });
  });
});

describe('the per-IP request limit', () => {
  const webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tusoi-web-'));
  fs.mkdirSync(path.join(webDir, 'assets'));
  fs.writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>Tự Soi</title>');
  fs.writeFileSync(path.join(webDir, 'assets', 'chunk.js'), 'export {};');
  afterAll(() => fs.rmSync(webDir, { recursive: true, force: true }));
  const t = useTestApp('sqlite', { rateLimitPerMinute: 5, webDir });

  it('does not count the web app\'s own files, which a fresh browser fetches by the dozen', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await t().app.inject({ method: 'GET', url: '/assets/chunk.js', remoteAddress: '10.8.8.9' })).statusCode);
    statuses.push((await t().app.inject({ method: 'GET', url: '/members/123', remoteAddress: '10.8.8.9' })).statusCode);
    expect(statuses.every((s) => s === 200)).toBe(true);
    expect((await t().app.inject({ method: 'GET', url: '/api/health', remoteAddress: '10.8.8.9' })).statusCode).toBe(200);
  });

  it('answers 429 in Vietnamese once an address exceeds the limit', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await t().app.inject({ method: 'GET', url: '/api/health', remoteAddress: '10.8.8.8' })).statusCode);
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    const res = await t().app.inject({ method: 'GET', url: '/api/health', remoteAddress: '10.8.8.8' });
    expect(res.statusCode).toBe(429);
    expect(res.json().error.message).toBe('Quá nhiều yêu cầu. Vui lòng thử lại sau ít phút.');
  });
});
