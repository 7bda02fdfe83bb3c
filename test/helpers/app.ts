import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import type { DialectName } from '../../src/db/dialect.js';
import { seedDemo, type SeedOptions } from '../../src/demo/seed/index.js';
import { DEMO_PASSWORD } from '../../src/core/passwords.js';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/core/config.js';
import type { AppContext } from '../../src/core/context.js';
import { openTestDatabase, type TestDatabase } from './db.js';

export type DemoUsername = 'bithu.dangbo' | 'ubkt' | 'vanphong' | 'bithu.dongthu' | 'dangvien.dongthu' | 'bithu.luuquang';

export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  db: TestDatabase;
  /** Signs in an account (a demo one unless a password is given) and returns its cookie header value; cached per account. */
  login(username: DemoUsername | string, password?: string): Promise<string>;
  /** The id of the unit with this name. */
  unitId(name: string): Promise<string>;
  /** The member id linked to an account. */
  memberIdOf(username: string): Promise<string>;
}

/**
 * Sets up (beforeAll) and tears down (afterAll) an app over a fresh database with the demo
 * commune (without its year of meetings unless `seed.meetings`), for the enclosing describe block.
 * Only tests about the demo itself use it; the rest build their records with `useTestApp` and
 * the factories in `factories.ts`. Use the returned getter inside tests.
 */
export function useDemoApp(dialect: DialectName, overrides: Partial<AppContext['config']> = {}, seed: SeedOptions = { meetings: false }): () => TestApp {
  return useApp(dialect, overrides, async (db) => {
    await seedDemo(db, seed);
  });
}

/**
 * Sets up (beforeAll) and tears down (afterAll) an app over a fresh, empty database (migrated,
 * no demo): tests build what they need with the factories in `factories.ts`.
 */
export function useTestApp(dialect: DialectName, overrides: Partial<AppContext['config']> = {}): () => TestApp {
  return useApp(dialect, overrides, async () => {});
}

function useApp(dialect: DialectName, overrides: Partial<AppContext['config']>, prepare: (db: TestDatabase) => Promise<void>): () => TestApp {
  let testApp: TestApp | undefined;
  beforeAll(async () => {
    const db = await openTestDatabase(dialect);
    await prepare(db);
    const config = { ...loadConfig({ DATA_DIR: '/nonexistent', WEB_DIR: '/nonexistent' }), rateLimitPerMinute: 100_000, ...overrides };
    const ctx: AppContext = { handle: db, config, version: 'test' };
    const app = await buildApp(ctx);
    const cookies = new Map<string, string>();
    testApp = {
      app,
      ctx,
      db,
      async login(username, password = DEMO_PASSWORD) {
        const key = `${username}\u0000${password}`;
        const cached = cookies.get(key);
        if (cached) return cached;
        const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
        if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
        const cookie = sessionCookie(res);
        cookies.set(key, cookie);
        return cookie;
      },
      async unitId(name) {
        const row = await db.db.selectFrom('units').select('id').where('name', '=', name).executeTakeFirstOrThrow();
        return row.id;
      },
      async memberIdOf(username) {
        const row = await db.db.selectFrom('accounts').select('member_id').where('username', '=', username).executeTakeFirstOrThrow();
        return row.member_id!;
      },
    };
  });
  afterAll(async () => {
    await testApp?.app.close();
    await testApp?.db.dispose();
  });
  return () => {
    if (!testApp) throw new Error('useTestApp: used outside a test');
    return testApp;
  };
}

export function sessionCookie(res: LightMyRequestResponse): string {
  const header = res.headers['set-cookie'];
  const first = (Array.isArray(header) ? header : [header]).find((c) => c?.startsWith('tusoi_session='));
  if (!first) throw new Error('no session cookie');
  return first.split(';')[0]!;
}

export const CELL_DONG_THU = 'Chi bộ thôn Đồng Thứ';
export const CELL_LUU_QUANG = 'Chi bộ thôn Lưu Quang';
export const COMMUNE = 'Đảng bộ xã Minh Quang';
