import { sql, type ColumnDataType, type RawBuilder, type Kysely, type SqlBool } from 'kysely';

/**
 * The few places where SQLite and PostgreSQL differ. Everything else in the code base is
 * portable Kysely; if you need a dialect switch, add it here rather than in a feature.
 */
export type DialectName = 'sqlite' | 'postgres';

export interface DialectHelpers {
  name: DialectName;
  /** Column type for text compared byte-wise (sort keys): PostgreSQL's default collation is locale-aware. */
  binaryText: ColumnDataType | RawBuilder<unknown>;
  /** Column type for an auto-incrementing integer primary key. */
  serialPk: ColumnDataType | RawBuilder<unknown>;
  /** Column type for raw bytes (attachments): `blob` / `bytea`. */
  bytes: ColumnDataType | RawBuilder<unknown>;
  /**
   * Serialise writers of the audit chain: on PostgreSQL a transaction-level advisory lock;
   * SQLite allows one writer at a time already.
   */
  lockAuditChain(trx: Kysely<any>): Promise<void>;
}

const AUDIT_LOCK_KEY = 727_001;

export function dialectHelpers(name: DialectName): DialectHelpers {
  if (name === 'postgres') {
    return {
      name,
      binaryText: sql`text collate "C"`,
      serialPk: 'serial',
      bytes: 'bytea',
      async lockAuditChain(trx) {
        await sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`.execute(trx);
      },
    };
  }
  return {
    name,
    binaryText: 'text',
    serialPk: 'integer',
    bytes: 'blob',
    async lockAuditChain() {},
  };
}

/** A LIKE pattern for "contains": wildcards typed by the user are dropped, not interpreted. */
export function likeContains(folded: string): string {
  return `%${folded.replace(/[%_\\]/g, '')}%`;
}

/**
 * "Row's unit path lies in the subtree at `path`", written as a range so both SQLite and
 * PostgreSQL walk the path index (a LIKE prefix cannot: SQLite's LIKE ignores case, and
 * PostgreSQL needs text_pattern_ops for it). Paths end in '/', and '0' is the next character.
 */
export function inSubtree(column: string, path: string): RawBuilder<SqlBool> {
  const upper = `${path.slice(0, -1)}${String.fromCharCode(path.charCodeAt(path.length - 1) + 1)}`;
  return sql<SqlBool>`(${sql.ref(column)} >= ${path} and ${sql.ref(column)} < ${upper})`;
}
