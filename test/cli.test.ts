/**
 * The `tusoi` command line, run as a real child process (`node --import tsx src/main.ts …`)
 * against a SQLite file in a temp DATA_DIR, and against PostgreSQL through DATABASE_URL.
 * Also the production rule for the demo password at sign-in.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDatabase } from '../src/db/database.js';
import { DEMO_PASSWORD } from '../src/core/passwords.js';
import { createAccount } from '../src/features/accounts/service.js';
import { buildApp } from '../src/server/app.js';
import { loadConfig, type Config } from '../src/core/config.js';
import { CELL_DONG_THU, useDemoApp } from './helpers/app.js';
import { createDatabase, dropDatabase } from './helpers/postgres-cluster.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DEMO_USERNAMES = ['bithu.dangbo', 'ubkt', 'vanphong', 'bithu.dongthu', 'dangvien.dongthu', 'bithu.luuquang'];

interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in a child process; never rejects, the exit code is in the result. */
function tusoi(args: string[], env: Record<string, string | undefined>): Promise<RunResult> {
  const base = { ...process.env };
  // The parent test run must not leak its own database or mode into the child.
  delete base.DATABASE_URL;
  delete base.NODE_ENV;
  delete base.TUSOI_ALLOW_DEMO;
  const childEnv = { ...base, ...env } as NodeJS.ProcessEnv;
  for (const [k, v] of Object.entries(childEnv)) if (v === undefined) delete childEnv[k];
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'src/main.ts', ...args],
      { cwd: repoRoot, env: childEnv, timeout: 180_000, maxBuffer: 8 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout: String(stdout), stderr: String(stderr) });
      },
    );
  });
}

/** Signs in against an app built over an existing database and returns the response. */
async function signIn(
  handleOptions: { sqliteFile?: string; databaseUrl?: string },
  username: string,
  password: string,
  config: Partial<Config> = {},
) {
  const handle = openDatabase(handleOptions);
  const app = await buildApp({
    handle,
    config: { ...loadConfig({ DATA_DIR: '/nonexistent', WEB_DIR: '/nonexistent' }), rateLimitPerMinute: 100_000, ...config },
    version: 'test',
  });
  try {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
    return { statusCode: res.statusCode, body: res.json() as { account?: { mustChangePassword: boolean }; roles?: { role: string }[] } };
  } finally {
    await app.close();
    await handle.close();
  }
}

describe('tusoi CLI on SQLite', () => {
  let dataDir: string;
  let dbFile: string;
  let seeded: RunResult;
  const env = () => ({ DATA_DIR: dataDir });
  const sqlite = () => new BetterSqlite3(dbFile);
  const query = <T>(sqlText: string, ...params: unknown[]): T[] => {
    const db = sqlite();
    try {
      return db.prepare(sqlText).all(...params) as T[];
    } finally {
      db.close();
    }
  };
  const auditRows = () => query<{ n: number }>('select count(*) as n from audit_log')[0]!.n;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tusoi-cli-'));
    dbFile = path.join(dataDir, 'tusoi.db');
    seeded = await tusoi(['seed', '--demo'], env());
  });
  afterAll(() => {
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('seed --demo loads the commune and prints the six demo accounts', () => {
    expect(seeded.code, seeded.stderr).toBe(0);
    for (const username of DEMO_USERNAMES) expect(seeded.stdout).toContain(username);
    expect(seeded.stdout).toContain(DEMO_PASSWORD);
    expect(seeded.stdout).toMatch(/36 đơn vị, 524 đảng viên/);
    expect(fs.existsSync(dbFile)).toBe(true);
  });

  it('seed --demo refuses a database that already has data', async () => {
    const before = auditRows();
    const again = await tusoi(['seed', '--demo'], env());
    expect(again.code).not.toBe(0);
    expect(again.stderr).toMatch(/đã có dữ liệu/);
    expect(auditRows()).toBe(before);
  });

  it('audit-verify exits 0 and prints the number of entries', async () => {
    const res = await tusoi(['audit-verify'], env());
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toContain(`${auditRows()} mục`);
    expect(res.stdout).toContain(`audit log intact: ${auditRows()} entries`);
    const head = query<{ hash: string }>('select hash from audit_log order by seq desc limit 1')[0]!.hash;
    expect(res.stdout).toContain(`head hash to keep): ${head}`);
  });

  it('serve stops at once, exit 1, naming a bad environment variable and what it expects', async () => {
    const result = await tusoi(['serve'], { ...env(), PORT: 'abc', MEETING_GRACE_MINUTES: '-5' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('PORT="abc"');
    expect(result.stderr).toContain('một số nguyên từ 0 đến 65535');
    expect(result.stderr).toContain('a whole number from 0 to 65535');
    expect(result.stderr).toContain('MEETING_GRACE_MINUTES="-5"');
    expect(result.stdout).not.toContain('Tự Soi đang chạy');
  });

  it('serve --port refuses a value that is not a port, naming the flag', async () => {
    const result = await tusoi(['serve', '--port', 'abc'], env());
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('--port "abc" không hợp lệ');
    expect(result.stderr).toContain('a whole number from 0 to 65535');
  });

  it('--help of every command exits 0', async () => {
    const commands = [[], ['serve'], ['migrate'], ['seed'], ['user'], ['user', 'create'], ['user', 'reset-password'], ['audit-verify']];
    const results = await Promise.all(commands.map((c) => tusoi([...c, '--help'], env())));
    results.forEach((res, i) => {
      expect(res.code, commands[i]!.join(' ')).toBe(0);
      expect(res.stdout).toMatch(new RegExp(`^Usage: tusoi ${commands[i]!.join(' ')}`));
    });
    expect(results[5]!.stdout).toContain('--role <role@unitId...>');
    // Eight CLI processes at once, each compiling the sources: on two busy cores this takes a while.
  }, 120_000);

  it('user create makes an account with the given roles that can sign in', async () => {
    const cell = query<{ id: string }>('select id from units where name = ?', CELL_DONG_THU)[0]!.id;
    const res = await tusoi(
      ['user', 'create', 'Thu.Ky.DongThu', '--name', 'Đỗ Thị Thư Ký', '--role', `office@${cell}`, `member@${cell}`, '--password', 'mat-khau-cli-2026'],
      env(),
    );
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toMatch(/Đã tạo tài khoản Thu\.Ky\.DongThu/);
    const account = query<{ id: string; username: string; must_change_password: number }>(
      'select id, username, must_change_password from accounts where username = ?',
      'thu.ky.dongthu',
    );
    expect(account).toHaveLength(1);
    expect(account[0]!.must_change_password).toBe(0);
    const roles = query<{ role: string }>('select role from role_assignments where account_id = ? order by role', account[0]!.id);
    expect(roles.map((r) => r.role)).toEqual(['member', 'office']);
    expect(query<{ action: string }>("select action from audit_log where record_id = ? order by seq", account[0]!.id).map((r) => r.action)).toEqual([
      'account.create',
    ]);

    const login = await signIn({ sqliteFile: dbFile }, 'thu.ky.dongthu', 'mat-khau-cli-2026');
    expect(login.statusCode).toBe(200);
    expect(login.body.roles!.map((r) => r.role).sort()).toEqual(['member', 'office']);
    expect(login.body.account!.mustChangePassword).toBe(false);
  });

  it('user create without --password prints a one-time password that must be changed', async () => {
    const cell = query<{ id: string }>('select id from units where name = ?', CELL_DONG_THU)[0]!.id;
    const res = await tusoi(['user', 'create', 'tam.thoi', '-n', 'Lê Văn Tạm', '-r', `member@${cell}`], env());
    expect(res.code, res.stderr).toBe(0);
    const password = /Mật khẩu tạm thời[^:]*: (\S+)/.exec(res.stdout)?.[1];
    expect(password).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}-[a-z2-9]{4}$/);
    const login = await signIn({ sqliteFile: dbFile }, 'tam.thoi', password!);
    expect(login.statusCode).toBe(200);
    expect(login.body.account!.mustChangePassword).toBe(true);
  });

  it('user create refuses a malformed role and writes nothing', async () => {
    const before = auditRows();
    for (const role of ['boss@x', 'office']) {
      const res = await tusoi(['user', 'create', 'sai.vai.tro', '-n', 'Sai Vai Trò', '-r', role, '--password', 'mat-khau-cli-2026'], env());
      expect(res.code, role).not.toBe(0);
      expect(res.stderr).toMatch(/Vai trò không hợp lệ/);
    }
    expect(query('select id from accounts where username = ?', 'sai.vai.tro')).toHaveLength(0);
    expect(auditRows()).toBe(before);
  });

  it('user reset-password sets a new password, to be changed at next sign-in', async () => {
    const res = await tusoi(['user', 'reset-password', 'bithu.luuquang', '--password', 'mat-khau-moi-2026'], env());
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toContain('bithu.luuquang');
    expect((await signIn({ sqliteFile: dbFile }, 'bithu.luuquang', DEMO_PASSWORD)).statusCode).toBe(401);
    const login = await signIn({ sqliteFile: dbFile }, 'bithu.luuquang', 'mat-khau-moi-2026');
    expect(login.statusCode).toBe(200);
    expect(login.body.account!.mustChangePassword).toBe(true);

    const generated = await tusoi(['user', 'reset-password', 'ubkt'], env());
    expect(generated.code, generated.stderr).toBe(0);
    const password = /: (\S+)\s*$/.exec(generated.stdout)?.[1];
    expect(password).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}-[a-z2-9]{4}$/);
    expect((await signIn({ sqliteFile: dbFile }, 'ubkt', password!)).statusCode).toBe(200);

    const unknown = await tusoi(['user', 'reset-password', 'khong.co.ai', '--password', 'mat-khau-moi-2026'], env());
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toMatch(/Không có tài khoản khong\.co\.ai/);
  });

  it('refuses the demo password in production unless --demo is given', async () => {
    const cell = query<{ id: string }>('select id from units where name = ?', CELL_DONG_THU)[0]!.id;
    const prod = { ...env(), NODE_ENV: 'production' };
    const refused = await tusoi(['user', 'create', 'demo.prod', '-n', 'Demo Prod', '-r', `member@${cell}`, '--password', DEMO_PASSWORD], prod);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/Mật khẩu mẫu bị từ chối/);
    expect(query('select id from accounts where username = ?', 'demo.prod')).toHaveLength(0);

    const reset = await tusoi(['user', 'reset-password', 'vanphong', '--password', DEMO_PASSWORD], prod);
    expect(reset.code).not.toBe(0);
    expect(reset.stderr).toMatch(/Mật khẩu mẫu bị từ chối/);

    const allowed = await tusoi(['user', 'create', 'demo.prod', '-n', 'Demo Prod', '-r', `member@${cell}`, '--password', DEMO_PASSWORD, '--demo'], prod);
    expect(allowed.code, allowed.stderr).toBe(0);
    // Outside production the demo password is just a password.
    const dev = await tusoi(['user', 'reset-password', 'vanphong', '--password', DEMO_PASSWORD], env());
    expect(dev.code, dev.stderr).toBe(0);
  });

  it('audit-verify exits non-zero and names the entry after the file was tampered with', async () => {
    expect((await tusoi(['audit-verify'], env())).code).toBe(0);
    const db = sqlite();
    try {
      db.prepare("update audit_log set after_json = '{\"name\":\"Sửa lén\"}' where seq = ?").run(7);
    } finally {
      db.close();
    }
    const res = await tusoi(['audit-verify'], env());
    expect(res.code).not.toBe(0);
    expect(res.stderr).toContain('#7');
    expect(res.stderr).toContain('hash_mismatch');
    expect(res.stderr).toMatch(/6 mục trước đó nguyên vẹn/);
  });
});

describe.skipIf(!inject('pgAdminUrl'))('tusoi CLI on PostgreSQL (DATABASE_URL)', () => {
  const name = `tusoi_cli_${randomBytes(6).toString('hex')}`;
  let url = '';
  let dataDir: string;
  const env = () => ({ DATABASE_URL: url, DATA_DIR: dataDir });

  beforeAll(async () => {
    url = await createDatabase(inject('pgAdminUrl'), name);
    // No SQLite file may appear: DATABASE_URL wins.
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tusoi-cli-pg-'));
  });
  afterAll(async () => {
    await dropDatabase(inject('pgAdminUrl'), name);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('seeds, verifies, signs in and detects tampering', async () => {
    const seeded = await tusoi(['seed', '--demo'], env());
    expect(seeded.code, seeded.stderr).toBe(0);
    for (const username of DEMO_USERNAMES) expect(seeded.stdout).toContain(username);
    expect(fs.existsSync(path.join(dataDir, 'tusoi.db'))).toBe(false);

    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ n: string }>('select count(*) as n from audit_log');
      const verified = await tusoi(['audit-verify'], env());
      expect(verified.code, verified.stderr).toBe(0);
      expect(verified.stdout).toContain(`${rows[0]!.n} mục`);

      const cell = (await client.query<{ id: string }>('select id from units where name = $1', [CELL_DONG_THU])).rows[0]!.id;
      const created = await tusoi(['user', 'create', 'pg.user', '-n', 'Người Dùng PG', '-r', `inspection@${cell}`, '--password', 'mat-khau-pg-2026'], env());
      expect(created.code, created.stderr).toBe(0);
      expect((await signIn({ databaseUrl: url }, 'pg.user', 'mat-khau-pg-2026')).statusCode).toBe(200);

      await client.query('delete from audit_log where seq = 12');
      const broken = await tusoi(['audit-verify'], env());
      expect(broken.code).not.toBe(0);
      expect(broken.stderr).toContain('#12');
      expect(broken.stderr).toContain('sequence_gap');
    } finally {
      await client.end();
    }
    // Seeds the whole demo (2022 and the present) on PostgreSQL in a child process, then runs
    // three more commands: far longer than a unit test, however busy the machine is.
  }, 240_000);
});

describe('demo password at sign-in in production', () => {
  describe('without allowDemoPasswords', () => {
    const t = useDemoApp('sqlite', { production: true, allowDemoPasswords: false });

    it('answers the demo password with 401, like any wrong password', async () => {
      const res = await t().app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'vanphong', password: DEMO_PASSWORD } });
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('invalid_credentials');
      expect(res.headers['set-cookie']).toBeUndefined();
    });

    it('still accepts a real password', async () => {
      await createAccount(t().db, null, {
        username: 'that.su',
        displayName: 'Tài khoản thật',
        unitId: await t().unitId(CELL_DONG_THU),
        memberId: null,
        password: 'mot-mat-khau-that',
        mustChangePassword: false,
        roles: [{ role: 'member', unitId: await t().unitId(CELL_DONG_THU) }],
      });
      const res = await t().app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'that.su', password: 'mot-mat-khau-that' } });
      expect(res.statusCode).toBe(200);
    });
  });

  describe('with allowDemoPasswords (serve --demo)', () => {
    const t = useDemoApp('sqlite', { production: true, allowDemoPasswords: true });

    it('accepts the demo password', async () => {
      const res = await t().app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'vanphong', password: DEMO_PASSWORD } });
      expect(res.statusCode).toBe(200);
      expect(res.json().account.username).toBe('vanphong');
    });
  });
});
