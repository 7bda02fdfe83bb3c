import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { AttachmentTable, Database, TaskProgressTable, TaskTable } from '../../db/schema.js';
import { inSubtree } from '../../db/dialect.js';

type Db = Kysely<Database>;

/**
 * Tasks with what every list shows: the owner's name (a member's or a unit's), the assigning
 * unit's name and path (for scope checks), and the source meeting's date. Every task query starts
 * here, so the presenter gets the same row shape everywhere.
 */
export function selectTasks(db: Kysely<Database>) {
  return db
    .selectFrom('tasks as t')
    .innerJoin('units as u', 'u.id', 't.unit_id')
    .leftJoin('members as om', 'om.id', 't.owner_member_id')
    .leftJoin('units as ou', 'ou.id', 't.owner_unit_id')
    .leftJoin('meetings as sm', 'sm.id', 't.source_meeting_id')
    .selectAll('t')
    .select([
      'u.name as unit_name',
      'u.path as unit_path',
      'om.full_name as owner_member_name',
      'ou.name as owner_unit_name',
      'sm.meeting_date as source_meeting_date',
    ]);
}
export type TaskRow = TaskTable & {
  unit_name: string;
  unit_path: string;
  owner_member_name: string | null;
  owner_unit_name: string | null;
  source_meeting_date: string | null;
};

/**
 * A unit's tasks: those it or a unit below it assigned, and those handed to it or a unit below
 * it (a cell given a task by the commune sees it as its own work).
 */
function inUnitScope(unitPath: string): RawBuilder<SqlBool> {
  // Written as two IN lists on indexed task columns (not as conditions on the joined units) so
  // both databases look the tasks up by unit instead of scanning every task of the province.
  const unitsInSubtree = sql`(select sub.id from units sub where ${inSubtree('sub.path', unitPath)})`;
  return sql<SqlBool>`(t.unit_id in ${unitsInSubtree} or t.owner_unit_id in ${unitsInSubtree})`;
}

/**
 * A task's hand-down to a mass organisation (ngày chậm giao): 0 none, 1 the day the cell received
 * it, 2 a day or more later (the domain's `handDownDelayDays` above zero). Lists and counts share it.
 */
const handDownKind = sql<number>`(case when t.handed_down_on is null then 0 when t.received_on is not null and t.handed_down_on > t.received_on then 2 else 1 end)`;

/** A task's year is its deadline's. */
function inYear(year: number): RawBuilder<SqlBool> {
  return dueIn(`${year}-01-01`, `${year}-12-31`);
}

/** Due within [from, to] (inclusive dates). */
function dueIn(from: string, to: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`(t.deadline >= ${from} and t.deadline <= ${to})`;
}

/**
 * Quá hạn, in SQL: the domain's `isOverdue` (open, past its deadline day), whatever the year of
 * the deadline. Every count and list of overdue tasks uses this one condition.
 */
function overdue(today: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`(t.status = 'open' and t.deadline < ${today})`;
}

/** One task with everything its page shows besides co-workers and progress. */
export function findTask(db: Db, id: string) {
  return selectTasks(db)
    .leftJoin('directives as sd', 'sd.id', 't.source_directive_id')
    .leftJoin('commitments as sc', 'sc.id', 't.source_commitment_id')
    .leftJoin('accounts as cb', 'cb.id', 't.closed_by_account_id')
    .leftJoin('accounts as cr', 'cr.id', 't.created_by_account_id')
    .select([
      'ou.path as owner_unit_path',
      'ou.kind as owner_unit_kind',
      'ou.contact_name as owner_contact_name',
      'ou.contact_phone as owner_contact_phone',
      'sd.title as source_directive_title',
      'sc.title as source_commitment_title',
      'cb.display_name as closed_by_name',
      'cr.display_name as created_by_name',
    ])
    .where('t.id', '=', id)
    .executeTakeFirst();
}
export type TaskWithDetail = NonNullable<Awaited<ReturnType<typeof findTask>>>;

export function insertTask(db: Db, row: TaskTable) {
  return db.insertInto('tasks').values(row).execute();
}

export function updateTask(db: Db, id: string, patch: Partial<TaskTable>) {
  return db.updateTable('tasks').set(patch).where('id', '=', id).execute();
}

export function insertCoworkers(db: Db, rows: { task_id: string; member_id: string; unit_id: string }[]) {
  if (rows.length === 0) return Promise.resolve();
  return db.insertInto('task_coworkers').values(rows).execute();
}

/** A task's co-workers, in Vietnamese name order. */
export function coworkersOf(db: Db, taskId: string) {
  return db
    .selectFrom('task_coworkers as c')
    .innerJoin('members as m', 'm.id', 'c.member_id')
    .select(['c.member_id', 'm.full_name'])
    .where('c.task_id', '=', taskId)
    .orderBy('m.sort_key')
    .execute();
}

/**
 * Removes tasks with their co-workers, progress reports and the reports' files (a meeting's
 * outcome deleted before its minutes were approved). Callers remove their own references first.
 */
export async function deleteTasks(db: Db, taskIds: string[]): Promise<void> {
  if (taskIds.length === 0) return;
  const files = await db.selectFrom('task_progress').select('attachment_id').where('task_id', 'in', taskIds).where('attachment_id', 'is not', null).execute();
  await db.deleteFrom('task_progress').where('task_id', 'in', taskIds).execute();
  const fileIds = files.map((f) => f.attachment_id!);
  if (fileIds.length) await db.deleteFrom('attachments').where('id', 'in', fileIds).execute();
  await db.deleteFrom('task_coworkers').where('task_id', 'in', taskIds).execute();
  await db.deleteFrom('tasks').where('id', 'in', taskIds).execute();
}

// --- progress and attachments ---------------------------------------------------------------

/** Progress reports, newest first, with the file's description (never its bytes). */
export function progressOf(db: Db, taskId: string) {
  return db
    .selectFrom('task_progress as p')
    .leftJoin('attachments as a', 'a.id', 'p.attachment_id')
    .leftJoin('members as m', 'm.id', 'p.author_member_id')
    .leftJoin('accounts as ac', 'ac.id', 'p.author_account_id')
    .select([
      'p.id',
      'p.text',
      'p.percent',
      'p.created_at',
      'm.full_name as author_member_name',
      'ac.display_name as author_account_name',
      'a.id as attachment_id',
      'a.file_name',
      'a.mime_type',
      'a.size_bytes',
    ])
    .where('p.task_id', '=', taskId)
    .orderBy('p.created_at', 'desc')
    .orderBy('p.id', 'desc')
    .execute();
}

export function insertProgress(db: Db, row: TaskProgressTable) {
  return db.insertInto('task_progress').values(row).execute();
}

export function insertAttachment(db: Db, row: AttachmentTable) {
  return db.insertInto('attachments').values(row).execute();
}

/** A file attached to one of this task's reports (another task's file is not found here). */
export function findTaskAttachment(db: Db, taskId: string, attachmentId: string) {
  return db
    .selectFrom('attachments as a')
    .innerJoin('task_progress as p', 'p.attachment_id', 'a.id')
    .select(['a.id', 'a.file_name', 'a.mime_type', 'a.size_bytes', 'a.content'])
    .where('a.id', '=', attachmentId)
    .where('p.task_id', '=', taskId)
    .executeTakeFirst();
}

// --- what a new task refers to --------------------------------------------------------------

/** Members with their cell's path and kind, to check an owner or co-worker against a scope. */
export function membersWithUnits(db: Db, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('members as m')
    .innerJoin('units as u', 'u.id', 'm.unit_id')
    .select(['m.id', 'm.unit_id', 'm.archived_at', 'u.path as unit_path', 'u.kind as unit_kind'])
    .where('m.id', 'in', ids)
    .execute();
}

/** A directive, when it was sent to the unit. */
export function directiveSentTo(db: Db, directiveId: string, unitId: string) {
  return db
    .selectFrom('directives as d')
    .innerJoin('directive_targets as dt', 'dt.directive_id', 'd.id')
    .select(['d.id', 'd.title', 'd.issued_on'])
    .where('d.id', '=', directiveId)
    .where('dt.unit_id', '=', unitId)
    .executeTakeFirst();
}

/** A meeting named as a task's source: its unit and date (the meetings feature owns the rest). */
export function sourceMeeting(db: Db, id: string) {
  return db
    .selectFrom('meetings as m')
    .innerJoin('units as u', 'u.id', 'm.unit_id')
    .select(['m.id', 'm.unit_id', 'm.meeting_date', 'u.path as unit_path'])
    .where('m.id', '=', id)
    .executeTakeFirst();
}

/** A local issue named as a task's source: what the rules need to know of it and its status. */
export function sourceLocalIssue(db: Db, id: string) {
  return db
    .selectFrom('local_issues as i')
    .innerJoin('units as u', 'u.id', 'i.unit_id')
    .leftJoin('units as vu', 'vu.id', 'i.village_unit_id')
    .leftJoin('units as ru', 'ru.id', 'i.responsible_unit_id')
    .select(['i.id', 'i.unit_id', 'i.status', 'u.path as unit_path', 'vu.path as village_path', 'ru.path as responsible_path'])
    .where('i.id', '=', id)
    .executeTakeFirst();
}

export function findCommitmentWithUnit(db: Db, id: string) {
  return db
    .selectFrom('commitments as c')
    .innerJoin('units as u', 'u.id', 'c.unit_id')
    .select(['c.id', 'c.member_id', 'c.title', 'u.path as unit_path'])
    .where('c.id', '=', id)
    .executeTakeFirst();
}

// --- by source (read by the directive and local-issue pages) ----------------------------------

/** Tasks made from a directive, with the names every task list shows and who may read them (owner unit, co-workers). */
export async function tasksFromDirective(db: Db, directiveId: string) {
  const rows = await selectTasks(db)
    .select('ou.path as owner_unit_path')
    .where('t.source_directive_id', '=', directiveId)
    .orderBy('t.deadline')
    .orderBy('t.created_at')
    .execute();
  const coworkers =
    rows.length === 0 ? [] : await db.selectFrom('task_coworkers').select(['task_id', 'member_id']).where('task_id', 'in', rows.map((r) => r.id)).execute();
  return rows.map((r) => ({ ...r, coworker_ids: coworkers.filter((c) => c.task_id === r.id).map((c) => c.member_id) }));
}

/** An issue's actions, with who gave and who closed each (the timeline names them). */
export function tasksFromLocalIssue(db: Db, issueId: string) {
  return selectTasks(db)
    .leftJoin('accounts as ga', 'ga.id', 't.created_by_account_id')
    .leftJoin('accounts as xa', 'xa.id', 't.closed_by_account_id')
    .select(['ga.display_name as given_by_name', 'xa.display_name as closed_by_name'])
    .where('t.source_local_issue_id', '=', issueId)
    .orderBy('t.created_at')
    .orderBy('t.id')
    .execute();
}

/** Tasks decided at a meeting. */
export function tasksFromMeeting(db: Db, meetingId: string): Promise<TaskRow[]> {
  return tasksFromMeetings(db, [meetingId]);
}

/** Tasks decided at several meetings (each row's `source_meeting_id` says which). */
export function tasksFromMeetings(db: Db, meetingIds: readonly string[]): Promise<TaskRow[]> {
  return selectTasks(db).where('t.source_meeting_id', 'in', meetingIds).orderBy('t.created_at').orderBy('t.id').execute();
}

/** Tasks a meeting reviews (carried over from the cell's earlier meetings). */
export async function tasksReviewedAt(db: Db, meetingId: string): Promise<TaskRow[]> {
  return (await tasksReviewedAtMeetings(db, [meetingId])).map(({ reviewed_at_meeting_id: _, ...task }) => task);
}

/** Tasks several meetings review, each row naming the meeting that reviews it. */
export function tasksReviewedAtMeetings(db: Db, meetingIds: readonly string[]) {
  return selectTasks(db)
    .innerJoin('meeting_reviewed_tasks as r', 'r.task_id', 't.id')
    .select('r.meeting_id as reviewed_at_meeting_id')
    .where('r.meeting_id', 'in', meetingIds)
    .orderBy('t.deadline')
    .orderBy('t.id')
    .execute();
}

/**
 * Open tasks of a cell decided at its meetings — those before `beforeDate` when given: the next
 * meeting reviews them.
 */
export function openMeetingTasks(db: Db, unitId: string, beforeDate?: string): Promise<TaskRow[]> {
  let query = selectTasks(db).where('t.unit_id', '=', unitId).where('t.status', '=', 'open').where('sm.meeting_date', 'is not', null);
  if (beforeDate !== undefined) query = query.where('sm.meeting_date', '<', beforeDate);
  return query.orderBy('t.deadline').orderBy('t.id').execute();
}

// --- lists ------------------------------------------------------------------------------------

export interface TaskListFilter {
  unitPath: string;
  today: string;
  year?: number | undefined;
  /** Deadlines in the years before this one. */
  beforeYear?: number | undefined;
  /** Deadlines within [from, to] (the overview's period). */
  from?: string | undefined;
  to?: string | undefined;
  /** Only tasks handed down to a unit (all), or those handed down a day or more after the cell received them (delayed). */
  handDown?: 'all' | 'delayed' | undefined;
  status?: string | undefined;
  ownerMemberId?: string | undefined;
  ownerUnitId?: string | undefined;
  page: number;
  pageSize: number;
}

/**
 * One page of a unit's tasks and the total: overdue first (oldest deadline first), then the
 * other open ones by deadline, then the closed ones, newest first.
 */
export async function listTasks(db: Db, f: TaskListFilter) {
  let base = selectTasks(db).where(inUnitScope(f.unitPath));
  if (f.year !== undefined) base = base.where(inYear(f.year));
  if (f.beforeYear !== undefined) base = base.where('t.deadline', '<', `${f.beforeYear}-01-01`);
  if (f.from !== undefined) base = base.where('t.deadline', '>=', f.from);
  if (f.to !== undefined) base = base.where('t.deadline', '<=', f.to);
  if (f.handDown !== undefined) base = base.where(sql<SqlBool>`${handDownKind} ${sql.raw(f.handDown === 'delayed' ? '= 2' : '> 0')}`);
  if (f.status === 'overdue') base = base.where(overdue(f.today));
  else if (f.status === 'closed') base = base.where('t.status', '<>', 'open');
  else if (f.status) base = base.where('t.status', '=', f.status);
  if (f.ownerMemberId) base = base.where('t.owner_member_id', '=', f.ownerMemberId);
  if (f.ownerUnitId) base = base.where('t.owner_unit_id', '=', f.ownerUnitId);
  const rank = sql<number>`case when ${overdue(f.today)} then 0 when t.status = 'open' then 1 else 2 end`;
  const [countRow, rows] = await Promise.all([
    base.clearSelect().select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirst(),
    base
      .orderBy(rank)
      .orderBy(sql`case when t.status = 'open' then t.deadline else '' end`)
      .orderBy(sql`coalesce(t.closed_on, '')`, 'desc')
      .orderBy('t.deadline', 'desc')
      .orderBy('t.id')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
  ]);
  return { total: Number(countRow?.total ?? 0), rows };
}

/**
 * The tasks due in [from, to] that a member owns (`ownerMemberId`), or that lie in a unit's scope
 * as its list and board count them (`unitPath`), by deadline: the yearly review's evidence, whose
 * figures for a year are then the board's and the list's.
 */
export function tasksDueIn(db: Db, q: ({ ownerMemberId: string } | { unitPath: string }) & { from: string; to: string }): Promise<TaskRow[]> {
  const scoped = 'unitPath' in q ? selectTasks(db).where(inUnitScope(q.unitPath)) : selectTasks(db).where('t.owner_member_id', '=', q.ownerMemberId);
  return scoped.where('t.deadline', '>=', q.from).where('t.deadline', '<=', q.to).orderBy('t.deadline').orderBy('t.id').execute();
}

/** Open tasks a member owns or shares, by deadline. */
export function memberOpenTasks(db: Db, memberId: string): Promise<TaskRow[]> {
  return selectTasks(db)
    .where('t.status', '=', 'open')
    .where(ownedOrShared(memberId))
    .orderBy('t.deadline')
    .orderBy('t.id')
    .execute();
}

/** A member's tasks closed since a date, newest first. */
export function memberClosedTasks(db: Db, memberId: string, since: string, limit: number): Promise<TaskRow[]> {
  return selectTasks(db)
    .where('t.status', '<>', 'open')
    .where('t.closed_on', '>=', since)
    .where(ownedOrShared(memberId))
    .orderBy('t.closed_on', 'desc')
    .orderBy('t.id', 'desc')
    .limit(limit)
    .execute();
}

function ownedOrShared(memberId: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`(t.owner_member_id = ${memberId} or t.id in (select task_id from task_coworkers where member_id = ${memberId}))`;
}

/** Assigned by a unit under any of the paths, or created by the account. */
function assignedBy(q: { paths: string[]; accountId: string }): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${sql.join([...q.paths.map((p) => inSubtree('u.path', p)), sql`t.created_by_account_id = ${q.accountId}`], sql` or `)})`;
}

/** Overdue tasks assigned under any of the paths, or created by the account; oldest deadline first. */
export function overdueAssignedBy(db: Db, q: { paths: string[]; accountId: string; today: string; limit: number }): Promise<TaskRow[]> {
  return selectTasks(db).where(overdue(q.today)).where(assignedBy(q)).orderBy('t.deadline').orderBy('t.id').limit(q.limit).execute();
}

/** How many tasks `overdueAssignedBy` finds without its limit. */
export async function countOverdueAssignedBy(db: Db, q: { paths: string[]; accountId: string; today: string }): Promise<number> {
  const row = await selectTasks(db)
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(overdue(q.today))
    .where(assignedBy(q))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** A unit's overdue tasks of a year, oldest deadline first. */
export function overdueTasks(db: Db, q: { unitPath: string; year: number; today: string; limit: number }): Promise<TaskRow[]> {
  return selectTasks(db)
    .where(inUnitScope(q.unitPath))
    .where(inYear(q.year))
    .where(overdue(q.today))
    .orderBy('t.deadline')
    .orderBy('t.id')
    .limit(q.limit)
    .execute();
}

/** How many of a unit's tasks due in the years before `year` are still overdue (carried over). */
export async function countOverdueBefore(db: Db, q: { unitPath: string; year: number; today: string }): Promise<number> {
  const row = await db
    .selectFrom('tasks as t')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(inUnitScope(q.unitPath))
    .where('t.deadline', '<', `${q.year}-01-01`)
    .where(overdue(q.today))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

// --- the new-task form's choices -------------------------------------------------------------

/** Active members of the cells in a subtree, in name order. */
export function membersUnder(db: Db, unitPath: string) {
  return db
    .selectFrom('members as m')
    .innerJoin('units as u', 'u.id', 'm.unit_id')
    .select(['m.id', 'm.full_name', 'u.name as unit_name'])
    .where(inSubtree('u.path', unitPath))
    .where('u.kind', '=', 'cell')
    .where('m.archived_at', 'is', null)
    .orderBy('m.sort_key')
    .orderBy('m.id')
    .execute();
}

/** Active mass organisations and cells strictly below a unit: who a task may be handed to. */
export function ownerUnitsUnder(db: Db, unit: { id: string; path: string }) {
  return db
    .selectFrom('units')
    .select(['id', 'name', 'kind', 'contact_name', 'path'])
    .where(inSubtree('path', unit.path))
    .where('id', '<>', unit.id)
    .where('kind', 'in', ['mass_org', 'cell'])
    .where('archived_at', 'is', null)
    .orderBy('name')
    .execute();
}

/** Directives sent to a unit, newest first. */
export function directivesSentTo(db: Db, unitId: string, limit = 50) {
  return db
    .selectFrom('directives as d')
    .innerJoin('directive_targets as dt', 'dt.directive_id', 'd.id')
    .select(['d.id', 'd.title', 'd.issued_on', 'd.deadline'])
    .where('dt.unit_id', '=', unitId)
    .orderBy('d.issued_on', 'desc')
    .orderBy('d.id', 'desc')
    .limit(limit)
    .execute();
}

/** A unit's latest meetings, newest first. */
export function recentMeetings(db: Db, unitId: string, limit = 24) {
  return db
    .selectFrom('meetings')
    .select(['id', 'meeting_date', 'kind', 'topic'])
    .where('unit_id', '=', unitId)
    .orderBy('meeting_date', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

// --- boards -----------------------------------------------------------------------------------

/**
 * The year's tasks of a unit with the columns boards group by: the cell whose work it is (the
 * owning cell for a task the commune gave a cell, else the assigning unit), the deadline's
 * month, the owner, and whether it is overdue. Counting happens over this, in SQL.
 */
function boardTasks(db: Db, q: { unitPath: string; today: string } & ({ year: number } | { from: string; to: string })) {
  return db
    .selectFrom('tasks as t')
    .innerJoin('units as u', 'u.id', 't.unit_id')
    .leftJoin('units as ou', 'ou.id', 't.owner_unit_id')
    .leftJoin('members as om', 'om.id', 't.owner_member_id')
    .where(inUnitScope(q.unitPath))
    .where('year' in q ? inYear(q.year) : dueIn(q.from, q.to))
    .select([
      sql<string>`case when ou.kind = 'cell' then ou.id else t.unit_id end`.as('work_unit_id'),
      sql<string>`case when ou.kind = 'cell' then ou.path else u.path end`.as('work_unit_path'),
      sql<string>`substr(t.deadline, 6, 2)`.as('month'),
      sql<string>`coalesce(t.owner_member_id, t.owner_unit_id)`.as('owner_id'),
      sql<string>`case when t.owner_unit_id is null then 'member' else 'unit' end`.as('owner_kind'),
      sql<string>`coalesce(om.full_name, ou.name)`.as('owner_name'),
      'om.sort_key as owner_sort',
      't.status',
      sql<number>`case when ${overdue(q.today)} then 1 else 0 end`.as('overdue'),
      handDownKind.as('hand_down'),
      't.received_on',
      't.handed_down_on',
    ]);
}

export interface BoardBucket {
  key: string;
  status: string;
  overdue: boolean;
  n: number;
}

/** The year's tasks counted by work unit, by deadline month, or by owner — status and overdue within each. */
export async function boardBuckets(
  db: Db,
  q: { unitPath: string; year: number; today: string; by: 'unit' | 'month' | 'owner' },
): Promise<(BoardBucket & { ownerKind: 'member' | 'unit'; ownerName: string; ownerSort: string | null })[]> {
  const keys = { unit: ['work_unit_id'], month: ['month'], owner: ['owner_id', 'owner_kind', 'owner_name', 'owner_sort'] }[q.by];
  const rows = await db
    .selectFrom(boardTasks(db, q).as('x'))
    .select((eb) => [...keys.map((k) => sql.ref(`x.${k}`).as(k)), 'x.status', 'x.overdue', eb.fn.countAll<number>().as('n')])
    .groupBy([...keys.map((k) => sql.ref(`x.${k}`)), 'x.status', 'x.overdue'])
    .execute();
  return (rows as Record<string, unknown>[]).map((r) => ({
    key: String(q.by === 'unit' ? r.work_unit_id : q.by === 'month' ? r.month : r.owner_id),
    status: String(r.status),
    overdue: Number(r.overdue) === 1,
    n: Number(r.n),
    ownerKind: r.owner_kind === 'unit' ? 'unit' : 'member',
    ownerName: String(r.owner_name ?? ''),
    ownerSort: (r.owner_sort as string | null | undefined) ?? null,
  }));
}

/**
 * Tasks due in [from, to] counted by the work unit (with its path) — status, overdue and
 * hand-down within each: the overview's figures, as the unit's task list filtered by the same dates counts them.
 */
export async function taskCountsByWorkUnit(db: Db, q: { unitPath: string; from: string; to: string; today: string }) {
  const rows = await db
    .selectFrom(boardTasks(db, q).as('x'))
    .select((eb) => ['x.work_unit_id', 'x.work_unit_path', 'x.status', 'x.overdue', 'x.hand_down', eb.fn.countAll<number>().as('n')])
    .groupBy(['x.work_unit_id', 'x.work_unit_path', 'x.status', 'x.overdue', 'x.hand_down'])
    .execute();
  return rows.map((r) => ({
    unitId: String(r.work_unit_id),
    unitPath: String(r.work_unit_path),
    status: String(r.status),
    overdue: Number(r.overdue) === 1,
    handDown: Number(r.hand_down) as 0 | 1 | 2,
    n: Number(r.n),
  }));
}

/** The year's hand-downs to mass organisations, by work unit (a few per cell: delays are averaged in code). */
export async function handDowns(db: Db, q: { unitPath: string; year: number; today: string }) {
  const rows = await db
    .selectFrom(boardTasks(db, q).as('x'))
    .select(['x.work_unit_id', 'x.received_on', 'x.handed_down_on'])
    .where('x.handed_down_on', 'is not', null)
    .execute();
  return rows.map((r) => ({ unitId: String(r.work_unit_id), receivedOn: r.received_on, handedDownOn: r.handed_down_on }));
}
