import { sql, type Kysely } from 'kysely';
import type { Database, FeedbackTable } from '../../db/schema.js';
import { inSubtree } from '../../db/dialect.js';

type Db = Kysely<Database>;

/** Feedback with every name the lists show, the cell's path for scope checks, and the plan item an acceptance made. */
function selectFeedback(db: Db) {
  return db
    .selectFrom('feedback as f')
    .innerJoin('units as u', 'u.id', 'f.unit_id')
    .leftJoin('members as g', 'g.id', 'f.giver_member_id')
    .leftJoin('members as r', 'r.id', 'f.receiver_member_id')
    .leftJoin('members as ab', 'ab.id', 'f.answered_by_member_id')
    .leftJoin('meetings as mt', 'mt.id', 'f.meeting_id')
    .leftJoin('checklist_items as ci', 'ci.id', 'f.manifestation_item_id')
    .leftJoin('correction_plan_items as pi', 'pi.source_feedback_id', 'f.id')
    .selectAll('f')
    .select([
      'u.path as unit_path',
      'u.name as unit_name',
      'g.full_name as giver_name',
      'r.full_name as receiver_name',
      'ab.full_name as answered_by_name',
      'mt.meeting_date as meeting_date',
      'ci.code as item_code',
      'ci.title as item_title',
      'pi.id as plan_item_id',
      'pi.plan_id as plan_id',
    ]);
}
export type FeedbackRow = FeedbackTable & {
  unit_path: string;
  unit_name: string;
  giver_name: string | null;
  receiver_name: string | null;
  answered_by_name: string | null;
  meeting_date: string | null;
  item_code: string | null;
  item_title: string | null;
  plan_item_id: string | null;
  plan_id: string | null;
};

export function findFeedback(db: Db, id: string): Promise<FeedbackRow | undefined> {
  return selectFeedback(db).where('f.id', '=', id).executeTakeFirst();
}

export function insertFeedback(db: Db, rows: readonly FeedbackTable[]) {
  if (rows.length === 0) return Promise.resolve();
  return db.insertInto('feedback').values([...rows]).execute();
}

export function updateFeedback(db: Db, id: string, patch: Partial<FeedbackTable>) {
  return db.updateTable('feedback').set(patch).where('id', '=', id).execute();
}

/** Feedback the member received (never grave: that goes to the cell committee and UBKT only), newest first. */
function received(db: Db, memberId: string) {
  return selectFeedback(db).where('f.receiver_member_id', '=', memberId).where('f.grave', '=', 0).orderBy('f.given_on', 'desc').orderBy('f.id', 'desc');
}

export function receivedBy(db: Db, memberId: string, limit = 100): Promise<FeedbackRow[]> {
  return received(db, memberId).limit(limit).execute();
}

/** What `receivedBy` lists, given within [from, to] (the yearly review's evidence). */
export function receivedBetween(db: Db, memberId: string, from: string, to: string): Promise<FeedbackRow[]> {
  return received(db, memberId).where('f.given_on', '>=', from).where('f.given_on', '<=', to).execute();
}

/** Feedback the member gave under their name (anonymous feedback has no link to find it by). */
export function givenBy(db: Db, memberId: string, limit = 100): Promise<FeedbackRow[]> {
  return selectFeedback(db).where('f.giver_member_id', '=', memberId).orderBy('f.given_on', 'desc').orderBy('f.id', 'desc').limit(limit).execute();
}

export interface UnitFeedbackFilter {
  unitPath: string;
  withGrave: boolean;
  status?: string | undefined;
  from?: string;
  to?: string;
}

function filtered(db: Db, f: UnitFeedbackFilter) {
  return selectFeedback(db)
    .where(inSubtree('u.path', f.unitPath))
    .$if(!f.withGrave, (q) => q.where('f.grave', '=', 0))
    .$if(f.status !== undefined, (q) => q.where('f.status', '=', f.status!))
    .$if(f.from !== undefined, (q) => q.where('f.given_on', '>=', f.from!))
    .$if(f.to !== undefined, (q) => q.where('f.given_on', '<=', f.to!));
}

export async function listInSubtree(db: Db, f: UnitFeedbackFilter, page: number, pageSize: number) {
  const [{ total } = { total: 0 }] = await db
    .selectFrom('feedback as f')
    .innerJoin('units as u', 'u.id', 'f.unit_id')
    .where(inSubtree('u.path', f.unitPath))
    .$if(!f.withGrave, (q) => q.where('f.grave', '=', 0))
    .$if(f.status !== undefined, (q) => q.where('f.status', '=', f.status!))
    .$if(f.from !== undefined, (q) => q.where('f.given_on', '>=', f.from!))
    .$if(f.to !== undefined, (q) => q.where('f.given_on', '<=', f.to!))
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .execute();
  const rows = await filtered(db, f)
    .orderBy('f.given_on', 'desc')
    .orderBy('f.id', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { total: Number(total), rows };
}

/** Feedback counts of a subtree's cells in a period, by cell, month and status (statistics count everything, grave included). */
export function countsInSubtree(db: Db, unitPath: string, from: string, to: string) {
  return db
    .selectFrom('feedback as f')
    .innerJoin('units as u', 'u.id', 'f.unit_id')
    .select(['f.unit_id', 'f.status', 'f.receiver_member_id'])
    .select((eb) => [sql<string>`substr(f.given_on, 1, 7)`.as('month'), eb.fn.countAll<number>().as('n')])
    .where(inSubtree('u.path', unitPath))
    .where('f.given_on', '>=', from)
    .where('f.given_on', '<=', to)
    .groupBy(['f.unit_id', 'f.status', 'f.receiver_member_id', sql`substr(f.given_on, 1, 7)`])
    .execute();
}

/** How much feedback was given in a subtree within [from, to] (the sum of `countsInSubtree`, counted in SQL). */
export async function givenCountInSubtree(db: Db, unitPath: string, from: string, to: string): Promise<number> {
  const row = await db
    .selectFrom('feedback as f')
    .innerJoin('units as u', 'u.id', 'f.unit_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(inSubtree('u.path', unitPath))
    .where('f.given_on', '>=', from)
    .where('f.given_on', '<=', to)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Awaiting an answer in a subtree (the board's list). */
export function awaitingInSubtree(db: Db, unitPath: string, withGrave: boolean, limit = 50): Promise<FeedbackRow[]> {
  return filtered(db, { unitPath, withGrave, status: 'open' }).orderBy('f.given_on').limit(limit).execute();
}

/** Members of a cell who sit on its committee (their accounts hold a cell_committee or cell_secretary role there). */
export async function committeeMemberIds(db: Db, unitId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('role_assignments as ra')
    .innerJoin('accounts as a', 'a.id', 'ra.account_id')
    .select('a.member_id')
    .where('ra.unit_id', '=', unitId)
    .where('ra.role', 'in', ['cell_committee', 'cell_secretary'])
    .where('a.member_id', 'is not', null)
    .where('a.disabled_at', 'is', null)
    .execute();
  return new Set(rows.map((r) => r.member_id!));
}

export function recentMeetings(db: Db, unitId: string, limit = 24) {
  return db.selectFrom('meetings').select(['id', 'meeting_date', 'kind', 'topic']).where('unit_id', '=', unitId).orderBy('meeting_date', 'desc').limit(limit).execute();
}
