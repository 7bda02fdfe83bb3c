import { sql } from 'kysely';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { openTestDatabase } from '../../test/helpers/db.js';

describe.skipIf(!inject('pgAdminUrl'))('openDatabase on PostgreSQL', () => {
  it('survives the server closing an idle pooled connection (restart, failover, idle timeout)', async () => {
    const db = await openTestDatabase('postgres');
    const admin = new pg.Client({ connectionString: inject('pgAdminUrl') });
    await admin.connect();
    try {
      const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(db.db);
      const pid = rows[0]!.pid;
      // The connection now sits idle in the pool; the server ends it.
      await admin.query('select pg_terminate_backend($1)', [pid]);
      for (let i = 0; i < 50; i++) {
        const alive = await admin.query('select 1 from pg_stat_activity where pid = $1', [pid]);
        if (alive.rowCount === 0) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      await new Promise((r) => setTimeout(r, 50));
      // Without an 'error' listener on the pool this would have crashed the process;
      // the next query simply gets a new connection.
      const again = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(db.db);
      expect(again.rows[0]!.pid).not.toBe(pid);
    } finally {
      await admin.end();
      await db.dispose();
    }
  });
});
