import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

/**
 * Inserts rows in statements of at most `perStatement` rows: few round trips, and well under
 * the bound-parameter limits of SQLite and PostgreSQL.
 */
export async function insertInChunks<T extends keyof Database & string>(
  trx: Kysely<Database>,
  table: T,
  rows: readonly Insertable<Database[T]>[],
  perStatement = 200,
): Promise<void> {
  for (let i = 0; i < rows.length; i += perStatement) {
    // Kysely cannot relate a generic table name to its row type; the signature above does.
    await trx
      .insertInto(table)
      .values(rows.slice(i, i + perStatement) as never)
      .execute();
  }
}
