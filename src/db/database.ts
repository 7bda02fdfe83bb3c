import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, sql, SqliteDialect, type SqliteDatabase } from 'kysely';
import pg from 'pg';
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from './schema.js';
import { dialectHelpers, type DialectHelpers } from './dialect.js';

export type Db = Kysely<Database>;

export interface DatabaseHandle {
  db: Db;
  dialect: DialectHelpers;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** `postgres://…` to use PostgreSQL; otherwise SQLite at `sqliteFile`. */
  databaseUrl?: string | undefined;
  sqliteFile?: string;
  poolSize?: number;
}

// PostgreSQL returns int8 (count(*), sums) as strings by default; our counts fit in a double.
pg.types.setTypeParser(20, (value: string) => Number(value));

export function openDatabase(options: DatabaseOptions): DatabaseHandle {
  if (options.databaseUrl && /^postgres(ql)?:\/\//.test(options.databaseUrl)) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    // An idle connection closed by the server (restart, failover, idle timeout, DROP DATABASE
    // … WITH (FORCE)) is reported here; without a listener the 'error' event kills the process.
    // The pool has already dropped that client and opens a new one on the next query.
    let closing = false;
    pool.on('error', (err) => {
      if (!closing) console.error(`PostgreSQL: idle connection lost (${err.message}); it will be replaced.`);
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      dialect: dialectHelpers('postgres'),
      close: () => {
        closing = true;
        return db.destroy();
      },
    };
  }
  const file = options.sqliteFile ?? ':memory:';
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new BetterSqlite3(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, dialect: dialectHelpers('sqlite'), close: () => db.destroy() };
}

/**
 * Kysely prepares every query anew, and better-sqlite3 compiles SQL on each prepare(): that was
 * the largest single cost of a request. The app issues a bounded set of distinct SQL texts, so
 * prepared statements are kept (least recently used dropped past `max`). Safe because one
 * connection runs one query at a time and nothing here streams (iterate) from a statement.
 */
function withStatementCache(sqlite: BetterSqlite3.Database, max = 500): SqliteDatabase {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql) {
      let statement = cache.get(sql);
      if (statement) {
        cache.delete(sql);
      } else {
        statement = sqlite.prepare(sql);
        if (cache.size >= max) cache.delete(cache.keys().next().value!);
      }
      cache.set(sql, statement);
      return statement;
    },
  };
}

/** True when the database holds no unit yet: a fresh install (the demo or a first account goes in). */
export async function isEmpty(handle: DatabaseHandle): Promise<boolean> {
  const row = await handle.db.selectFrom('units').select('id').limit(1).executeTakeFirst();
  return row === undefined;
}

/** One round trip to the database (the health check's proof that it answers). */
export async function pingDatabase(handle: DatabaseHandle): Promise<void> {
  await sql`select 1`.execute(handle.db);
}
