import { sql, type Kysely } from 'kysely';
import type { CorrectionPlanItemTable, CorrectionPlanProgressTable, CorrectionPlanTable, Database } from '../../db/schema.js';
import { inSubtree } from '../../db/dialect.js';

type Db = Kysely<Database>;

/** A plan with whose it is and where it lives (for scope checks). */
function selectPlans(db: Db) {
  return db
    .selectFrom('correction_plans as p')
    .innerJoin('members as m', 'm.id', 'p.member_id')
    .innerJoin('units as u', 'u.id', 'p.unit_id')
    .selectAll('p')
    .select(['m.full_name as member_name', 'u.path as unit_path']);
}
export type PlanRow = CorrectionPlanTable & { member_name: string; unit_path: string };

export function findPlan(db: Db, id: string): Promise<PlanRow | undefined> {
  return selectPlans(db).where('p.id', '=', id).executeTakeFirst();
}

export function findPlanOf(db: Db, memberId: string, year: number): Promise<PlanRow | undefined> {
  return selectPlans(db).where('p.member_id', '=', memberId).where('p.year', '=', year).executeTakeFirst();
}

export function plansOfMember(db: Db, memberId: string): Promise<PlanRow[]> {
  return selectPlans(db).where('p.member_id', '=', memberId).orderBy('p.year', 'desc').execute();
}

export function insertPlan(db: Db, row: CorrectionPlanTable) {
  return db.insertInto('correction_plans').values(row).execute();
}

export function touchPlan(db: Db, id: string, at: string) {
  return db.updateTable('correction_plans').set({ updated_at: at }).where('id', '=', id).execute();
}

function selectItems(db: Db) {
  return db
    .selectFrom('correction_plan_items as i')
    .innerJoin('members as m', 'm.id', 'i.member_id')
    .leftJoin('accounts as va', 'va.id', 'i.verified_by_account_id')
    .selectAll('i')
    .select(['m.full_name as member_name', 'va.display_name as verified_by_name']);
}
export type PlanItemRow = CorrectionPlanItemTable & { member_name: string; verified_by_name: string | null };

export function itemsOfPlans(db: Db, planIds: readonly string[]): Promise<PlanItemRow[]> {
  if (planIds.length === 0) return Promise.resolve([]);
  return selectItems(db).where('i.plan_id', 'in', [...planIds]).orderBy('i.position').execute();
}

export function findItem(db: Db, planId: string, itemId: string): Promise<PlanItemRow | undefined> {
  return selectItems(db).where('i.plan_id', '=', planId).where('i.id', '=', itemId).executeTakeFirst();
}

/** Items of a member's plans of these years (the follow-ups a new self-examination is pre-filled with). */
export function itemsOfMemberYears(db: Db, memberId: string, years: readonly number[]): Promise<PlanItemRow[]> {
  return selectItems(db)
    .innerJoin('correction_plans as p', 'p.id', 'i.plan_id')
    .where('i.member_id', '=', memberId)
    .where('p.year', 'in', [...years])
    .orderBy('p.year')
    .orderBy('i.position')
    .execute();
}

/** A member's items with a deadline on or before `by`, soonest first. */
function memberItemsDueBy(db: Db, memberId: string, by: string) {
  return db
    .selectFrom('correction_plan_items as i')
    .innerJoin('correction_plans as p', 'p.id', 'i.plan_id')
    .where('i.member_id', '=', memberId)
    .where('i.deadline', '<=', by)
    .select(['i.id', 'i.plan_id', 'p.year', 'i.shortcoming', 'i.deadline', 'i.status', 'i.claimed_on', 'i.verified_on', 'i.source_kind'])
    .orderBy('i.deadline')
    .orderBy('i.position');
}

/** A member's items not yet verified as fixed with a deadline on or before `by`, soonest first. */
export function unfinishedItemsOfMember(db: Db, memberId: string, by: string) {
  return memberItemsDueBy(db, memberId, by).where('i.status', '<>', 'fixed').execute();
}

/** All of a member's items (of any plan year, in any state) due on or before `by`, soonest first. */
export function itemsOfMemberDueBy(db: Db, memberId: string, by: string) {
  return memberItemsDueBy(db, memberId, by).execute();
}

function subtreeItems(db: Db, unitPath: string) {
  return db
    .selectFrom('correction_plan_items as i')
    .innerJoin('correction_plans as p', 'p.id', 'i.plan_id')
    .innerJoin('units as u', 'u.id', 'i.unit_id')
    .innerJoin('members as m', 'm.id', 'i.member_id')
    .select(['i.id', 'i.plan_id', 'i.unit_id', 'i.member_id', 'i.shortcoming', 'i.deadline', 'i.status', 'i.claimed_on', 'i.verified_on', 'm.full_name as member_name', 'u.path as unit_path'])
    .where(inSubtree('u.path', unitPath));
}

/**
 * A subtree's plan items of a year counted per cell: all, and those fixed on time (the SQL twin of
 * the domain's `planItemFixedOnTime`: fixed, and claimed — else verified — by the deadline), as the
 * self-examination board counts them from `itemsInSubtree`.
 */
export async function itemCountsByUnit(db: Db, unitPath: string, year: number) {
  const done = sql<string | null>`coalesce(i.claimed_on, i.verified_on)`;
  const rows = await db
    .selectFrom('correction_plan_items as i')
    .innerJoin('correction_plans as p', 'p.id', 'i.plan_id')
    .innerJoin('units as u', 'u.id', 'i.unit_id')
    .innerJoin('members as m', 'm.id', 'i.member_id')
    .select((eb) => [
      'i.unit_id',
      'u.path',
      eb.fn.countAll<number>().as('total'),
      eb.fn.sum<number>(sql`case when i.status = 'fixed' and ${done} is not null and ${done} <= i.deadline then 1 else 0 end`).as('fixed_on_time'),
    ])
    .where(inSubtree('u.path', unitPath))
    .where('p.year', '=', year)
    .groupBy(['i.unit_id', 'u.path'])
    .execute();
  return rows.map((r) => ({ unitId: r.unit_id, unitPath: r.path, total: Number(r.total), fixedOnTime: Number(r.fixed_on_time ?? 0) }));
}

/** Items of a subtree's plans of a year, with the cell's path (boards and statistics). */
export function itemsInSubtree(db: Db, unitPath: string, year: number) {
  return subtreeItems(db, unitPath).where('p.year', '=', year).execute();
}

/** Items of a subtree's plans of the years before `year` not yet verified as fixed: carried over, still to fix. */
export function unfinishedEarlierItemsInSubtree(db: Db, unitPath: string, year: number) {
  return subtreeItems(db, unitPath).where('p.year', '<', year).where('i.status', '<>', 'fixed').execute();
}

export function itemsFromSelfExam(db: Db, selfExamId: string) {
  return db.selectFrom('correction_plan_items').select('id').where('source_self_examination_id', '=', selfExamId).orderBy('position').execute();
}

export async function maxPosition(db: Db, planId: string): Promise<number> {
  const row = await db.selectFrom('correction_plan_items').select((eb) => eb.fn.max('position').as('p')).where('plan_id', '=', planId).executeTakeFirst();
  return Number(row?.p ?? 0);
}

export function insertItems(db: Db, rows: readonly CorrectionPlanItemTable[]) {
  if (rows.length === 0) return Promise.resolve();
  return db.insertInto('correction_plan_items').values([...rows]).execute();
}

export function updateItem(db: Db, id: string, patch: Partial<CorrectionPlanItemTable>) {
  return db.updateTable('correction_plan_items').set(patch).where('id', '=', id).execute();
}

export function progressOf(db: Db, itemIds: readonly string[]) {
  if (itemIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('correction_plan_progress as g')
    .leftJoin('accounts as a', 'a.id', 'g.author_account_id')
    .selectAll('g')
    .select(['a.display_name as author_name'])
    .where('g.item_id', 'in', [...itemIds])
    .orderBy('g.created_at')
    .execute();
}

export function insertProgress(db: Db, row: CorrectionPlanProgressTable) {
  return db.insertInto('correction_plan_progress').values(row).execute();
}

/** A self-examination named as an item's source: whose it is (the self-examinations feature owns the rest). */
export function sourceSelfExamination(db: Db, id: string) {
  return db.selectFrom('self_examinations').select(['id', 'member_id']).where('id', '=', id).executeTakeFirst();
}

/** A cell's plans of a year, one per member. */
export function plansOfUnitYear(db: Db, unitId: string, year: number) {
  return db.selectFrom('correction_plans').select(['id', 'member_id']).where('unit_id', '=', unitId).where('year', '=', year).execute();
}
