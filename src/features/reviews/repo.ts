import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import type { Database, ReviewDecisionTable, ReviewMeetingTable, ReviewPeriodTable, ReviewTable } from '../../db/schema.js';
import { inSubtree } from '../../db/dialect.js';

type Db = Kysely<Database>;

// --- periods -------------------------------------------------------------------------------------------

export type PeriodRow = ReviewPeriodTable & { unit_name: string; unit_path: string; rules_version: number };

function selectPeriods(db: Db) {
  return db
    .selectFrom('review_periods as p')
    .innerJoin('units as u', 'u.id', 'p.unit_id')
    .innerJoin('rule_set_versions as v', 'v.id', 'p.rules_version_id')
    .selectAll('p')
    .select(['u.name as unit_name', 'u.path as unit_path', 'v.version as rules_version']);
}

export function findPeriod(db: Db, id: string): Promise<PeriodRow | undefined> {
  return selectPeriods(db).where('p.id', '=', id).executeTakeFirst();
}

export function findPeriodByKey(db: Db, unitId: string, periodKey: string): Promise<{ id: string } | undefined> {
  return db.selectFrom('review_periods').select('id').where('unit_id', '=', unitId).where('period_key', '=', periodKey).executeTakeFirst();
}

/** Periods kept by any of the given units (a unit and its ancestors, or a subtree's), newest first. */
export function periodsOfUnits(db: Db, q: { unitIds?: readonly string[]; subtreePath?: string; year?: number }): Promise<PeriodRow[]> {
  let query = selectPeriods(db);
  if (q.unitIds) {
    if (q.unitIds.length === 0) return Promise.resolve([]);
    query = query.where('p.unit_id', 'in', [...q.unitIds]);
  }
  if (q.subtreePath) query = query.where(inSubtree('u.path', q.subtreePath));
  if (q.year !== undefined) query = query.where('p.year', '=', q.year);
  return query.orderBy('p.year', 'desc').orderBy('p.period_key', 'desc').execute();
}

export function insertPeriod(db: Db, row: ReviewPeriodTable) {
  return db.insertInto('review_periods').values(row).execute();
}

export function updatePeriod(db: Db, id: string, patch: Partial<ReviewPeriodTable>) {
  return db.updateTable('review_periods').set(patch).where('id', '=', id).execute();
}

/** Review counts per period: reviews, drafts, submitted, proposed, decided. */
export async function periodCounts(db: Db, periodIds: readonly string[]): Promise<Map<string, { reviews: number; drafts: number; submitted: number; proposed: number; decided: number }>> {
  if (periodIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('reviews as r')
    .select((eb) => [
      'r.period_id',
      eb.fn.countAll<number>().as('reviews'),
      eb.fn.sum<number>(eb.case().when('r.status', '=', 'draft').then(1).else(0).end()).as('drafts'),
      eb.fn.sum<number>(eb.case().when('r.status', '=', 'submitted').then(1).else(0).end()).as('submitted'),
      eb.fn.sum<number>(eb.case().when('r.proposed_level', 'is not', null).then(1).else(0).end()).as('proposed'),
      eb.fn
        .sum<number>(
          eb
            .case()
            .when(eb.exists(eb.selectFrom('review_decisions as d').select('d.id').whereRef('d.review_id', '=', 'r.id')))
            .then(1)
            .else(0)
            .end(),
        )
        .as('decided'),
    ])
    .where('r.period_id', 'in', [...periodIds])
    .groupBy('r.period_id')
    .execute();
  return new Map(rows.map((r) => [r.period_id, { reviews: Number(r.reviews), drafts: Number(r.drafts ?? 0), submitted: Number(r.submitted ?? 0), proposed: Number(r.proposed ?? 0), decided: Number(r.decided ?? 0) }]));
}

// --- reviews -------------------------------------------------------------------------------------------

/** A review as lists read it: everything but the evidence snapshot, which only one review's page reads. */
export type ReviewRow = Omit<ReviewTable, 'evidence_json'> & {
  member_name: string | null;
  member_status: string | null;
  unit_name: string;
  unit_path: string;
  /** The level in force (the newest decision), if decided. */
  decided_level: string | null;
};
export type FullReviewRow = ReviewRow & Pick<ReviewTable, 'evidence_json'>;

const listedColumns = [
  'r.id',
  'r.period_id',
  'r.unit_id',
  'r.subject_kind',
  'r.member_id',
  'r.subject_key',
  'r.form_code',
  'r.status',
  'r.strengths',
  'r.shortcomings',
  'r.causes',
  'r.previous_fixes',
  'r.remedies',
  'r.points_json',
  'r.self_level',
  'r.self_level_reason',
  'r.revision',
  'r.rule_basis_json',
  'r.submitted_at',
  'r.cell_comments',
  'r.vote_counts_json',
  'r.vote_denominator',
  'r.vote_level',
  'r.proposed_level',
  'r.proposal_note',
  'r.proposed_by_account_id',
  'r.proposed_at',
  'r.marked_triggers_json',
  'r.created_at',
  'r.updated_at',
] as const;

/** The level in force of the review `r` (its newest decision), as a column. */
const decidedLevel = (eb: ExpressionBuilder<Database & { r: ReviewTable }, 'r'>) =>
  eb.selectFrom('review_decisions as d').select('d.level_code').whereRef('d.review_id', '=', 'r.id').orderBy('d.version', 'desc').limit(1).as('decided_level');

function fromReviews(db: Db) {
  return db.selectFrom('reviews as r').innerJoin('units as u', 'u.id', 'r.unit_id').leftJoin('members as m', 'm.id', 'r.member_id');
}

function selectReviews(db: Db) {
  return fromReviews(db)
    .select(listedColumns)
    .select(['m.full_name as member_name', 'm.status as member_status', 'u.name as unit_name', 'u.path as unit_path'])
    .select(decidedLevel);
}

export function findReview(db: Db, id: string): Promise<FullReviewRow | undefined> {
  return selectReviews(db).select('r.evidence_json').where('r.id', '=', id).executeTakeFirst();
}

/** A period's reviews — of a subtree when given — cells by name, the collective first, members in name order. */
export function reviewsOfPeriod(db: Db, periodId: string, subtreePath?: string): Promise<ReviewRow[]> {
  let q = selectReviews(db).where('r.period_id', '=', periodId);
  if (subtreePath) q = q.where(inSubtree('u.path', subtreePath));
  return q
    .orderBy('u.name')
    .orderBy('r.unit_id')
    .orderBy(sql`case when r.subject_kind = 'collective' then 0 else 1 end`)
    .orderBy('m.sort_key')
    .orderBy('r.id')
    .execute();
}

/** Where each review of a period stands — no text: the boards count these over a whole organisation. */
export function reviewStatesOfPeriod(db: Db, periodId: string, subtreePath?: string) {
  let q = fromReviews(db)
    .select(['r.id', 'r.unit_id', 'r.subject_kind', 'r.status', 'r.proposed_level', 'u.name as unit_name', 'u.path as unit_path'])
    .select(decidedLevel)
    .where('r.period_id', '=', periodId);
  if (subtreePath) q = q.where(inSubtree('u.path', subtreePath));
  return q.orderBy('u.name').orderBy('r.unit_id').execute();
}

export function reviewsByIds(db: Db, ids: readonly string[]): Promise<ReviewRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return selectReviews(db).where('r.id', 'in', [...ids]).execute();
}

export function reviewsOfMember(db: Db, memberId: string): Promise<ReviewRow[]> {
  return selectReviews(db).where('r.member_id', '=', memberId).orderBy('r.created_at', 'desc').execute();
}

export function subjectKeysOfPeriod(db: Db, periodId: string): Promise<{ subject_key: string }[]> {
  return db.selectFrom('reviews').select('subject_key').where('period_id', '=', periodId).execute();
}

export async function insertReviews(db: Db, rows: readonly ReviewTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 100) await db.insertInto('reviews').values(rows.slice(i, i + 100)).execute();
}

/** Updates a review if its revision is still the one read; false when someone saved in between. */
export async function updateReviewAt(db: Db, id: string, patch: Partial<ReviewTable>, revision: number): Promise<boolean> {
  const r = await db.updateTable('reviews').set(patch).where('id', '=', id).where('revision', '=', revision).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export function updateReview(db: Db, id: string, patch: Partial<ReviewTable>) {
  return db.updateTable('reviews').set(patch).where('id', '=', id).execute();
}

// --- decisions -----------------------------------------------------------------------------------------

export type DecisionRow = ReviewDecisionTable & { decided_by_name: string | null };

/** The name an account goes by (who marked a trigger), or null. */
export async function accountDisplayName(db: Db, accountId: string | null): Promise<string | null> {
  if (!accountId) return null;
  const row = await db.selectFrom('accounts').select('display_name').where('id', '=', accountId).executeTakeFirst();
  return row?.display_name ?? null;
}

export function decisionsOfReview(db: Db, reviewId: string): Promise<DecisionRow[]> {
  return db
    .selectFrom('review_decisions as d')
    .leftJoin('accounts as a', 'a.id', 'd.decided_by_account_id')
    .selectAll('d')
    .select(['a.display_name as decided_by_name'])
    .where('d.review_id', '=', reviewId)
    .orderBy('d.version', 'desc')
    .execute();
}

/** The decisions in force of a period (the newest version of each review's), with the review's kind. */
export function decisionsInForce(db: Db, periodId: string): Promise<{ review_id: string; subject_kind: string; unit_id: string; level_code: string; version: number }[]> {
  return db
    .selectFrom('review_decisions as d')
    .innerJoin('reviews as r', 'r.id', 'd.review_id')
    .select(['d.review_id', 'r.subject_kind', 'r.unit_id', 'd.level_code', 'd.version'])
    .where('d.period_id', '=', periodId)
    .where((eb) => eb('d.version', '=', eb.selectFrom('review_decisions as d2').select((e) => e.fn.max('d2.version').as('v')).whereRef('d2.review_id', '=', 'd.review_id')))
    .execute();
}

/** The reasons given for going over the quota in a period, newest first. */
export function overQuotaReasons(db: Db, periodId: string) {
  return db
    .selectFrom('review_decisions as d')
    .leftJoin('accounts as a', 'a.id', 'd.decided_by_account_id')
    .select(['d.over_quota_reason as reason', 'd.decided_at', 'a.display_name as decided_by_name'])
    .distinct()
    .where('d.period_id', '=', periodId)
    .where('d.over_quota_reason', 'is not', null)
    .orderBy('d.decided_at', 'desc')
    .execute();
}

export async function latestVersions(db: Db, reviewIds: readonly string[]): Promise<Map<string, number>> {
  if (reviewIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('review_decisions')
    .select((eb) => ['review_id', eb.fn.max('version').as('v')])
    .where('review_id', 'in', [...reviewIds])
    .groupBy('review_id')
    .execute();
  return new Map(rows.map((r) => [r.review_id, Number(r.v)]));
}

export async function insertDecisions(db: Db, rows: readonly ReviewDecisionTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 100) await db.insertInto('review_decisions').values(rows.slice(i, i + 100)).execute();
}

// --- the cells' review meetings --------------------------------------------------------------------

export function reviewMeetingsOfPeriod(db: Db, periodId: string) {
  return db
    .selectFrom('review_meetings as rm')
    .innerJoin('meetings as mt', 'mt.id', 'rm.meeting_id')
    .select(['rm.id', 'rm.unit_id', 'rm.meeting_id', 'rm.ballot_status', 'mt.starts_at'])
    .where('rm.period_id', '=', periodId)
    .execute();
}

export type ReviewMeetingRow = ReviewMeetingTable & {
  unit_name: string;
  unit_path: string;
  meeting_topic: string | null;
  meeting_kind: string;
  meeting_starts_at: string;
  meeting_date: string;
  start_time: string;
  place: string;
  att_present: number;
  att_expected: number;
  chair_name: string | null;
  secretary_name: string | null;
};

/** A cell's review meeting with its cell and the meeting it was held at (topic, kind, start, place, chair, secretary, attendance). */
export function findReviewMeeting(db: Db, id: string): Promise<ReviewMeetingRow | undefined> {
  return db
    .selectFrom('review_meetings as rm')
    .innerJoin('units as u', 'u.id', 'rm.unit_id')
    .innerJoin('meetings as mt', 'mt.id', 'rm.meeting_id')
    .leftJoin('members as chair', 'chair.id', 'mt.chair_member_id')
    .leftJoin('members as sec', 'sec.id', 'mt.secretary_member_id')
    .selectAll('rm')
    .select([
      'u.name as unit_name',
      'u.path as unit_path',
      'mt.topic as meeting_topic',
      'mt.kind as meeting_kind',
      'mt.starts_at as meeting_starts_at',
      'mt.meeting_date',
      'mt.start_time',
      'mt.place',
      'mt.att_present',
      'mt.att_expected',
      'chair.full_name as chair_name',
      'sec.full_name as secretary_name',
    ])
    .where('rm.id', '=', id)
    .executeTakeFirst();
}

/** The review meetings of a cell whose secret ballot is open, with their period's title and their meeting. */
export function openBallotsOfUnit(db: Db, unitId: string) {
  return db
    .selectFrom('review_meetings as rm')
    .innerJoin('review_periods as p', 'p.id', 'rm.period_id')
    .innerJoin('meetings as mt', 'mt.id', 'rm.meeting_id')
    .select(['rm.id', 'rm.period_id', 'rm.meeting_id', 'p.title as period_title', 'mt.starts_at as meeting_starts_at'])
    .where('rm.unit_id', '=', unitId)
    .where('rm.vote_mode', '=', 'ballot')
    .where('rm.ballot_status', '=', 'open')
    .where('p.status', '=', 'open')
    .orderBy('mt.starts_at')
    .execute();
}

export function reviewMeetingOfCell(db: Db, periodId: string, unitId: string): Promise<{ id: string; vote_mode: string; ballot_status: string } | undefined> {
  return db.selectFrom('review_meetings').select(['id', 'vote_mode', 'ballot_status']).where('period_id', '=', periodId).where('unit_id', '=', unitId).executeTakeFirst();
}

export function insertReviewMeeting(db: Db, row: ReviewMeetingTable) {
  return db.insertInto('review_meetings').values(row).execute();
}

export function updateReviewMeeting(db: Db, id: string, patch: Partial<ReviewMeetingTable>) {
  return db.updateTable('review_meetings').set(patch).where('id', '=', id).execute();
}

// --- the secret ballot: who has voted, and counts that name no one ---------------------------------

/** Opens the counts: a row at 0 for each review and each choice ('' = blank), so a ballot only ever adds. */
export async function insertBallotCounts(db: Db, rows: readonly { review_id: string; unit_id: string; level_code: string }[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) await db.insertInto('review_ballot_counts').values(rows.slice(i, i + 200).map((r) => ({ ...r, count: 0 }))).execute();
}

/** The reviews a ballot covers: those given count rows when it opened. */
export async function ballotReviewIds(db: Db, reviewIds: readonly string[]): Promise<Set<string>> {
  if (reviewIds.length === 0) return new Set();
  const rows = await db.selectFrom('review_ballot_counts').select('review_id').distinct().where('review_id', 'in', [...reviewIds]).execute();
  return new Set(rows.map((r) => r.review_id));
}

export function ballotCounts(db: Db, reviewIds: readonly string[]): Promise<{ review_id: string; level_code: string; count: number }[]> {
  if (reviewIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('review_ballot_counts').select(['review_id', 'level_code', 'count']).where('review_id', 'in', [...reviewIds]).execute();
}

/**
 * Adds one sheet's choice for a review. Every row of the review is rewritten (+1 on the chosen,
 * +0 on the rest), so no row's storage (PostgreSQL's xmin, a page's change) marks the choice of the
 * last transaction that touched it.
 */
export function addBallotChoice(db: Db, reviewId: string, levelCode: string) {
  return db
    .updateTable('review_ballot_counts')
    .set((eb) => ({ count: eb('count', '+', eb.case().when('level_code', '=', levelCode).then(1).else(0).end()) }))
    .where('review_id', '=', reviewId)
    .execute();
}

export function insertBallotVoter(db: Db, row: { review_meeting_id: string; member_id: string; unit_id: string }) {
  return db.insertInto('review_ballot_voters').values(row).execute();
}

export async function hasVoted(db: Db, reviewMeetingId: string, memberId: string): Promise<boolean> {
  return (await db.selectFrom('review_ballot_voters').select('member_id').where('review_meeting_id', '=', reviewMeetingId).where('member_id', '=', memberId).executeTakeFirst()) !== undefined;
}

export async function voterCount(db: Db, reviewMeetingId: string): Promise<number> {
  const row = await db.selectFrom('review_ballot_voters').select((eb) => eb.fn.countAll<number>().as('n')).where('review_meeting_id', '=', reviewMeetingId).executeTakeFirst();
  return Number(row?.n ?? 0);
}
