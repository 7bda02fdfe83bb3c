import type { Kysely } from 'kysely';
import type { Database, InspectionRuleItemTable, InspectionRuleVersionTable } from '../../db/schema.js';

type Db = Kysely<Database>;

/** The notes on discipline ride along as one item of the rule set; they are no rule to confirm or count. */
export const DISCIPLINE_NOTES = 'discipline_notes';

export type RuleItemRow = InspectionRuleItemTable & { confirmed_by_name: string | null };
export type RuleVersionRow = InspectionRuleVersionTable & { unit_name: string; unit_path: string };

function selectVersions(db: Db) {
  return db.selectFrom('inspection_rule_versions as v').innerJoin('units as u', 'u.id', 'v.unit_id').selectAll('v').select(['u.name as unit_name', 'u.path as unit_path']);
}

export function findVersion(db: Db, id: string): Promise<RuleVersionRow | undefined> {
  return selectVersions(db).where('v.id', '=', id).executeTakeFirst();
}

/** The current versions kept by any of the given units (a unit and its ancestors). */
export function currentVersionsOf(db: Db, unitIds: readonly string[]): Promise<RuleVersionRow[]> {
  if (unitIds.length === 0) return Promise.resolve([]);
  return selectVersions(db).where('v.unit_id', 'in', [...unitIds]).where('v.retired_at', 'is', null).execute();
}

export function versionsOfUnit(db: Db, unitId: string) {
  return db
    .selectFrom('inspection_rule_versions as v')
    .leftJoin('accounts as a', 'a.id', 'v.created_by_account_id')
    .selectAll('v')
    .select(['a.display_name as created_by_name'])
    .select((eb) =>
      eb
        .selectFrom('inspection_rule_items as i')
        .whereRef('i.version_id', '=', 'v.id')
        .where('i.confirmed_at', 'is', null)
        .where('i.code', '!=', DISCIPLINE_NOTES)
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('unconfirmed'),
    )
    .where('v.unit_id', '=', unitId)
    .orderBy('v.version', 'desc')
    .execute();
}

export function itemsOfVersion(db: Db, versionId: string): Promise<RuleItemRow[]> {
  return db
    .selectFrom('inspection_rule_items as i')
    .leftJoin('accounts as a', 'a.id', 'i.confirmed_by_account_id')
    .selectAll('i')
    .select(['a.display_name as confirmed_by_name'])
    .where('i.version_id', '=', versionId)
    .orderBy('i.position')
    .execute();
}

export function findItem(db: Db, id: string): Promise<InspectionRuleItemTable | undefined> {
  return db.selectFrom('inspection_rule_items').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function maxVersion(db: Db, unitId: string): Promise<number> {
  const row = await db.selectFrom('inspection_rule_versions').select((eb) => eb.fn.max('version').as('v')).where('unit_id', '=', unitId).executeTakeFirst();
  return Number(row?.v ?? 0);
}

export async function insertVersion(db: Db, version: InspectionRuleVersionTable, items: readonly InspectionRuleItemTable[]): Promise<void> {
  await db.insertInto('inspection_rule_versions').values(version).execute();
  for (let i = 0; i < items.length; i += 100) await db.insertInto('inspection_rule_items').values(items.slice(i, i + 100)).execute();
}

export function retireVersion(db: Db, id: string, at: string) {
  return db.updateTable('inspection_rule_versions').set({ retired_at: at }).where('id', '=', id).execute();
}

export function confirmItem(db: Db, id: string, patch: Pick<InspectionRuleItemTable, 'confirmed_at' | 'confirmed_by_account_id'>) {
  return db.updateTable('inspection_rule_items').set(patch).where('id', '=', id).execute();
}
