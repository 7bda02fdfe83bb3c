/**
 * Several servers, one database: two `tusoi serve` processes over one PostgreSQL, as behind a
 * reverse proxy. A session made on one works on the other and ends on both; login throttling
 * counts failures made on either; writes through both at once keep the audit chain gap-free and
 * verifiable.
 */
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { newId, nowIso } from '../src/db/ids.js';
import { hashPassword } from '../src/core/passwords.js';
import { createDatabase, dropDatabase } from './helpers/postgres-cluster.js';
import { freePort, repoRoot, waitUntilUp } from './helpers/server.js';

const PASSWORD = 'hai-may-chu-2026';
const USERS = ['may.mot', 'may.hai', 'may.ba', 'may.bon'];

function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env, ...extra };
  delete env.TUSOI_ALLOW_DEMO;
  return env;
}

/** `tusoi serve` from the sources on `port`, PostgreSQL at `url`, in production mode (no demo). */
function serve(url: string, port: number): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'serve'], {
    cwd: repoRoot,
    env: childEnv({ DATABASE_URL: url, PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'production', RATE_LIMIT_PER_MINUTE: '100000', WEB_DIR: '/nonexistent' }),
    stdio: 'ignore',
  });
}

function auditVerify(url: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'src/main.ts', 'audit-verify'], { cwd: repoRoot, env: childEnv({ DATABASE_URL: url, NODE_ENV: 'production' }), timeout: 120_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout: String(stdout), stderr: String(stderr) }),
    );
  });
}

describe.skipIf(!inject('pgAdminUrl'))('two servers over one PostgreSQL', () => {
  const name = `tusoi_two_${randomBytes(6).toString('hex')}`;
  let url = '';
  const servers: ChildProcess[] = [];
  const bases: string[] = [];
  let handle: ReturnType<typeof openDatabase>;

  beforeAll(async () => {
    url = await createDatabase(inject('pgAdminUrl'), name);
    handle = openDatabase({ databaseUrl: url, poolSize: 2 });
    await migrateToLatest(handle);
    const now = nowIso();
    const unitId = newId();
    await handle.db.insertInto('units').values({ id: unitId, parent_id: null, path: `/${unitId}/`, depth: 0, kind: 'commune', name: 'Đảng bộ xã Hai Máy', search_name: 'dang bo xa hai may', code: null, contact_name: null, contact_phone: null, village_name: null, archived_at: null, created_at: now, updated_at: now }).execute();
    const hash = await hashPassword(PASSWORD);
    for (const username of USERS) {
      const accountId = newId();
      await handle.db.insertInto('accounts').values({ id: accountId, unit_id: unitId, username, password_hash: hash, display_name: username, member_id: null, locale: 'vi', must_change_password: 0, disabled_at: null, created_at: now, updated_at: now }).execute();
      await handle.db.insertInto('role_assignments').values({ id: newId(), account_id: accountId, role: 'party_committee', unit_id: unitId, created_at: now }).execute();
    }
    for (let i = 0; i < 2; i++) {
      const port = await freePort();
      const child = serve(url, port);
      servers.push(child);
      bases.push(`http://127.0.0.1:${port}`);
      // One at a time: both compile the sources on start, and the first applies nothing new.
      await waitUntilUp(`${bases[i]}/api/health`, child, 120_000);
    }
  }, 300_000);

  afterAll(async () => {
    for (const s of servers) s.kill('SIGTERM');
    await handle?.close();
    await dropDatabase(inject('pgAdminUrl'), name);
  });

  const login = (base: string, username: string, password = PASSWORD) =>
    fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  const cookieOf = (res: Response) => (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  const me = (base: string, cookie: string) => fetch(`${base}/api/me`, { headers: { cookie } });

  it('a session made on one server answers on the other, and signing out on one ends it on both', async () => {
    const signedIn = await login(bases[0]!, USERS[0]!);
    expect(signedIn.status).toBe(200);
    const cookie = cookieOf(signedIn);
    const other = await me(bases[1]!, cookie);
    expect(other.status).toBe(200);
    expect(((await other.json()) as { account: { username: string } }).account.username).toBe(USERS[0]);
    expect((await fetch(`${bases[1]}/api/auth/logout`, { method: 'POST', headers: { cookie } })).status).toBeLessThan(300);
    expect((await me(bases[0]!, cookie)).status).toBe(401);
  });

  it('counts failed sign-ins made on either server toward the same limit', async () => {
    const username = USERS[3]!;
    for (let i = 0; i < 5; i++) expect((await login(bases[i % 2]!, username, 'sai-mat-khau')).status).toBe(401);
    // The sixth try is refused on both, even with the right password.
    for (const base of bases) expect((await login(base, username)).status).toBe(429);
  });

  it('writes through both servers at once: every one audited, the chain gap-free and verified', async () => {
    const count = async () => Number((await handle.db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    // Three accounts, each signing in and switching its language ten times, alternating servers, all at once.
    const results = await Promise.all(
      USERS.slice(0, 3).map(async (username, k) => {
        const cookie = cookieOf(await login(bases[k % 2]!, username));
        const statuses: number[] = [];
        for (let j = 0; j < 10; j++) {
          const res = await fetch(`${bases[(j + k) % 2]}/api/me`, { method: 'PATCH', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ locale: j % 2 === 0 ? 'en' : 'vi' }) });
          statuses.push(res.status);
        }
        return statuses;
      }),
    );
    expect(results.flat().every((s) => s === 200)).toBe(true);
    // 3 sign-ins and 30 language changes.
    expect((await count()) - before).toBe(33);
    const seqs = await handle.db.selectFrom('audit_log').select('seq').orderBy('seq').execute();
    expect(seqs.map((r) => Number(r.seq))).toEqual(seqs.map((_, i) => i + 1));
    const verified = await auditVerify(url);
    expect(verified.code, verified.stderr).toBe(0);
    expect(verified.stdout).toContain(`${seqs.length} mục`);
  });
});
