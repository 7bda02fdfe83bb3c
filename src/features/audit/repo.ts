import type { Kysely } from 'kysely';
import type { Database, AuditLogTable } from '../../db/schema.js';

export function lastEntry(db: Kysely<Database>) {
  return db.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
}

/** Inserts entries in statements of at most 200 rows (well under both dialects' parameter limits). */
export async function insertEntries(db: Kysely<Database>, rows: readonly AuditLogTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    await db.insertInto('audit_log').values(rows.slice(i, i + 200)).execute();
  }
}

export function entriesAfter(db: Kysely<Database>, afterSeq: number, limit: number) {
  return db.selectFrom('audit_log').selectAll().where('seq', '>', afterSeq).orderBy('seq').limit(limit).execute();
}

export async function historyOf(
  db: Kysely<Database>,
  recordType: string,
  recordId: string,
  page: number,
  pageSize: number,
) {
  const base = db
    .selectFrom('audit_log')
    .where('record_type', '=', recordType)
    .where('record_id', '=', recordId)
    .where('action', 'not like', 'read%');
  const [{ total } = { total: 0 }] = await base.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const rows = await base
    .leftJoin('accounts', 'accounts.id', 'audit_log.actor_account_id')
    .select([
      'audit_log.seq',
      'audit_log.at',
      'audit_log.actor_account_id',
      'accounts.display_name as actor_name',
      'audit_log.action',
      'audit_log.record_type',
      'audit_log.record_id',
      'audit_log.before_json',
      'audit_log.after_json',
    ])
    .orderBy('audit_log.seq', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { total: Number(total), rows };
}

/** The unit a record was last recorded under, for scope checks on its history. */
export function lastUnitOf(db: Kysely<Database>, recordType: string, recordId: string) {
  return db
    .selectFrom('audit_log')
    .innerJoin('units', 'units.id', 'audit_log.unit_id')
    .select(['units.path'])
    .where('audit_log.record_type', '=', recordType)
    .where('audit_log.record_id', '=', recordId)
    .orderBy('audit_log.seq', 'desc')
    .limit(1)
    .executeTakeFirst();
}
