import { randomUUID } from 'node:crypto';
import type { TestApp } from './app.js';

export const TEST_PASSWORD = 'mat-khau-thu-2026';

/** A random UUID: names no record. */
export function missingId(): string {
  return randomUUID();
}

/** Rows in the audit log, for "nothing was written" checks. */
export async function auditCount(t: TestApp): Promise<number> {
  const row = await t.db.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The newest audit entry, with its JSON parsed. */
export async function lastAudit(t: TestApp) {
  const row = await t.db.db.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
  return {
    ...row,
    seq: Number(row.seq),
    before: row.before_json ? (JSON.parse(row.before_json) as Record<string, unknown>) : null,
    after: row.after_json ? (JSON.parse(row.after_json) as Record<string, unknown>) : null,
  };
}
