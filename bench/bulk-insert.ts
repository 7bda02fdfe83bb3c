import { CompiledQuery, type Kysely } from 'kysely';
import type { DialectName } from '../src/db/dialect.js';
import type { Database } from '../src/db/schema.js';

/**
 * Multi-row INSERTs for loading benchmark data fast on both databases, through the app's own
 * connection (so SQLite keeps the app's pragmas: WAL, foreign keys on). Rows are the table's
 * row objects; one statement carries as many rows as the bound-parameter limit allows (SQLite
 * 32,766, PostgreSQL 65,535), capped so a statement stays a few hundred kilobytes.
 * (`COPY … FROM STDIN` would be faster on PostgreSQL, but pg-copy-streams is not installed.)
 */
const PARAMETER_LIMIT: Record<DialectName, number> = { sqlite: 32_766, postgres: 65_535 };
const MAX_ROWS_PER_STATEMENT = 1_000;

export async function bulkInsert<T extends keyof Database & string>(
  db: Kysely<Database>,
  dialect: DialectName,
  table: T,
  rows: readonly Database[T][],
): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!) as (keyof Database[T] & string)[];
  const perStatement = Math.min(MAX_ROWS_PER_STATEMENT, Math.floor(PARAMETER_LIMIT[dialect] / columns.length));
  const head = `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values `;
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement);
    const params: unknown[] = [];
    const tuples: string[] = [];
    for (const row of chunk) {
      const marks: string[] = [];
      for (const c of columns) {
        params.push(row[c]);
        marks.push(dialect === 'postgres' ? `$${params.length}` : '?');
      }
      tuples.push(`(${marks.join(', ')})`);
    }
    await db.executeQuery(CompiledQuery.raw(head + tuples.join(', '), params));
  }
}
