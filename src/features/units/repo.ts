import { sql, type Kysely } from 'kysely';
import type { Database, UnitTable } from '../../db/schema.js';
import { inSubtree } from '../../db/dialect.js';

export type UnitRow = UnitTable;

export function findUnit(db: Kysely<Database>, id: string) {
  return db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Every unit under any of the given paths (the paths' own units included). */
export function unitsUnder(db: Kysely<Database>, paths: string[]) {
  if (paths.length === 0) return Promise.resolve([] as UnitRow[]);
  return db
    .selectFrom('units')
    .selectAll()
    .where((eb) => eb.or(paths.map((p) => inSubtree('path', p))))
    .orderBy('depth')
    .execute();
}

export function unitsByIds(db: Kysely<Database>, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([] as UnitRow[]);
  return db.selectFrom('units').selectAll().where('id', 'in', ids).execute();
}

export function childrenOf(db: Kysely<Database>, parentId: string) {
  return db.selectFrom('units').selectAll().where('parent_id', '=', parentId).execute();
}

/** Active members per unit path, for the units under the given paths. */
export async function activeMemberCounts(db: Kysely<Database>, paths: string[]): Promise<Map<string, number>> {
  if (paths.length === 0) return new Map();
  const rows = await db
    .selectFrom('members')
    .innerJoin('units', 'units.id', 'members.unit_id')
    .select(['units.path', (eb) => eb.fn.countAll<number>().as('n')])
    .where('members.archived_at', 'is', null)
    .where((eb) => eb.or(paths.map((p) => inSubtree('units.path', p))))
    .groupBy('units.path')
    .execute();
  return new Map(rows.map((r) => [r.path, Number(r.n)]));
}

export async function countActiveChildren(db: Kysely<Database>, unitId: string) {
  const row = await db
    .selectFrom('units')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('parent_id', '=', unitId)
    .where('archived_at', 'is', null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function countActiveMembers(db: Kysely<Database>, unitId: string) {
  const row = await db
    .selectFrom('members')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('unit_id', '=', unitId)
    .where('archived_at', 'is', null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export function insertUnit(db: Kysely<Database>, row: UnitRow) {
  return db.insertInto('units').values(row).execute();
}

export function updateUnit(db: Kysely<Database>, id: string, patch: Partial<UnitRow>) {
  return db.updateTable('units').set(patch).where('id', '=', id).execute();
}

/** Re-roots a whole subtree: every path under `oldPath` gets `newPath` as its prefix. */
export function rewriteSubtreePaths(db: Kysely<Database>, oldPath: string, newPath: string, now: string) {
  const depthDelta = newPath.split('/').length - oldPath.split('/').length;
  return db
    .updateTable('units')
    .set({
      path: sql<string>`cast(${newPath} as text) || substr(path, cast(${oldPath.length + 1} as integer))`,
      depth: sql<number>`depth + cast(${depthDelta} as integer)`,
      updated_at: now,
    })
    .where(inSubtree('path', oldPath))
    .execute();
}

/** Active cells of a subtree, by name. */
export function activeCellsIn(db: Kysely<Database>, unitPath: string) {
  return activeUnitsIn(db, unitPath, 'cell');
}

/** The active units of a kind in a subtree (a province's communes, a commune's cells), by name. */
export function activeUnitsIn(db: Kysely<Database>, unitPath: string, kind: string) {
  return db
    .selectFrom('units')
    .select(['id', 'name', 'path'])
    .where(inSubtree('path', unitPath))
    .where('kind', '=', kind)
    .where('archived_at', 'is', null)
    .orderBy('name')
    .execute();
}

/** The oldest root of the unit forest (the public pages show its tree when no unit is named). */
export function firstRootUnit(db: Kysely<Database>) {
  return db.selectFrom('units').select(['id', 'path']).where('parent_id', 'is', null).orderBy('created_at').executeTakeFirst();
}
