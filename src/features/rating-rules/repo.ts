// INTERIM until the rating-rules feature lands (branch i17-rules).
import type { Kysely } from 'kysely';
import type { Database, RuleSetVersionTable } from '../../db/schema.js';

export function currentVersion(db: Kysely<Database>, unitIds: string[]) {
  return db.selectFrom('rule_set_versions').select('id').where('unit_id', 'in', unitIds).where('set_code', '=', 'rating').where('retired_at', 'is', null).executeTakeFirst();
}
export function insertVersion(db: Kysely<Database>, row: RuleSetVersionTable) {
  return db.insertInto('rule_set_versions').values(row).execute();
}
