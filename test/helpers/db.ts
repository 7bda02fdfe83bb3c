import { randomBytes } from 'node:crypto';
import { describe, inject } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/db/database.js';
import type { DialectName } from '../../src/db/dialect.js';
import { migrateUpTo } from '../../src/db/migrate.js';
import { createDatabase, dropDatabase } from './postgres-cluster.js';

/** Both dialects, always: the integration suite is the same code run twice. */
export const dialects: DialectName[] = ['sqlite', 'postgres'];

export interface TestDatabase extends DatabaseHandle {
  dispose(): Promise<void>;
}

/**
 * A fresh, migrated database: in-memory SQLite, or a new database on the throwaway cluster.
 * `upTo` stops after that migration (to test the next one on existing rows).
 */
export async function openTestDatabase(dialect: DialectName, upTo?: string): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const handle = openDatabase({ sqliteFile: ':memory:' });
    await migrateUpTo(handle, upTo);
    return { ...handle, dispose: () => handle.close() };
  }
  const adminUrl = inject('pgAdminUrl');
  if (!adminUrl) throw new Error('PostgreSQL is not available to this run (TUSOI_TEST_SKIP_PG=1?)');
  const name = `tusoi_test_${randomBytes(6).toString('hex')}`;
  const url = await createDatabase(adminUrl, name);
  const handle = openDatabase({ databaseUrl: url, poolSize: 5 });
  await migrateUpTo(handle, upTo);
  return {
    ...handle,
    async dispose() {
      await handle.close();
      await dropDatabase(adminUrl, name);
    },
  };
}

/**
 * Runs a suite once per dialect. PostgreSQL is skipped only when the run was explicitly
 * started without it (TUSOI_TEST_SKIP_PG=1, quick local runs); `npm test` always has it.
 */
export function forEachDialect(suite: (dialect: DialectName) => void): void {
  for (const dialect of dialects) {
    const unavailable = dialect === 'postgres' && !inject('pgAdminUrl');
    describe.skipIf(unavailable)(`on ${dialect}`, () => suite(dialect));
  }
}
