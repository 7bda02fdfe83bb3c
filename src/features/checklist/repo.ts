import type { Kysely } from 'kysely';
import type { ChecklistItemTable, ChecklistVersionTable, Database } from '../../db/schema.js';

type Db = Kysely<Database>;

export type ChecklistItemRow = ChecklistItemTable & { confirmed_by_name: string | null };
export type ChecklistVersionRow = ChecklistVersionTable & { unit_name: string; unit_path: string };

function selectVersions(db: Db) {
  return db
    .selectFrom('checklist_versions as v')
    .innerJoin('units as u', 'u.id', 'v.unit_id')
    .selectAll('v')
    .select(['u.name as unit_name', 'u.path as unit_path']);
}

export function findVersion(db: Db, id: string): Promise<ChecklistVersionRow | undefined> {
  return selectVersions(db).where('v.id', '=', id).executeTakeFirst();
}

/** The current versions kept by any of the given units (a unit and its ancestors). */
export function currentVersionsOf(db: Db, unitIds: readonly string[]): Promise<ChecklistVersionRow[]> {
  if (unitIds.length === 0) return Promise.resolve([]);
  return selectVersions(db).where('v.unit_id', 'in', [...unitIds]).where('v.retired_at', 'is', null).execute();
}

export function versionsOfUnit(db: Db, unitId: string) {
  return db
    .selectFrom('checklist_versions as v')
    .leftJoin('accounts as a', 'a.id', 'v.created_by_account_id')
    .selectAll('v')
    .select(['a.display_name as created_by_name'])
    .select((eb) =>
      eb
        .selectFrom('checklist_items as i')
        .whereRef('i.version_id', '=', 'v.id')
        .where('i.confirmed_at', 'is', null)
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('unconfirmed'),
    )
    .where('v.unit_id', '=', unitId)
    .orderBy('v.version', 'desc')
    .execute();
}

function selectItems(db: Db) {
  return db
    .selectFrom('checklist_items as i')
    .leftJoin('accounts as a', 'a.id', 'i.confirmed_by_account_id')
    .selectAll('i')
    .select(['a.display_name as confirmed_by_name']);
}

export function itemsOfVersion(db: Db, versionId: string): Promise<ChecklistItemRow[]> {
  return selectItems(db).where('i.version_id', '=', versionId).orderBy('i.position').execute();
}

export function findItem(db: Db, id: string): Promise<ChecklistItemRow | undefined> {
  return selectItems(db).where('i.id', '=', id).executeTakeFirst();
}

export function findItems(db: Db, ids: readonly string[]): Promise<ChecklistItemRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return selectItems(db).where('i.id', 'in', [...ids]).execute();
}

/** Every version of one item (by its stable code) kept by a unit, newest first. */
export function itemHistory(db: Db, unitId: string, code: string) {
  return selectItems(db)
    .innerJoin('checklist_versions as v', 'v.id', 'i.version_id')
    .select(['v.version', 'v.note as version_note', 'v.created_at as version_created_at'])
    .where('i.unit_id', '=', unitId)
    .where('i.code', '=', code)
    .orderBy('v.version', 'desc')
    .execute();
}

export async function maxVersion(db: Db, unitId: string): Promise<number> {
  const row = await db.selectFrom('checklist_versions').select((eb) => eb.fn.max('version').as('v')).where('unit_id', '=', unitId).executeTakeFirst();
  return Number(row?.v ?? 0);
}

export async function insertVersion(db: Db, version: ChecklistVersionTable, items: readonly ChecklistItemTable[]): Promise<void> {
  await db.insertInto('checklist_versions').values(version).execute();
  for (let i = 0; i < items.length; i += 100) await db.insertInto('checklist_items').values(items.slice(i, i + 100)).execute();
}

export function retireVersion(db: Db, id: string, at: string) {
  return db.updateTable('checklist_versions').set({ retired_at: at }).where('id', '=', id).execute();
}

export function confirmItem(db: Db, id: string, patch: Pick<ChecklistItemTable, 'confirmed_at' | 'confirmed_by_account_id'>) {
  return db.updateTable('checklist_items').set(patch).where('id', '=', id).execute();
}
