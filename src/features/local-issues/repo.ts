import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type {
  Database,
  LocalIssueCategoryTable,
  LocalIssueConfirmationTable,
  LocalIssueStatusChangeTable,
  LocalIssueTable,
} from '../../db/schema.js';
import { inSubtree, likeContains } from '../../db/dialect.js';

type Db = Kysely<Database>;

// --- categories -----------------------------------------------------------------------------------

export function categoriesOf(db: Db, unitId: string): Promise<LocalIssueCategoryTable[]> {
  return db.selectFrom('local_issue_categories').selectAll().where('unit_id', '=', unitId).orderBy('position').execute();
}

export function insertCategories(db: Db, rows: readonly LocalIssueCategoryTable[]) {
  if (rows.length === 0) return Promise.resolve();
  return db.insertInto('local_issue_categories').values([...rows]).execute();
}

// --- issues ---------------------------------------------------------------------------------------

/** Issues with every name and path the board, the page and the scope checks need. */
function selectIssues(db: Db) {
  return db
    .selectFrom('local_issues as i')
    .innerJoin('units as u', 'u.id', 'i.unit_id')
    .leftJoin('units as vu', 'vu.id', 'i.village_unit_id')
    .leftJoin('units as ru', 'ru.id', 'i.responsible_unit_id')
    .leftJoin('members as rm', 'rm.id', 'i.responsible_member_id')
    .selectAll('i')
    .select([
      'u.path as unit_path',
      'vu.path as village_path',
      sql<string | null>`coalesce(vu.village_name, vu.name)`.as('village_name'),
      'ru.path as responsible_path',
      'ru.name as responsible_unit_name',
      'rm.full_name as responsible_member_name',
    ]);
}
export type IssueRow = LocalIssueTable & {
  unit_path: string;
  village_path: string | null;
  village_name: string | null;
  responsible_path: string | null;
  responsible_unit_name: string | null;
  responsible_member_name: string | null;
};

export function findIssue(db: Db, id: string): Promise<IssueRow | undefined> {
  return selectIssues(db).where('i.id', '=', id).executeTakeFirst();
}

export function insertIssue(db: Db, row: LocalIssueTable) {
  return db.insertInto('local_issues').values(row).execute();
}

export function updateIssue(db: Db, id: string, patch: Partial<LocalIssueTable>) {
  return db.updateTable('local_issues').set(patch).where('id', '=', id).execute();
}

export function insertStatusChange(db: Db, row: LocalIssueStatusChangeTable) {
  return db.insertInto('local_issue_status_changes').values(row).execute();
}

export function statusChangesOf(db: Db, issueId: string) {
  return db
    .selectFrom('local_issue_status_changes as s')
    .leftJoin('accounts as a', 'a.id', 's.actor_account_id')
    .select(['s.id', 's.from_status', 's.to_status', 's.note', 's.created_at', 'a.display_name as actor_name'])
    .where('s.issue_id', '=', issueId)
    .orderBy('s.created_at')
    .orderBy('s.id')
    .execute();
}

/**
 * The issues that concern a unit: on its list (a commune's), in its village, or its
 * responsibility (a cell's). Each as an IN list on an indexed column, so both databases look
 * issues up by unit rather than scanning the province.
 */
function concerning(unitPath: string): RawBuilder<SqlBool> {
  const unitsInSubtree = sql`(select sub.id from units sub where ${inSubtree('sub.path', unitPath)})`;
  return sql<SqlBool>`(i.unit_id in ${unitsInSubtree} or i.village_unit_id in ${unitsInSubtree} or i.responsible_unit_id in ${unitsInSubtree})`;
}

export interface IssueFilter {
  unitPath: string;
  status?: string | undefined;
  categoryCode?: string | undefined;
  villageUnitId?: string | undefined;
  /** Only open issues past their deadline (today is the Vietnam date). */
  overdueOn?: string | undefined;
  /** Folded search text ("trai khong"). */
  search?: string | undefined;
  /** Only those the committee made public. */
  publicOnly?: boolean;
}

function filtered(db: Db, f: IssueFilter) {
  return selectIssues(db)
    .where(concerning(f.unitPath))
    .$if(f.status !== undefined, (q) => q.where('i.status', '=', f.status!))
    .$if(f.categoryCode !== undefined, (q) => q.where('i.category_code', '=', f.categoryCode!))
    .$if(f.villageUnitId !== undefined, (q) => q.where('i.village_unit_id', '=', f.villageUnitId!))
    .$if(f.overdueOn !== undefined, (q) => q.where('i.status', 'in', ['new', 'in_progress']).where('i.deadline', '<', f.overdueOn!))
    .$if(f.search !== undefined, (q) => q.where('i.search_text', 'like', likeContains(f.search!)))
    .$if(f.publicOnly === true, (q) => q.where('i.public', '=', 1));
}

/** A page of issues: overdue and open first (by deadline), then the rest by last change. */
export async function listIssues(db: Db, f: IssueFilter, page: number, pageSize: number): Promise<{ total: number; rows: IssueRow[] }> {
  const [{ total } = { total: 0 }] = await filtered(db, f)
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .execute();
  const rows = await filtered(db, f)
    .orderBy(sql`case when i.status in ('new', 'in_progress') then 0 else 1 end`)
    .orderBy(sql`case when i.deadline is null then 1 else 0 end`)
    .orderBy('i.deadline')
    .orderBy('i.updated_at', 'desc')
    .orderBy('i.id')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { total: Number(total), rows };
}

/** The board's counts over every issue concerning the unit. */
export async function boardCounts(db: Db, unitPath: string, today: string) {
  const rows = await db
    .selectFrom('local_issues as i')
    .leftJoin('units as vu', 'vu.id', 'i.village_unit_id')
    .where(concerning(unitPath))
    .select(['i.status', 'i.category_code', 'i.village_unit_id', sql<string | null>`coalesce(vu.village_name, vu.name)`.as('village_name')])
    .select((eb) => [
      eb.fn.countAll<number>().as('n'),
      sql<number>`sum(case when i.status in ('new', 'in_progress') and i.deadline < ${today} then 1 else 0 end)`.as('overdue'),
    ])
    .groupBy(['i.status', 'i.category_code', 'i.village_unit_id', 'vu.village_name', 'vu.name'])
    .execute();
  return rows.map((r) => ({ ...r, n: Number(r.n), overdue: Number(r.overdue ?? 0) }));
}

/** Confirmations and disputes of the current round, per issue. */
export async function confirmationCountsOf(db: Db, issues: readonly { id: string; resolution_round: number }[]) {
  const out = new Map<string, { confirmed: number; disputed: number }>();
  if (issues.length === 0) return out;
  const rows = await db
    .selectFrom('local_issue_confirmations as c')
    .innerJoin('local_issues as i', (j) => j.onRef('i.id', '=', 'c.issue_id').onRef('i.resolution_round', '=', 'c.round'))
    .select(['c.issue_id', 'c.decision'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('c.issue_id', 'in', issues.map((i) => i.id))
    .groupBy(['c.issue_id', 'c.decision'])
    .execute();
  for (const r of rows) {
    const counts = out.get(r.issue_id) ?? { confirmed: 0, disputed: 0 };
    if (r.decision === 'confirm') counts.confirmed += Number(r.n);
    else counts.disputed += Number(r.n);
    out.set(r.issue_id, counts);
  }
  return out;
}

/** Open tasks and citizens' messages per issue, for the board. */
export async function linkCountsOf(db: Db, issueIds: readonly string[]) {
  const open = new Map<string, number>();
  const feedback = new Map<string, number>();
  if (issueIds.length === 0) return { open, feedback };
  const [tasks, messages] = await Promise.all([
    db
      .selectFrom('tasks')
      .select('source_local_issue_id as issue_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('source_local_issue_id', 'in', [...issueIds])
      .where('status', '=', 'open')
      .groupBy('source_local_issue_id')
      .execute(),
    db
      .selectFrom('citizen_feedback')
      .select('local_issue_id as issue_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('local_issue_id', 'in', [...issueIds])
      .groupBy('local_issue_id')
      .execute(),
  ]);
  for (const t of tasks) open.set(t.issue_id!, Number(t.n));
  for (const m of messages) feedback.set(m.issue_id!, Number(m.n));
  return { open, feedback };
}

export function confirmationsOf(db: Db, issueId: string, round?: number) {
  return db
    .selectFrom('local_issue_confirmations as c')
    .leftJoin('units as cu', 'cu.id', 'c.cell_unit_id')
    .select(['c.id', 'c.round', 'c.decision', 'c.comment', 'c.citizen_feedback_id', 'c.cell_unit_id', 'c.created_at', 'cu.name as cell_name'])
    .where('c.issue_id', '=', issueId)
    .$if(round !== undefined, (q) => q.where('c.round', '=', round!))
    .orderBy('c.created_at')
    .orderBy('c.id')
    .execute();
}

export function insertConfirmation(db: Db, row: LocalIssueConfirmationTable) {
  return db.insertInto('local_issue_confirmations').values(row).execute();
}

/** The citizens' messages linked to an issue (content and dates; contacts stay in their own feature). */
export function citizenFeedbackOfIssue(db: Db, issueId: string) {
  return db
    .selectFrom('citizen_feedback')
    .select(['id', 'status', 'content', 'created_at'])
    .where('local_issue_id', '=', issueId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** A village cell for an issue's place: an active cell that stands for a village. */
export function findVillage(db: Db, unitId: string) {
  return db
    .selectFrom('units')
    .select(['id', 'path', 'name', 'village_name', 'archived_at'])
    .where('id', '=', unitId)
    .where('kind', '=', 'cell')
    .where('village_name', 'is not', null)
    .executeTakeFirst();
}

/** Who put an issue on the list, by name (the timeline's first line). */
export function accountName(db: Db, accountId: string) {
  return db.selectFrom('accounts').select('display_name').where('id', '=', accountId).executeTakeFirst();
}
