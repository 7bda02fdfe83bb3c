import { sql, type Kysely } from 'kysely';
import type { CitizenFeedbackCodeTable, CitizenFeedbackTable, Database, PublicSubmissionTable } from '../../db/schema.js';
import { inSubtree } from '../../db/dialect.js';

type Db = Kysely<Database>;

/** A citizen's message with the names and paths the inbox, the page and the scope checks need. */
function selectFeedback(db: Db) {
  return db
    .selectFrom('citizen_feedback as f')
    .innerJoin('units as u', 'u.id', 'f.unit_id')
    .innerJoin('units as vu', 'vu.id', 'f.village_unit_id')
    .leftJoin('units as ru', 'ru.id', 'f.routed_unit_id')
    .leftJoin('local_issues as li', 'li.id', 'f.local_issue_id')
    .leftJoin('accounts as ab', 'ab.id', 'f.answered_by_account_id')
    .selectAll('f')
    .select([
      'u.path as unit_path',
      sql<string>`coalesce(vu.village_name, vu.name)`.as('village_name'),
      'ru.path as routed_path',
      'ru.name as routed_name',
      'li.title as issue_title',
      'li.status as issue_status',
      'ab.display_name as answered_by_name',
    ]);
}
export type CitizenFeedbackRow = CitizenFeedbackTable & {
  unit_path: string;
  village_name: string;
  routed_path: string | null;
  routed_name: string | null;
  issue_title: string | null;
  issue_status: string | null;
  answered_by_name: string | null;
};

export function findFeedback(db: Db, id: string): Promise<CitizenFeedbackRow | undefined> {
  return selectFeedback(db).where('f.id', '=', id).executeTakeFirst();
}

/** The message a tracking code names (by the code's hash: the primary key, one index probe either way). */
export async function findByCodeHash(db: Db, codeHash: string): Promise<CitizenFeedbackRow | undefined> {
  return selectFeedback(db)
    .innerJoin('citizen_feedback_codes as c', 'c.feedback_id', 'f.id')
    .where('c.code_hash', '=', codeHash)
    .executeTakeFirst();
}

export function insertFeedback(db: Db, row: CitizenFeedbackTable) {
  return db.insertInto('citizen_feedback').values(row).execute();
}

export function insertCode(db: Db, row: CitizenFeedbackCodeTable) {
  return db.insertInto('citizen_feedback_codes').values(row).execute();
}

export function updateFeedback(db: Db, id: string, patch: Partial<CitizenFeedbackTable>) {
  return db.updateTable('citizen_feedback').set(patch).where('id', '=', id).execute();
}

/** The earlier copy of a message: same contact, same village, same words, since `since`. */
export function findDuplicate(db: Db, q: { contactHash: string; contentHash: string; villageUnitId: string; since: string }) {
  return db
    .selectFrom('citizen_feedback')
    .select(['id', 'unit_id', 'duplicate_count'])
    .where('contact_hash', '=', q.contactHash)
    .where('content_hash', '=', q.contentHash)
    .where('created_at', '>=', q.since)
    .where('village_unit_id', '=', q.villageUnitId)
    .orderBy('created_at')
    .executeTakeFirst();
}

/** Messages of a commune (or those routed to a cell in it), newest first. */
export async function listInSubtree(db: Db, f: { unitPath: string; routedOnlyPaths: string[] | null; status?: string | undefined }, page: number, pageSize: number) {
  const base = () =>
    selectFeedback(db)
      .$if(f.routedOnlyPaths === null, (q) => q.where(inSubtree('u.path', f.unitPath)))
      .$if(f.routedOnlyPaths !== null, (q) => q.where((eb) => eb.or(f.routedOnlyPaths!.map((p) => inSubtree('ru.path', p)))))
      .$if(f.status !== undefined, (q) => q.where('f.status', '=', f.status!));
  const [{ total } = { total: 0 }] = await base()
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .execute();
  const rows = await base().orderBy('f.created_at', 'desc').orderBy('f.id', 'desc').limit(pageSize).offset((page - 1) * pageSize).execute();
  return { total: Number(total), rows, counts: await statusCountsInSubtree(db, f) };
}

/** How many messages of each status the inbox `listInSubtree` reads holds (its tabs; the overview). */
export async function statusCountsInSubtree(db: Db, f: { unitPath: string; routedOnlyPaths: string[] | null }) {
  const counts = await db
    .selectFrom('citizen_feedback as f')
    .innerJoin('units as u', 'u.id', 'f.unit_id')
    .leftJoin('units as ru', 'ru.id', 'f.routed_unit_id')
    .$if(f.routedOnlyPaths === null, (q) => q.where(inSubtree('u.path', f.unitPath)))
    .$if(f.routedOnlyPaths !== null, (q) => q.where((eb) => eb.or(f.routedOnlyPaths!.map((p) => inSubtree('ru.path', p)))))
    .select('f.status')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .groupBy('f.status')
    .execute();
  return counts.map((c) => ({ status: c.status, n: Number(c.n) }));
}

// --- abuse guards -------------------------------------------------------------------------------------

export function insertSubmission(db: Db, row: PublicSubmissionTable) {
  return db.insertInto('public_submissions').values(row).execute();
}

export async function countSubmissions(db: Db, q: { ipHash: string; contactHash: string | null; ipSince: string; contactSince: string }) {
  const [ip, contact] = await Promise.all([
    db.selectFrom('public_submissions').select((eb) => eb.fn.countAll<number>().as('n')).where('ip_hash', '=', q.ipHash).where('created_at', '>=', q.ipSince).executeTakeFirst(),
    q.contactHash
      ? db.selectFrom('public_submissions').select((eb) => eb.fn.countAll<number>().as('n')).where('contact_hash', '=', q.contactHash).where('created_at', '>=', q.contactSince).executeTakeFirst()
      : Promise.resolve({ n: 0 }),
  ]);
  return { ipLastHour: Number(ip?.n ?? 0), contactLastDay: Number(contact?.n ?? 0) };
}

/** Counting rows older than the longest window serve nothing: drop them as new ones arrive. */
export function pruneSubmissions(db: Db, before: string) {
  return db.deleteFrom('public_submissions').where('created_at', '<', before).execute();
}

export function findSecret(db: Db, name: string) {
  return db.selectFrom('app_secrets').select('value').where('name', '=', name).executeTakeFirst();
}

export async function insertSecretIfMissing(db: Db, row: { name: string; value: string; created_at: string }) {
  await db.insertInto('app_secrets').values(row).onConflict((oc) => oc.column('name').doNothing()).execute();
}

/** Villages citizens may pick: active cells that stand for a village, with their commune. */
export function publicVillages(db: Db) {
  return db
    .selectFrom('units as v')
    .innerJoin('units as p', 'p.id', 'v.parent_id')
    .select(['v.id', 'v.village_name', 'v.path', 'p.id as parent_id', 'p.name as parent_name', 'p.kind as parent_kind'])
    .where('v.kind', '=', 'cell')
    .where('v.village_name', 'is not', null)
    .where('v.archived_at', 'is', null)
    .orderBy('p.name')
    .orderBy('v.village_name')
    .execute();
}
