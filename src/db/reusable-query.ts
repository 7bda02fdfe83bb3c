import { CompiledQuery, type Compilable, type Kysely } from 'kysely';
import type { Database } from './schema.js';

/** What stands for a named value while the query is compiled: no real value starts with NUL. */
const standIn = (name: string) => `\u0000reusable:${name}`;

/**
 * A query Kysely builds and compiles once per database (and dialect), then runs with new values.
 * Kysely otherwise rebuilds and recompiles its operation tree on every call: on `/api/me` that was
 * a fifth of the server's time, for the session and role lookups every request makes. `build`
 * receives stand-ins for the named values; every compiled parameter that is a stand-in is
 * replaced by the value given at run time, all others (constants in the query) kept as compiled.
 * For hot, fixed-shape queries only: a value must not change the query's shape (no `in` lists).
 */
export function reusableQuery<V extends Record<string, string | number | null>, R>(build: (db: Kysely<Database>, values: V) => Compilable<R>) {
  const compiled = new WeakMap<Kysely<Database>, { sql: string; slots: (string | null)[]; parameters: readonly unknown[] }>();
  return async (db: Kysely<Database>, values: V): Promise<R[]> => {
    let query = compiled.get(db);
    if (!query) {
      const standIns = Object.fromEntries(Object.keys(values).map((name) => [name, standIn(name)])) as V;
      const c = build(db, standIns).compile();
      const byStandIn = new Map(Object.keys(values).map((name) => [standIn(name), name]));
      query = { sql: c.sql, parameters: c.parameters, slots: c.parameters.map((p) => (typeof p === 'string' ? (byStandIn.get(p) ?? null) : null)) };
      compiled.set(db, query);
    }
    const q = query;
    const parameters = q.parameters.map((p, i) => (q.slots[i] === null ? p : values[q.slots[i]!]));
    return (await db.executeQuery(CompiledQuery.raw(q.sql, parameters))).rows as R[];
  };
}
