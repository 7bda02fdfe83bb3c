import type { Kysely } from 'kysely';
import type { Database, RuleSetItemTable, RuleSetVersionTable } from '../../db/schema.js';

type Db = Kysely<Database>;

export type RuleSetItemRow = RuleSetItemTable & { confirmed_by_name: string | null };
export type RuleSetVersionRow = RuleSetVersionTable & { unit_name: string; unit_path: string };

function selectVersions(db: Db, setCode: string) {
  return db
    .selectFrom('rule_set_versions as v')
    .innerJoin('units as u', 'u.id', 'v.unit_id')
    .selectAll('v')
    .select(['u.name as unit_name', 'u.path as unit_path'])
    .where('v.set_code', '=', setCode);
}

export function findVersion(db: Db, setCode: string, id: string): Promise<RuleSetVersionRow | undefined> {
  return selectVersions(db, setCode).where('v.id', '=', id).executeTakeFirst();
}

/** The current versions of one set kept by any of the given units (a unit and its ancestors). */
export function currentVersionsOf(db: Db, setCode: string, unitIds: readonly string[]): Promise<RuleSetVersionRow[]> {
  if (unitIds.length === 0) return Promise.resolve([]);
  return selectVersions(db, setCode).where('v.unit_id', 'in', [...unitIds]).where('v.retired_at', 'is', null).execute();
}

/** A unit's versions of one set, newest first, each with how many of its items nobody has confirmed. */
export function versionsOfUnit(db: Db, setCode: string, unitId: string) {
  return db
    .selectFrom('rule_set_versions as v')
    .leftJoin('accounts as a', 'a.id', 'v.created_by_account_id')
    .selectAll('v')
    .select(['a.display_name as created_by_name'])
    .select((eb) =>
      eb
        .selectFrom('rule_set_items as i')
        .whereRef('i.version_id', '=', 'v.id')
        .where('i.confirmed_at', 'is', null)
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('unconfirmed'),
    )
    .where('v.set_code', '=', setCode)
    .where('v.unit_id', '=', unitId)
    .orderBy('v.version', 'desc')
    .execute();
}

export function itemsOfVersion(db: Db, versionId: string): Promise<RuleSetItemRow[]> {
  return db
    .selectFrom('rule_set_items as i')
    .leftJoin('accounts as a', 'a.id', 'i.confirmed_by_account_id')
    .selectAll('i')
    .select(['a.display_name as confirmed_by_name'])
    .where('i.version_id', '=', versionId)
    .orderBy('i.position')
    .execute();
}

/** An item of one set (an item of another set is not found). */
export function findItem(db: Db, setCode: string, id: string): Promise<RuleSetItemTable | undefined> {
  return db
    .selectFrom('rule_set_items as i')
    .innerJoin('rule_set_versions as v', 'v.id', 'i.version_id')
    .selectAll('i')
    .where('i.id', '=', id)
    .where('v.set_code', '=', setCode)
    .executeTakeFirst();
}

export async function maxVersion(db: Db, setCode: string, unitId: string): Promise<number> {
  const row = await db
    .selectFrom('rule_set_versions')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('set_code', '=', setCode)
    .where('unit_id', '=', unitId)
    .executeTakeFirst();
  return Number(row?.v ?? 0);
}

export async function insertVersion(db: Db, version: RuleSetVersionTable, items: readonly RuleSetItemTable[]): Promise<void> {
  await db.insertInto('rule_set_versions').values(version).execute();
  for (let i = 0; i < items.length; i += 100) await db.insertInto('rule_set_items').values(items.slice(i, i + 100)).execute();
}

export function retireVersion(db: Db, id: string, at: string) {
  return db.updateTable('rule_set_versions').set({ retired_at: at }).where('id', '=', id).execute();
}

export function confirmItem(db: Db, id: string, patch: Pick<RuleSetItemTable, 'confirmed_at' | 'confirmed_by_account_id'>) {
  return db.updateTable('rule_set_items').set(patch).where('id', '=', id).execute();
}
