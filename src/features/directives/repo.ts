import { sql, type Kysely } from 'kysely';
import type { Database, DirectiveTable, DirectiveTargetTable } from '../../db/schema.js';
import { inSubtree } from '../../db/dialect.js';

type Db = Kysely<Database>;

/** A directive with its issuing unit (name and path, for scope checks) and who created it. */
export function findDirective(db: Db, id: string) {
  return db
    .selectFrom('directives as d')
    .innerJoin('units as u', 'u.id', 'd.unit_id')
    .leftJoin('accounts as a', 'a.id', 'd.created_by_account_id')
    .selectAll('d')
    .select(['u.name as unit_name', 'u.path as unit_path', 'a.display_name as created_by_name'])
    .where('d.id', '=', id)
    .executeTakeFirst();
}
export type DirectiveRow = NonNullable<Awaited<ReturnType<typeof findDirective>>>;

export function insertDirective(db: Db, row: DirectiveTable) {
  return db.insertInto('directives').values(row).execute();
}

export function insertTargets(db: Db, rows: DirectiveTargetTable[]) {
  if (rows.length === 0) return Promise.resolve();
  return db.insertInto('directive_targets').values(rows).execute();
}

export function updateTarget(db: Db, directiveId: string, unitId: string, patch: Partial<DirectiveTargetTable>) {
  return db.updateTable('directive_targets').set(patch).where('directive_id', '=', directiveId).where('unit_id', '=', unitId).execute();
}

/** Active cells below a unit (the unit itself excluded), in name order: "all cells" of a directive. */
export function activeCellsUnder(db: Db, unit: { id: string; path: string }) {
  return db
    .selectFrom('units')
    .select(['id', 'name', 'path'])
    .where(inSubtree('path', unit.path))
    .where('id', '<>', unit.id)
    .where('kind', '=', 'cell')
    .where('archived_at', 'is', null)
    .orderBy('name')
    .execute();
}

/**
 * Targets of some directives with their unit, who acknowledged, and how many tasks the cell made
 * from the directive (all, and closed). `within` keeps only targets inside that subtree.
 */
export function targetsOf(db: Db, directiveIds: string[], within?: string) {
  if (directiveIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('directive_targets as dt')
    .innerJoin('units as u', 'u.id', 'dt.unit_id')
    .leftJoin('accounts as a', 'a.id', 'dt.acknowledged_by_account_id')
    .selectAll('dt')
    .select((eb) => {
      const taskCount = (closed: boolean) =>
        eb
          .selectFrom('tasks as t')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('t.source_directive_id', '=', 'dt.directive_id')
          .whereRef('t.unit_id', '=', 'dt.unit_id')
          .$if(closed, (q) => q.where('t.status', '<>', 'open'));
      return [
        'u.name as unit_name',
        'u.path as unit_path',
        'a.display_name as acknowledged_by_name',
        taskCount(false).as('tasks'),
        taskCount(true).as('tasks_closed'),
      ];
    })
    .where('dt.directive_id', 'in', directiveIds)
    .$if(within !== undefined, (q) => q.where(inSubtree('u.path', within!)))
    .orderBy('u.name')
    .execute()
    .then((rows) => rows.map((r) => ({ ...r, tasks: Number(r.tasks ?? 0), tasks_closed: Number(r.tasks_closed ?? 0) })));
}
export type TargetRow = Awaited<ReturnType<typeof targetsOf>>[number];

/**
 * Directives a unit sees in its list for a year: issued by the unit itself, or aimed at a unit
 * inside its subtree (whoever issued them). Newest first.
 */
export function directivesOfUnit(db: Db, unit: { id: string; path: string }, year: number) {
  return db
    .selectFrom('directives as d')
    .innerJoin('units as u', 'u.id', 'd.unit_id')
    .selectAll('d')
    .select(['u.name as unit_name', 'u.path as unit_path'])
    .where('d.issued_on', '>=', `${year}-01-01`)
    .where('d.issued_on', '<=', `${year}-12-31`)
    .where((eb) =>
      eb.or([
        eb('d.unit_id', '=', unit.id),
        eb.exists(
          eb
            .selectFrom('directive_targets as dt')
            .innerJoin('units as tu', 'tu.id', 'dt.unit_id')
            .select(sql<number>`1`.as('one'))
            .whereRef('dt.directive_id', '=', 'd.id')
            .where(inSubtree('tu.path', unit.path)),
        ),
      ]),
    )
    .orderBy('d.issued_on', 'desc')
    .orderBy('d.created_at', 'desc')
    .execute();
}

/**
 * Targets not yet acknowledged in units under any of `paths` (where someone may assign tasks),
 * soonest deadline first.
 */
export function unacknowledgedTargets(db: Db, paths: string[], limit: number) {
  if (paths.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('directive_targets as dt')
    .innerJoin('directives as d', 'd.id', 'dt.directive_id')
    .innerJoin('units as u', 'u.id', 'dt.unit_id')
    .select(['d.id', 'd.title', 'd.deadline', 'dt.unit_id', 'u.name as unit_name'])
    .where('dt.acknowledged_at', 'is', null)
    .where('u.archived_at', 'is', null)
    .where((eb) => eb.or(paths.map((p) => inSubtree('u.path', p))))
    .orderBy('d.deadline')
    .orderBy('u.name')
    .orderBy('d.id')
    .limit(limit)
    .execute();
}
