import type { Kysely } from 'kysely';
import type { DialectHelpers } from '../dialect.js';

/**
 * The triggers the rules leave to people (concluded to have degraded, one of the things a member
 * must not do, the duty to set an example broken): the cell's committee or the party committee
 * marks them on a review, each with its basis, and they cap the level like a discipline record
 * does. A short list per review, read with it everywhere its levels are checked.
 */
export async function up({ db }: { db: Kysely<any>; dialect: DialectHelpers }): Promise<void> {
  // [{ code, note, markedAt, markedByAccountId, markedByName }] — the marks in force; each change audited.
  await db.schema.alterTable('reviews').addColumn('marked_triggers_json', 'text', (c) => c.notNull().defaultTo('[]')).execute();
}
