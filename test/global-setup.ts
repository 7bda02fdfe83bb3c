/**
 * Vitest globalSetup: one throwaway PostgreSQL cluster for the whole run.
 *
 * Tests read the admin URL with `inject('pgAdminUrl')` and create their own
 * databases via test/helpers/postgres-cluster.ts (createDatabase/dropDatabase).
 *
 * Env:
 *   TUSOI_TEST_PG_URL=postgres://...  use this existing server (admin URL); nothing is started or stopped.
 *   TUSOI_TEST_SKIP_PG=1              provide '' and start nothing (quick local runs only; CI always runs Postgres).
 */
import type { TestProject } from 'vitest/node';
import { startPostgresCluster } from './helpers/postgres-cluster.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Superuser URL of the test PostgreSQL server, or '' when TUSOI_TEST_SKIP_PG=1. */
    pgAdminUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  if (process.env.TUSOI_TEST_SKIP_PG === '1') {
    project.provide('pgAdminUrl', '');
    return undefined;
  }

  const given = process.env.TUSOI_TEST_PG_URL;
  if (given) {
    project.provide('pgAdminUrl', given);
    return undefined;
  }

  const cluster = await startPostgresCluster();
  project.provide('pgAdminUrl', cluster.adminUrl);
  return () => cluster.stop();
}
